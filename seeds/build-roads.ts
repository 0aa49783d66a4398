/** Estimated road edges between the seeded communes, from the travel model (src/domain/routing/travel-model.ts). */
import type { CommuneType } from '../src/domain/routing/classify-terrain';
import { estimateTravelEdges, type TravelCommune } from '../src/domain/routing/travel-model';
import type { CommuneRecord, RoadRecord } from '../src/store/port';

const COMMUNE_TYPES: ReadonlySet<string> = new Set<CommuneType>(['xã', 'phường', 'đặc khu']);

export interface SeedRoads {
  roads: RoadRecord[];
  /** Communes left out of the road graph because they have no point or an unknown type. */
  skipped: string[];
}

/** Builds one RoadRecord per neighbouring commune pair (from < to by code), sorted by (from, to). */
export function buildRoads(communes: readonly CommuneRecord[]): SeedRoads {
  const usable: TravelCommune[] = [];
  const skipped: string[] = [];
  for (const c of communes) {
    if (c.lat == null || c.lon == null || !COMMUNE_TYPES.has(c.type)) skipped.push(c.code);
    else {
      // Imputed values go in as unknown: the travel model deliberately treats unknown density as the slower
      // terrain (docs/travel-model.md), and an imputed median must not make a commune look easier to reach.
      usable.push({
        code: c.code,
        provinceCode: c.provinceCode,
        type: c.type as CommuneType,
        areaKm2: c.areaEstimated ? null : c.areaKm2,
        population: c.populationEstimated ? null : c.population,
        lat: c.lat,
        lon: c.lon,
      });
    }
  }
  const roads = estimateTravelEdges({ communes: usable }).map(
    (e): RoadRecord => ({
      fromCode: e.from,
      toCode: e.to,
      km: e.km,
      straightKm: e.straightKm,
      terrain: e.terrain,
      source: e.source,
      minutes: { ...e.minutes },
    }),
  );
  return { roads, skipped };
}
