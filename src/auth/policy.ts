/**
 * Who may do what, in one file: the role gate (`authorize`) and every scope question about a child's
 * case: who owns it, who sees a referral and why, who acts on it, who may send from which facility, and
 * which slice of the lists each role gets. Services load the records and ask here; nothing else
 * compares roles. Whether a consent is active is the domain's one definition (isConsentActive).
 */
import { findCoveringConsent, isConsentActive } from '../domain/consent/consent';
import { readConsentRow } from '../domain/consent/read-consent-row';
import { ForbiddenError, UnauthenticatedError } from '../domain/errors';
import { findActorSides } from '../domain/referral/find-actor-sides';
import type { ReferralSide } from '../domain/referral/referral-status';
import type {
  CaseRecord,
  CaseScope,
  ConsentRecord,
  FacilityRecord,
  ReferralFilter,
  ReferralRecord,
} from '../store/port';
import type { Role, Viewer } from './viewer';

export const OPERATIONS = {
  'directory.read': ['anonymous', 'caseworker', 'facility_staff', 'planner', 'integrator', 'admin'],
  'directory.write': ['admin'],
  'directory.import': ['admin', 'integrator'],
  'directory.export': ['admin', 'integrator', 'planner'],
  'routing.read': ['caseworker', 'facility_staff', 'planner', 'integrator', 'admin'],
  'coverage.read': ['planner', 'admin'],
  'case.read': ['caseworker', 'facility_staff', 'admin'],
  'case.write': ['caseworker'],
  'consent.write': ['caseworker'],
  'referral.create': ['caseworker', 'facility_staff'],
  'referral.respond': ['facility_staff', 'caseworker'],
  'referral.cancel': ['caseworker', 'facility_staff'],
  'audit.read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Operation = keyof typeof OPERATIONS;

/** Throws UNAUTHENTICATED for an anonymous caller, FORBIDDEN for a role without the operation. */
export function authorize(viewer: Viewer, operation: Operation): void {
  const allowed = OPERATIONS[operation] as readonly Role[];
  if (allowed.includes(viewer.role)) return;
  if (viewer.role === 'anonymous') throw new UnauthenticatedError(`Sign in to use ${operation}`);
  throw new ForbiddenError(`The ${viewer.role} role may not use ${operation}`);
}

export function assertAllowed(allowed: boolean, message: string): void {
  if (!allowed) throw new ForbiddenError(message);
}

/** True when the viewer owns the case: same organisation, or a caseworker with the case's province. */
export function ownsCase(viewer: Viewer, record: CaseRecord): boolean {
  if (viewer.role === 'admin') return true;
  if (viewer.role !== 'caseworker') return false;
  if (viewer.organizationId && viewer.organizationId === record.organizationId) return true;
  return !viewer.organizationId && !!viewer.provinceCode && viewer.provinceCode === record.provinceCode;
}

/** The consent that shared this referral still holds (or none was needed: same organisation). */
export function consentHolds(
  referral: ReferralRecord,
  consents: readonly ConsentRecord[],
  at: string,
): boolean {
  if (referral.consentId === null) return true;
  const consent = consents.find((c) => c.id === referral.consentId);
  return !!consent && isConsentActive(consent, at);
}

/** What the policy needs to know about one referral: the case behind it and the case's consents. */
export interface ReferralFacts {
  viewer: Viewer;
  referral: ReferralRecord;
  record: CaseRecord;
  consents: readonly ConsentRecord[];
  at: string;
}

/**
 * The case owner sees every referral of the case; facility staff see one that leaves or reaches their
 * facility, and only while the consent that shared it holds.
 */
export function maySeeReferral({ viewer, referral, record, consents, at }: ReferralFacts): boolean {
  if (ownsCase(viewer, record)) return true;
  return (
    viewer.role === 'facility_staff' &&
    !!viewer.facilityId &&
    (viewer.facilityId === referral.toFacilityId || viewer.facilityId === referral.fromFacilityId) &&
    consentHolds(referral, consents, at)
  );
}

/** Owners see their cases; facility staff only through a referral they may see. */
export function maySeeCase(input: {
  viewer: Viewer;
  record: CaseRecord;
  referrals: readonly ReferralRecord[];
  consents: readonly ConsentRecord[];
  at: string;
}): boolean {
  const { viewer, record, referrals, consents, at } = input;
  if (ownsCase(viewer, record)) return true;
  return referrals.some((referral) => maySeeReferral({ viewer, referral, record, consents, at }));
}

/** Only the organisation that owns a case reads its consents. */
export const maySeeConsents = ownsCase;

/**
 * The sides the viewer acts for: the case owner is the referrer; facility staff act for the end at
 * their facility, and only while the referral's consent holds (the same rule as seeing it). An
 * organisation claim alone never makes anyone a side of someone else's case.
 */
export function actingSides(facts: ReferralFacts): ReferralSide[] {
  const { viewer, referral, record } = facts;
  if (ownsCase(viewer, record)) return ['REFERRER'];
  if (viewer.role !== 'facility_staff' || !maySeeReferral(facts)) return [];
  return findActorSides({ referral, facilityId: viewer.facilityId });
}

/**
 * Who may send a referral from `from`: the case owner, from a facility of their own organisation (the
 * case's, for a province-scoped caseworker) or of one the case's consent covers; facility staff only
 * from their facility, following a referral addressed to it that they may still see.
 */
export function maySendFrom(input: {
  viewer: Viewer;
  record: CaseRecord;
  from: FacilityRecord;
  parent: ReferralRecord | null;
  consents: readonly ConsentRecord[];
  at: string;
}): boolean {
  const { viewer, record, from, parent, consents, at } = input;
  if (ownsCase(viewer, record)) {
    const ownOrganization = viewer.organizationId ?? record.organizationId;
    if (from.organizationId !== null && from.organizationId === ownOrganization) return true;
    return findCoveringConsent({
      consents: consents.map(readConsentRow),
      receiverOrganizationId: from.organizationId,
      receiverSector: from.sector,
      purpose: 'REFERRAL',
      at,
    }).covered;
  }
  return (
    viewer.role === 'facility_staff' &&
    viewer.facilityId === from.id &&
    parent?.toFacilityId === from.id &&
    maySeeReferral({ viewer, referral: parent, record, consents, at })
  );
}

/** The slice of referrals a viewer may list; facility staff's slice is then filtered by consent. */
export function referralListScope(viewer: Viewer, where: ReferralFilter): ReferralFilter {
  const status = where.status ?? null;
  const toFacilityId = where.toFacilityId ?? null;
  if (viewer.role === 'admin') return { toFacilityId, status };
  if (viewer.role === 'facility_staff' && viewer.facilityId)
    return { toFacilityId: viewer.facilityId, status };
  if (viewer.role === 'caseworker' && viewer.organizationId)
    return { caseOrganizationId: viewer.organizationId, toFacilityId, status };
  if (viewer.role === 'caseworker' && viewer.provinceCode)
    return { caseProvinceCode: viewer.provinceCode, toFacilityId, status };
  throw new ForbiddenError('Listing referrals needs an organisation, province or facility in the token');
}

/** True when every referral in the viewer's list scope is one they may see (no consent filter needed). */
export function listScopeIsOwned(viewer: Viewer): boolean {
  return viewer.role === 'admin' || viewer.role === 'caseworker';
}

/** The cases a viewer may list: an admin all, a caseworker their organisation's (or province's). */
export function caseListScope(viewer: Viewer): CaseScope {
  if (viewer.role === 'admin') return {};
  if (viewer.role === 'caseworker' && viewer.organizationId) return { organizationId: viewer.organizationId };
  if (viewer.role === 'caseworker' && viewer.provinceCode) return { provinceCode: viewer.provinceCode };
  throw new ForbiddenError('Listing cases needs a caseworker token with an organisation or province');
}
