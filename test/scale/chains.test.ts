/**
 * Every generated chain is 1–8 referrals long, linked parent to child, and its events replay through the
 * referral status machine to the status and version stored on each referral.
 */
import { HISTORY_NOW, SKIP_REASON } from '../../tools/generate/case-history';
import { levelRank } from '../../src/domain/model';
import {
  isTerminalStatus,
  transitionReferral,
  type ReferralAction,
} from '../../src/domain/referral/referral-status';
import type { CaseRecord, FacilityRecord, ReferralEventRecord, ReferralRecord } from '../../src/store/port';
import { generateTo, readRows, removeDir } from './generated-fixture';

let dir = '';
let referrals: ReferralRecord[] = [];
let events: ReferralEventRecord[] = [];
let cases: CaseRecord[] = [];
let facilities: Map<string, FacilityRecord>;

beforeAll(async () => {
  ({ dir } = await generateTo('0.01', 7));
  referrals = readRows(dir, 'history/referrals.ndjson');
  events = readRows(dir, 'history/referral-events.ndjson');
  cases = readRows(dir, 'history/cases.ndjson');
  facilities = new Map(readRows<FacilityRecord>(dir, 'directory/facilities.ndjson').map((f) => [f.id, f]));
});
afterAll(() => removeDir(dir));

function groupBy<T>(rows: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) out.set(key(row), [...(out.get(key(row)) ?? []), row]);
  return out;
}

describe('generated referral chains', () => {
  it('gives every case one linear chain of 1 to 8 referrals, each following the one before', () => {
    const byCase = groupBy(referrals, (r) => r.caseId);
    expect(byCase.size).toBe(cases.length);
    const lengths = new Set<number>();
    for (const chain of byCase.values()) {
      expect(chain.length).toBeGreaterThanOrEqual(1);
      expect(chain.length).toBeLessThanOrEqual(8);
      lengths.add(chain.length);
      chain.forEach((r, i) => {
        expect(r.parentId).toBe(i === 0 ? null : chain[i - 1]!.id);
        if (i > 0) expect(r.createdAt > chain[i - 1]!.updatedAt).toBe(true);
        // Only the last step may still be open.
        if (i < chain.length - 1) expect(isTerminalStatus(r.status)).toBe(true);
      });
    }
    expect([...lengths].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('replays each referral’s events through the status machine to its stored status and version', () => {
    const byReferral = groupBy(events, (e) => e.referralId);
    for (const r of referrals) {
      const [request, ...transitions] = byReferral.get(r.id) ?? [];
      expect(request).toMatchObject({
        action: 'REQUEST',
        fromStatus: null,
        toStatus: 'REQUESTED',
        at: r.createdAt,
      });
      let state = {
        id: r.id,
        status: 'REQUESTED' as ReferralRecord['status'],
        createdAt: r.createdAt,
        rejectReasonCode: null as string | null,
      };
      let last = r.createdAt;
      for (const e of transitions) {
        const action = e.action as ReferralAction;
        const result = transitionReferral({
          referral: state,
          action,
          actor: { id: e.by, sides: [action === 'CANCEL' ? 'REFERRER' : 'RECEIVER'] },
          at: e.at,
          reasonCode: e.reasonCode,
        });
        expect(result.event.toStatus).toBe(e.toStatus);
        expect(e.at >= last).toBe(true);
        last = e.at;
        state = { ...state, ...result.referral };
      }
      expect(state.status).toBe(r.status);
      expect(r.version).toBe(1 + transitions.length);
      expect(r.updatedAt).toBe(last);
      expect(r.rejectReasonCode).toBe(state.rejectReasonCode);
      expect(last <= HISTORY_NOW).toBe(true);
    }
  });

  it('gives a skip reason to every health referral that climbs more than one level', () => {
    let climbs = 0;
    for (const r of referrals) {
      const from = facilities.get(r.fromFacilityId)!;
      const to = facilities.get(r.toFacilityId)!;
      const skips =
        from.sector === 'HEALTH' && to.sector === 'HEALTH' && levelRank(to.level) - levelRank(from.level) > 1;
      if (skips) climbs += 1;
      expect(r.skipReason).toBe(skips ? SKIP_REASON : null);
    }
    expect(climbs).toBeGreaterThan(0);
  });

  it('opens the case and its consent before the first referral', () => {
    const consents = new Map(
      readRows<{ caseId: string; grantedAt: string }>(dir, 'history/consents.ndjson').map((c) => [
        c.caseId,
        c,
      ]),
    );
    const first = new Map<string, ReferralRecord>();
    for (const r of referrals) if (!first.has(r.caseId)) first.set(r.caseId, r);
    for (const c of cases) {
      expect(c.createdAt < first.get(c.id)!.createdAt).toBe(true);
      expect(consents.get(c.id)!.grantedAt < first.get(c.id)!.createdAt).toBe(true);
      expect(c.birthMonth <= c.createdAt.slice(0, 7)).toBe(true);
    }
  });
});
