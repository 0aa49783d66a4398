import { InvalidRoutingInputError, UnknownCommuneError } from '../../../src/domain/routing/errors';
import { findNearestProviders } from '../../../src/domain/routing/nearest-providers';
import type { ProviderCandidate, ProviderNeed } from '../../../src/domain/routing/provider-types';
import { makeCandidate, ORIGIN, PROVIDER_GRAPH } from '../../fixtures/routing/provider-graph';

const NEED: ProviderNeed = { serviceCode: 'SCR.ASD', childAgeMonths: 30, mode: 'MOTORBIKE', season: 'DRY' };

function run(candidates: ProviderCandidate[], need: Partial<ProviderNeed> = {}, maxExcluded?: number) {
  return findNearestProviders({
    origin: ORIGIN,
    need: { ...NEED, ...need },
    graph: PROVIDER_GRAPH,
    candidates,
    maxExcluded,
  });
}

describe('findNearestProviders', () => {
  it('ranks by travel minutes and reports route, road km, free places and reasons', () => {
    const result = run([
      makeCandidate({ offeringId: 'far', communeCode: 'E', lat: 21.3, lon: 105.3 }),
      makeCandidate({
        offeringId: 'near',
        communeCode: 'B',
        lat: 21.05,
        lon: 105.0,
        minAgeMonths: 18,
        maxAgeMonths: 72,
        capacity: 5,
        currentLoad: 2,
        waitDays: 7,
      }),
    ]);
    expect(result.matches.map((m) => m.offeringId)).toEqual(['near', 'far']);
    const [near, far] = result.matches;
    expect(near).toMatchObject({
      travelMinutes: 10,
      distanceKm: 6,
      route: ['A', 'B'],
      availableCapacity: 3,
      waitDays: 7,
    });
    expect(near!.reasons).toEqual([
      {
        code: 'TRAVEL',
        text: 'About 10 min by motorbike in the dry season (6.0 km by road)',
        textVi: 'Khoảng 10 phút đi xe máy vào mùa khô (6,0 km đường bộ)',
      },
      {
        code: 'AGE_OK',
        text: 'Accepts 30-month-olds (range 18–72 months)',
        textVi: 'Nhận trẻ 30 tháng (từ 18 đến 72 tháng)',
      },
      { code: 'CAPACITY_OK', text: '3 of 5 places free', textVi: 'Còn 3/5 chỗ' },
      { code: 'WAIT_DAYS', text: 'Waiting list about 7 days', textVi: 'Chờ khoảng 7 ngày' },
    ]);
    expect(far).toMatchObject({
      travelMinutes: 50,
      distanceKm: 33,
      route: ['A', 'B', 'C', 'E'],
      availableCapacity: null,
    });
    expect(far!.reasons.map((r) => r.code)).toEqual(['TRAVEL', 'AGE_OK', 'CAPACITY_UNKNOWN']);
  });

  it('puts an offering in the child’s own commune first at 0 minutes', () => {
    const { matches } = run([
      makeCandidate({ offeringId: 'b', communeCode: 'B' }),
      makeCandidate({ offeringId: 'home' }),
    ]);
    expect(matches[0]).toMatchObject({ offeringId: 'home', travelMinutes: 0, distanceKm: 0, route: ['A'] });
    expect(matches[0]!.reasons[0]).toEqual({
      code: 'SAME_COMMUNE',
      text: "In the child's own commune",
      textVi: 'Ngay tại xã/phường của trẻ',
    });
  });

  it('breaks equal travel minutes by straight-line km, then by facility id', () => {
    const { matches } = run([
      makeCandidate({ offeringId: 'c', facilityId: 'fac-1', communeCode: 'C', lat: 21.2, lon: 105.0 }),
      makeCandidate({ offeringId: 'd2', facilityId: 'fac-3', communeCode: 'D', lat: 21.1, lon: 105.0 }),
      makeCandidate({ offeringId: 'd1', facilityId: 'fac-2', communeCode: 'D', lat: 21.1, lon: 105.0 }),
    ]);
    expect(matches.map((m) => [m.offeringId, m.travelMinutes])).toEqual([
      ['d1', 20],
      ['d2', 20],
      ['c', 20],
    ]);
  });

  it('excludes candidates for every reason, nearest first, with the checks each failed', () => {
    const result = run(
      [
        makeCandidate({ offeringId: 'young', minAgeMonths: 36 }),
        makeCandidate({ offeringId: 'old', communeCode: 'B', maxAgeMonths: 24 }),
        makeCandidate({ offeringId: 'full', communeCode: 'B', capacity: 3, currentLoad: 3 }),
        makeCandidate({ offeringId: 'lang', communeCode: 'D', languages: ['vie'] }),
        makeCandidate({ offeringId: 'edu', communeCode: 'D', sector: 'EDUCATION', lat: 21.2 }),
        makeCandidate({ offeringId: 'beyond', communeCode: 'E', lat: 21.3 }),
        makeCandidate({ offeringId: 'island', communeCode: 'Z', lat: 21.4 }),
        makeCandidate({ offeringId: 'nowhere', communeCode: 'Q', lat: 21.5 }),
        makeCandidate({ offeringId: 'ok', communeCode: 'C' }),
        makeCandidate({ offeringId: 'other-service', serviceCode: 'DX.ASD' }),
      ],
      { language: 'hmn', sector: 'HEALTH', maxMinutes: 45 },
      20,
    );
    expect(result.matches.map((m) => m.offeringId)).toEqual(['ok']);
    expect(result.excluded.map((e) => [e.offeringId, e.why.map((w) => w.code), e.travelMinutes])).toEqual([
      ['young', ['TOO_YOUNG'], 0],
      ['full', ['FULL'], 10],
      ['old', ['TOO_OLD'], 10],
      ['lang', ['LANGUAGE'], 20],
      ['edu', ['SECTOR'], 20],
      ['beyond', ['BEYOND_MAX_MINUTES'], 50],
      ['island', ['UNREACHABLE'], null],
      ['nowhere', ['UNREACHABLE'], null],
    ]);
    const text = (id: string) => result.excluded.find((e) => e.offeringId === id)!.why[0]!.text;
    expect(text('young')).toBe('Starts at 36 months; the child is 30 months');
    expect(text('old')).toBe('Accepts up to 24 months; the child is 30 months');
    expect(text('full')).toBe('No free place (3 of 3 in use)');
    expect(text('lang')).toBe('Does not offer hmn (offers vie)');
    expect(text('edu')).toBe('In the EDUCATION sector, not HEALTH');
    expect(text('beyond')).toBe('About 50 min away, over the 45-minute limit');
    expect(text('nowhere')).toBe('Facility commune Q is not in the travel graph');
  });

  it('lists every failed check of one candidate and keeps only the nearest few exclusions', () => {
    const result = run(
      [
        makeCandidate({ offeringId: 'x1', communeCode: 'E', minAgeMonths: 40, languages: ['vie'] }),
        makeCandidate({ offeringId: 'x2', communeCode: 'B', capacity: 0 }),
        makeCandidate({ offeringId: 'x3', communeCode: 'C', capacity: 1, currentLoad: 4 }),
      ],
      { language: 'hmn' },
      2,
    );
    expect(result.excluded.map((e) => e.offeringId)).toEqual(['x2', 'x3']);
    const all = run(
      [makeCandidate({ offeringId: 'x1', communeCode: 'E', minAgeMonths: 40, languages: ['vie'] })],
      { language: 'hmn', maxMinutes: 5 },
    );
    expect(all.excluded[0]!.why.map((w) => w.code)).toEqual(['TOO_YOUNG', 'LANGUAGE', 'BEYOND_MAX_MINUTES']);
  });

  it('keeps a full offering as a match, flagged, when capacity is not required', () => {
    const { matches, excluded } = run([makeCandidate({ offeringId: 'full', capacity: 2, currentLoad: 2 })], {
      requireCapacity: false,
    });
    expect(excluded).toEqual([]);
    expect(matches[0]!.availableCapacity).toBe(0);
    expect(matches[0]!.reasons.map((r) => r.code)).toContain('NO_FREE_PLACE');
  });

  it('uses the travel times of the requested mode and season', () => {
    const candidates = [makeCandidate({ offeringId: 'b', communeCode: 'B' })];
    expect(run(candidates, { season: 'RAINY' }).matches[0]!.travelMinutes).toBe(20);
    expect(run(candidates, { mode: 'CAR', season: 'RAINY' }).matches[0]!.travelMinutes).toBe(10);
  });

  it('returns at most `first` matches', () => {
    const candidates = ['A', 'B', 'C', 'D', 'E'].map((communeCode) =>
      makeCandidate({ offeringId: communeCode, communeCode }),
    );
    expect(run(candidates, { first: 2 }).matches.map((m) => m.offeringId)).toEqual(['A', 'B']);
    expect(run(candidates).matches).toHaveLength(5);
  });

  it('ranks eligible telehealth offerings separately by wait days, unknown waits last', () => {
    const result = run([
      makeCandidate({ offeringId: 'slow', remote: true, waitDays: 14 }),
      makeCandidate({ offeringId: 'unknown', remote: true }),
      makeCandidate({ offeringId: 'fast', remote: true, waitDays: 3, communeCode: 'Z' }),
      makeCandidate({ offeringId: 'too-old', remote: true, waitDays: 0, maxAgeMonths: 12 }),
    ]);
    expect(result.matches).toEqual([]);
    expect(result.excluded).toEqual([]);
    expect(result.remote.map((r) => r.offeringId)).toEqual(['fast', 'slow', 'unknown']);
    expect(result.remote[0]!.reasons[0]).toEqual({
      code: 'REMOTE',
      text: 'Telehealth: no travel needed',
      textVi: 'Tư vấn từ xa: không phải đi lại',
    });
  });

  it('rejects an unknown origin commune and out-of-range options', () => {
    const candidates = [makeCandidate({ offeringId: 'a' })];
    expect(() =>
      findNearestProviders({
        origin: { ...ORIGIN, communeCode: 'NOPE' },
        need: NEED,
        graph: PROVIDER_GRAPH,
        candidates,
      }),
    ).toThrow(UnknownCommuneError);
    expect(() => run(candidates, { first: 0 })).toThrow(InvalidRoutingInputError);
    expect(() => run(candidates, { maxMinutes: -5 })).toThrow(InvalidRoutingInputError);
    expect(() => run(candidates, { childAgeMonths: -1 })).toThrow(InvalidRoutingInputError);
  });
});
