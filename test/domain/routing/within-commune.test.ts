import { findNearestProviders } from '../../../src/domain/routing/nearest-providers';
import { TRAVEL_CONSTANTS } from '../../../src/domain/routing/travel-constants';
import { createTravelGraph } from '../../../src/domain/routing/travel-graph';
import type { TravelMinutes } from '../../../src/domain/routing/travel-edge';
import {
  estimateWithinCommuneKm,
  estimateWithinCommuneMinutes,
} from '../../../src/domain/routing/within-commune';
import { makeCandidate, ORIGIN, PROVIDER_GRAPH } from '../../fixtures/routing/provider-graph';
import { makeEdge } from '../../fixtures/routing/make-edge';

describe('estimateWithinCommuneKm', () => {
  it('is the mean distance from the centre of a disc of that area, checked by sampling the disc', () => {
    const area = 200;
    const r = Math.sqrt(area / Math.PI);
    // Midpoint rule over rings: mean distance = ∫ρ·2πρ dρ / (πR²), sampled independently of the formula.
    let sum = 0;
    const steps = 10000;
    for (let i = 0; i < steps; i += 1) {
      const rho = ((i + 0.5) / steps) * r;
      sum += rho * 2 * Math.PI * rho * (r / steps);
    }
    expect(estimateWithinCommuneKm(area)).toBeCloseTo(sum / area, 6);
    expect(estimateWithinCommuneKm(0)).toBe(0);
  });
});

describe('estimateWithinCommuneMinutes', () => {
  it('drives the disc distance at the commune terrain circuity and speed, slower in the rain', () => {
    const mountain = {
      code: '02800',
      provinceCode: '15',
      type: 'xã' as const,
      areaKm2: 200,
      population: 9000,
    };
    const m = estimateWithinCommuneMinutes(mountain);
    const km = estimateWithinCommuneKm(200) * TRAVEL_CONSTANTS.circuity.MOUNTAIN;
    expect(m.MOTORBIKE_DRY).toBeCloseTo((km / 22) * 60, 9);
    expect(m.MOTORBIKE_RAINY).toBeCloseTo((km / (22 * 0.55)) * 60, 9);
    expect(m.WALK_DRY).toBeCloseTo((km / 3) * 60, 9);
    // About 25 min by motorbike across a 200 km² mountain xã, 3 h on foot: the hour the issue describes.
    expect(m.MOTORBIKE_DRY).toBeGreaterThan(20);
    const ward = estimateWithinCommuneMinutes({
      code: '06688',
      provinceCode: '22',
      type: 'phường',
      areaKm2: 5,
    });
    expect(ward.MOTORBIKE_DRY).toBeLessThan(5);
  });

  it('gives 0 without an area, and uses the passed area for distance but not for terrain', () => {
    const noArea = estimateWithinCommuneMinutes({ code: 'x', provinceCode: '15', type: 'xã', areaKm2: null });
    expect(Object.values(noArea).every((v) => v === 0)).toBe(true);
    // Unknown density in a mountain province is MOUNTAIN even when an imputed area gives the distance.
    const imputed = estimateWithinCommuneMinutes(
      { code: 'x', provinceCode: '15', type: 'xã', areaKm2: null, population: 500000 },
      100,
    );
    const km = estimateWithinCommuneKm(100) * TRAVEL_CONSTANTS.circuity.MOUNTAIN;
    expect(imputed.CAR_DRY).toBeCloseTo((km / 22) * 60, 9);
  });
});

describe('findNearestProviders with travel inside the origin commune', () => {
  const within = new Map([['A', { MOTORBIKE_DRY: 12 } as TravelMinutes]]);
  const graph = createTravelGraph({
    edges: [makeEdge('A', 'B', 10, { km: 6 }), makeEdge('B', 'C', 10, { km: 7 })],
    withinCommune: within,
  });
  const need = {
    serviceCode: 'SCR.ASD',
    childAgeMonths: 30,
    mode: 'MOTORBIKE' as const,
    season: 'DRY' as const,
  };
  const candidates = [
    makeCandidate({ offeringId: 'b', communeCode: 'B' }),
    makeCandidate({ offeringId: 'home' }),
  ];

  it('adds it to every trip, keeps the order, and no longer says 0 minutes for the own commune', () => {
    const plain = findNearestProviders({ origin: ORIGIN, need, graph: PROVIDER_GRAPH, candidates });
    const result = findNearestProviders({ origin: ORIGIN, need, graph, candidates });
    expect(plain.matches.map((m) => [m.offeringId, m.travelMinutes])).toEqual([
      ['home', 0],
      ['b', 10],
    ]);
    expect(result.matches.map((m) => [m.offeringId, m.travelMinutes])).toEqual([
      ['home', 12],
      ['b', 22],
    ]);
    expect(result.matches[0]!.reasons[0]).toMatchObject({
      code: 'SAME_COMMUNE',
      text: "In the child's own commune, about 12 min from home to the commune seat",
    });
  });

  it('counts it against maxMinutes', () => {
    const result = findNearestProviders({
      origin: ORIGIN,
      need: { ...need, maxMinutes: 20 },
      graph,
      candidates,
    });
    expect(result.matches.map((m) => m.offeringId)).toEqual(['home']);
    expect(result.excluded.map((e) => [e.offeringId, e.travelMinutes, e.why[0]!.code])).toEqual([
      ['b', 22, 'BEYOND_MAX_MINUTES'],
    ]);
  });
});
