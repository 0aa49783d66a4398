import type { Season, TravelMode } from '../model';

/** Terrain classes of a commune, ordered from easiest to hardest to cross (an edge takes the harder end). */
export const COMMUNE_TERRAINS = ['URBAN', 'RURAL', 'ISLAND', 'MOUNTAIN'] as const;
export type CommuneTerrain = (typeof COMMUNE_TERRAINS)[number];

/** Terrain of an edge: a commune terrain, or a FERRY leg between an island unit and the rest. */
export const EDGE_TERRAINS = [...COMMUNE_TERRAINS, 'FERRY'] as const;
export type EdgeTerrain = (typeof EDGE_TERRAINS)[number];

type PerTerrain<T> = Readonly<Record<EdgeTerrain, T>>;

/**
 * Every number the travel-time estimate uses. These are estimates, not measurements: docs/travel-model.md
 * gives the reasoning for each, and imported times (applyImportedTimes) replace them edge by edge.
 */
export const TRAVEL_CONSTANTS = {
  /** Neighbours kept per commune before symmetrising the k-nearest-neighbour graph. */
  neighbourCount: 6,
  /** Provinces (post-2025 codes) whose low-density xã count as MOUNTAIN. A simplification. */
  mountainProvinceCodes: ['04', '08', '11', '12', '14', '15', '19', '20', '25', '51', '52', '66', '68'],
  /** At or above this density (people/km²) a xã in a mountain province is treated as RURAL. */
  mountainMaxDensityPerKm2: 150,
  /** An edge touching an island unit (đặc khu) at least this long (straight line) is a ferry leg. */
  ferryMinStraightKm: 10,
  /** Đặc khu joined to the mainland by bridge: their edges are roads, never ferries. */
  bridgedIslandCodes: ['06994', '11914'],
  /** Road km per straight-line km. */
  circuity: { URBAN: 1.3, RURAL: 1.35, ISLAND: 1.3, MOUNTAIN: 1.7, FERRY: 1.15 },
  /** Dry-season door-to-door speeds in km/h. On a ferry everyone travels at the boat's speed. */
  speedKmh: {
    URBAN: { WALK: 4.5, MOTORBIKE: 22, CAR: 20 },
    RURAL: { WALK: 4.5, MOTORBIKE: 35, CAR: 40 },
    ISLAND: { WALK: 4.5, MOTORBIKE: 30, CAR: 30 },
    MOUNTAIN: { WALK: 3, MOTORBIKE: 22, CAR: 22 },
    FERRY: { WALK: 20, MOTORBIKE: 20, CAR: 20 },
  },
  /** Multiplier on speed in the rainy season: mountain roads lose the most to mud, slips and fords. */
  rainySpeedFactor: { URBAN: 0.85, RURAL: 0.85, ISLAND: 0.85, MOUNTAIN: 0.55, FERRY: 0.8 },
  /** Fixed wait and boarding time added to every ferry leg, by season (rough seas cancel sailings). */
  ferryBoardingMinutes: { DRY: 45, RAINY: 90 },
} as const satisfies {
  neighbourCount: number;
  mountainProvinceCodes: readonly string[];
  mountainMaxDensityPerKm2: number;
  ferryMinStraightKm: number;
  bridgedIslandCodes: readonly string[];
  circuity: PerTerrain<number>;
  speedKmh: PerTerrain<Readonly<Record<TravelMode, number>>>;
  rainySpeedFactor: PerTerrain<number>;
  ferryBoardingMinutes: Readonly<Record<Season, number>>;
};
