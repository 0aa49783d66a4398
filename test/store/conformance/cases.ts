/** Conformance: cases, consents, referrals (optimistic versions), events and audit in one unit of work. */
import type { CaseRecord, ConsentRecord, ReferralRecord } from '../../../src/store/port';
import type { GetContext } from './context';
import { seedWorld } from './context';
import { directoryWorld } from './fixtures';

const T = '2025-09-01T08:00:00.000Z';

function world(p: string) {
  const w = directoryWorld(p);
  const [f1, f2] = w.facilities as [(typeof w.facilities)[0], (typeof w.facilities)[0]];
  const record: CaseRecord = {
    id: `${p}-case`,
    label: 'QN-1',
    birthMonth: '2023-03',
    sex: 'F',
    communeCode: f1.communeCode,
    provinceCode: f1.provinceCode,
    languages: ['vie', 'hmn'],
    needs: ['SCR.ASD'],
    organizationId: `${p}-O1`,
    createdBy: 'cw',
    createdAt: T,
    updatedAt: T,
  };
  const consent: ConsentRecord = {
    id: `${p}-consent`,
    caseId: record.id,
    purpose: 'REFERRAL',
    scopeOrganizationIds: [],
    scopeSectors: ['HEALTH'],
    grantedBy: 'MOTHER',
    grantedAt: T,
    expiresAt: null,
    withdrawnAt: null,
  };
  const referral: ReferralRecord = {
    id: `${p}-ref`,
    caseId: record.id,
    parentId: null,
    fromFacilityId: f1.id,
    toFacilityId: f2.id,
    fromOrganizationId: null,
    toOrganizationId: null,
    serviceCode: 'SCR.ASD',
    reason: 'screening',
    urgency: 'ROUTINE',
    dueDate: '2025-10-01',
    status: 'REQUESTED',
    skipReason: null,
    rejectReasonCode: null,
    consentId: consent.id,
    createdBy: 'cw',
    createdAt: T,
    updatedAt: T,
    version: 1,
  };
  return { w, record, consent, referral };
}

const audit = (p: string, n: number, caseId: string) => ({
  id: `${p}-audit-${n}`,
  at: T,
  actor: 'cw',
  role: 'caseworker',
  action: 'CREATE',
  entity: 'Referral',
  entityId: `${p}-ref`,
  caseId,
  purpose: null,
});

