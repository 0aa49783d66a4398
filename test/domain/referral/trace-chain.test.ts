import { InvalidReferralInputError } from '../../../src/domain/referral/errors';
import { traceReferralChain } from '../../../src/domain/referral/trace-chain';
import { AUTISM_EVENTS, AUTISM_REFERRALS, NOW } from '../../fixtures/referral/autism-chain';
import { ALL_FACILITIES } from '../../fixtures/referral/facilities';
import { makeReferral, type ReferralFixture } from '../../fixtures/referral/make-referral';

function trace(referrals: ReferralFixture[], now = NOW, events = AUTISM_EVENTS) {
  return traceReferralChain({ referrals, events, facilities: ALL_FACILITIES, now });
}

function issueKinds(referrals: ReferralFixture[], now = NOW) {
  return trace(referrals, now, []).issues.map((i) => `${i.referralId}:${i.kind}`);
}

describe('traceReferralChain', () => {
  describe('order and shape', () => {
    it('puts parents before children and siblings in request order, whatever the input order', () => {
      const shuffled = [...AUTISM_REFERRALS].reverse();
      const chain = trace(shuffled);
      expect(chain.steps.map((s) => [s.referralId, s.depth])).toEqual([
        ['R1', 0],
        ['R2', 1],
        ['R3', 2],
        ['R5', 3],
        ['R4', 2],
      ]);
    });

    it('gives each step the sector and level of both ends and the level change', () => {
      const [r1, r2] = trace(AUTISM_REFERRALS).steps;
      expect(r1).toMatchObject({
        from: { facilityId: 'F-SCHOOL', sector: 'EDUCATION', level: 'COMMUNE' },
        to: { facilityId: 'F-CHS', name: 'Trạm y tế xã Cốc San', sector: 'HEALTH', level: 'COMMUNE' },
        crossesSector: true,
        levelChange: 0,
      });
      expect(r2).toMatchObject({ crossesSector: false, levelChange: 2, parentId: 'R1' });
    });

    it('lists the sectors the child was sent through in request order, merging repeats', () => {
      expect(trace(AUTISM_REFERRALS).sectorsCrossed).toEqual(['EDUCATION', 'HEALTH', 'EDUCATION']);
    });

    it('lists a chain that crosses all three sectors and comes back to school', () => {
      const referrals = [
        makeReferral({ id: 'A', fromFacilityId: 'F-SCHOOL', toFacilityId: 'F-CHS', serviceCode: 'SCR.MH' }),
        makeReferral({
          id: 'B',
          parentId: 'A',
          fromFacilityId: 'F-CHS',
          toFacilityId: 'F-SWC',
          serviceCode: 'CNS.COUNSEL',
          createdAt: '2025-03-02T08:00:00+07:00',
        }),
        makeReferral({
          id: 'C',
          parentId: 'B',
          fromFacilityId: 'F-SWC',
          toFacilityId: 'F-SCHOOL',
          serviceCode: 'CNS.SCHOOL',
          createdAt: '2025-03-03T08:00:00+07:00',
        }),
      ];
      expect(trace(referrals, '2025-03-04T08:00:00+07:00', []).sectorsCrossed).toEqual([
        'EDUCATION',
        'HEALTH',
        'SOCIAL',
        'EDUCATION',
      ]);
    });

    it('returns an empty chain for a case with no referrals', () => {
      const chain = trace([]);
      expect(chain).toMatchObject({ caseId: null, steps: [], issues: [], sectorsCrossed: [] });
      expect(chain.summary).toEqual({
        totalSteps: 0,
        openSteps: 0,
        completedSteps: 0,
        rejectedSteps: 0,
        cancelledSteps: 0,
        elapsedDays: 0,
      });
    });
  });

  describe('timings', () => {
    it('measures request to acceptance in hours and acceptance to completion in days', () => {
      const r1 = trace(AUTISM_REFERRALS).steps[0]!;
      expect(r1.requestToAccept).toEqual({ hours: 6, days: 0.3 });
      expect(r1.acceptToComplete).toEqual({ hours: 44, days: 1.8 });
      expect(r1.openFor).toEqual({ hours: 50, days: 2.1 });
      expect(r1).toMatchObject({
        acceptedAt: '2025-03-01T14:00:00+07:00',
        completedAt: '2025-03-03T10:00:00+07:00',
        closedAt: '2025-03-03T10:00:00+07:00',
      });
    });

    it('reads events in time order even when they arrive out of order', () => {
      const r2 = trace(AUTISM_REFERRALS).steps[1]!;
      expect(r2.requestToAccept?.days).toBe(2);
      expect(r2.acceptToComplete?.days).toBe(14);
    });

    it('counts an open referral as open until now', () => {
      const r3 = trace(AUTISM_REFERRALS).steps[2]!;
      expect(r3).toMatchObject({ status: 'IN_PROGRESS', completedAt: null, closedAt: null });
      expect(r3.openFor).toEqual({ hours: 720, days: 30 });
    });

    it('leaves the open time unknown for a closed referral with no closing event', () => {
      const closed = makeReferral({ id: 'X', status: 'CANCELLED' });
      expect(trace([closed], NOW, []).steps[0]!.openFor).toBeNull();
    });

    it('summarises open and closed steps and the days since the first request', () => {
      expect(trace(AUTISM_REFERRALS).summary).toEqual({
        totalSteps: 5,
        openSteps: 3,
        completedSteps: 2,
        rejectedSteps: 0,
        cancelledSteps: 0,
        elapsedDays: 50,
      });
    });

    it('ends the elapsed time of a finished chain at its last close', () => {
      const done = AUTISM_REFERRALS.slice(0, 2);
      expect(trace(done).summary.elapsedDays).toBe(19);
    });
  });

  describe('STALLED', () => {
    it('marks a referral stalled after its due date', () => {
      const chain = trace(AUTISM_REFERRALS);
      const stalled = chain.issues.find((i) => i.referralId === 'R5');
      expect(stalled).toMatchObject({ kind: 'STALLED', reasons: ['PAST_DUE'], daysOverdue: 1.3 });
      expect(stalled?.message).toBe(
        'Referral R5 for EDU.INCL to Trung tâm Hỗ trợ phát triển giáo dục hòa nhập Lào Cai is 1.3 days past its due date 2025-04-18',
      );
      expect(chain.steps.find((s) => s.referralId === 'R5')?.flags).toEqual(['STALLED']);
    });

    it('treats a due date as due until the end of that day in Vietnam', () => {
      const due = makeReferral({ id: 'D', status: 'ACCEPTED', dueDate: '2025-03-05' });
      expect(issueKinds([due], '2025-03-05T23:30:00+07:00')).toEqual([]);
      expect(issueKinds([due], '2025-03-06T00:30:00+07:00')).toEqual(['D:STALLED']);
    });

    it('marks a routine referral stalled when not accepted within 7 days', () => {
      const waiting = makeReferral({ id: 'W', createdAt: '2025-03-01T08:00:00+07:00' });
      expect(issueKinds([waiting], '2025-03-08T07:00:00+07:00')).toEqual([]);
      const [issue] = trace([waiting], '2025-03-09T08:00:00+07:00', []).issues;
      expect(issue).toMatchObject({ kind: 'STALLED', reasons: ['NOT_ACCEPTED'], daysAwaitingAcceptance: 8 });
    });

    it('gives an emergency referral one day to be accepted', () => {
      const emergency = makeReferral({ id: 'E', urgency: 'EMERGENCY', serviceCode: 'CP.EMERG' });
      expect(issueKinds([emergency], '2025-03-02T09:00:00+07:00')).toEqual(['E:STALLED']);
    });

    it('reports both reasons in one issue when an unaccepted referral is also past due', () => {
      const both = makeReferral({ id: 'B', dueDate: '2025-03-05' });
      const [issue] = trace([both], '2025-03-10T08:00:00+07:00', []).issues;
      expect(issue).toMatchObject({ kind: 'STALLED', reasons: ['PAST_DUE', 'NOT_ACCEPTED'] });
    });

    it('does not mark an accepted referral stalled for acceptance, only for its due date', () => {
      const accepted = makeReferral({ id: 'A', status: 'ACCEPTED' });
      expect(issueKinds([accepted], '2025-06-01T08:00:00+07:00')).toEqual([]);
    });

    it.each(['COMPLETED', 'REJECTED', 'CANCELLED'] as const)(
      'never marks a %s referral stalled',
      (status) => {
        const closed = makeReferral({ id: 'C', status, dueDate: '2025-03-02', parentId: null });
        const child = makeReferral({ id: 'K', parentId: 'C', status: 'COMPLETED', toFacilityId: 'F-RHC' });
        expect(issueKinds([closed, child], '2025-06-01T08:00:00+07:00')).toEqual([]);
      },
    );
  });

  describe('SKIPPED_LEVEL', () => {
    it('flags a health referral from commune station straight to a provincial hospital', () => {
      const jump = makeReferral({
        id: 'J',
        fromFacilityId: 'F-CHS',
        toFacilityId: 'F-OBPED',
        serviceCode: 'DX.ASD',
      });
      const [issue] = trace([jump], '2025-03-02T08:00:00+07:00', []).issues;
      expect(issue).toMatchObject({
        kind: 'SKIPPED_LEVEL',
        referralId: 'J',
        fromLevel: 'COMMUNE',
        toLevel: 'PROVINCIAL',
        levelsSkipped: 1,
      });
    });

    it('counts every level skipped on the way to a central hospital', () => {
      const jump = makeReferral({ id: 'J', fromFacilityId: 'F-CHS', toFacilityId: 'F-NHP' });
      expect(trace([jump], '2025-03-02T08:00:00+07:00', []).issues[0]).toMatchObject({ levelsSkipped: 2 });
    });

    it('accepts a skipped level that gives a reason', () => {
      const jump = makeReferral({
        id: 'J',
        fromFacilityId: 'F-CHS',
        toFacilityId: 'F-OBPED',
        skipReason: 'Emergency',
      });
      expect(issueKinds([jump], '2025-03-02T08:00:00+07:00')).toEqual([]);
    });

    it('treats a blank skip reason as no reason', () => {
      const jump = makeReferral({
        id: 'J',
        fromFacilityId: 'F-CHS',
        toFacilityId: 'F-OBPED',
        skipReason: ' ',
      });
      expect(issueKinds([jump], '2025-03-02T08:00:00+07:00')).toEqual(['J:SKIPPED_LEVEL']);
    });

    it.each([
      ['one level up', 'F-CHS', 'F-RHC'],
      ['down a level', 'F-OBPED', 'F-CHS'],
      ['across sectors', 'F-CPO', 'F-OBPED'],
      ['within the social sector', 'F-CPO', 'F-SWC'],
    ])('does not flag a referral %s', (_label, fromFacilityId, toFacilityId) => {
      const hop = makeReferral({ id: 'H', fromFacilityId, toFacilityId });
      expect(issueKinds([hop], '2025-03-02T08:00:00+07:00')).toEqual([]);
    });
  });

  describe('LOOP', () => {
    const now = '2025-03-05T08:00:00+07:00';
    const screen = makeReferral({
      id: 'L1',
      status: 'COMPLETED',
      toFacilityId: 'F-CHS',
      serviceCode: 'SCR.DEV',
    });
    const diagnose = makeReferral({
      id: 'L2',
      parentId: 'L1',
      fromFacilityId: 'F-CHS',
      toFacilityId: 'F-RHC',
      serviceCode: 'DX.ASD',
      status: 'COMPLETED',
      createdAt: '2025-03-02T08:00:00+07:00',
    });

    it('flags a referral that sends the child back to a facility for a service it already had on the branch', () => {
      const back = makeReferral({
        id: 'L3',
        parentId: 'L2',
        fromFacilityId: 'F-RHC',
        toFacilityId: 'F-CHS',
        serviceCode: 'SCR.DEV',
        createdAt: '2025-03-03T08:00:00+07:00',
      });
      const chain = trace([screen, diagnose, back], now, []);
      expect(chain.issues).toEqual([
        expect.objectContaining({ kind: 'LOOP', loop: 'REVISIT', referralId: 'L3', earlierReferralId: 'L1' }),
      ]);
      expect(chain.steps[2]!.flags).toEqual(['LOOP']);
    });

    it('does not flag a return to a facility for a different service', () => {
      const backForTherapy = makeReferral({
        id: 'L3',
        parentId: 'L2',
        fromFacilityId: 'F-RHC',
        toFacilityId: 'F-CHS',
        serviceCode: 'THR.PT',
        createdAt: '2025-03-03T08:00:00+07:00',
      });
      expect(issueKinds([screen, diagnose, backForTherapy], now)).toEqual([]);
    });

    it('does not flag the same facility and service on a sibling branch', () => {
      const sibling = makeReferral({
        id: 'L4',
        toFacilityId: 'F-CHS',
        createdAt: '2025-03-03T08:00:00+07:00',
      });
      expect(issueKinds([screen, sibling], now)).toEqual([]);
    });

    it('flags a cycle in the parent links, cuts it at the earliest referral and still traces every step once', () => {
      const done = { status: 'COMPLETED', fromFacilityId: 'F-CHS' } as const;
      const a = makeReferral({ ...done, id: 'CA', parentId: 'CB', toFacilityId: 'F-RHC' });
      const b = makeReferral({ ...done, id: 'CB', parentId: 'CA', createdAt: '2025-03-02T08:00:00+07:00' });
      const c = makeReferral({
        ...done,
        id: 'CC',
        parentId: 'CB',
        createdAt: '2025-03-03T08:00:00+07:00',
        serviceCode: 'THR.PT',
      });
      const chain = trace([c, b, a], now, []);
      expect(chain.steps.map((s) => [s.referralId, s.parentId, s.depth])).toEqual([
        ['CA', null, 0],
        ['CB', 'CA', 1],
        ['CC', 'CB', 2],
      ]);
      expect(chain.issues).toEqual([
        expect.objectContaining({
          kind: 'LOOP',
          loop: 'PARENT_CYCLE',
          referralId: 'CA',
          cycle: ['CA', 'CB'],
        }),
      ]);
      expect(chain.steps.map((s) => s.flags)).toEqual([['LOOP'], ['LOOP'], []]);
    });

    it('flags a referral that names itself as its parent', () => {
      const self = makeReferral({ id: 'S', parentId: 'S', status: 'COMPLETED' });
      const chain = trace([self], now, []);
      expect(chain.steps).toHaveLength(1);
      expect(chain.issues[0]).toMatchObject({ kind: 'LOOP', loop: 'PARENT_CYCLE', cycle: ['S'] });
    });

    it('traces a 5,000-step chain without running out of stack', () => {
      const long = Array.from({ length: 5000 }, (_, i) =>
        makeReferral({
          id: `N${i}`,
          parentId: i === 0 ? null : `N${i - 1}`,
          status: 'COMPLETED',
          createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
        }),
      );
      const chain = trace(long, now, []);
      expect(chain.steps.at(-1)).toMatchObject({ referralId: 'N4999', depth: 4999 });
    });
  });

  describe('DEAD_END', () => {
    const now = '2025-03-05T08:00:00+07:00';
    const rejected = makeReferral({ id: 'X1', status: 'REJECTED', rejectReasonCode: 'NO_CAPACITY' });

    it('flags a rejected referral with no onward referral', () => {
      const [issue] = trace([rejected], now, []).issues;
      expect(issue).toMatchObject({ kind: 'DEAD_END', referralId: 'X1', rejectReasonCode: 'NO_CAPACITY' });
      expect(issue?.message).toBe(
        'Referral X1 for SCR.DEV was rejected by Trạm y tế xã Cốc San (NO_CAPACITY) and nothing was referred on',
      );
    });

    it('does not flag a rejection the receiver referred on', () => {
      const onward = makeReferral({
        id: 'X2',
        parentId: 'X1',
        fromFacilityId: 'F-CHS',
        toFacilityId: 'F-RHC',
      });
      expect(issueKinds([rejected, onward], now)).toEqual([]);
    });

    it('does not flag a rejection the referrer followed with a referral elsewhere', () => {
      const retry = makeReferral({ id: 'X3', toFacilityId: 'F-RHC', createdAt: '2025-03-02T08:00:00+07:00' });
      expect(issueKinds([rejected, retry], now)).toEqual([]);
    });

    it('does not flag a rejection as a duplicate, since the original referral carries on', () => {
      const duplicate = makeReferral({ id: 'X4', status: 'REJECTED', rejectReasonCode: 'DUPLICATE' });
      expect(issueKinds([duplicate], now)).toEqual([]);
    });

    it('does not flag a cancelled referral', () => {
      expect(issueKinds([makeReferral({ id: 'X5', status: 'CANCELLED' })], now)).toEqual([]);
    });
  });

  describe('data problems', () => {
    const now = '2025-03-02T08:00:00+07:00';

    it('traces a referral whose parent is missing as a start and says so', () => {
      const orphan = makeReferral({ id: 'M', parentId: 'GONE' });
      const chain = trace([orphan], now, []);
      expect(chain.steps[0]).toMatchObject({ parentId: null, depth: 0, flags: ['MISSING_PARENT'] });
      expect(chain.issues[0]).toMatchObject({ kind: 'MISSING_PARENT', parentId: 'GONE' });
    });

    it('traces a referral to a facility missing from the directory with unknown sector and level', () => {
      const unknown = makeReferral({ id: 'U', toFacilityId: 'F-CLOSED' });
      const chain = trace([unknown], now, []);
      expect(chain.steps[0]).toMatchObject({
        to: { facilityId: 'F-CLOSED', name: null, sector: null, level: null },
        crossesSector: false,
        levelChange: null,
        flags: ['UNKNOWN_FACILITY'],
      });
      expect(chain.issues[0]).toMatchObject({ kind: 'UNKNOWN_FACILITY', facilityId: 'F-CLOSED' });
    });

    it('refuses referrals of more than one case', () => {
      const other = makeReferral({ id: 'O', caseId: 'C2' });
      expect(() => trace([makeReferral({ id: 'M' }), other], now, [])).toThrow(
        'A chain traces one case; got referrals of C1, C2',
      );
    });

    it('refuses the same referral twice', () => {
      expect(() => trace([makeReferral({ id: 'M' }), makeReferral({ id: 'M' })], now, [])).toThrow(
        InvalidReferralInputError,
      );
    });

    it('refuses a creation time it cannot read', () => {
      expect(() => trace([makeReferral({ id: 'M', createdAt: '01/03/2025' })], now, [])).toThrow(
        /createdAt of M must be an ISO 8601 date/,
      );
    });
  });
});
