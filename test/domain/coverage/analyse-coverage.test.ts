import { analyseCoverage } from '../../../src/domain/coverage/analyse-coverage';
import type { CoverageInput } from '../../../src/domain/coverage/coverage-types';
import { InvalidRoutingInputError, UnknownCommuneError } from '../../../src/domain/routing/errors';
import { createTravelGraph } from '../../../src/domain/routing/travel-graph';
import { computeCoverageByBruteForce } from '../../fixtures/routing/brute-force-coverage';
import { makeCoverageWorld } from '../../fixtures/routing/coverage-world';
import { makeEdge } from '../../fixtures/routing/make-edge';

const SEEDS = Array.from({ length: 40 }, (_, i) => i + 100);

describe('analyseCoverage', () => {
  it.each(SEEDS)('matches a Floyd–Warshall brute force on random world %i', (seed) => {
    // Every other world has travel inside communes, which the brute force adds at the child's end.
    const world = makeCoverageWorld(seed, seed % 2 ? { withinKey: 'CAR_RAINY' } : {});
    const band = seed % 2 ? { minMonths: 18, maxMonths: 30 } : { minMonths: 36, maxMonths: 100 };
    const maxMinutes = 5 + (seed % 20);
    const requireCapacity = seed % 3 === 0;
    const report = analyseCoverage({
      graph: world.graph,
      communes: world.communes,
      providers: world.providers,
      need: {
        serviceCode: 'SCR.ASD',
        mode: 'CAR',
        season: 'RAINY',
        maxMinutes,
        ageBand: band,
        requireCapacity,
      },
    });
    const brute = computeCoverageByBruteForce({
      ...world,
      key: 'CAR_RAINY',
      serviceCode: 'SCR.ASD',
      band,
      maxMinutes,
      requireCapacity,
      within: world.within,
    });

    expect(report.communes.map((c) => [c.communeCode, c.minutes, c.nearestSiteCommune, c.covered])).toEqual(
      brute.map((b) => [b.code, b.minutes, b.site, b.covered]),
    );
    report.communes.forEach((c, i) => expect(c.children).toBeCloseTo(brute[i]!.children, 6));

    for (const province of report.provinces) {
      const rows = brute.filter((_, i) => world.communes[i]!.provinceCode === province.provinceCode);
      const children = rows.reduce((s, b) => s + b.children, 0);
      const covered = rows.reduce((s, b) => s + (b.covered ? b.children : 0), 0);
      expect(province.children).toBeCloseTo(children, 6);
      expect(province.coveredChildren).toBeCloseTo(covered, 6);
      expect(province.uncoveredCommunes).toBe(rows.filter((b) => !b.covered).length);
      if (children > 0) expect(province.shareCovered!).toBeCloseTo(covered / children, 9);
    }
    const uncovered = brute
      .filter((b) => !b.covered && b.children > 0)
      .sort((a, b) => b.children - a.children || (a.code < b.code ? -1 : 1));
    expect(report.mostUncovered.map((c) => c.communeCode)).toEqual(uncovered.map((b) => b.code));

    // All covered demand lands on some provider; uncovered demand is reported as unserved.
    const allocated = report.providers.reduce((s, p) => s + p.demand, 0);
    expect(allocated + report.totals.unservedDemand!).toBeCloseTo(report.totals.demand!, 6);
  });

  // Line A—B—C—D (10 min each) in two provinces, 10,000 people each; 18–30-month band.
  const graph = createTravelGraph({
    edges: [makeEdge('A', 'B', 10), makeEdge('B', 'C', 10), makeEdge('C', 'D', 10)],
  });
  const communes = ['A', 'B', 'C', 'D'].map((code, i) => ({
    code,
    provinceCode: i < 2 ? '15' : '22',
    population: 10000,
  }));
  const need = { serviceCode: 'SCR.ASD', mode: 'MOTORBIKE' as const, season: 'DRY' as const, maxMinutes: 10 };
  const base: CoverageInput = { graph, communes, providers: [], need };
  const bandChildren = (10000 * 1.64 * (13 / 12)) / 100;

  it('defaults the band and prevalence from the service, and covers communes within reach', () => {
    const report = analyseCoverage({
      ...base,
      providers: [{ offeringId: 'o1', facilityId: 'f1', communeCode: 'A', serviceCode: 'SCR.ASD' }],
    });
    expect(report.need).toMatchObject({
      ageBand: { minMonths: 18, maxMonths: 30 },
      prevalence: 0.00758,
      requireCapacity: false,
    });
    expect(report.communes.map((c) => [c.communeCode, c.minutes, c.covered])).toEqual([
      ['A', 0, true],
      ['B', 10, true],
      ['C', 20, false],
      ['D', 30, false],
    ]);
    expect(report.totals.children).toBeCloseTo(4 * bandChildren, 9);
    expect(report.totals.shareCovered).toBeCloseTo(0.5, 12);
    expect(report.provinces.map((p) => [p.provinceCode, p.shareCovered])).toEqual([
      ['15', 1],
      ['22', 0],
    ]);
    expect(report.communes[0]!.demand).toBeCloseTo(bandChildren * 0.00758, 12);
  });

  it('ignores providers of another service, outside the age band, or full when capacity is required', () => {
    const providers = [
      { offeringId: 'other', facilityId: 'f', communeCode: 'A', serviceCode: 'DX.ASD' },
      { offeringId: 'older', facilityId: 'f', communeCode: 'B', serviceCode: 'SCR.ASD', minAgeMonths: 36 },
      {
        offeringId: 'full',
        facilityId: 'f',
        communeCode: 'C',
        serviceCode: 'SCR.ASD',
        capacity: 5,
        currentLoad: 5,
      },
      { offeringId: 'fits', facilityId: 'f', communeCode: 'D', serviceCode: 'SCR.ASD', maxAgeMonths: 18 },
    ];
    const loose = analyseCoverage({ ...base, providers });
    expect(loose.providers.map((p) => p.offeringId).sort()).toEqual(['fits', 'full']);
    const strict = analyseCoverage({ ...base, providers, need: { ...need, requireCapacity: true } });
    expect(strict.providers.map((p) => p.offeringId)).toEqual(['fits']);
    expect(strict.communes.map((c) => c.nearestOfferingId)).toEqual(['fits', 'fits', 'fits', 'fits']);
  });

  it('reports a phone or telehealth-only service apart, not as 0 % travel coverage', () => {
    const hotline = {
      offeringId: 'h',
      facilityId: 'f111',
      communeCode: 'A',
      serviceCode: 'SCR.ASD',
      remote: true,
    };
    const report = analyseCoverage({ ...base, providers: [hotline] });
    expect(report.delivery).toBe('REMOTE_ONLY');
    expect(report.remoteProviders).toEqual([{ offeringId: 'h', facilityId: 'f111', provinceCode: null }]);
    expect(report.totals.shareCovered).toBeNull();
    expect(report.totals.unservedDemand).toBeNull();
    expect(report.mostUncovered).toEqual([]);
    expect(report.provinces.every((p) => p.shareCovered === null)).toBe(true);
    expect(report.providers).toEqual([]);
    // With an in-person site too, travel coverage applies and the remote offering is still listed apart.
    const mixed = analyseCoverage({
      ...base,
      providers: [hotline, { offeringId: 'o1', facilityId: 'f1', communeCode: 'A', serviceCode: 'SCR.ASD' }],
    });
    expect(mixed.delivery).toBe('IN_PERSON');
    expect(mixed.remoteProviders.map((p) => p.offeringId)).toEqual(['h']);
    expect(mixed.providers.map((p) => p.offeringId)).toEqual(['o1']);
    expect(mixed.totals.shareCovered).toBeCloseTo(0.5, 12);
    expect(analyseCoverage(base).delivery).toBe('NONE');
  });

  it("ranks a province's own providers and lists the cross-border ones that serve it apart", () => {
    const own = communes.filter((c) => c.provinceCode === '22');
    const providers = [
      {
        offeringId: 'near-15',
        facilityId: 'f15',
        communeCode: 'B',
        serviceCode: 'SCR.ASD',
        provinceCode: '15',
      },
      {
        offeringId: 'far-15',
        facilityId: 'g15',
        communeCode: 'A',
        serviceCode: 'SCR.ASD',
        provinceCode: '15',
      },
      {
        offeringId: 'own',
        facilityId: 'f22',
        communeCode: 'D',
        serviceCode: 'SCR.ASD',
        provinceCode: '22',
        capacity: 1,
      },
    ];
    const report = analyseCoverage({
      ...base,
      communes: own,
      providers,
      provinceCode: '22',
      need: { ...need, prevalence: 0.5 },
    });
    expect(report.provinceCode).toBe('22');
    expect(report.providers.map((p) => p.offeringId)).toEqual(['own']);
    expect(report.providers[0]).toMatchObject({ communesServed: 1, overloaded: true });
    // C is nearest to B (10 min, tie broken by code against D) and so served across the border; A serves none.
    expect(report.crossBorderProviders.map((p) => [p.offeringId, p.communesServed])).toEqual([
      ['near-15', 1],
    ]);
  });

  it('labels children IMPUTED where the population was imputed upstream', () => {
    const report = analyseCoverage({
      ...base,
      communes: [{ ...communes[0]!, populationImputed: true }, ...communes.slice(1)],
    });
    expect(report.communes.map((c) => c.childrenSource)).toEqual([
      'IMPUTED',
      'ESTIMATED',
      'ESTIMATED',
      'ESTIMATED',
    ]);
  });

  it('lets imported child counts override the estimate', () => {
    const report = analyseCoverage({
      ...base,
      importedChildren: [{ communeCode: 'C', byYearOfAge: Array(18).fill(120) }],
    });
    expect(report.communes[2]).toMatchObject({ childrenSource: 'IMPORTED', children: 60 + 70 });
    expect(report.communes[0]!.childrenSource).toBe('ESTIMATED');
  });

  it('reports imputed populations, and unreachable communes with null minutes', () => {
    const report = analyseCoverage({
      ...base,
      graph: createTravelGraph({ edges: [makeEdge('A', 'B', 10)], communeCodes: ['C', 'D'] }),
      communes: [...communes.slice(0, 3), { code: 'D', provinceCode: '22', population: null }],
      providers: [{ offeringId: 'o1', facilityId: 'f1', communeCode: 'A', serviceCode: 'SCR.ASD' }],
    });
    expect(report.communes[3]).toMatchObject({
      childrenSource: 'IMPUTED',
      minutes: null,
      covered: false,
      nearestSiteCommune: null,
    });
    expect(report.communes[3]!.children).toBeCloseTo(bandChildren, 9);
  });

  it('splits a site’s demand by capacity and lists the communes that land on overloaded providers', () => {
    const report = analyseCoverage({
      ...base,
      need: { ...need, maxMinutes: 30, prevalence: 0.5 },
      providers: [
        { offeringId: 'big', facilityId: 'f1', communeCode: 'B', serviceCode: 'SCR.ASD', capacity: 300 },
        { offeringId: 'small', facilityId: 'f2', communeCode: 'B', serviceCode: 'SCR.ASD', capacity: 100 },
        { offeringId: 'tiny', facilityId: 'f3', communeCode: 'D', serviceCode: 'SCR.ASD', capacity: 10 },
      ],
    });
    const demand = bandChildren * 0.5;
    const load = Object.fromEntries(report.providers.map((p) => [p.offeringId, p]));
    // A, B and C land on site B (C is 10 minutes from both sites; the lower code wins), split 300:100.
    expect(load.big!.demand).toBeCloseTo(demand * 3 * 0.75, 9);
    expect(load.small!.demand).toBeCloseTo(demand * 3 * 0.25, 9);
    expect(load.big).toMatchObject({ overloaded: false, communesServed: 3 });
    expect(load.tiny!.demand).toBeCloseTo(demand, 9);
    expect(load.tiny).toMatchObject({ overloaded: true, communesServed: 1 });
    expect(load.tiny!.loadRatio).toBeCloseTo(demand / 10, 9);
    expect(report.providers[0]!.offeringId).toBe('tiny');
    expect(report.overloadedCommunes.map((c) => [c.communeCode, c.overloadedOfferingIds])).toEqual([
      ['D', ['tiny']],
    ]);
  });

  it('rejects unknown provider communes and out-of-range needs', () => {
    const providers = [{ offeringId: 'o', facilityId: 'f', communeCode: 'Q', serviceCode: 'SCR.ASD' }];
    expect(() => analyseCoverage({ ...base, providers })).toThrow(UnknownCommuneError);
    expect(() => analyseCoverage({ ...base, need: { ...need, maxMinutes: -1 } })).toThrow(
      InvalidRoutingInputError,
    );
    expect(() => analyseCoverage({ ...base, need: { ...need, prevalence: 2 } })).toThrow(
      InvalidRoutingInputError,
    );
  });
});
