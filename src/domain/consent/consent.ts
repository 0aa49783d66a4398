/**
 * Purpose-bound consent to share a child's case with another organisation. A consent names one purpose
 * and the receivers it covers (organisations and/or whole sectors); it lapses when it expires or is withdrawn.
 */
import { UnreachableCaseError } from '../errors';
import type { Sector } from '../model';
// Shared with referrals so a date means the same Vietnam calendar day everywhere.
import { parseInstant, resolveDueDeadline } from '../referral/measure-elapsed';

export const CONSENT_PURPOSES = ['REFERRAL', 'CASE_MANAGEMENT', 'RESEARCH_AGGREGATE'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Who gave consent: a parent or guardian, or the child when 14 or older. */
export const CONSENT_GRANTORS = ['MOTHER', 'FATHER', 'GUARDIAN', 'CAREGIVER', 'CHILD_14_PLUS'] as const;
export type ConsentGrantor = (typeof CONSENT_GRANTORS)[number];

/** The receivers a consent covers: any listed organisation, or any organisation in a listed sector. */
export interface ConsentScope {
  organizationIds?: readonly string[];
  sectors?: readonly Sector[];
}

/** One consent record. Times are ISO 8601 with an offset; a date-only expiry lasts to the end of that day. */
export interface Consent {
  id: string;
  caseId: string;
  purpose: ConsentPurpose;
  scope: ConsentScope;
  grantedBy: ConsentGrantor;
  grantedAt: string;
  expiresAt?: string | null;
  withdrawnAt?: string | null;
}

/** Why no consent covers a share, from least to most specific. */
export const CONSENT_REFUSAL_REASONS = [
  'NONE',
  'WRONG_PURPOSE',
  'OUT_OF_SCOPE',
  'EXPIRED',
  'WITHDRAWN',
] as const;
export type ConsentRefusalReason = (typeof CONSENT_REFUSAL_REASONS)[number];

/** Purposes for which sharing inside the referring organisation is not sharing, so needs no consent. */
export const SAME_ORGANIZATION_PURPOSES: readonly ConsentPurpose[] = ['REFERRAL'];

/**
 * Whether sharing may go ahead and on what basis, or why not. Every variant has the same keys so a caller
 * can read `consent`, `reason` and `message` without narrowing; `consentId` names the consent that came closest.
 */
export type ConsentDecision =
  | { covered: true; basis: 'CONSENT'; consent: Consent; consentId: string; reason: null; message: string }
  | {
      covered: true;
      basis: 'SAME_ORGANIZATION';
      consent: null;
      consentId: null;
      reason: null;
      message: string;
    }
  | {
      covered: false;
      basis: null;
      consent: null;
      consentId: string | null;
      reason: ConsentRefusalReason;
      message: string;
    };

/** The consent that covers sharing the case with this receiver for this purpose at `at`, or why none does. */
export function findCoveringConsent(input: {
  consents: readonly Consent[];
  receiverOrganizationId: string | null;
  receiverSector: Sector;
  purpose: ConsentPurpose;
  at: string;
  senderOrganizationId?: string | null;
}): ConsentDecision {
  const { consents, receiverOrganizationId, purpose, senderOrganizationId } = input;
  const atMs = parseInstant(input.at, 'at');
  const isInternal = senderOrganizationId != null && senderOrganizationId === receiverOrganizationId;
  if (isInternal && SAME_ORGANIZATION_PURPOSES.includes(purpose)) {
    const message = `Sharing within organisation ${senderOrganizationId} for ${purpose} needs no consent`;
    return {
      covered: true,
      basis: 'SAME_ORGANIZATION',
      consent: null,
      consentId: null,
      reason: null,
      message,
    };
  }
  // A consent granted after `at` did not exist then; an audit replaying an old share must not count it.
  const judged = consents
    .map((consent) => ({
      consent,
      grantedMs: parseInstant(consent.grantedAt, `grantedAt of consent ${consent.id}`),
    }))
    .filter((j) => j.grantedMs <= atMs)
    .map((j) => ({ ...j, reason: judgeConsent({ ...input, consent: j.consent, atMs }) }))
    // Newest grant first: it is the one returned when several cover, and reported when none does.
    .sort((a, b) => b.grantedMs - a.grantedMs || a.consent.id.localeCompare(b.consent.id));
  const covering = judged.find((j) => j.reason === null);
  if (covering) {
    const { consent } = covering;
    const message = `Consent ${consent.id} (${consent.grantedBy}) covers sharing for ${purpose}`;
    return { covered: true, basis: 'CONSENT', consent, consentId: consent.id, reason: null, message };
  }
  let closest: (typeof judged)[number] | null = null;
  for (const j of judged) {
    if (!closest || specificity(j.reason) > specificity(closest.reason)) closest = j;
  }
  const reason = closest?.reason ?? 'NONE';
  const consent = closest?.consent ?? null;
  const message = explainRefusal({ ...input, reason, consent });
  return { covered: false, basis: null, consent: null, consentId: consent?.id ?? null, reason, message };
}

function specificity(reason: ConsentRefusalReason | null): number {
  return CONSENT_REFUSAL_REASONS.indexOf(reason ?? 'NONE');
}

/** Null when the consent covers the share, else the first check it fails. */
function judgeConsent(input: {
  consent: Consent;
  receiverOrganizationId: string | null;
  receiverSector: Sector;
  purpose: ConsentPurpose;
  atMs: number;
}): ConsentRefusalReason | null {
  const { consent: c, receiverOrganizationId, receiverSector, purpose, atMs } = input;
  if (c.purpose !== purpose) return 'WRONG_PURPOSE';
  const byOrganization =
    receiverOrganizationId !== null && (c.scope.organizationIds ?? []).includes(receiverOrganizationId);
  // An empty scope covers nobody: silence is not consent to share with everyone.
  if (!byOrganization && !(c.scope.sectors ?? []).includes(receiverSector)) return 'OUT_OF_SCOPE';
  const { withdrawnMs, expiresMs } = consentEnds(c);
  if (Math.min(withdrawnMs, expiresMs) > atMs) return null;
  // Whichever ended the consent first is the reason a caseworker acts on (renew vs respect a refusal).
  return withdrawnMs <= expiresMs ? 'WITHDRAWN' : 'EXPIRED';
}

/** When a consent was withdrawn and when it expires, as instants (Infinity when it has not). */
function consentEnds(c: Pick<Consent, 'id' | 'expiresAt' | 'withdrawnAt'>): {
  withdrawnMs: number;
  expiresMs: number;
} {
  const withdrawnMs = c.withdrawnAt
    ? parseInstant(c.withdrawnAt, `withdrawnAt of consent ${c.id}`)
    : Infinity;
  // A date-only expiry lasts to the end of that Vietnam calendar day, like a referral's due date.
  const expiresMs = c.expiresAt ? resolveDueDeadline(c.expiresAt, `expiresAt of consent ${c.id}`) : Infinity;
  return { withdrawnMs, expiresMs };
}

/**
 * The one definition of an active consent: neither withdrawn nor expired at `at`. Stored consents
 * (ConsentRecord) fit; instants are compared as instants, not as strings.
 */
export function isConsentActive(
  consent: Pick<Consent, 'id' | 'expiresAt' | 'withdrawnAt'>,
  at: string,
): boolean {
  const { withdrawnMs, expiresMs } = consentEnds(consent);
  return Math.min(withdrawnMs, expiresMs) > parseInstant(at, 'at');
}

function explainRefusal(input: {
  reason: ConsentRefusalReason;
  consent: Consent | null;
  purpose: ConsentPurpose;
  receiverOrganizationId: string | null;
  receiverSector: Sector;
}): string {
  const { reason, consent: c, purpose, receiverOrganizationId, receiverSector } = input;
  const receiver = receiverOrganizationId
    ? `organisation ${receiverOrganizationId} (${receiverSector})`
    : `a ${receiverSector} receiver`;
  if (reason === 'NONE' || !c) return `No consent on record allows sharing this case for ${purpose}`;
  switch (reason) {
    case 'WRONG_PURPOSE':
      return `Consent ${c.id} is for ${c.purpose}, not ${purpose}; ask the family for consent to ${purpose}`;
    case 'OUT_OF_SCOPE':
      return `Consent ${c.id} for ${purpose} does not cover ${receiver}; ask the family to extend it`;
    case 'EXPIRED':
      return `Consent ${c.id} for ${purpose} expired at ${c.expiresAt}; ask the family to renew it`;
    case 'WITHDRAWN':
      return `Consent ${c.id} for ${purpose} was withdrawn at ${c.withdrawnAt}; the case cannot be shared`;
    default:
      throw new UnreachableCaseError(reason);
  }
}
