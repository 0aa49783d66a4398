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
const otherCaseworker: Viewer = {
  ...caseworker,
  subject: 'cw-2',
  organizationId: 'org-24-social',
  provinceCode: '24',
};
const receiver: Viewer = {
  subject: 'staff-b',
  role: 'facility_staff',
  organizationId: null,
  provinceCode: '22',
  facilityId: 'fac-b',
};
const planner: Viewer = {
  subject: 'pl',
  role: 'planner',
  organizationId: null,
  provinceCode: '22',
  facilityId: null,
};
const admin: Viewer = {
  subject: 'root',
  role: 'admin',
  organizationId: null,
  provinceCode: null,
  facilityId: null,
};

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date((clock += 60_000)).toISOString() });
  await seedTinyDirectory(t.app);
});
afterAll(() => t.close());

const CREATE_CASE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id label ageMonths commune { code } } }`;
const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id active } }`;
const REFER = `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id status consentId: id toFacility { id } } }`;
const MOVE = `mutation($input: TransitionReferralInput!) { transitionReferral(input: $input) { id status rejectReasonCode events { action toStatus by } } }`;

let caseCount = 0;
/** Labels are unique within an organisation, so each test case gets its own. */
async function newCase(label = `QN-2025-${String(++caseCount).padStart(3, '0')}`): Promise<string> {
  const r = await t.run(
    CREATE_CASE,
    {
      input: {
        label,
        birthMonth: '2023-03',
        sex: 'M',
        communeCode: '06652',
        languages: ['vie'],
        needs: ['SCR.ASD'],
      },
    },
    caseworker,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.createCase.id;
}

async function referToB(caseId: string): Promise<string> {
  const r = await t.run(
    REFER,
    {
      input: {
        caseId,
        fromFacilityId: 'fac-a',
        toFacilityId: 'fac-b',
        serviceCode: 'SCR.ASD',
        reason: 'Teacher noticed signs at 30 months',
        dueDate: '2025-12-01',
      },
    },
    caseworker,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.createReferral.id;
}

const grantHealth = (caseId: string) =>
  t.run(GRANT, { input: { caseId, grantedBy: 'MOTHER', scopeSectors: ['HEALTH'] } }, caseworker);

describe('cases and consent', () => {
  it('creates a pseudonymous case with its age in months', async () => {
    const r = await t.run(
      CREATE_CASE,
      { input: { label: 'QN-A', birthMonth: '2023-03', sex: 'F', communeCode: '07015' } },
      caseworker,
    );
    expect(r.data!.createCase).toMatchObject({ label: 'QN-A', ageMonths: 30, commune: { code: '06994' } });
  });

  it('refuses a name-like label, a future birth month and an unknown commune', async () => {
    const bad = async (input: object) =>
      (
        await t.run(
          CREATE_CASE,
          { input: { label: 'x', birthMonth: '2023-01', sex: 'F', communeCode: '06652', ...input } },
          caseworker,
        )
      ).errors?.[0];
    expect(await bad({ label: '<b>Nguyễn</b>' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect((await bad({ birthMonth: '2031-01' }))?.message).toContain('birthMonth');
    expect((await bad({ communeCode: '00000' }))?.message).toBe('Unknown commune code 00000 in communeCode');
  });

  it('requires consent that covers the receiver before a referral to another organisation', async () => {
    const caseId = await newCase();
    const refused = await t.run(
      REFER,
      {
        input: {
          caseId,
          fromFacilityId: 'fac-a',
          toFacilityId: 'fac-b',
          serviceCode: 'SCR.ASD',
          reason: 'screening',
        },
      },
      caseworker,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONSENT_REQUIRED');
    const education = await t.run(
      GRANT,
      { input: { caseId, grantedBy: 'MOTHER', scopeSectors: ['EDUCATION'] } },
      caseworker,
    );
    expect(education.data!.grantConsent.active).toBe(true);
    const outOfScope = await t.run(
      REFER,
      {
        input: {
          caseId,
          fromFacilityId: 'fac-a',
          toFacilityId: 'fac-b',
          serviceCode: 'SCR.ASD',
          reason: 'screening',
        },
      },
      caseworker,
    );
    expect(outOfScope.errors?.[0]).toMatchObject({
      extensions: { code: 'CONSENT_REQUIRED', details: { reason: 'OUT_OF_SCOPE' } },
    });
    await grantHealth(caseId);
    expect(await referToB(caseId)).toMatch(/^ref-/);
  });

  it('hides a case from another organisation and from planners', async () => {
    const caseId = await newCase();
    expect(
      (await t.run(`{ case(id: "${caseId}") { id } }`, {}, otherCaseworker)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await t.run(`{ case(id: "${caseId}") { id } }`, {}, planner)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await t.run(`{ case(id: "${caseId}") { id } }`)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('referral status machine over GraphQL', () => {
  it('walks REQUESTED → ACCEPTED → IN_PROGRESS → COMPLETED with an event per step', async () => {
    const caseId = await newCase();
    await grantHealth(caseId);
    const id = await referToB(caseId);
    for (const action of ['ACCEPT', 'START', 'COMPLETE']) {
      const r = await t.run(MOVE, { input: { referralId: id, action } }, receiver);
      expect(r.errors).toBeUndefined();
    }
    const r = await t.run(
      `{ referral(id: "${id}") { status events { action fromStatus toStatus by } } }`,
      {},
      caseworker,
    );
    expect(r.data!.referral.status).toBe('COMPLETED');
    expect(r.data!.referral.events.map((e: any) => `${e.action}:${e.toStatus}:${e.by}`)).toEqual([
      'REQUEST:REQUESTED:cw-1',
      'ACCEPT:ACCEPTED:staff-b',
      'START:IN_PROGRESS:staff-b',
      'COMPLETE:COMPLETED:staff-b',
    ]);
    const again = await t.run(MOVE, { input: { referralId: id, action: 'ACCEPT' } }, receiver);
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });
    expect(again.errors?.[0]?.message).toContain('A referral that is COMPLETED cannot be accepted');
  });

  it('needs a reason code to reject, and only the receiver may accept', async () => {
    const caseId = await newCase();
    await grantHealth(caseId);
    const id = await referToB(caseId);
    const noReason = await t.run(MOVE, { input: { referralId: id, action: 'REJECT' } }, receiver);
    expect(noReason.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const byReferrer = await t.run(MOVE, { input: { referralId: id, action: 'ACCEPT' } }, caseworker);
    expect(byReferrer.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    const rejected = await t.run(
      MOVE,
      { input: { referralId: id, action: 'REJECT', reasonCode: 'NO_CAPACITY', note: 'full until March' } },
      receiver,
    );
    expect(rejected.data!.transitionReferral).toMatchObject({
      status: 'REJECTED',
      rejectReasonCode: 'NO_CAPACITY',
    });
  });

  it('hides the referral from the receiver once consent is withdrawn', async () => {
    const caseId = await newCase();
    const consent = await grantHealth(caseId);
    const id = await referToB(caseId);
    expect((await t.run(`{ referral(id: "${id}") { id } }`, {}, receiver)).data!.referral.id).toBe(id);
    const withdrawn = await t.run(
      `mutation { withdrawConsent(consentId: "${consent.data!.grantConsent.id}") { active withdrawnAt } }`,
      {},
      caseworker,
    );
    expect(withdrawn.data!.withdrawConsent.active).toBe(false);
    expect(
      (await t.run(`{ referral(id: "${id}") { id } }`, {}, receiver)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await t.run(MOVE, { input: { referralId: id, action: 'ACCEPT' } }, receiver)).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
  });

  it('lets only one of two concurrent conflicting transitions win', async () => {
    const caseId = await newCase();
    await grantHealth(caseId);
    const id = await referToB(caseId);
    const results = await Promise.all([
      t.run(MOVE, { input: { referralId: id, action: 'ACCEPT' } }, receiver),
      t.run(MOVE, { input: { referralId: id, action: 'REJECT', reasonCode: 'DUPLICATE' } }, receiver),
    ]);
    const ok = results.filter((r) => !r.errors);
    const failed = results.filter((r) => r.errors);
    expect(ok).toHaveLength(1);
    expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(failed[0]!.errors![0]!.extensions!.code);
    const events = await t.store.eventsByReferral([id]);
    expect(events[0]).toHaveLength(2);
  });

  it('leaves the store exactly as before when a transition fails half-way', async () => {
    const caseId = await newCase();
    await grantHealth(caseId);
    const id = await referToB(caseId);
    const store = t.store;
    const original = store.transact.bind(store);
    store.transact = (work) =>
      original((tx) =>
        work({
          ...tx,
          appendAudit: async () => {
            throw new Error('disk full');
          },
        }),
      );
    try {
      const r = await t.run(MOVE, { input: { referralId: id, action: 'ACCEPT' } }, receiver);
      expect(r.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      store.transact = original;
    }
    const [after] = await store.referralsById([id]);
    expect(after).toMatchObject({ status: 'REQUESTED', version: 1 });
    expect((await store.eventsByReferral([id]))[0]).toHaveLength(1);
  });
});

describe('chain and audit', () => {
  it('traces an onward chain and audits every read and write', async () => {
    const caseId = await newCase('QN-CHAIN');
    await grantHealth(caseId);
    const first = await referToB(caseId);
    for (const action of ['ACCEPT', 'START', 'COMPLETE'])
      await t.run(MOVE, { input: { referralId: first, action } }, receiver);
    const onward = await t.run(
      REFER,
      {
        input: {
          caseId,
          fromFacilityId: 'fac-b',
          toFacilityId: 'fac-c',
          serviceCode: 'SCR.ASD',
          reason: 'second opinion',
          parentId: first,
        },
      },
      receiver,
    );
    expect(onward.errors).toBeUndefined();
    const chain = await t.run(
      `{ referralChain(caseId: "${caseId}") { steps { depth fromFacilityName toFacilityName flags referral { status } } openSteps completedSteps sectorsCrossed } }`,
      {},
      caseworker,
    );
    expect(chain.errors).toBeUndefined();
    expect(
      chain.data!.referralChain.steps.map((s: any) => [s.depth, s.toFacilityName, s.referral.status]),
    ).toEqual([
      [0, 'Trạm Y tế Đặc khu Vân Đồn', 'COMPLETED'],
      [1, 'Trung tâm Y tế Từ Sơn', 'REQUESTED'],
    ]);
    expect(chain.data!.referralChain).toMatchObject({
      openSteps: 1,
      completedSteps: 1,
      sectorsCrossed: ['HEALTH'],
    });
    const audit = await t.run(`{ auditEvents(caseId: "${caseId}") { action entity actor role } }`, {}, admin);
    const actions = audit.data!.auditEvents.map((a: any) => `${a.action}:${a.entity}:${a.role}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'CREATE:Case:caseworker',
        'CREATE:Consent:caseworker',
        'CREATE:Referral:caseworker',
        'TRANSITION:Referral:facility_staff',
        'CREATE:Referral:facility_staff',
        'READ:Case:caseworker',
      ]),
    );
    expect(
      (await t.run(`{ auditEvents(caseId: "${caseId}") { id } }`, {}, caseworker)).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('referral slip', () => {
  it('prints where to go in Vietnamese without the child’s label', async () => {
    const caseId = await newCase('QN-SLIP-7');
    await grantHealth(caseId);
    const id = await referToB(caseId);
    const r = await t.run(
      `{ referral(id: "${id}") { text: slip(format: TEXT) html: slip(format: HTML) } }`,
      {},
      caseworker,
    );
    expect(r.errors).toBeUndefined();
    const { text, html } = r.data!.referral;
    expect(text).toContain('Trạm Y tế Đặc khu Vân Đồn');
    expect(text).toContain('01/12/2025');
    expect(text).not.toContain('QN-SLIP-7');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).not.toContain('QN-SLIP-7');
  });
});

describe('access holes found in review stay closed', () => {
  const staffC: Viewer = {
    subject: 'staff-c',
    role: 'facility_staff',
    organizationId: null,
    provinceCode: '24',
    facilityId: 'fac-c',
  };
  const CASE_FIELDS = `case { label birthMonth needs }`;

  it('refuses an onward referral from staff whose consent was withdrawn or who never received the child', async () => {
    const caseId = await newCase('QN-HOLE-1');
    const consent = await grantHealth(caseId);
    const first = await referToB(caseId);
    await t.run(
      `mutation { withdrawConsent(consentId: "${consent.data!.grantConsent.id}") { id } }`,
      {},
      caseworker,
    );
    const onward = `mutation($i: CreateReferralInput!) { createReferral(input: $i) { id ${CASE_FIELDS} } }`;
    const byB = await t.run(
      onward,
      {
        i: {
          caseId,
          fromFacilityId: 'fac-b',
          toFacilityId: 'fac-a',
          serviceCode: 'SCR.DEV',
          reason: 'back home',
          parentId: first,
        },
      },
      receiver,
    );
    expect(byB.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byC = await t.run(
      onward,
      {
        i: {
          caseId,
          fromFacilityId: 'fac-c',
          toFacilityId: 'fac-a',
          serviceCode: 'SCR.DEV',
          reason: 'fishing',
        },
      },
      staffC,
    );
    expect(byC.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(byC)).not.toContain('QN-HOLE-1');
  });

  it('scopes referral lists by the case owner, not by the sending facility’s organisation', async () => {
    const cw24: Viewer = {
      subject: 'cw-24',
      role: 'caseworker',
      organizationId: 'org-24-social',
      provinceCode: '24',
      facilityId: null,
    };
    const created = await t.run(
      `mutation { createCase(input: { label: "BN-1", birthMonth: "2022-01", sex: M, communeCode: "09367" }) { id } }`,
      {},
      cw24,
    );
    const caseId = created.data!.createCase.id;
    await t.run(GRANT, { input: { caseId, grantedBy: 'FATHER', scopeSectors: ['HEALTH'] } }, cw24);
    // The org-24 caseworker refers its own child from an org-22 facility.
    const r = await t.run(
      REFER,
      {
        input: {
          caseId,
          fromFacilityId: 'fac-a',
          toFacilityId: 'fac-c',
          serviceCode: 'SCR.ASD',
          reason: 'screening',
        },
      },
      cw24,
    );
    const id = r.data!.createReferral.id;
    const list = `{ referrals(first: 200) { totalCount nodes { id ${CASE_FIELDS} } } }`;
    const mine = await t.run(list, {}, cw24);
    expect(mine.data!.referrals.nodes.map((n: any) => n.id)).toEqual([id]);
    const theirs = await t.run(list, {}, caseworker);
    expect(theirs.data!.referrals.nodes.map((n: any) => n.id)).not.toContain(id);
    const cancel = await t.run(MOVE, { input: { referralId: id, action: 'CANCEL' } }, caseworker);
    expect(cancel.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('shows staff only referrals that touch their facility', async () => {
    const caseId = await newCase('QN-HOLE-3');
    await grantHealth(caseId);
    await referToB(caseId);
    const toC = await t.run(
      REFER,
      {
        input: {
          caseId,
          fromFacilityId: 'fac-a',
          toFacilityId: 'fac-c',
          serviceCode: 'SCR.ASD',
          reason: 'second site',
        },
      },
      caseworker,
    );
    const r = await t.run(`{ referral(id: "${toC.data!.createReferral.id}") { id reason } }`, {}, receiver);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const viaCase = await t.run(
      `{ case(id: "${caseId}") { referrals { toFacility { id } } } }`,
      {},
      receiver,
    );
    expect(viaCase.data!.case.referrals).toEqual([{ toFacility: { id: 'fac-b' } }]);
  });

  it('refuses to list cases for a caseworker token with no organisation or province', async () => {
    const bare: Viewer = {
      subject: 'bare',
      role: 'caseworker',
      organizationId: null,
      provinceCode: null,
      facilityId: null,
    };
    expect((await t.run('{ cases { totalCount } }', {}, bare)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('bounds auditEvents and skipReason', async () => {
    const admin: Viewer = {
      subject: 'root',
      role: 'admin',
      organizationId: null,
      provinceCode: null,
      facilityId: null,
    };
    const audit = await t.run('{ auditEvents(caseId: "x", first: -1) { id } }', {}, admin);
    expect(audit.errors?.[0]).toMatchObject({
      message: 'first must be between 1 and 1000',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const caseId = await newCase('QN-HOLE-5');
    await grantHealth(caseId);
    const long = await t.run(
      REFER,
      {
        input: {
          caseId,
          fromFacilityId: 'fac-a',
          toFacilityId: 'fac-b',
          serviceCode: 'SCR.ASD',
          reason: 'x y z',
          skipReason: 'x'.repeat(5000),
        },
      },
      caseworker,
    );
    expect(long.errors?.[0]?.message).toBe('skipReason must be at most 1000 characters');
  });
});

describe('denied fields', () => {
  it('answers FORBIDDEN, not an empty list, when staff ask for a case’s consents', async () => {
    const caseId = await newCase('QN-CONSENTS');
    await grantHealth(caseId);
    await referToB(caseId);
    const r = await t.run(`{ case(id: "${caseId}") { label consents { id } } }`, {}, receiver);
    expect(r.errors?.[0]).toMatchObject({ path: ['case', 'consents'], extensions: { code: 'FORBIDDEN' } });
    const owner = await t.run(`{ case(id: "${caseId}") { consents { purpose active } } }`, {}, caseworker);
    expect(owner.data!.case.consents).toEqual([{ purpose: 'REFERRAL', active: true }]);
  });
});
