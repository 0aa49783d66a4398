/**
 * Single-source Dijkstra settled one node at a time, for callers that stop once they have enough. It runs
 * exactly as findShortestPaths does (same heap order and label rule), so every node settled so far has the
 * minutes, km and predecessor the full run gives it; nodes not yet settled must not be read.
 */
import type { Adjacency } from './adjacency';
import { MinHeap } from './min-heap';
import type { ShortestPathTree } from './shortest-paths';

export interface ShortestPathWalk {
  /** Live arrays: final for settled nodes only. */
  readonly tree: ShortestPathTree;
  /** Settles and returns the next nearest node, or -1 when every reachable node is settled. */
  next(): number;
  /** Minutes of the node `next()` would settle, or Infinity when none is left. */
  peekMinutes(): number;
}

export function walkShortestPaths(adjacency: Adjacency, source: number): ShortestPathWalk {
  const n = adjacency.codes.length;
  const { offsets, targets, minutes: slotMinutes, km: slotKm } = adjacency;
  const minutes = new Float64Array(n).fill(Infinity);
  const km = new Float64Array(n).fill(Infinity);
  const predecessor = new Int32Array(n).fill(-1);
  const nearestSource = new Int32Array(n).fill(-1);
  const settled = new Uint8Array(n);
  const heap = new MinHeap(64);
  minutes[source] = 0;
  km[source] = 0;
  nearestSource[source] = 0;
  heap.push(0, 0, source);
  const dropSettled = () => {
    while (heap.size > 0 && settled[heap.topNode()]) heap.pop();
  };
  return {
    tree: { minutes, km, predecessor, nearestSource },
    next() {
      dropSettled();
      if (heap.size === 0) return -1;
      const u = heap.topNode();
      heap.pop();
      settled[u] = 1;
      const du = minutes[u]!;
      for (let slot = offsets[u]!, end = offsets[u + 1]!; slot < end; slot += 1) {
        const v = targets[slot]!;
        if (settled[v]) continue;
        const dv = du + slotMinutes[slot]!;
        if (dv < minutes[v]!) {
          minutes[v] = dv;
          km[v] = km[u]! + slotKm[slot]!;
          predecessor[v] = u;
          nearestSource[v] = 0;
          heap.push(dv, 0, v);
        }
      }
      return u;
    },
    peekMinutes() {
      dropSettled();
      return heap.size > 0 ? heap.topMinutes() : Infinity;
    },
  };
}
