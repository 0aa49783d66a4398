import type { Adjacency } from './adjacency';
import { InvalidRoutingInputError } from './errors';
import { MinHeap } from './min-heap';

/**
 * Result of a (multi-source) Dijkstra run, indexed by node. Unreached nodes, including those beyond the
 * cutoff, have minutes = Infinity, km = Infinity, predecessor = -1 and nearestSource = -1.
 */
export interface ShortestPathTree {
  readonly minutes: Float64Array;
  /** Road km along the chosen route. */
  readonly km: Float64Array;
  /** Previous node on the route; -1 for sources and unreached nodes. */
  readonly predecessor: Int32Array;
  /** Position in `sources` of the source the route starts from. */
  readonly nearestSource: Int32Array;
}

/**
 * Dijkstra from one or many sources over the adjacency. Each node gets its nearest source; equal minutes
 * go to the source listed first, then to the route found first in (minutes, source, node) order, so the
 * result is deterministic. With `maxMinutes`, nodes farther than it are left unreached.
 */
export function findShortestPaths(
  adjacency: Adjacency,
  options: { sources: readonly number[]; maxMinutes?: number },
): ShortestPathTree {
  const { sources, maxMinutes = Infinity } = options;
  if (!(maxMinutes >= 0)) throw new InvalidRoutingInputError(`maxMinutes must be ≥ 0, got ${maxMinutes}`);
  const n = adjacency.codes.length;
  const { offsets, targets, minutes: slotMinutes, km: slotKm } = adjacency;
  const minutes = new Float64Array(n).fill(Infinity);
  const km = new Float64Array(n).fill(Infinity);
  const predecessor = new Int32Array(n).fill(-1);
  const nearestSource = new Int32Array(n).fill(-1);
  const settled = new Uint8Array(n);
  const heap = new MinHeap(Math.max(64, sources.length * 2));
  sources.forEach((node, rank) => {
    if (!Number.isInteger(node) || node < 0 || node >= n)
      throw new InvalidRoutingInputError(`No node ${node}`);
    if (nearestSource[node] !== -1) return; // listed twice: the first rank wins
    minutes[node] = 0;
    km[node] = 0;
    nearestSource[node] = rank;
    heap.push(0, rank, node);
  });
  while (heap.size > 0) {
    const u = heap.topNode();
    heap.pop();
    if (settled[u]) continue;
    settled[u] = 1;
    const du = minutes[u]!;
    const ru = nearestSource[u]!;
    for (let slot = offsets[u]!, end = offsets[u + 1]!; slot < end; slot += 1) {
      const v = targets[slot]!;
      if (settled[v]) continue;
      const dv = du + slotMinutes[slot]!;
      // Labels only ever improve within the cutoff, so nothing beyond it is ever queued or left half-set.
      if (dv > maxMinutes) continue;
      if (dv < minutes[v]! || (dv === minutes[v]! && ru < nearestSource[v]!)) {
        minutes[v] = dv;
        km[v] = km[u]! + slotKm[slot]!;
        predecessor[v] = u;
        nearestSource[v] = ru;
        heap.push(dv, ru, v);
      }
    }
  }
  return { minutes, km, predecessor, nearestSource };
}

/** Commune codes from the route's source to `target`, or null when the target was not reached. */
export function traceRoute(adjacency: Adjacency, tree: ShortestPathTree, target: number): string[] | null {
  if (!(tree.minutes[target]! < Infinity)) return null;
  const route: string[] = [];
  for (let at = target; at !== -1; at = tree.predecessor[at]!) route.push(adjacency.codes[at]!);
  return route.reverse();
}