export function defineCaseConformance(ctx: GetContext): void {
  it('round-trips a case, its consent, a referral with an onward child, events and audit', async () => {
    const { store, p } = ctx();
    const { w, record, consent, referral } = world(p);
    await seedWorld(store, w);
    const onward = {
      ...referral,
      id: `${p}-ref2`,
      parentId: referral.id,
      fromFacilityId: referral.toFacilityId,
      toFacilityId: w.facilities[2]!.id,
    };
    await store.transact(async (tx) => {
      await tx.createCase(record);
      await tx.createConsent(consent);
      await tx.createReferral(referral);
      await tx.createReferral(onward);
      await tx.appendReferralEvent({
        id: `${p}-evt`,
        referralId: referral.id,
        action: 'REQUEST',
        fromStatus: null,
        toStatus: 'REQUESTED',
        by: 'cw',
        at: T,
        note: null,
        reasonCode: null,
      });
      await tx.appendAudit(audit(p, 1, record.id));
    });
    expect(await store.casesById([record.id, `${p}-missing`])).toEqual([record, null]);
    expect(await store.consentsByCase([record.id])).toEqual([[consent]]);
    const [byCase = []] = await store.referralsByCase([record.id]);
    expect(byCase.map((r) => r.id).sort()).toEqual([referral.id, onward.id].sort());
    expect((await store.referralsById([onward.id]))[0]).toEqual(onward);
    expect((await store.eventsByReferral([referral.id]))[0]).toHaveLength(1);
    expect((await store.auditEvents(record.id, 10)).map((a) => a.id)).toEqual([`${p}-audit-1`]);
    const page = await store.cases({ organizationId: `${p}-O1` }, { first: 10, after: null });
    expect(page).toMatchObject({ totalCount: 1, hasNextPage: false });
    const toF2 = await store.referrals({ toFacilityId: referral.toFacilityId }, { first: 10, after: null });
    expect(toF2.items.map((r) => r.id)).toEqual([referral.id]);
  });

  it('applies an update only at the expected version', async () => {
    const { store, p } = ctx();
    const { w, record, consent, referral } = world(p);
    await seedWorld(store, w);
    await store.transact(async (tx) => {
      await tx.createCase(record);
      await tx.createConsent(consent);
      await tx.createReferral(referral);
    });
    const accepted = { ...referral, status: 'ACCEPTED' as const, version: 2 };
    expect(await store.transact((tx) => tx.updateReferral(accepted, 1))).toBe(true);
    expect(
      await store.transact((tx) => tx.updateReferral({ ...referral, status: 'REJECTED', version: 2 }, 1)),
    ).toBe(false);
    expect((await store.referralsById([referral.id]))[0]).toMatchObject({ status: 'ACCEPTED', version: 2 });
  });

  it('rolls back the whole unit, audit included, when a later step fails', async () => {
    const { store, p } = ctx();
    const { w, record, consent, referral } = world(p);
    await seedWorld(store, w);
    await store.transact(async (tx) => {
      await tx.createCase(record);
      await tx.createConsent(consent);
    });
    await expect(
      store.transact(async (tx) => {
        await tx.createReferral(referral);
        await tx.appendAudit(audit(p, 1, record.id));
        await tx.createReferral(referral); // duplicate id: unique constraint
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await store.referralsById([referral.id])).toEqual([null]);
    expect(await store.auditEvents(record.id, 10)).toEqual([]);
  });

  it('withdraws a consent once and reports the second attempt', async () => {
    const { store, p } = ctx();
    const { w, record, consent } = world(p);
    await seedWorld(store, w);
    await store.transact(async (tx) => {
      await tx.createCase(record);
      await tx.createConsent(consent);
    });
    const withdrawn = await store.transact((tx) =>
      tx.withdrawConsent(consent.id, '2025-09-02T00:00:00.000Z'),
    );
    expect(withdrawn).toMatchObject({ id: consent.id, withdrawnAt: '2025-09-02T00:00:00.000Z' });
    expect(
      await store.transact((tx) => tx.withdrawConsent(consent.id, '2025-09-03T00:00:00.000Z')),
    ).toBeNull();
  });

  it('claims an idempotency key once: the second claim gets the first back, a rolled-back one none', async () => {
    const { store, p } = ctx();
    const key = (entityId: string, id = `${p}-idem`) => ({
      id,
      operation: 'createCase',
      fingerprint: 'f1',
      entityId,
      createdAt: T,
    });
    expect(await store.idempotencyKey(`${p}-idem`)).toBeNull();
    expect(await store.transact((tx) => tx.claimIdempotencyKey(key('first')))).toEqual(key('first'));
    expect(await store.transact((tx) => tx.claimIdempotencyKey(key('second')))).toEqual(key('first'));
    expect(await store.idempotencyKey(`${p}-idem`)).toEqual(key('first'));
    await expect(
      store.transact(async (tx) => {
        await tx.claimIdempotencyKey(key('third', `${p}-idem-rolled-back`));
        throw new Error('a later step failed');
      }),
    ).rejects.toThrow();
    expect(await store.idempotencyKey(`${p}-idem-rolled-back`)).toBeNull();
  });

  it('queues concurrent claims of one key: every claimant sees the same winner', async () => {
    const { store, p } = ctx();
    const claims = await Promise.all(
      ['a', 'b', 'c', 'd'].map((entityId) =>
        store
          .transact((tx) =>
            tx.claimIdempotencyKey({
              id: `${p}-idem-race`,
              operation: 'createReferral',
              fingerprint: 'f',
              entityId,
              createdAt: T,
            }),
          )
          .then((stored) => stored.entityId)
          .catch((error: { code?: string }) => `refused:${error.code}`),
      ),
    );
    const winner = (await store.idempotencyKey(`${p}-idem-race`))!.entityId;
    // A claimant either sees the winner or is refused with CONFLICT (a unique-key race); none wins twice.
    for (const c of claims) expect([winner, 'refused:CONFLICT']).toContain(c);
    expect(claims.filter((c) => c === winner).length).toBeGreaterThanOrEqual(1);
  });

  it('finds a case by its organisation and label, and nobody else’s', async () => {
    const { store, p } = ctx();
    const { w, record } = world(p);
    await seedWorld(store, w);
    await store.transact((tx) => tx.createCase(record));
    expect(await store.transact((tx) => tx.caseIdByLabel(`${p}-O1`, 'QN-1'))).toBe(record.id);
    expect(await store.transact((tx) => tx.caseIdByLabel(`${p}-O2`, 'QN-1'))).toBeNull();
    expect(await store.transact((tx) => tx.caseIdByLabel(`${p}-O1`, 'QN-2'))).toBeNull();
  });

  it('reports when each viewer last opened each referral outcome, from OUTCOME_SEEN reads', async () => {
    const { store, p } = ctx();
    const { w, record } = world(p);
    await seedWorld(store, w);
    await store.transact((tx) => tx.createCase(record));
    const seen = (n: number, actor: string, entityId: string, at: string, purpose = 'OUTCOME_SEEN') => ({
      ...audit(p, n, record.id),
      action: 'READ',
      actor,
      entityId,
      at,
      purpose,
    });
    await store.appendAudit([
      seen(1, 'cw', `${p}-ref`, '2025-09-02T00:00:00.000Z'),
      seen(2, 'cw', `${p}-ref`, '2025-09-03T00:00:00.000Z'),
      seen(3, 'cw', `${p}-ref2`, '2025-09-01T00:00:00.000Z'),
      seen(4, 'other', `${p}-ref`, '2025-09-05T00:00:00.000Z'),
      seen(5, 'cw', `${p}-ref`, '2025-09-09T00:00:00.000Z', 'REFERRAL_VIEW'),
    ]);
    const [mine = [], none = []] = await store.outcomesSeen('cw', [record.id, `${p}-no-case`]);
    expect([...mine].sort((a, b) => a.referralId.localeCompare(b.referralId))).toEqual([
      { caseId: record.id, referralId: `${p}-ref`, at: '2025-09-03T00:00:00.000Z' },
      { caseId: record.id, referralId: `${p}-ref2`, at: '2025-09-01T00:00:00.000Z' },
    ]);
    expect(none).toEqual([]);
  });
}
