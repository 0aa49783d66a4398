import { SEASONS, TRAVEL_MODES } from '../model';
import { applyImportedTimes, type ImportedTravelTime } from './apply-imported-times';
import { classifyCommuneTerrain, classifyEdgeTerrain, type TerrainInput } from './classify-terrain';
import { InvalidRoutingInputError, UnknownCommuneError } from './errors';
import { findNeighbourPairs } from './find-neighbour-pairs';
import { compareCodes } from './group-by';
import { measureGreatCircleKm } from './measure-great-circle-km';
import { TRAVEL_CONSTANTS, type CommuneTerrain, type EdgeTerrain } from './travel-constants';
import { toTravelTimeKey, type TravelEdge, type TravelMinutes } from './travel-edge';

/** A commune as the travel model reads it (a representative point, not a polygon). */
export interface TravelCommune extends TerrainInput {
  lat: number;
  lon: number;
}

/** Estimated minutes for every mode and season over `km` road km of the given terrain. */
export function estimateEdgeMinutes(terrain: EdgeTerrain, km: number): TravelMinutes {
  const { speedKmh, rainySpeedFactor, ferryBoardingMinutes } = TRAVEL_CONSTANTS;
  const minutes = {} as TravelMinutes;
  for (const mode of TRAVEL_MODES) {
    for (const season of SEASONS) {
      const speed = speedKmh[terrain][mode] * (season === 'RAINY' ? rainySpeedFactor[terrain] : 1);
      const boarding = terrain === 'FERRY' ? ferryBoardingMinutes[season] : 0;
      minutes[toTravelTimeKey(mode, season)] = boarding + (km / speed) * 60;
    }
  }
  return minutes;
}

function estimateEdge(a: TravelCommune & { terrain: CommuneTerrain }, b: typeof a): TravelEdge {
  const [from, to] = a.code < b.code ? [a, b] : [b, a];
  const straightKm = measureGreatCircleKm(from.lat, from.lon, to.lat, to.lon);
  const terrain = classifyEdgeTerrain(from, to, straightKm);
  const km = straightKm * TRAVEL_CONSTANTS.circuity[terrain];
  return {
    from: from.code,
    to: to.code,
    km,
    straightKm,
    terrain,
    source: 'ESTIMATED',
    minutes: estimateEdgeMinutes(terrain, km),
  };
}

function validateCommunes(communes: readonly TravelCommune[]): void {
  const seen = new Set<string>();
  for (const c of communes) {
    if (seen.has(c.code)) throw new InvalidRoutingInputError(`Duplicate commune code: ${c.code}`);
    seen.add(c.code);
    if (!Number.isFinite(c.lat) || !Number.isFinite(c.lon)) {
      throw new InvalidRoutingInputError(
        `Commune ${c.code} has no usable point (lat ${c.lat}, lon ${c.lon})`,
      );
    }
  }
}

/**
 * Estimates the road edges between neighbouring communes, sorted by (from, to). Imported times override
 * the estimate; an imported pair that is not a neighbour pair gets an estimated edge first, then the import.
 */
export function estimateTravelEdges(input: {
  communes: readonly TravelCommune[];
  imported?: readonly ImportedTravelTime[];
  neighbourCount?: number;
}): TravelEdge[] {
  const { communes, imported = [], neighbourCount = TRAVEL_CONSTANTS.neighbourCount } = input;
  validateCommunes(communes);
  const classified = communes.map((c) => ({ ...c, terrain: classifyCommuneTerrain(c) }));
  const byCode = new Map(classified.map((c) => [c.code, c]));
  const edges = findNeighbourPairs(classified, neighbourCount).map(([i, j]) =>
    estimateEdge(classified[i]!, classified[j]!),
  );
  const pairKeys = new Set(edges.map((e) => `${e.from}|${e.to}`));
  for (const row of imported) {
    const a = byCode.get(row.from);
    const b = byCode.get(row.to);
    if (!a) throw new UnknownCommuneError(row.from, 'imported edge commune');
    if (!b) throw new UnknownCommuneError(row.to, 'imported edge commune');
    const edge = estimateEdge(a, b);
    if (a.code !== b.code && !pairKeys.has(`${edge.from}|${edge.to}`)) {
      pairKeys.add(`${edge.from}|${edge.to}`);
      edges.push(edge);
    }
  }
  edges.sort((x, y) => compareCodes(x.from, y.from) || compareCodes(x.to, y.to));
  return applyImportedTimes(edges, imported).edges;
}
