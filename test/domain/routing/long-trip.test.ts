import { findNearestProviders, LONG_TRIP_MINUTES } from '../../../src/domain/routing/nearest-providers';
import { createTravelGraph } from '../../../src/domain/routing/travel-graph';
import { makeCandidate } from '../../fixtures/routing/provider-graph';
import { makeEdge } from '../../fixtures/routing/make-edge';

// A —100— B —30— C: B is 100 minutes away, C 130 (past the motorbike default of 120, and walking's 90).
const graph = createTravelGraph({ edges: [makeEdge('A', 'B', 100), makeEdge('B', 'C', 30)] });
const candidates = [
  makeCandidate({ offeringId: 'b', communeCode: 'B', lat: 21.1, lon: 105.1 }),
  makeCandidate({ offeringId: 'c', communeCode: 'C', lat: 21.2, lon: 105.2 }),
];
const run = (mode: 'MOTORBIKE' | 'WALK', maxMinutes?: number) =>
  findNearestProviders({
    origin: { communeCode: 'A', lat: 21, lon: 105 },
    need: { serviceCode: 'SCR.ASD', mode, season: 'DRY', ...(maxMinutes ? { maxMinutes } : {}) },
    graph,
    candidates,
  });
const longTrip = (m: { reasons: { code: string }[] }) => m.reasons.find((r) => r.code === 'LONG_TRIP');

describe('LONG_TRIP', () => {
  it('flags, but keeps, a match past the default one-way limit for the mode when no limit was asked', () => {
    const [b, c] = run('MOTORBIKE').matches;
    expect(LONG_TRIP_MINUTES.MOTORBIKE).toBe(120);
    expect(longTrip(b!)).toBeUndefined();
    expect(longTrip(c!)).toEqual({
      code: 'LONG_TRIP',
      text: 'A long trip: over 120 min by motorbike',
      textVi: 'Đường xa: hơn 120 phút đi xe máy',
    });
    expect(run('WALK').matches.map((m) => !!longTrip(m))).toEqual([true, true]);
  });

  it('leaves it to the caller’s limit when one is given', () => {
    const result = run('MOTORBIKE', 200);
    expect(result.matches.some(longTrip)).toBe(false);
  });
});
