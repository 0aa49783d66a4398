/**
 * Coverage on the demo data checked against an independent computation: all-pairs shortest paths by
 * Floyd–Warshall over the seeded travel edges, nearest eligible provider per commune, then the
 * population-weighted share, with no code shared with the coverage module beyond the inputs.
 */
import { createDemoApp } from '../fixtures/demo-app';
import type { TestApp } from '../fixtures/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createDemoApp();
}, 60_000);
afterAll(() => t.close());

function allPairs(
  codes: string[],
  edges: { from: string; to: string; minutes: Record<string, number> }[],
  key: string,
) {
  const n = codes.length;
  const index = new Map(codes.map((c, i) => [c, i]));
  const d = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)),
  );
  for (const e of edges) {
    const a = index.get(e.from)!;
    const b = index.get(e.to)!;
    const m = e.minutes[key]!;
    if (m < d[a]![b]!) d[a]![b] = d[b]![a] = m;
  }
  for (let k = 0; k < n; k += 1)
    for (let i = 0; i < n; i += 1) {
      const dik = d[i]![k]!;
      if (dik === Infinity) continue;
      for (let j = 0; j < n; j += 1) if (dik + d[k]![j]! < d[i]![j]!) d[i]![j] = dik + d[k]![j]!;
    }
  return { d, index };
}

describe('coverage on the demo data', () => {
  it.each([
    ['SCR.ASD', 60, 'MOTORBIKE', 'DRY'],
    ['THR.SLT', 90, 'CAR', 'RAINY'],
    ['EDU.INCL', 120, 'WALK', 'DRY'],
  ])(
    'matches a brute-force computation for %s within %d min by %s (%s)',
    (serviceCode, maxMinutes, mode, season) => {
      const rm = t.app.readModel;
      const report = t.app.coverage.coverage({
        serviceCode,
        maxMinutes,
        mode: mode as 'CAR',
        season: season as 'DRY',
      });
      const band = report.need.ageBand;
      const codes = [...rm.communes.keys()].sort();
      const { d, index } = allPairs(codes, rm.travelEdges(), `${mode}_${season}`);
      const providerCommunes = rm
        .offeringsOf(serviceCode)
        .filter(({ offering: o }) => !o.remote)
        .filter(
          ({ offering: o }) =>
            (o.minAgeMonths ?? 0) <= band.maxMonths && (o.maxAgeMonths ?? 10_000) >= band.minMonths,
        )
        .map(({ facility }) => index.get(facility.communeCode)!);
      expect(providerCommunes.length).toBeGreaterThan(0);
      let children = 0;
      let covered = 0;
      for (const c of report.communes) {
        const i = index.get(c.communeCode)!;
        // Road minutes by Floyd–Warshall, plus the trip inside the child's commune (travel-model.md §1.6).
        const inside = rm.withinCommuneMinutes(c.communeCode, mode as 'CAR', season as 'DRY');
        const best = Math.min(...providerCommunes.map((p) => d[i]![p]!)) + inside;
        expect(c.minutes ?? Infinity).toBeCloseTo(best, 6);
        expect(c.covered).toBe(best <= maxMinutes);
        children += c.children;
        if (best <= maxMinutes) covered += c.children;
      }
      expect(report.communes).toHaveLength(252);
      expect(report.totals.children).toBeCloseTo(children, 6);
      expect(report.totals.coveredChildren).toBeCloseTo(covered, 6);
      expect(report.totals.shareCovered).toBeCloseTo(covered / children, 9);
      expect(report.totals.shareCovered).toBeGreaterThan(0);
    },
  );
});
