/**
 * Closing the loop over GraphQL: the receiving facility's inbox (buckets, counts, consent), the sender's
 * outcome (latest event, feedback note, unread until opened, audited), labels and messages by locale.
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
const staff: Viewer = {
  subject: 'staff-b',
  role: 'facility_staff',
  organizationId: null,
  provinceCode: '22',
  facilityId: 'fac-b',
};
const otherStaff: Viewer = { ...staff, subject: 'staff-c', facilityId: 'fac-c' };

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date((clock += 60_000)).toISOString() });
  await seedTinyDirectory(t.app);
});
afterAll(() => t.close());

const INBOX = `query($where: InboxFilter) { referralInbox(where: $where, first: 10) {
  totalCount counts { new dueSoon overdue inProgress }
  nodes { bucket bucketLabel dueInDays referral { id status statusLabel case { label ageMonths needs } fromFacility { name } } }
} }`;
const OUTCOME = `query($id: ID!) { referral(id: $id) {
  status statusLabel feedbackNote outcomeUnread
  latestEvent { action actionLabel side by note actorFacility { id } }
} }`;
const MOVE = `mutation($input: TransitionReferralInput!) { transitionReferral(input: $input) { status } }`;
const SEEN = `mutation($id: ID!) { markReferralSeen(referralId: $id) { id } }`;

let labels = 0;
async function referToB(dueDate: string | null): Promise<{ caseId: string; referralId: string }> {
  const created = await t.run(
    `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
    {
      input: {
        label: `IN-${++labels}`,
        birthMonth: '2023-03',
        sex: 'F',
        communeCode: '06652',
        needs: ['SCR.ASD'],
      },
    },
    caseworker,
  );
  const caseId = created.data!.createCase.id as string;
  await t.run(
    `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`,
    { input: { caseId, grantedBy: 'MOTHER', scopeSectors: ['HEALTH'] } },
    caseworker,
  );
  const referred = await t.run(
    `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }`,
    {
      input: {
        caseId,
        fromFacilityId: 'fac-a',
        toFacilityId: 'fac-b',
        serviceCode: 'SCR.ASD',
        reason: 'Teacher noticed signs',
        dueDate,
      },
    },
    caseworker,
  );
  expect(referred.errors).toBeUndefined();
  return { caseId, referralId: referred.data!.createReferral.id as string };
}

describe('referralInbox', () => {
  it('lists referrals to the staff facility by bucket with the case summary, and only theirs', async () => {
    const soon = await referToB('2025-09-02');
    const later = await referToB('2025-12-01');
    const r = await t.run(INBOX, {}, staff);
    expect(r.errors).toBeUndefined();
    const inbox = r.data!.referralInbox;
    const byId = new Map(inbox.nodes.map((n: any) => [n.referral.id, n]));
    expect(byId.get(soon.referralId)).toMatchObject({ bucket: 'DUE_SOON', dueInDays: 1 });
    expect(byId.get(later.referralId)).toMatchObject({
      bucket: 'NEW',
      referral: {
        status: 'REQUESTED',
        case: { label: expect.stringMatching(/^IN-/), ageMonths: 30, needs: ['SCR.ASD'] },
      },
    });
    // Most urgent first.
    expect(inbox.nodes[0].bucket).toBe('DUE_SOON');
    expect(inbox.counts.new).toBeGreaterThanOrEqual(1);
    expect(inbox.counts.dueSoon).toBeGreaterThanOrEqual(1);
    expect((await t.run(INBOX, {}, otherStaff)).data!.referralInbox.nodes).toEqual([]);
    const onlyNew = (await t.run(INBOX, { where: { bucket: 'NEW' } }, staff)).data!.referralInbox;
    expect(onlyNew.nodes.every((n: any) => n.bucket === 'NEW')).toBe(true);
  });

  it('refuses a caseworker and drops a referral whose consent was withdrawn', async () => {
    const denied = await t.run(INBOX, {}, caseworker);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { caseId, referralId } = await referToB(null);
    const consents = await t.run(
      `query($id: ID!) { case(id: $id) { consents { id } } }`,
      { id: caseId },
      caseworker,
    );
    await t.run(
      `mutation($id: ID!) { withdrawConsent(consentId: $id) { id } }`,
      { id: consents.data!.case.consents[0].id },
      caseworker,
    );
    const ids = (await t.run(INBOX, {}, staff)).data!.referralInbox.nodes.map((n: any) => n.referral.id);
    expect(ids).not.toContain(referralId);
  });

  it('moves a referral to IN_PROGRESS once accepted and out of the inbox once completed', async () => {
    const { referralId } = await referToB(null);
    await t.run(MOVE, { input: { referralId, action: 'ACCEPT' } }, staff);
    const bucketOf = async () =>
      (await t.run(INBOX, {}, staff)).data!.referralInbox.nodes.find((n: any) => n.referral.id === referralId)
        ?.bucket;
    expect(await bucketOf()).toBe('IN_PROGRESS');
    await t.run(MOVE, { input: { referralId, action: 'START' } }, staff);
    await t.run(
      MOVE,
      { input: { referralId, action: 'COMPLETE', note: 'Screened; refer for diagnosis' } },
      staff,
    );
    expect(await bucketOf()).toBeUndefined();
  });
});

describe('the outcome for the sender', () => {
  it('shows who acted and the note, unread until the caseworker opens it, with the opening audited', async () => {
    const { caseId, referralId } = await referToB(null);
    const before = (await t.run(OUTCOME, { id: referralId }, caseworker)).data!.referral;
    expect(before).toMatchObject({
      outcomeUnread: false,
      latestEvent: { action: 'REQUEST', side: 'REFERRER' },
    });
    await t.run(MOVE, { input: { referralId, action: 'ACCEPT' } }, staff);
    await t.run(MOVE, { input: { referralId, action: 'START' } }, staff);
    await t.run(
      MOVE,
      { input: { referralId, action: 'COMPLETE', note: 'M-CHAT positive; diagnosis next' } },
      staff,
    );
    const after = (await t.run(OUTCOME, { id: referralId }, caseworker)).data!.referral;
    expect(after).toMatchObject({
      status: 'COMPLETED',
      statusLabel: 'Completed',
      feedbackNote: 'M-CHAT positive; diagnosis next',
      outcomeUnread: true,
      latestEvent: { action: 'COMPLETE', side: 'RECEIVER', by: 'staff-b', actorFacility: { id: 'fac-b' } },
    });
    // The receiver never sees its own action as unread.
    expect((await t.run(OUTCOME, { id: referralId }, staff)).data!.referral.outcomeUnread).toBe(false);
    expect((await t.run(SEEN, { id: referralId }, caseworker)).errors).toBeUndefined();
    expect((await t.run(OUTCOME, { id: referralId }, caseworker)).data!.referral.outcomeUnread).toBe(false);
    const audit = await t.store.auditEvents(caseId, 1000);
    expect(audit.filter((a) => a.purpose === 'OUTCOME_SEEN')).toEqual([
      expect.objectContaining({ actor: 'cw-1', entity: 'Referral', entityId: referralId, action: 'READ' }),
    ]);
  });

  it('refuses markReferralSeen to someone the referral is not shared with', async () => {
    const { referralId } = await referToB(null);
    const r = await t.run(SEEN, { id: referralId }, otherStaff);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('Vietnamese and English', () => {
  it('gives labels and error messages in the request language, with the same codes', async () => {
    const { referralId } = await referToB(null);
    const vi = (await t.run(OUTCOME, { id: referralId }, caseworker, 'vi')).data!.referral;
    expect(vi).toMatchObject({
      status: 'REQUESTED',
      statusLabel: 'Đã gửi, chờ nhận',
      latestEvent: { actionLabel: 'Gửi chuyển gửi' },
    });
    const wrong = { input: { referralId, action: 'COMPLETE' } };
    const en = (await t.run(MOVE, wrong, staff, 'en')).errors![0]!;
    const viError = (await t.run(MOVE, wrong, staff, 'vi')).errors![0]!;
    expect(en.extensions?.code).toBe('INVALID_TRANSITION');
    expect(viError.extensions?.code).toBe('INVALID_TRANSITION');
    expect(en.message).toMatch(/^A referral that is REQUESTED cannot be completed/);
    expect(viError.message).toBe(
      'Chuyển gửi đang ở trạng thái “đã gửi, chờ nhận” nên không thể đánh dấu hoàn thành. Hiện vẫn có thể: nhận, từ chối, huỷ.',
    );
    expect(viError.extensions?.messageEn).toBe(en.message);
  });

  it('refuses a second case with the same label in one organisation with CONFLICT', async () => {
    const input = { label: 'DUP-1', birthMonth: '2023-03', sex: 'F', communeCode: '06652' };
    const create = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
    expect((await t.run(create, { input }, caseworker)).errors).toBeUndefined();
    const again = (await t.run(create, { input }, caseworker, 'vi')).errors![0]!;
    expect(again.extensions?.code).toBe('CONFLICT');
    expect(again.message).toBe('Tổ chức của bạn đã có ca mang mã “DUP-1”. Hãy dùng một mã bí danh khác.');
    const elsewhere: Viewer = { ...caseworker, subject: 'cw-9', organizationId: 'org-22-social' };
    expect((await t.run(create, { input }, elsewhere)).errors).toBeUndefined();
  });
});
