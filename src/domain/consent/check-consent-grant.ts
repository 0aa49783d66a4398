/** What a family's consent may say: a known purpose and grantor, a bounded scope, an expiry in the future. */
import { BadInputError } from '../errors';
import { LIMITS, RECORD_ID } from '../input-limits';
import { SECTORS, type Sector } from '../model';
import { CONSENT_GRANTORS, CONSENT_PURPOSES } from './consent';

export interface ConsentGrantInput {
  purpose?: string | null;
  scopeOrganizationIds?: readonly string[] | null;
  scopeSectors?: readonly Sector[] | null;
  grantedBy: string;
  expiresAt?: string | null;
}

/** The consent's fields as stored (defaults applied), or BAD_USER_INPUT naming the first problem. */
export function checkConsentGrant(
  input: ConsentGrantInput,
  at: string,
): {
  purpose: string;
  scopeOrganizationIds: string[];
  scopeSectors: Sector[];
  grantedBy: string;
  expiresAt: string | null;
} {
  const purpose = input.purpose ?? 'REFERRAL';
  if (!(CONSENT_PURPOSES as readonly string[]).includes(purpose))
    throw new BadInputError(`purpose must be one of ${CONSENT_PURPOSES.join(', ')}`);
  if (!(CONSENT_GRANTORS as readonly string[]).includes(input.grantedBy))
    throw new BadInputError(`grantedBy must be one of ${CONSENT_GRANTORS.join(', ')}`);
  const organizations = [...(input.scopeOrganizationIds ?? [])];
  if (
    organizations.length > LIMITS.consentOrganizations ||
    !organizations.every((id) => RECORD_ID.test(id))
  ) {
    throw new BadInputError(
      `scopeOrganizationIds takes at most ${LIMITS.consentOrganizations} organisation ids of up to 64 characters`,
    );
  }
  const sectors = [...(input.scopeSectors ?? [])];
  if (!sectors.every((s) => (SECTORS as readonly string[]).includes(s)))
    throw new BadInputError('scopeSectors must be sectors');
  if (input.expiresAt && input.expiresAt <= at) throw new BadInputError('expiresAt must be in the future');
  return {
    purpose,
    scopeOrganizationIds: organizations,
    scopeSectors: sectors,
    grantedBy: input.grantedBy,
    expiresAt: input.expiresAt ?? null,
  };
}
