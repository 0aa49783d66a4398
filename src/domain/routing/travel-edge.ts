import { SEASONS, TRAVEL_MODES, type Season, type TravelMode } from '../model';
import type { EdgeTerrain } from './travel-constants';

/** Key of one mode/season travel time, e.g. `MOTORBIKE_RAINY`: flat so an edge stores as plain properties. */
export type TravelTimeKey = `${TravelMode}_${Season}`;
export type TravelMinutes = Record<TravelTimeKey, number>;

/** The flat record key for a mode and season. */
export function toTravelTimeKey(mode: TravelMode, season: Season): TravelTimeKey {
  return `${mode}_${season}`;
}

export const TRAVEL_TIME_KEYS: readonly TravelTimeKey[] = TRAVEL_MODES.flatMap((mode) =>
  SEASONS.map((season) => toTravelTimeKey(mode, season)),
);

/** An undirected road (or ferry) link between two neighbouring communes; `from` < `to` by code. */
export interface TravelEdge {
  from: string;
  to: string;
  /** Road km: imported, or straightKm × the terrain's circuity factor. */
  km: number;
  straightKm: number;
  terrain: EdgeTerrain;
  /** IMPORTED when at least one of its minutes came from imported data. */
  source: 'ESTIMATED' | 'IMPORTED';
  minutes: TravelMinutes;
}
