import { SEASONS, TRAVEL_MODES } from '../model';
import { applyImportedTimes, type ImportedTravelTime } from './apply-imported-times';
import { classifyCommuneTerrain, classifyEdgeTerrain, type TerrainInput } from './classify-terrain';
import { InvalidRoutingInputError, UnknownCommuneError } from './errors';
import { findNeighbourPairs } from './find-neighbour-pairs';
import { compareCodes } from './group-by';
import { measureGreatCircleKm } from './measure-great-circle-km';
import { TRAVEL_CONSTANTS, type CommuneTerrain, type EdgeTerrain } from './travel-constants';
import { toTravelTimeKey, type TravelEdge, type TravelMinutes } from './travel-edge';

/**
 * A known link between two communes: a shared border (from the boundary polygons), or a documented bridge or
 * ferry to an island with no land border. A FERRY link is always a ferry leg; a BRIDGE link never is.
 */
export interface CommuneLink {
  a: string;
  b: string;
  kind: 'BORDER' | 'BRIDGE' | 'FERRY';
}

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

function estimateEdge(
  a: TravelCommune & { terrain: CommuneTerrain },
  b: typeof a,
  kind: CommuneLink['kind'] = 'BORDER',
): TravelEdge {
  const [from, to] = a.code < b.code ? [a, b] : [b, a];
  const straightKm = measureGreatCircleKm(from.lat, from.lon, to.lat, to.lon);
  const terrain =
    kind === 'FERRY'
      ? 'FERRY'
      : kind === 'BRIDGE'
        ? classifyEdgeTerrain(from, to, 0)
        : classifyEdgeTerrain(from, to, straightKm);
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

function linkedEdges(
  links: readonly CommuneLink[],
  byCode: ReadonlyMap<string, TravelCommune & { terrain: CommuneTerrain }>,
): TravelEdge[] {
  const seen = new Set<string>();
  const edges: TravelEdge[] = [];
  for (const link of links) {
    const a = byCode.get(link.a);
    const b = byCode.get(link.b);
    if (!a) throw new UnknownCommuneError(link.a, 'linked commune');
    if (!b) throw new UnknownCommuneError(link.b, 'linked commune');
    if (a.code === b.code) throw new InvalidRoutingInputError(`Commune ${a.code} is linked to itself`);
    const key = a.code < b.code ? `${a.code}|${b.code}` : `${b.code}|${a.code}`;
    if (seen.has(key)) continue; // a border and a documented bridge for the same pair: the first wins
    seen.add(key);
    edges.push(estimateEdge(a, b, link.kind));
  }
  return edges;
}

/**
 * Estimates the road edges between linked communes, sorted by (from, to). With `links` (shared borders and
 * documented bridges and ferries) the graph has exactly those pairs, so a commune with no link stays
 * unreachable; without them (data with no boundaries, such as synthetic test sets) it falls back to the
 * symmetric k-nearest-neighbour guess. Imported times override the estimate; an imported pair that is not
 * linked gets an estimated edge first, then the import.
 */
export function estimateTravelEdges(input: {
  communes: readonly TravelCommune[];
  links?: readonly CommuneLink[];
  imported?: readonly ImportedTravelTime[];
  neighbourCount?: number;
}): TravelEdge[] {
  const { communes, links, imported = [], neighbourCount = TRAVEL_CONSTANTS.neighbourCount } = input;
  validateCommunes(communes);
  const classified = communes.map((c) => ({ ...c, terrain: classifyCommuneTerrain(c) }));
  const byCode = new Map(classified.map((c) => [c.code, c]));
  const edges = links
    ? linkedEdges(links, byCode)
    : findNeighbourPairs(classified, neighbourCount).map(([i, j]) =>
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
