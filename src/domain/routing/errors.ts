/**
 * Errors the routing and coverage code throws for bad caller input. Both are DomainErrors with code
 * BAD_USER_INPUT, so graphql/errors.ts maps them like any other.
 */
import { DomainError } from '../errors';

/** Input that names a commune the travel graph does not know. */
export class UnknownCommuneError extends DomainError {
  constructor(
    readonly communeCode: string,
    role = 'commune',
  ) {
    super('BAD_USER_INPUT', `Unknown ${role} code: ${communeCode}`, { communeCode, role });
  }
}

/** Input that is structurally valid but out of range (negative minutes, a zero `first`, an empty age band…). */
export class InvalidRoutingInputError extends DomainError {
  constructor(message: string) {
    super('BAD_USER_INPUT', message);
  }
}
