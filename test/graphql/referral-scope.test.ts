/**
 * Referrals only from one's own side: the sending facility, the sending facility's staff after a
 * withdrawal, what a mutation answers then, and what a list's totalCount counts.
 */
import type { Viewer } from '../../src/auth/viewer';
import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

let t: TestApp;
let clock = Date.parse('2025-09-01T08:00:00.000Z');
const caseworker: Viewer = {
  subject: 'cw-1',
  role: 'caseworker',
  organizationId: 'org-22-health',
  provinceCode: '22',
  facilityId: null,
};
const staffAt = (facilityId: string): Viewer => ({
  subject: `staff-${facilityId}`,
  role: 'facility_staff',
  organizationId: null,
  provinceCode: '22',
  facilityId,
});

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date((clock += 60_000)).toISOString() });
  await seedTinyDirectory(t.app);
});
afterAll(() => t.close());

let cases = 0;
async function newCase(): Promise<string> {
  const r = await t.run(
    `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
    { input: { label: `SC-${++cases}`, birthMonth: '2023-03', sex: 'M', communeCode: '06652' } },
    caseworker,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.createCase.id;
}
async function grant(caseId: string, scopeSectors: string[]): Promise<string> {
  const r = await t.run(
    `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`,
    { input: { caseId, grantedBy: 'MOTHER', scopeSectors } },
    caseworker,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.grantConsent.id;
}
const refer = (caseId: string, fromFacilityId: string) =>
  t.run(
    `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id status } }`,
    {
      input: { caseId, fromFacilityId, toFacilityId: 'fac-b', serviceCode: 'SCR.ASD', reason: 'screening' },
    },
    caseworker,
  );
const withdraw = (consentId: string) =>
  t.run(`mutation($id: ID!) { withdrawConsent(consentId: $id) { id } }`, { id: consentId }, caseworker);

describe('the sending facility', () => {
  it('must belong to the caseworker’s organisation or to one the consent covers', async () => {
    const caseId = await newCase();
    await grant(caseId, ['HEALTH']);
    // fac-d is a preschool of no organisation of the caseworker's, and the consent covers health only.
    const refused = await refer(caseId, 'fac-d');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.data?.createReferral ?? null).toBeNull();
    expect((await refer(caseId, 'fac-a')).errors).toBeUndefined();
    await grant(caseId, ['EDUCATION']);
    expect((await refer(caseId, 'fac-d')).errors).toBeUndefined();
  });
});

describe('after consent is withdrawn', () => {
  it('the sending facility’s staff can neither read nor cancel the referral, and the answer carries nothing of it', async () => {
    const caseId = await newCase();
    const consentId = await grant(caseId, ['HEALTH', 'EDUCATION']);
    const created = await refer(caseId, 'fac-d');
    expect(created.errors).toBeUndefined();
    const id = created.data!.createReferral.id;
    const sender = staffAt('fac-d');
    const read = `query($id: ID!) { referral(id: $id) { id reason } }`;
    expect((await t.run(read, { id }, sender)).data?.referral.reason).toBe('screening');
    expect((await withdraw(consentId)).errors).toBeUndefined();
    expect((await t.run(read, { id }, sender)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const cancel = await t.run(
      `mutation($input: TransitionReferralInput!) { transitionReferral(input: $input) { id status reason } }`,
      { input: { referralId: id, action: 'CANCEL', note: 'no longer needed' } },
      sender,
    );
    expect(cancel.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(cancel.data?.transitionReferral ?? null).toBeNull();
    expect(JSON.stringify(cancel)).not.toContain('screening');
    const [stored] = await t.store.referralsById([id]);
    expect(stored?.status).toBe('REQUESTED');
  });
});

describe('totalCount', () => {
  it('counts only the referrals the caller can see', async () => {
    const receiver = staffAt('fac-b');
    const list = `{ referrals(first: 50) { totalCount nodes { id } } }`;
    const before = (await t.run(list, {}, receiver)).data!.referrals;
    const caseId = await newCase();
    const consentId = await grant(caseId, ['HEALTH']);
    expect((await refer(caseId, 'fac-a')).errors).toBeUndefined();
    const shown = (await t.run(list, {}, receiver)).data!.referrals;
    expect(shown.totalCount).toBe(before.totalCount + 1);
    await withdraw(consentId);
    const after = (await t.run(list, {}, receiver)).data!.referrals;
    expect(after.nodes).toHaveLength(before.nodes.length);
    expect(after.totalCount).toBe(after.nodes.length);
  });
});
