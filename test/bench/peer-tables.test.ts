/**
 * The pgRouting peer's tables are the read model's own rows: every edge with its minutes for every mode
 * and season, every commune with the within-commune minutes our routing adds, every offering at its
 * facility's commune. The peer itself (PostgreSQL) runs only in `npm run bench -- --peer pgrouting`.
 */
import { exportPeerTables, toCommuneCode, toVertexId } from '../../bench/peer/peer-tables';
import { sameMinutes } from '../../bench/peer/run-peer';
import { TRAVEL_TIME_KEYS } from '../../src/domain/routing/travel-edge';
import { edgeToRoad, ReadModel } from '../../src/read-model/read-model';
import type { CommuneRecord } from '../../src/store/port';
import { facility, offering, T0 } from '../fixtures/directory';
import { makeEdge } from '../fixtures/routing/make-edge';

const commune = (code: string, areaKm2: number | null): CommuneRecord => ({
  code,
  name: `Xã ${code}`,
  shortName: code,
  type: 'xã',
  provinceCode: '22',
  lat: 21,
  lon: 107,
  areaKm2,
  areaEstimated: false,
  population: 8000,
  populationEstimated: false,
  childPopulation: null,
  scheme: 'VN34',
  validFrom: '2025-07-01',
  flags: [],
  updatedAt: T0,
});

const model = () =>
  ReadModel.fromRows({
    communes: [commune('00004', 25), commune('06652', 12), commune('09367', null)],
    serviceTypes: [],
    roads: [
      edgeToRoad(makeEdge('06652', '00004', 12, { overrides: { WALK_RAINY: 95.5 } })),
      edgeToRoad(makeEdge('09367', '06652', 30)),
    ],
    facilities: [
      facility({ id: 'fac-a', communeCode: '06652' }),
      facility({ id: 'fac-b', communeCode: '00004' }),
    ],
    offerings: [
      offering({ id: 'off-a', facilityId: 'fac-a', serviceCode: 'SCR.ASD', capacity: null }),
      offering({ id: 'off-b', facilityId: 'fac-b', remote: true, minAgeMonths: null, maxAgeMonths: 36 }),
      offering({ id: 'off-orphan', facilityId: 'fac-gone' }),
    ],
  });

describe('exportPeerTables', () => {
  it('gives every edge its minutes for each mode and season, between the communes it joins', () => {
    const { edges } = exportPeerTables(model());
    expect(edges.id).toEqual([1, 2]);
    const pairs = edges.source.map((s, i) => [toCommuneCode(s), toCommuneCode(edges.target[i]!)]);
    expect(pairs).toEqual([
      ['00004', '06652'],
      ['06652', '09367'],
    ]);
    expect(edges.minutes.WALK_RAINY).toEqual([95.5, 30]);
    for (const key of TRAVEL_TIME_KEYS.filter((k) => k !== 'WALK_RAINY'))
      expect(edges.minutes[key]).toEqual([12, 30]);
  });

  it('gives every commune the within-commune minutes the routing adds at the child’s end', () => {
    const readModel = model();
    const { communes } = exportPeerTables(readModel);
    expect(communes.code).toEqual(['00004', '06652', '09367']);
    expect(communes.id).toEqual([4, 6652, 9367]);
    for (const key of TRAVEL_TIME_KEYS) {
      const [mode, season] = key.split('_') as ['WALK', 'DRY'];
      expect(communes.within[key]).toEqual(
        communes.code.map((c) => readModel.withinCommuneMinutes(c, mode, season)),
      );
    }
    // A commune with a known area has travel inside it; one without has none.
    expect(communes.within.MOTORBIKE_DRY[0]).toBeGreaterThan(0);
    expect(communes.within.MOTORBIKE_DRY[2]).toBe(0);
  });

  it('puts each offering at its facility’s commune with what eligibility reads, and drops orphans', () => {
    const { providers } = exportPeerTables(model());
    expect(providers).toEqual({
      offeringId: ['off-a', 'off-b'],
      communeId: [6652, 4],
      serviceCode: ['SCR.ASD', 'SCR.DEV'],
      minAgeMonths: [0, null],
      maxAgeMonths: [72, 36],
      capacity: [null, 10],
      currentLoad: [0, 0],
      remote: [false, true],
    });
  });
});

describe('toVertexId', () => {
  it('keeps leading zeros on the way back and refuses codes that are not 5 digits', () => {
    expect(toCommuneCode(toVertexId('00004'))).toBe('00004');
    expect(() => toVertexId('4')).toThrow(/not 5 digits/);
    expect(() => toVertexId('0665a')).toThrow(/not 5 digits/);
    expect(() => toCommuneCode(100_000)).toThrow(/vertex id/);
  });
});

describe('sameMinutes', () => {
  it('allows float rounding only, and the same number of answers', () => {
    expect(sameMinutes([10, 20.000000001], [10.0000000004, 20])).toBe(true);
    expect(sameMinutes([10, 20], [10, 20.01])).toBe(false);
    expect(sameMinutes([10, 20], [10])).toBe(false);
  });
});
