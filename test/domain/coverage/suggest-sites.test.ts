import { analyseCoverage } from '../../../src/domain/coverage/analyse-coverage';
import type { CoverageInput } from '../../../src/domain/coverage/coverage-types';
import { buildScenarioProviders } from '../../../src/domain/coverage/run-coverage-scenario';
import { suggestSites } from '../../../src/domain/coverage/suggest-sites';
import { InvalidRoutingInputError } from '../../../src/domain/routing/errors';
import { createTravelGraph } from '../../../src/domain/routing/travel-graph';
import { makeCoverageWorld } from '../../fixtures/routing/coverage-world';
import { makeEdge } from '../../fixtures/routing/make-edge';

function coveredChildrenWith(input: CoverageInput, siteCodes: string[]): number {
  const providers = buildScenarioProviders({
    providers: input.providers,
    serviceCode: input.need.serviceCode,
    addSites: siteCodes.map((communeCode) => ({ communeCode, capacity: 1 })),
    closeFacilityIds: [],
  });
  return analyseCoverage({ ...input, providers }).totals.coveredChildren;
}

// Two clusters joined by a long road: P—Q—R (10 min hops) and X—Y (10 min), R—X 100 min.
// Populations: P 1,000, Q 4,000, R 2,000, X 3,000, Y 3,000. No provider yet; reach 10 minutes.
const graph = createTravelGraph({
  edges: [makeEdge('P', 'Q', 10), makeEdge('Q', 'R', 10), makeEdge('R', 'X', 100), makeEdge('X', 'Y', 10)],
});
const populations: Record<string, number> = { P: 1000, Q: 4000, R: 2000, X: 3000, Y: 3000 };
const base: CoverageInput = {
  graph,
  communes: Object.entries(populations).map(([code, population]) => ({
    code,
    provinceCode: '15',
    population,
  })),
  providers: [],
  need: {
    serviceCode: 'SCR.ASD',
    mode: 'MOTORBIKE',
    season: 'RAINY',
    maxMinutes: 10,
    ageBand: { minMonths: 0, maxMonths: 215 },
  },
};
const kids = (population: number) => population * 0.2822;

describe('suggestSites', () => {
  it('picks the site covering most uncovered children, then the best of the rest, ties to the lower code', () => {
    const { picks } = suggestSites({ ...base, count: 3 });
    expect(picks.map((p) => [p.communeCode, p.newlyCoveredCommunes])).toEqual([
      ['Q', ['P', 'Q', 'R']],
      ['X', ['X', 'Y']], // X and Y both gain 6,000 × 0.2822; X has the lower code
    ]);
    expect(picks[0]!.gainedChildren).toBeCloseTo(kids(7000), 6);
    expect(picks[1]!.gainedChildren).toBeCloseTo(kids(6000), 6);
    expect(picks[1]!.shareCoveredAfter).toBeCloseTo(1, 12);
  });

  it('stops early when no site gains anything, and keeps to the candidate communes', () => {
    expect(suggestSites({ ...base, count: 5 }).picks).toHaveLength(2);
    const { picks } = suggestSites({ ...base, count: 2, candidateCommunes: ['P', 'Y'] });
    expect(picks.map((p) => [p.communeCode, Math.round(p.gainedChildren)])).toEqual([
      ['Y', Math.round(kids(6000))],
      ['P', Math.round(kids(5000))],
    ]);
    expect(suggestSites({ ...base, count: 0 }).picks).toEqual([]);
    expect(() => suggestSites({ ...base, count: -1 })).toThrow(InvalidRoutingInputError);
  });

  it.each(Array.from({ length: 12 }, (_, i) => 300 + i))(
    'gives each pick the gain a recomputation shows, and no other site would have gained more (world %i)',
    (seed) => {
      // Half the worlds have travel inside communes: a pick must use only what is left of the limit.
      const world = makeCoverageWorld(seed, seed % 2 ? { withinKey: 'CAR_DRY' } : {});
      const input: CoverageInput = {
        graph: world.graph,
        communes: world.communes,
        providers: world.providers,
        need: { serviceCode: 'SCR.ASD', mode: 'CAR', season: 'DRY', maxMinutes: 8 },
      };
      const { baseline, picks } = suggestSites({ ...input, count: 3 });
      let chosen: string[] = [];
      let covered = baseline.totals.coveredChildren;
      for (const pick of picks) {
        const bestOther = Math.max(
          ...world.codes.map((code) => coveredChildrenWith(input, [...chosen, code]) - covered),
        );
        chosen = [...chosen, pick.communeCode];
        const after = coveredChildrenWith(input, chosen);
        expect(pick.gainedChildren).toBeCloseTo(after - covered, 6);
        expect(pick.coveredChildrenAfter).toBeCloseTo(after, 6);
        expect(pick.gainedChildren).toBeGreaterThan(0);
        expect(pick.gainedChildren).toBeGreaterThanOrEqual(bestOther - 1e-6);
        covered = after;
      }
      if (picks.length < 3) {
        const anyGain = world.codes.some(
          (code) => coveredChildrenWith(input, [...chosen, code]) > covered + 1e-9,
        );
        expect(anyGain).toBe(false);
      }
    },
  );
});
