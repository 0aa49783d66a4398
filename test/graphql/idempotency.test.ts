/**
 * Double submits (#12): createCase and createReferral with an idempotencyKey. A retry returns the first
 * record, a reused key with another input is CONFLICT, and keys belong to the caller who chose them.
 * Runs on both stores (the neo4j project includes test/graphql).
 */
import type { Viewer } from '../../src/auth/viewer';
import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

let t: TestApp;
let clock = Date.parse('2025-09-01T08:00:00.000Z');
const caseworker: Viewer = {
  subject: 'cw-idem-1',
  role: 'caseworker',
  organizationId: 'org-22-health',
  provinceCode: '22',
  facilityId: null,
};
const colleague: Viewer = { ...caseworker, subject: 'cw-idem-2' };

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date((clock += 60_000)).toISOString() });
  await seedTinyDirectory(t.app);
});
afterAll(() => t.close());

const CREATE_CASE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id label } }`;
const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`;
const REFER = `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id status reason } }`;
const REFERRALS_OF_CASE = `query($id: ID!) { case(id: $id) { referrals { id } } }`;

const caseInput = (label: string, idempotencyKey?: string) => ({
  label,
  birthMonth: '2023-03',
  sex: 'F',
  communeCode: '06652',
  needs: ['SCR.ASD'],
  ...(idempotencyKey ? { idempotencyKey } : {}),
});

const countNodes = (label: string) => t.store.countNodes(label);

async function newSharedCase(label: string): Promise<string> {
  const created = await t.run(CREATE_CASE, { input: caseInput(label) }, caseworker);
  expect(created.errors).toBeUndefined();
  const caseId = created.data!.createCase.id as string;
  const granted = await t.run(
    GRANT,
    { input: { caseId, grantedBy: 'MOTHER', scopeSectors: ['HEALTH'] } },
    caseworker,
  );
  expect(granted.errors).toBeUndefined();
  return caseId;
}

const referral = (caseId: string, idempotencyKey: string, reason = 'Teacher noticed signs at 30 months') => ({
  caseId,
  fromFacilityId: 'fac-a',
  toFacilityId: 'fac-b',
  serviceCode: 'SCR.ASD',
  reason,
  idempotencyKey,
});

