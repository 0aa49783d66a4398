import { classifyCommuneTerrain, classifyEdgeTerrain } from '../../../src/domain/routing/classify-terrain';
import { InvalidRoutingInputError, UnknownCommuneError } from '../../../src/domain/routing/errors';
import { findNeighbourPairs } from '../../../src/domain/routing/find-neighbour-pairs';
import { measureGreatCircleKm } from '../../../src/domain/routing/measure-great-circle-km';
import { TRAVEL_CONSTANTS } from '../../../src/domain/routing/travel-constants';
import { TRAVEL_TIME_KEYS } from '../../../src/domain/routing/travel-edge';
import { estimateEdgeMinutes, estimateTravelEdges } from '../../../src/domain/routing/travel-model';
import { SAMPLE_COMMUNES } from '../../fixtures/routing/communes';
import { createSeededRandom } from '../../fixtures/routing/seeded-random';

function randomPoints(seed: number, count: number): { lat: number; lon: number }[] {
  const random = createSeededRandom(seed);
  // Clustered points so that small k leaves several components for the join step to connect.
  const centres = Array.from({ length: 4 }, () => ({ lat: 9 + random() * 13, lon: 103 + random() * 6 }));
  return Array.from({ length: count }, (_, i) => {
    const c = centres[i % centres.length]!;
    return { lat: c.lat + (random() - 0.5) * 0.4, lon: c.lon + (random() - 0.5) * 0.4 };
  });
}

function isConnected(n: number, pairs: [number, number][]): boolean {
  const next = Array.from({ length: n }, () => [] as number[]);
  for (const [a, b] of pairs) {
    next[a]!.push(b);
    next[b]!.push(a);
  }
  const seen = new Set([0]);
  const stack = [0];
  while (stack.length > 0) {
    for (const v of next[stack.pop()!]!) {
      if (seen.has(v)) continue;
      seen.add(v);
      stack.push(v);
    }
  }
  return seen.size === n;
}

describe('measureGreatCircleKm', () => {
  it('measures Hà Nội to Hồ Chí Minh City as about 1,144 km (haversine, mean Earth radius)', () => {
    expect(measureGreatCircleKm(21.0285, 105.8542, 10.7769, 106.7009)).toBeCloseTo(1143.5, 1);
  });
});

