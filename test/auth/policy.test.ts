import { atReferralEnd, authorize, ownsCase, refersOnward } from '../../src/auth/policy';
import { ANONYMOUS, type Viewer } from '../../src/auth/viewer';
import type { CaseRecord, ReferralRecord } from '../../src/store/port';

const viewer = (partial: Partial<Viewer>): Viewer => ({ ...ANONYMOUS, subject: 'x', ...partial });
const record = { id: 'case-1', organizationId: 'org-a', provinceCode: '15' } as CaseRecord;
const referral = { toFacilityId: 'fac-b', fromFacilityId: 'fac-a' } as ReferralRecord;

describe('authorize', () => {
  it('lets anonymous callers read the directory only', () => {
    expect(() => authorize(ANONYMOUS, 'directory.read')).not.toThrow();
    expect(() => authorize(ANONYMOUS, 'routing.read')).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });

  it('keeps planners to aggregates', () => {
    const planner = viewer({ role: 'planner' });
    expect(() => authorize(planner, 'coverage.read')).not.toThrow();
    expect(() => authorize(planner, 'case.read')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: 'The planner role may not use case.read' }),
    );
  });
});

describe('case scopes', () => {
  it('gives a case to its organisation’s caseworkers and to admins', () => {
    expect(ownsCase(viewer({ role: 'caseworker', organizationId: 'org-a' }), record)).toBe(true);
    expect(
      ownsCase(viewer({ role: 'caseworker', organizationId: 'org-b', provinceCode: '15' }), record),
    ).toBe(false);
    expect(ownsCase(viewer({ role: 'caseworker', provinceCode: '15' }), record)).toBe(true);
    expect(ownsCase(viewer({ role: 'admin' }), record)).toBe(true);
    expect(ownsCase(viewer({ role: 'facility_staff', organizationId: 'org-a' }), record)).toBe(false);
  });

  it('lets staff at either end see a referral only while its consent holds', () => {
    const staff = viewer({ role: 'facility_staff', facilityId: 'fac-b' });
    expect(atReferralEnd(staff, referral, true)).toBe(true);
    expect(atReferralEnd(staff, referral, false)).toBe(false);
    expect(atReferralEnd(viewer({ role: 'facility_staff', facilityId: 'fac-a' }), referral, true)).toBe(true);
    expect(atReferralEnd(viewer({ role: 'facility_staff', facilityId: 'fac-c' }), referral, true)).toBe(
      false,
    );
    expect(atReferralEnd(viewer({ role: 'caseworker', facilityId: 'fac-b' }), referral, true)).toBe(false);
  });

  it('lets staff refer onward only from a facility a visible referral reached', () => {
    const staff = viewer({ role: 'facility_staff', facilityId: 'fac-b' });
    expect(refersOnward(staff, 'fac-b', referral, true)).toBe(true);
    expect(refersOnward(staff, 'fac-b', referral, false)).toBe(false);
    expect(refersOnward(staff, 'fac-b', null, true)).toBe(false);
    expect(
      refersOnward(viewer({ role: 'facility_staff', facilityId: 'fac-c' }), 'fac-c', referral, true),
    ).toBe(false);
  });
});
