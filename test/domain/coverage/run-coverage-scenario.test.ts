import { analyseCoverage } from '../../../src/domain/coverage/analyse-coverage';
import type { CoverageInput } from '../../../src/domain/coverage/coverage-types';
import { runCoverageScenario } from '../../../src/domain/coverage/run-coverage-scenario';
import { InvalidRoutingInputError, UnknownCommuneError } from '../../../src/domain/routing/errors';
import { createTravelGraph } from '../../../src/domain/routing/travel-graph';
import { makeCoverageWorld } from '../../fixtures/routing/coverage-world';
import { makeEdge } from '../../fixtures/routing/make-edge';

// Line A—B—C—D—E, 10 minutes a hop; A, B in province 15, the rest in 22; one provider at A (facility f1).
const graph = createTravelGraph({ edges: ['AB', 'BC', 'CD', 'DE'].map(([a, b]) => makeEdge(a!, b!, 10)) });
const communes = ['A', 'B', 'C', 'D', 'E'].map((code, i) => ({
  code,
  provinceCode: i < 2 ? '15' : '22',
  population: 1000 * (i + 1),
}));
const base: CoverageInput = {
  graph,
  communes,
  providers: [{ offeringId: 'o1', facilityId: 'f1', communeCode: 'A', serviceCode: 'DX.ASD', capacity: 10 }],
  need: { serviceCode: 'DX.ASD', mode: 'CAR', season: 'DRY', maxMinutes: 10 },
};

describe('runCoverageScenario', () => {
  it('adds a site and reports the communes and children it newly covers', () => {
    const { baseline, scenario, delta } = runCoverageScenario({
      ...base,
      addSites: [{ communeCode: 'D', capacity: 20 }],
    });
    expect(baseline.communes.filter((c) => c.covered).map((c) => c.communeCode)).toEqual(['A', 'B']);
    expect(delta.newlyCovered).toEqual(['C', 'D', 'E']);
    expect(delta.newlyUncovered).toEqual([]);
    const gained = scenario.communes
      .filter((c) => ['C', 'D', 'E'].includes(c.communeCode))
      .reduce((s, c) => s + c.children, 0);
    expect(delta.coveredChildren).toBeCloseTo(gained, 9);
    expect(delta.shareCovered).toBeCloseTo(1 - 3 / 15, 12);
    expect(delta.provinces).toEqual([
      { provinceCode: '15', coveredChildren: 0, shareCovered: 0 },
      { provinceCode: '22', coveredChildren: expect.closeTo(gained, 9), shareCovered: 1 },
    ]);
    expect(scenario.providers.find((p) => p.communeCode === 'D')).toMatchObject({
      offeringId: 'added:1:D',
      capacity: 20,
      communesServed: 3,
    });
  });

  it('closes facilities and reports what loses coverage', () => {
    const { delta, scenario } = runCoverageScenario({
      ...base,
      addSites: [{ communeCode: 'E', capacity: 5 }],
      closeFacilityIds: ['f1', 'nope'],
    });
    expect(delta.closedOfferingIds).toEqual(['o1']);
    expect(delta.newlyUncovered).toEqual(['A', 'B']);
    expect(delta.newlyCovered).toEqual(['D', 'E']);
    expect(scenario.providers.map((p) => p.offeringId)).toEqual(['added:1:E']);
  });

  it.each([200, 201, 202, 203, 204, 205])(
    'reports deltas equal to the two reports’ differences on random world %i',
    (seed) => {
      const world = makeCoverageWorld(seed);
      const input: CoverageInput = {
        graph: world.graph,
        communes: world.communes,
        providers: world.providers,
        need: { serviceCode: 'SCR.ASD', mode: 'WALK', season: 'DRY', maxMinutes: 12 },
      };
      const addSites = [{ communeCode: world.codes[seed % world.codes.length]!, capacity: 3 }];
      const { baseline, scenario, delta } = runCoverageScenario({
        ...input,
        addSites,
        closeFacilityIds: ['f0'],
      });
      expect(baseline).toEqual(analyseCoverage(input));
      expect(delta.coveredChildren).toBeCloseTo(
        scenario.totals.coveredChildren - baseline.totals.coveredChildren,
        9,
      );
      const wasCovered = new Map(baseline.communes.map((c) => [c.communeCode, c.covered]));
      expect(delta.newlyCovered).toEqual(
        scenario.communes
          .filter((c) => c.covered && !wasCovered.get(c.communeCode))
          .map((c) => c.communeCode),
      );
      expect(scenario.providers.some((p) => p.facilityId === 'f0')).toBe(false);
    },
  );

  it('rejects an added site in an unknown commune or with negative capacity', () => {
    expect(() => runCoverageScenario({ ...base, addSites: [{ communeCode: 'Z', capacity: 1 }] })).toThrow(
      UnknownCommuneError,
    );
    expect(() => runCoverageScenario({ ...base, addSites: [{ communeCode: 'C', capacity: -1 }] })).toThrow(
      InvalidRoutingInputError,
    );
  });
});