describe('findNeighbourPairs', () => {
  it.each([1, 2, 3, 4, 5])(
    'links each point to its k nearest (brute force) and leaves one component, seed %i',
    (seed) => {
      const points = randomPoints(seed, 60);
      const k = seed % 3 === 0 ? 1 : 3;
      const pairs = findNeighbourPairs(points, k);
      const keys = new Set(pairs.map(([a, b]) => `${a}-${b}`));
      points.forEach((p, i) => {
        const nearest = points
          .map((q, j) => ({ j, d: measureGreatCircleKm(p.lat, p.lon, q.lat, q.lon) }))
          .filter(({ j }) => j !== i)
          .sort((a, b) => a.d - b.d || a.j - b.j)
          .slice(0, k);
        for (const { j } of nearest) expect(keys.has(i < j ? `${i}-${j}` : `${j}-${i}`)).toBe(true);
      });
      expect(isConnected(points.length, pairs)).toBe(true);
      for (const [a, b] of pairs) expect(a).toBeLessThan(b);
    },
  );

  it('joins far-apart groups through their closest pair', () => {
    const points = [
      { lat: 10, lon: 105 },
      { lat: 10.01, lon: 105 },
      { lat: 12, lon: 105 },
      { lat: 12.01, lon: 105 },
    ];
    expect(findNeighbourPairs(points, 1)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });
});

describe('classifyCommuneTerrain', () => {
  const base = { code: '1', provinceCode: '15', areaKm2: 100 };
  it('classifies by unit type, mountain province and density', () => {
    expect(classifyCommuneTerrain({ ...base, type: 'phường', population: 100 })).toBe('URBAN');
    expect(classifyCommuneTerrain({ ...base, type: 'đặc khu', population: 100 })).toBe('ISLAND');
    expect(classifyCommuneTerrain({ ...base, type: 'xã', population: 5000 })).toBe('MOUNTAIN');
    expect(classifyCommuneTerrain({ ...base, type: 'xã', population: 50000 })).toBe('RURAL');
    expect(classifyCommuneTerrain({ ...base, provinceCode: '01', type: 'xã', population: 500 })).toBe(
      'RURAL',
    );
  });

  it('treats a mountain-province xã with unknown density as MOUNTAIN', () => {
    expect(classifyCommuneTerrain({ ...base, type: 'xã', population: null })).toBe('MOUNTAIN');
    expect(classifyCommuneTerrain({ ...base, type: 'xã', population: 5000, areaKm2: null })).toBe('MOUNTAIN');
  });
});

describe('classifyEdgeTerrain', () => {
  it('makes a long hop off an unbridged island a ferry leg, but not a short one or a bridged island', () => {
    const island = { code: '07192', terrain: 'ISLAND' as const };
    const bridged = { code: '06994', terrain: 'ISLAND' as const };
    const shore = { code: '06652', terrain: 'URBAN' as const };
    expect(classifyEdgeTerrain(island, shore, 30)).toBe('FERRY');
    expect(classifyEdgeTerrain(island, bridged, 30)).toBe('FERRY');
    expect(classifyEdgeTerrain(island, shore, 4)).toBe('ISLAND');
    expect(classifyEdgeTerrain(bridged, shore, 30)).toBe('ISLAND');
  });

  it('takes the harder end on land', () => {
    const urban = { code: 'a', terrain: 'URBAN' as const };
    const mountain = { code: 'b', terrain: 'MOUNTAIN' as const };
    const rural = { code: 'c', terrain: 'RURAL' as const };
    expect(classifyEdgeTerrain(urban, mountain, 5)).toBe('MOUNTAIN');
    expect(classifyEdgeTerrain(rural, urban, 5)).toBe('RURAL');
  });
});

describe('estimateEdgeMinutes', () => {
  it('converts road km at the terrain speed (35 km of rural road is an hour by motorbike in the dry season)', () => {
    expect(estimateEdgeMinutes('RURAL', 35).MOTORBIKE_DRY).toBeCloseTo(60, 9);
    expect(estimateEdgeMinutes('RURAL', 4.5).WALK_DRY).toBeCloseTo(60, 9);
  });

  it('slows mountain edges in the rainy season much more than flat ones', () => {
    const slowdown = (t: 'MOUNTAIN' | 'RURAL' | 'URBAN') =>
      estimateEdgeMinutes(t, 10).MOTORBIKE_RAINY / estimateEdgeMinutes(t, 10).MOTORBIKE_DRY;
    expect(slowdown('MOUNTAIN')).toBeGreaterThan(1.5);
    expect(slowdown('RURAL')).toBeLessThan(1.25);
    expect(slowdown('URBAN')).toBeLessThan(1.25);
  });

  it('adds the boarding wait to every ferry leg, whatever the mode', () => {
    const ferry = estimateEdgeMinutes('FERRY', 20);
    expect(ferry.WALK_DRY).toBeCloseTo(TRAVEL_CONSTANTS.ferryBoardingMinutes.DRY + 60, 9);
    expect(ferry.CAR_DRY).toBe(ferry.WALK_DRY);
    expect(ferry.CAR_RAINY).toBeGreaterThan(ferry.CAR_DRY + 45);
  });
});

describe('estimateTravelEdges', () => {
  const edges = estimateTravelEdges({ communes: SAMPLE_COMMUNES });
  const has = (a: string, b: string) =>
    edges.some((e) => (e.from === a && e.to === b) || (e.from === b && e.to === a));

  it('returns sorted, canonical edges with road km = straight km × circuity and all six times', () => {
    const keys = edges.map((e) => `${e.from}|${e.to}`);
    expect(keys).toEqual([...keys].sort());
    for (const e of edges) {
      expect(e.from < e.to).toBe(true);
      expect(e.source).toBe('ESTIMATED');
      expect(e.km).toBeCloseTo(e.straightKm * TRAVEL_CONSTANTS.circuity[e.terrain], 9);
      expect(Object.keys(e.minutes).sort()).toEqual([...TRAVEL_TIME_KEYS].sort());
    }
  });

  it('keeps edges across province borders and connects every commune', () => {
    expect(has('07503', '10000')).toBe(true); // Bắc Ninh (24) to Hưng Yên (33)
    const pairs = edges.map(
      (e) =>
        [
          SAMPLE_COMMUNES.findIndex((c) => c.code === e.from),
          SAMPLE_COMMUNES.findIndex((c) => c.code === e.to),
        ] as [number, number],
    );
    expect(isConnected(SAMPLE_COMMUNES.length, pairs)).toBe(true);
  });

  it('classifies island hops as ferries, except from the bridged Vân Đồn', () => {
    const coTo = edges.filter((e) => e.from === '07192' || e.to === '07192');
    expect(coTo.length).toBeGreaterThan(0);
    expect(coTo.every((e) => e.terrain === 'FERRY')).toBe(true);
    const vanDonToShore = edges.filter(
      (e) => (e.from === '06994' || e.to === '06994') && e.to !== '07192' && e.from !== '07192',
    );
    expect(vanDonToShore.every((e) => e.terrain === 'ISLAND')).toBe(true);
  });

  it('lets an imported time override the estimate, and adds an imported pair that is not a neighbour pair', () => {
    const withImport = estimateTravelEdges({
      communes: SAMPLE_COMMUNES,
      imported: [
        { from: '06688', to: '06685', mode: 'MOTORBIKE', season: 'RAINY', minutes: 17 },
        { from: '02800', to: '07192', mode: 'CAR', season: 'DRY', minutes: 600, km: 500 },
      ],
    });
    const local = withImport.find((e) => e.from === '06685' && e.to === '06688')!;
    expect(local.source).toBe('IMPORTED');
    expect(local.minutes.MOTORBIKE_RAINY).toBe(17);
    const added = withImport.find((e) => e.from === '02800' && e.to === '07192')!;
    expect(added).toMatchObject({ source: 'IMPORTED', km: 500 });
    expect(added.minutes.CAR_DRY).toBe(600);
    expect(withImport).toHaveLength(edges.length + 1);
  });

  it('rejects duplicate codes, missing points and imports naming unknown communes', () => {
    const first = SAMPLE_COMMUNES[0]!;
    expect(() => estimateTravelEdges({ communes: [first, first] })).toThrow(InvalidRoutingInputError);
    expect(() => estimateTravelEdges({ communes: [{ ...first, lat: Number.NaN }] })).toThrow(
      InvalidRoutingInputError,
    );
    expect(() =>
      estimateTravelEdges({
        communes: SAMPLE_COMMUNES,
        imported: [{ from: '06688', to: '99999', mode: 'CAR', season: 'DRY', minutes: 5 }],
      }),
    ).toThrow(UnknownCommuneError);
  });
});

describe('estimateTravelEdges with known links', () => {
  const links = [
    { a: '06688', b: '06685', kind: 'BORDER' as const },
    { a: '06994', b: '07192', kind: 'FERRY' as const },
    { a: '06652', b: '06994', kind: 'BRIDGE' as const },
    { a: '06685', b: '06688', kind: 'BORDER' as const },
  ];
  const edges = estimateTravelEdges({ communes: SAMPLE_COMMUNES, links });

  it('has exactly the linked pairs, once each, and no nearest-neighbour guesses', () => {
    expect(edges.map((e) => `${e.from}|${e.to}`)).toEqual(['06652|06994', '06685|06688', '06994|07192']);
  });

  it('makes a FERRY link a ferry leg and a BRIDGE link a road, whatever the distance', () => {
    const ferry = edges.find((e) => e.to === '07192')!;
    expect(ferry.terrain).toBe('FERRY');
    expect(ferry.minutes.CAR_DRY).toBeGreaterThanOrEqual(TRAVEL_CONSTANTS.ferryBoardingMinutes.DRY);
    expect(edges.find((e) => e.from === '06652')!.terrain).not.toBe('FERRY');
  });

  it('rejects a link to an unknown commune', () => {
    expect(() =>
      estimateTravelEdges({ communes: SAMPLE_COMMUNES, links: [{ a: '06688', b: '99999', kind: 'BORDER' }] }),
    ).toThrow(UnknownCommuneError);
  });
});
