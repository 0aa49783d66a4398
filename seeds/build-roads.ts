/**
 * Estimated road edges between the seeded communes (src/domain/routing/travel-model.ts): one per pair that
 * shares a border, plus the documented island bridges and ferries (seeds/island-links.ts), when both ends
 * are seeded. No edge is invented between provinces that are not seeded or do not touch.
 */
import { estimateTravelEdges, type TravelCommune } from '../src/domain/routing/travel-model';
import { toTerrainInput } from '../src/read-model/commune-terrain';
import type { CommuneRecord, RoadRecord } from '../src/store/port';
import { boundariesDir, loadCommuneLinks } from './load-boundaries';

export interface SeedRoads {
  roads: RoadRecord[];
  /** Communes left out of the road graph because they have no point or an unknown type. */
  skipped: string[];
}

/** Builds one RoadRecord per linked commune pair (from < to by code), sorted by (from, to). */
export function buildRoads(communes: readonly CommuneRecord[], dir = boundariesDir()): SeedRoads {
  const usable: TravelCommune[] = [];
  const skipped: string[] = [];
  for (const c of communes) {
    const terrain = toTerrainInput(c);
    if (c.lat == null || c.lon == null || !terrain) skipped.push(c.code);
    else usable.push({ ...terrain, lat: c.lat, lon: c.lon });
  }
  const links = loadCommuneLinks(new Set(usable.map((c) => c.code)), dir);
  const roads = estimateTravelEdges({ communes: usable, links }).map(
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
