/**
 * Errors the referral code throws. They extend the shared DomainError so graphql/errors.ts copies `code`
 * to `extensions.code` with no referral-specific mapping. A rejected referral is data, not one of these.
 */
import { BadInputError, DomainError } from '../errors';
import type { ReferralStatus } from '../model';

/** An action the status machine refuses in the referral's current state or for this actor. */
export class InvalidTransitionError extends DomainError {
  declare readonly code: 'INVALID_TRANSITION';

  constructor(
    message: string,
    readonly status: ReferralStatus,
    readonly action: string,
  ) {
    super('INVALID_TRANSITION', message, { status, action });
  }
}

/** Input the referral code cannot work with: a missing reject reason, an unparseable date, a duplicate id. */
export class InvalidReferralInputError extends BadInputError {
  declare readonly code: 'BAD_USER_INPUT';
}
