import { BadInputError } from '../errors';
import { SECTORS, type Sector } from '../model';
import { CONSENT_GRANTORS, CONSENT_PURPOSES, type Consent } from './consent';

/** A consent as stored: flat scope lists and free strings (ConsentRecord in src/store/port.ts fits). */
export interface ConsentRow {
  id: string;
  caseId: string;
  purpose: string;
  scopeOrganizationIds: readonly string[];
  scopeSectors: readonly string[];
  grantedBy: string;
  grantedAt: string;
  expiresAt: string | null;
  withdrawnAt: string | null;
}

/** Reads a stored consent into the domain shape, refusing a purpose, sector or grantor outside the lists. */
export function readConsentRow(row: ConsentRow): Consent {
  const purpose = CONSENT_PURPOSES.find((p) => p === row.purpose);
  const grantedBy = CONSENT_GRANTORS.find((g) => g === row.grantedBy);
  const sectors = row.scopeSectors.map((s) => SECTORS.find((known) => known === s));
  if (!purpose) throw new BadInputError(`Consent ${row.id} has unknown purpose "${row.purpose}"`);
  if (!grantedBy) throw new BadInputError(`Consent ${row.id} has unknown grantor "${row.grantedBy}"`);
  if (sectors.includes(undefined)) {
    throw new BadInputError(`Consent ${row.id} has an unknown sector in ${row.scopeSectors.join(', ')}`);
  }
  return {
    id: row.id,
    caseId: row.caseId,
    purpose,
    scope: { organizationIds: [...row.scopeOrganizationIds], sectors: sectors as Sector[] },
    grantedBy,
    grantedAt: row.grantedAt,
    expiresAt: row.expiresAt,
    withdrawnAt: row.withdrawnAt,
  };
}
