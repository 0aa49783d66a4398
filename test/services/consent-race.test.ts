/**
 * A referral's consent check against a concurrent withdrawal of that consent. The referral's
 * transaction reads the case's consents under their write locks (LOCK_CONSENTS_BY_CASE), so the
 * withdrawal waits for it; a referral can never commit after the withdrawal of its consent committed.
 *
 * The schedule is forced: inside the referral's transaction, right after the consent read, the test
 * starts the withdrawal and holds the transaction open for a while (or not at all, for a plain race).
 * A violation is observed, not inferred: the withdrawal was acknowledged (so committed) while the
 * referral's work was still running (so before it committed), and the referral still succeeded.
 * The control run swaps the locked read for a plain one and must show the violation on Neo4j.
 */
import type { Viewer } from '../../src/auth/viewer';
import type { CaseWriter } from '../../src/store/port';
import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';
import { testStoreKind } from '../fixtures/test-store';

jest.setTimeout(120_000);

let t: TestApp;
const caseworker: Viewer = {
  subject: 'cw-race',
  role: 'caseworker',
  organizationId: 'org-22-health',
  provinceCode: '22',
  facilityId: null,
};

beforeAll(async () => {
  t = await createTestApp();
  await seedTinyDirectory(t.app);
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface PairOutcome {
  referred: boolean;
  referralId: string | null;
  errorCode: string | null;
  /** The withdrawal was acknowledged while the referral's transaction was still doing its work. */
  withdrawnBeforeReferralCommitted: boolean;
}

/**
 * One case with one consent, then a referral whose transaction starts the withdrawal as soon as it has
 * read the consents and holds for `holdMs` (or until the withdrawal is acknowledged).
 */
let pairs = 0;

async function racePair(holdMs: number, options: { lockedRead: boolean }): Promise<PairOutcome> {
  pairs += 1;
  const record = await t.app.cases.createCase(caseworker, {
    label: `QN-RACE-${pairs}`,
    birthMonth: '2023-03',
    sex: 'F',
    communeCode: '06652',
    languages: ['vie'],
    needs: ['SCR.ASD'],
  });
  const consent = await t.app.consents.grantConsent(caseworker, {
    caseId: record.id,
    grantedBy: 'MOTHER',
    scopeSectors: ['HEALTH'],
  });
  let withdrawAckAt = Number.POSITIVE_INFINITY;
  let workEndAt = Number.POSITIVE_INFINITY;
  let withdrawal: Promise<unknown> | undefined;

  const original = t.store.transact.bind(t.store);
  t.store.transact = <T>(work: (tx: CaseWriter) => Promise<T>) =>
    original(async (tx) => {
      const hooked: CaseWriter = {
        ...tx,
        consentsByCase: async (caseId) => {
          const rows = options.lockedRead
            ? await tx.consentsByCase(caseId)
            : ((await t.store.consentsByCase([caseId]))[0] ?? []);
          if (caseId === record.id && !withdrawal) {
            withdrawal = t.app.consents.withdrawConsent(caseworker, consent.id).then(() => {
              withdrawAckAt = performance.now();
            });
            await Promise.race([withdrawal, sleep(holdMs)]);
          }
          return rows;
        },
      };
      const result = await work(hooked);
      workEndAt = performance.now();
      return result;
    });
  let outcome: Omit<PairOutcome, 'withdrawnBeforeReferralCommitted'>;
  try {
    const referral = await t.app.referrals.createReferral(caseworker, {
      caseId: record.id,
      fromFacilityId: 'fac-a',
      toFacilityId: 'fac-b',
      serviceCode: 'SCR.ASD',
      reason: 'race test',
    });
    outcome = { referred: true, referralId: referral.id, errorCode: null };
  } catch (err) {
    outcome = {
      referred: false,
      referralId: null,
      errorCode: (err as { code?: string }).code ?? String(err),
    };
  } finally {
    t.store.transact = original;
  }
  await withdrawal;
  const [after] = await t.store.consentsByCase([record.id]);
  expect(after?.[0]?.withdrawnAt).not.toBeNull();
  const [stored = []] = await t.store.referralsByCase([record.id]);
  expect(stored.map((r) => r.id)).toEqual(outcome.referralId ? [outcome.referralId] : []);
  return { ...outcome, withdrawnBeforeReferralCommitted: withdrawAckAt < workEndAt };
}

describe(`consent withdrawal racing a referral (${testStoreKind()})`, () => {
  it('never commits a referral after the withdrawal of its consent committed', async () => {
    const outcomes: PairOutcome[] = [];
    // Holds of 0 ms are a plain race; longer ones leave the withdrawal every chance to commit first.
    for (const holdMs of [0, 0, 0, 0, 50, 100, 200, 300, 0, 0, 400, 600]) {
      outcomes.push(await racePair(holdMs, { lockedRead: true }));
    }
    const violations = outcomes.filter((o) => o.referred && o.withdrawnBeforeReferralCommitted);
    expect(violations).toEqual([]);
    // Every refused referral was refused for the withdrawn consent, nothing else.
    expect(outcomes.filter((o) => !o.referred).map((o) => o.errorCode)).toEqual(
      outcomes.filter((o) => !o.referred).map(() => 'CONSENT_REQUIRED'),
    );
    // The held pairs were decided by the lock: the withdrawal waited, and the referral went through.
    expect(outcomes.slice(4, 8).every((o) => o.referred)).toBe(true);
  });

  if (testStoreKind() === 'neo4j') {
    it('shows the race when the consents are read without the lock (the control)', async () => {
      const outcome = await racePair(5_000, { lockedRead: false });
      expect(outcome).toMatchObject({ referred: true, withdrawnBeforeReferralCommitted: true });
    });
  }
});
