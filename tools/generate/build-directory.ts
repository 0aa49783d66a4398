/**
 * The national directory: the real 2025 geography of the chosen provinces, the demo layer the seed builds
 * (health stations, child-protection points, regional centres, provincial hospitals, schools), the national
 * layer on top (commune-extras.ts, provincial-extras.ts) and the estimated road graph. Deterministic: the
 * base layer has no randomness at all and the national layer draws from streams keyed by seed and id.
 */
import type { LegacyCommuneRecord } from '../../src/store/port';
import { buildRoads } from '../../seeds/build-roads';
import { generateDemoLayer } from '../../seeds/demo-layer';
import { buildProvinceContext } from '../../seeds/demo/province-context';
import { loadGeography } from '../../seeds/load-geography';
import type { SeedDataset } from '../../seeds/seed';
import { buildServiceTypes } from '../../seeds/taxonomy';
import { communeExtras } from './commune-extras';
import { materializeNational } from './national-kinds';
import { provincialExtras } from './provincial-extras';
import { selectProvinces } from './scale';

export interface DirectoryOptions {
  fraction: number;
  seed: number;
}

function groupPredecessors(rows: readonly LegacyCommuneRecord[]): Map<string, LegacyCommuneRecord[]> {
  const out = new Map<string, LegacyCommuneRecord[]>();
  for (const row of [...rows].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const list = out.get(row.successorCode) ?? [];
    list.push(row);
    out.set(row.successorCode, list);
  }
  return out;
}

/** Every directory row of a scale, in a fixed order. */
export function buildDirectory(options: DirectoryOptions): SeedDataset {
  const all = loadGeography({});
  const provinceCodes = selectProvinces(all.provinces, all.communes, options.fraction);
  const wanted = new Set(provinceCodes);
  const provinces = all.provinces.filter((p) => wanted.has(p.code));
  const communes = all.communes.filter((c) => wanted.has(c.provinceCode));
  const communeCodes = new Set(communes.map((c) => c.code));
  const legacyCommunes = all.legacyCommunes.filter((l) => communeCodes.has(l.successorCode));
  const base = generateDemoLayer({ provinces, communes });
  const ids = new Set(base.facilities.map((f) => f.id));
  const predecessors = groupPredecessors(legacyCommunes);
  const facilities = [...base.facilities];
  const offerings = [...base.offerings];
  for (const province of provinces) {
    const ctx = buildProvinceContext(
      province,
      communes.filter((c) => c.provinceCode === province.code),
    );
    const specs = [
      ...communeExtras({ ctx, predecessors, baseIds: ids, seed: options.seed }),
      ...provincialExtras(ctx, options.seed),
    ];
    for (const spec of specs) {
      if (ids.has(spec.id)) throw new Error(`Duplicate facility id in the national layer: ${spec.id}`);
      ids.add(spec.id);
      const { facility, offerings: rows } = materializeNational(spec, ctx);
      facilities.push(facility);
      offerings.push(...rows);
    }
  }
  return {
    provinces,
    communes,
    legacyCommunes,
    serviceTypes: buildServiceTypes(),
    organizations: base.organizations,
    facilities,
    offerings,
    roads: buildRoads(communes).roads,
  };
}
