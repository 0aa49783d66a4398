/**
 * Errors the routing and coverage code throws for bad caller input. The GraphQL layer maps `code` to
 * `extensions.code`; they extend plain `Error` until a shared DomainError base exists in src/domain.
 */

/** Input that names a commune the travel graph does not know. */
export class UnknownCommuneError extends Error {
  readonly code = 'BAD_USER_INPUT' as const;

  constructor(
    readonly communeCode: string,
    role = 'commune',
  ) {
    super(`Unknown ${role} code: ${communeCode}`);
    this.name = new.target.name;
  }
}

/** Input that is structurally valid but out of range (negative minutes, a zero `first`, an empty age band…). */
export class InvalidRoutingInputError extends Error {
  readonly code = 'BAD_USER_INPUT' as const;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
