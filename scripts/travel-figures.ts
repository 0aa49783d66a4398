/**
 * Prints the travel-model figures docs/travel-model.md compares before and after a model change: the demo
 * graph's size and links, coverage of SCR.ASD within 60 min by motorbike (dry and rainy) per demo province,
 * and the nearest providers for the README's caseworker query. Run: node -r @swc-node/register scripts/travel-figures.ts
 */
import { ReadModel } from '../src/read-model/read-model';
import { CoverageService } from '../src/services/coverage-service';
import { RoutingService } from '../src/services/routing-service';
import { buildSeedDataset, DEMO_PROVINCES } from '../seeds/seed';

async function main(): Promise<void> {
  const data = buildSeedDataset(DEMO_PROVINCES);
  const model = new ReadModel();
  model.applyServiceTypes(data.serviceTypes);
  model.applyCommunes(data.communes);
  model.applyRoads(data.roads);
  model.applyFacilities(data.facilities);
  model.applyOfferings(data.offerings);
  const province = new Map(data.communes.map((c) => [c.code, c.provinceCode]));
  const cross = data.roads.filter((r) => province.get(r.fromCode) !== province.get(r.toCode));
  const longest = [...data.roads].sort((a, b) => b.straightKm - a.straightKm)[0]!;
  console.log(
    `roads ${data.roads.length}; across provinces ${cross.length}; ferry ${data.roads.filter((r) => r.terrain === 'FERRY').length}`,
  );
  console.log(
    `longest straight ${longest.fromCode}-${longest.toCode} ${longest.straightKm.toFixed(1)} km (${longest.terrain})`,
  );
  const coverage = new CoverageService(model);
  for (const season of ['DRY', 'RAINY'] as const) {
    for (const p of DEMO_PROVINCES) {
      const r = coverage.coverage({
        serviceCode: 'SCR.ASD',
        maxMinutes: 60,
        mode: 'MOTORBIKE',
        season,
        provinceCode: p,
      });
      const minutes = r.communes
        .map((c) => c.minutes)
        .filter((m): m is number => m !== null)
        .sort((a, b) => a - b);
      const median = minutes[minutes.length >> 1] ?? NaN;
      console.log(
        `SCR.ASD 60 min MOTORBIKE ${season} province ${p}: share ${(r.totals.shareCovered! * 100).toFixed(1)} %, uncovered communes ${r.communes.filter((c) => !c.covered).length}/${r.communes.length}, median ${median.toFixed(1)} min, max ${minutes[minutes.length - 1]!.toFixed(1)} min, unreachable ${r.communes.length - minutes.length}`,
      );
    }
  }
  const routing = new RoutingService(model, {
    communesByCode: async () => [],
    legacyCommunesByCode: async () => [],
  } as never);
  for (const [commune, mode, season] of [
    ['02647', 'MOTORBIKE', 'RAINY'],
    ['06652', 'MOTORBIKE', 'DRY'],
  ] as const) {
    const near = await routing.nearestProviders({
      communeCode: commune,
      serviceCode: 'SCR.ASD',
      childAgeMonths: 30,
      mode,
      season,
      first: 3,
    });
    console.log(
      `nearest SCR.ASD from ${commune} ${mode} ${season}: ${near.matches.map((m) => `${m.communeCode} ${m.travelMinutes.toFixed(1)} min`).join('; ')}`,
    );
  }
}

void main();
