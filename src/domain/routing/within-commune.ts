import { SEASONS, TRAVEL_MODES, type Season, type TravelMode } from '../model';
import { classifyCommuneTerrain, type TerrainInput } from './classify-terrain';
import { TRAVEL_CONSTANTS } from './travel-constants';
import { toTravelTimeKey, type TravelMinutes } from './travel-edge';

const ZERO = Object.fromEntries(
  TRAVEL_MODES.flatMap((m) => SEASONS.map((s) => [toTravelTimeKey(m, s), 0])),
) as TravelMinutes;

/**
 * Straight-line km from a home to the commune's point, on average: the mean distance from the centre of a
 * disc of the commune's area to a point spread evenly over it, ⅔·√(area/π) (docs/travel-model.md §1).
 */
export function estimateWithinCommuneKm(areaKm2: number): number {
  return areaKm2 > 0 ? (2 / 3) * Math.sqrt(areaKm2 / Math.PI) : 0;
}

/**
 * Minutes from a home to the commune's point (where its services are assumed to be), per mode and season:
 * the disc mean distance × the commune terrain's circuity, at its speed. 0 with no known area. An island
 * commune uses ISLAND roads, never the ferry: a trip inside one island unit is taken as overland.
 * `areaKm2` may differ from the terrain input's (an imputed area counts for distance, not for density).
 */
export function estimateWithinCommuneMinutes(
  commune: TerrainInput,
  areaKm2: number | null | undefined = commune.areaKm2,
): TravelMinutes {
  const area = areaKm2;
  if (area == null || !(area > 0)) return { ...ZERO };
  const terrain = classifyCommuneTerrain(commune);
  const km = estimateWithinCommuneKm(area) * TRAVEL_CONSTANTS.circuity[terrain];
  const { speedKmh, rainySpeedFactor } = TRAVEL_CONSTANTS;
  const minutes = {} as TravelMinutes;
  for (const mode of TRAVEL_MODES) {
    for (const season of SEASONS) {
      const speed = speedKmh[terrain][mode] * (season === 'RAINY' ? rainySpeedFactor[terrain] : 1);
      minutes[toTravelTimeKey(mode, season)] = (km / speed) * 60;
    }
  }
  return minutes;
}

/** Looks up within-commune minutes for one mode and season; 0 for a commune the graph has no figure for. */
export function withinMinutesOf(
  graph: { withinCommuneMinutes?(code: string, mode: TravelMode, season: Season): number },
  code: string,
  mode: TravelMode,
  season: Season,
): number {
  return graph.withinCommuneMinutes?.(code, mode, season) ?? 0;
}
