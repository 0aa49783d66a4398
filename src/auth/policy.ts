/**
 * Who may do what: the one place where roles and scopes are decided. Resolvers and services call
 * `authorize` (role gate) and the scope checks below; nothing else compares roles.
 */
import { ForbiddenError, UnauthenticatedError } from '../domain/errors';
import type { CaseRecord, ReferralRecord } from '../store/port';
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

/** True when the viewer owns the case: same organisation, or a caseworker with the case's province. */
export function ownsCase(viewer: Viewer, record: CaseRecord): boolean {
  if (viewer.role === 'admin') return true;
  if (viewer.role !== 'caseworker') return false;
  if (viewer.organizationId && viewer.organizationId === record.organizationId) return true;
  return !viewer.organizationId && !!viewer.provinceCode && viewer.provinceCode === record.provinceCode;
}

/**
 * Facility staff see a referral that leaves or reaches their facility, and only while the consent that
 * shared it still holds (`consentHolds`; a referral inside one organisation needed none).
 */
export function atReferralEnd(viewer: Viewer, referral: ReferralRecord, consentHolds: boolean): boolean {
  return (
    viewer.role === 'facility_staff' &&
    !!viewer.facilityId &&
    (viewer.facilityId === referral.toFacilityId || viewer.facilityId === referral.fromFacilityId) &&
    consentHolds
  );
}

/**
 * Refers onward: staff may send a case on from their facility only as the follow-up of a referral that
 * was addressed to that facility and that they may still see.
 */
export function refersOnward(
  viewer: Viewer,
  fromFacilityId: string,
  parent: ReferralRecord | null,
  parentVisible: boolean,
): boolean {
  return (
    viewer.role === 'facility_staff' &&
    viewer.facilityId === fromFacilityId &&
    parent?.toFacilityId === fromFacilityId &&
    parentVisible
  );
}

export function assertAllowed(allowed: boolean, message: string): void {
  if (!allowed) throw new ForbiddenError(message);
}
