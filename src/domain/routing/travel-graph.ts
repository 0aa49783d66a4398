import type { Season, TravelMode } from '../model';
import { buildAdjacency, type Adjacency } from './adjacency';
import { toTravelTimeKey, type TravelEdge, type TravelTimeKey } from './travel-edge';

/** The travel network with one adjacency per mode and season, each built on first use and then reused. */
export interface TravelGraph {
  readonly communeCodes: readonly string[];
  adjacencyFor(mode: TravelMode, season: Season): Adjacency;
}

/** Wraps the edges (and any communes without edges) as a TravelGraph. */
export function createTravelGraph(input: {
  edges: readonly TravelEdge[];
  communeCodes?: readonly string[];
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
  };
}
