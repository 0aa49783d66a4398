import { actingSides, authorize, maySeeReferral, maySendFrom, ownsCase } from '../../src/auth/policy';
import { ANONYMOUS, type Viewer } from '../../src/auth/viewer';
import type { CaseRecord, ConsentRecord, FacilityRecord, ReferralRecord } from '../../src/store/port';

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

  const consent = (withdrawnAt: string | null, expiresAt: string | null = null): ConsentRecord => ({
    id: 'consent-1',
    caseId: 'case-1',
    purpose: 'REFERRAL',
    scopeOrganizationIds: [],
    scopeSectors: ['EDUCATION'],
    grantedBy: 'MOTHER',
    grantedAt: '2025-01-01T00:00:00Z',
    expiresAt,
    withdrawnAt,
  });
  const shared = { ...referral, consentId: 'consent-1' } as ReferralRecord;
  const at = '2025-06-01T00:00:00Z';
  const facts = (v: Viewer, consents: ConsentRecord[]) => ({
    viewer: v,
    referral: shared,
    record,
    consents,
    at,
  });

  it('lets staff at either end see a referral only while its consent holds', () => {
    const staff = viewer({ role: 'facility_staff', facilityId: 'fac-b' });
    expect(maySeeReferral(facts(staff, [consent(null)]))).toBe(true);
    expect(maySeeReferral(facts(staff, [consent('2025-05-01T00:00:00Z')]))).toBe(false);
    const sender = viewer({ role: 'facility_staff', facilityId: 'fac-a' });
    expect(maySeeReferral(facts(sender, [consent(null)]))).toBe(true);
    expect(maySeeReferral(facts(sender, [consent('2025-05-01T00:00:00Z')]))).toBe(false);
    expect(
      maySeeReferral(facts(viewer({ role: 'facility_staff', facilityId: 'fac-c' }), [consent(null)])),
    ).toBe(false);
    expect(maySeeReferral(facts(viewer({ role: 'caseworker', facilityId: 'fac-b' }), [consent(null)]))).toBe(
      false,
    );
  });

  it('lets staff at the sending facility act only while the consent holds', () => {
    const sender = viewer({ role: 'facility_staff', facilityId: 'fac-a' });
    expect(actingSides(facts(sender, [consent(null)]))).toEqual(['REFERRER']);
    expect(actingSides(facts(sender, [consent('2025-05-01T00:00:00Z')]))).toEqual([]);
  });

  it('reads a date-only expiry as the end of that Vietnam day, like the domain', () => {
    const staff = viewer({ role: 'facility_staff', facilityId: 'fac-b' });
    const lastDay = { ...facts(staff, [consent(null, '2025-06-01')]), at: '2025-06-01T16:59:00Z' };
    expect(maySeeReferral(lastDay)).toBe(true);
    expect(maySeeReferral({ ...lastDay, at: '2025-06-01T17:00:00Z' })).toBe(false);
  });

  it('lets a caseworker send only from their organisation or a facility the consent covers', () => {
    const owner = viewer({ role: 'caseworker', organizationId: 'org-a' });
    const from = (organizationId: string | null, sector = 'HEALTH') =>
      ({ id: 'fac-x', organizationId, sector }) as FacilityRecord;
    const send = (f: FacilityRecord, consents: ConsentRecord[] = []) =>
      maySendFrom({ viewer: owner, record, from: f, parent: null, consents, at });
    expect(send(from('org-a'))).toBe(true);
    expect(send(from('org-z'))).toBe(false);
    expect(send(from('org-z', 'EDUCATION'), [consent(null)])).toBe(true);
    expect(send(from('org-z', 'EDUCATION'), [consent('2025-05-01T00:00:00Z')])).toBe(false);
  });

  it('lets staff refer onward only from a facility a visible referral reached', () => {
    const staff = viewer({ role: 'facility_staff', facilityId: 'fac-b' });
    const fromB = { id: 'fac-b', organizationId: 'org-b', sector: 'HEALTH' } as FacilityRecord;
    const onward = (v: Viewer, parent: ReferralRecord | null, consents: ConsentRecord[]) =>
      maySendFrom({ viewer: v, record, from: fromB, parent, consents, at });
    expect(onward(staff, shared, [consent(null)])).toBe(true);
    expect(onward(staff, shared, [consent('2025-05-01T00:00:00Z')])).toBe(false);
    expect(onward(staff, null, [consent(null)])).toBe(false);
    expect(onward(viewer({ role: 'facility_staff', facilityId: 'fac-c' }), shared, [consent(null)])).toBe(
      false,
    );
  });
});
