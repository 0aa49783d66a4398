/** A stored commune as the travel model reads it. */
import type { CommuneType, TerrainInput } from '../domain/routing/classify-terrain';
import { estimateWithinCommuneMinutes } from '../domain/routing/within-commune';
import type { TravelMinutes } from '../domain/routing/travel-edge';
import type { CommuneRecord } from '../store/port';

const COMMUNE_TYPES: ReadonlySet<string> = new Set<CommuneType>(['xã', 'phường', 'đặc khu']);

/**
 * Terrain inputs of a commune, or null for an unknown type. Imputed values go in as unknown: the travel
 * model deliberately treats unknown density as the slower terrain (docs/travel-model.md), and an imputed
 * median must not make a commune look easier to reach.
 */
export function toTerrainInput(c: CommuneRecord): TerrainInput | null {
  if (!COMMUNE_TYPES.has(c.type)) return null;
  return {
    code: c.code,
    provinceCode: c.provinceCode,
    type: c.type as CommuneType,
    areaKm2: c.areaEstimated ? null : c.areaKm2,
    population: c.populationEstimated ? null : c.population,
  };
}

/** Within-commune minutes of a stored commune; an imputed area still counts (a median beats nothing). */
export function withinCommuneMinutesOf(c: CommuneRecord): TravelMinutes | null {
  const terrain = toTerrainInput(c);
  return terrain ? estimateWithinCommuneMinutes(terrain, c.areaKm2) : null;
}