describe('createCase with an idempotencyKey', () => {
  it('returns the first case on a retry and stores one', async () => {
    const before = await countNodes('Case');
    const first = await t.run(CREATE_CASE, { input: caseInput('IDEM-1', 'key-case-1') }, caseworker);
    const retry = await t.run(CREATE_CASE, { input: caseInput('IDEM-1', 'key-case-1') }, caseworker);
    expect(first.errors).toBeUndefined();
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.createCase).toEqual(first.data!.createCase);
    expect(await countNodes('Case')).toBe(before + 1);
  });

  it('without a key the same submission is a duplicate label, as before', async () => {
    await t.run(CREATE_CASE, { input: caseInput('IDEM-2') }, caseworker);
    const again = await t.run(CREATE_CASE, { input: caseInput('IDEM-2') }, caseworker);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('refuses the same key with a different input (CONFLICT) and writes nothing', async () => {
    await t.run(CREATE_CASE, { input: caseInput('IDEM-3', 'key-case-3') }, caseworker);
    const before = await countNodes('Case');
    const other = await t.run(CREATE_CASE, { input: caseInput('IDEM-3b', 'key-case-3') }, caseworker);
    expect(other.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(other.errors?.[0]?.message).toContain('idempotencyKey');
    expect(await countNodes('Case')).toBe(before);
  });

  it('keeps keys per caller: a colleague choosing the same key gets a case of their own', async () => {
    const mine = await t.run(CREATE_CASE, { input: caseInput('IDEM-4', 'shared-key') }, caseworker);
    const theirs = await t.run(CREATE_CASE, { input: caseInput('IDEM-5', 'shared-key') }, colleague);
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data!.createCase.id).not.toBe(mine.data!.createCase.id);
  });

  it('leaves one case when two submissions of one key arrive together', async () => {
    const before = await countNodes('Case');
    const both = await Promise.all([
      t.run(CREATE_CASE, { input: caseInput('IDEM-6', 'key-case-6') }, caseworker),
      t.run(CREATE_CASE, { input: caseInput('IDEM-6', 'key-case-6') }, caseworker),
    ]);
    expect(both.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(both[1]!.data!.createCase.id).toBe(both[0]!.data!.createCase.id);
    expect(await countNodes('Case')).toBe(before + 1);
  });

  it('refuses a malformed key before writing', async () => {
    for (const key of ['', 'has space', 'x'.repeat(129), 'khóa']) {
      const r = await t.run(
        CREATE_CASE,
        { input: { ...caseInput('IDEM-7'), idempotencyKey: key } },
        caseworker,
      );
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('does not let a key replay a case its caller may no longer see', async () => {
    const mine = await t.run(CREATE_CASE, { input: caseInput('IDEM-8', 'key-case-8') }, caseworker);
    expect(mine.errors).toBeUndefined();
    // Same subject, moved to another organisation: the first case is not theirs any more.
    const moved: Viewer = { ...caseworker, organizationId: 'org-24-social', provinceCode: '24' };
    const replay = await t.run(CREATE_CASE, { input: caseInput('IDEM-8', 'key-case-8') }, moved);
    expect(replay.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(replay.data).toBeNull();
  });
});

describe('createReferral with an idempotencyKey', () => {
  it('returns the first referral on a retry and records one referral, one event and one audit', async () => {
    const caseId = await newSharedCase('IDEM-R1');
    const [events, audits] = [await countNodes('ReferralEvent'), await countNodes('AuditEvent')];
    const first = await t.run(REFER, { input: referral(caseId, 'key-ref-1') }, caseworker);
    expect(first.errors).toBeUndefined();
    const retry = await t.run(REFER, { input: referral(caseId, 'key-ref-1') }, caseworker);
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.createReferral).toEqual(first.data!.createReferral);
    const listed = await t.run(REFERRALS_OF_CASE, { id: caseId }, caseworker);
    expect(listed.data!.case.referrals).toEqual([{ id: first.data!.createReferral.id }]);
    expect(await countNodes('ReferralEvent')).toBe(events + 1);
    // The create's audit record, and the replay is audited as a read of the referral.
    expect(await countNodes('AuditEvent')).toBeGreaterThanOrEqual(audits + 2);
  });

  it('refuses the same key with another reason (CONFLICT)', async () => {
    const caseId = await newSharedCase('IDEM-R2');
    await t.run(REFER, { input: referral(caseId, 'key-ref-2') }, caseworker);
    const other = await t.run(
      REFER,
      { input: referral(caseId, 'key-ref-2', 'A different reason') },
      caseworker,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const listed = await t.run(REFERRALS_OF_CASE, { id: caseId }, caseworker);
    expect(listed.data!.case.referrals).toHaveLength(1);
  });

  it('leaves one referral when two submissions of one key arrive together', async () => {
    const caseId = await newSharedCase('IDEM-R3');
    const both = await Promise.all([
      t.run(REFER, { input: referral(caseId, 'key-ref-3') }, caseworker),
      t.run(REFER, { input: referral(caseId, 'key-ref-3') }, caseworker),
    ]);
    expect(both.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(both[1]!.data!.createReferral.id).toBe(both[0]!.data!.createReferral.id);
    const listed = await t.run(REFERRALS_OF_CASE, { id: caseId }, caseworker);
    expect(listed.data!.case.referrals).toHaveLength(1);
  });

  it('does not store the key of a refused submission: fixing the input with the same key succeeds', async () => {
    const caseId = await newSharedCase('IDEM-R4');
    const refused = await t.run(
      REFER,
      { input: { ...referral(caseId, 'key-ref-4'), reason: 'x' } },
      caseworker,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fixed = await t.run(REFER, { input: referral(caseId, 'key-ref-4') }, caseworker);
    expect(fixed.errors).toBeUndefined();
  });
});
