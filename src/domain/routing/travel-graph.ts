import type { Season, TravelMode } from '../model';
import { buildAdjacency, type Adjacency } from './adjacency';
import { toTravelTimeKey, type TravelEdge, type TravelMinutes, type TravelTimeKey } from './travel-edge';

/** The travel network with one adjacency per mode and season, each built on first use and then reused. */
export interface TravelGraph {
  readonly communeCodes: readonly string[];
  adjacencyFor(mode: TravelMode, season: Season): Adjacency;
  /**
   * Minutes from a home to the commune's own point (travel inside the commune, docs/travel-model.md §1);
   * absent or 0 where unknown. Added once at the child's end of a trip, never on edges.
   */
  withinCommuneMinutes?(code: string, mode: TravelMode, season: Season): number;
}

/** Wraps the edges (and any communes without edges) as a TravelGraph. */
export function createTravelGraph(input: {
  edges: readonly TravelEdge[];
  communeCodes?: readonly string[];
  /** Within-commune minutes by commune code; 0 for a commune not listed. */
  withinCommune?: ReadonlyMap<string, TravelMinutes>;
}): TravelGraph {
  const { edges } = input;
  const communeCodes = [
    ...new Set([...(input.communeCodes ?? []), ...edges.flatMap((e) => [e.from, e.to])]),
  ].sort();
  const cache = new Map<TravelTimeKey, Adjacency>();
  return {
    communeCodes,
    adjacencyFor(mode, season) {
      const key = toTravelTimeKey(mode, season);
      let adjacency = cache.get(key);
      if (!adjacency) {
        adjacency = buildAdjacency({ edges, mode, season, communeCodes });
        cache.set(key, adjacency);
      }
      return adjacency;
    },
    withinCommuneMinutes(code, mode, season) {
      return input.withinCommune?.get(code)?.[toTravelTimeKey(mode, season)] ?? 0;
    },
  };
}
