import {
  COMMUNE_TERRAINS,
  TRAVEL_CONSTANTS,
  type CommuneTerrain,
  type EdgeTerrain,
} from './travel-constants';

/** Commune-level unit types after the 2025 reform. */
export type CommuneType = 'xã' | 'phường' | 'đặc khu';

/** The commune fields terrain classification reads. */
export interface TerrainInput {
  code: string;
  provinceCode: string;
  type: CommuneType;
  areaKm2?: number | null;
  population?: number | null;
}

const MOUNTAIN_PROVINCES: ReadonlySet<string> = new Set(TRAVEL_CONSTANTS.mountainProvinceCodes);
const BRIDGED_ISLANDS: ReadonlySet<string> = new Set(TRAVEL_CONSTANTS.bridgedIslandCodes);

/** Classifies one commune: URBAN for phường, ISLAND for đặc khu, MOUNTAIN for sparse xã in mountain provinces. */
export function classifyCommuneTerrain(commune: TerrainInput): CommuneTerrain {
  if (commune.type === 'phường') return 'URBAN';
  if (commune.type === 'đặc khu') return 'ISLAND';
  if (!MOUNTAIN_PROVINCES.has(commune.provinceCode)) return 'RURAL';
  const { population, areaKm2 } = commune;
  // A blank population or area is common in the 2025 data; in a mountain province the slower class is the
  // safer guess, because overstating access hides the communes a planner most needs to see.
  if (population == null || areaKm2 == null || areaKm2 <= 0) return 'MOUNTAIN';
  return population / areaKm2 < TRAVEL_CONSTANTS.mountainMaxDensityPerKm2 ? 'MOUNTAIN' : 'RURAL';
}

/** One end of an edge, as classifyEdgeTerrain needs it. */
export interface EdgeEnd {
  code: string;
  terrain: CommuneTerrain;
}

/** Terrain of the edge between two communes: FERRY for long hops off an unbridged island, else the harder end. */
export function classifyEdgeTerrain(a: EdgeEnd, b: EdgeEnd, straightKm: number): EdgeTerrain {
  const islandEnds = [a, b].filter((end) => end.terrain === 'ISLAND');
  const isUnbridged = islandEnds.some((end) => !BRIDGED_ISLANDS.has(end.code));
  if (islandEnds.length > 0 && isUnbridged && straightKm >= TRAVEL_CONSTANTS.ferryMinStraightKm)
    return 'FERRY';
  return COMMUNE_TERRAINS.indexOf(a.terrain) >= COMMUNE_TERRAINS.indexOf(b.terrain) ? a.terrain : b.terrain;
}
