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
 * Receiving staff see a case only through a referral addressed to their facility that is backed
 * by a consent that is still valid (the caller passes `consentValid`).
 */
export function receivesReferral(viewer: Viewer, referral: ReferralRecord, consentValid: boolean): boolean {
  return (
    viewer.role === 'facility_staff' &&
    !!viewer.facilityId &&
    viewer.facilityId === referral.toFacilityId &&
    consentValid
  );
}

/** Sends a referral: a caseworker who owns the case, or staff of the sending facility (onward referral). */
export function sendsFrom(viewer: Viewer, record: CaseRecord, fromFacilityId: string): boolean {
  if (ownsCase(viewer, record)) return true;
  return viewer.role === 'facility_staff' && viewer.facilityId === fromFacilityId;
}

export function assertAllowed(allowed: boolean, message: string): void {
  if (!allowed) throw new ForbiddenError(message);
}
