/**
 * The neighbour graph the travel model estimates roads on: symmetric k-nearest neighbours by great-circle
 * distance, then Borůvka rounds that join every disconnected component to its closest outside point.
 * Pure geometry: it never looks at provinces, so edges across province borders are kept like any other.
 */

const RAD = Math.PI / 180;

/** A point to connect; only lat/lon (degrees) are read. */
export interface NeighbourPoint {
  lat: number;
  lon: number;
}

interface SweepIndex {
  order: Int32Array; // point indices sorted by latitude
  position: Int32Array; // where each point sits in `order`
  lat: Float64Array; // radians
  lon: Float64Array;
  cosLat: Float64Array;
}

function buildSweepIndex(points: readonly NeighbourPoint[]): SweepIndex {
  const n = points.length;
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const cosLat = new Float64Array(n);
  points.forEach((p, i) => {
    lat[i] = p.lat * RAD;
    lon[i] = p.lon * RAD;
    cosLat[i] = Math.cos(p.lat * RAD);
  });
  const order = Int32Array.from(points.keys()).sort((a, b) => lat[a]! - lat[b]! || a - b);
  const position = new Int32Array(n);
  order.forEach((point, at) => (position[point] = at));
  return { order, position, lat, lon, cosLat };
}

// The haversine term before asin/sqrt: monotonic in distance, so ranking on it is exact and cheaper.
function haversineTerm(ix: SweepIndex, i: number, j: number): number {
  const sLat = Math.sin((ix.lat[j]! - ix.lat[i]!) / 2);
  const sLon = Math.sin((ix.lon[j]! - ix.lon[i]!) / 2);
  return sLat * sLat + ix.cosLat[i]! * ix.cosLat[j]! * sLon * sLon;
}

// Visits points outward from `i` in latitude order, stopping a direction once latitude alone rules out
// anything closer than `bound()` (the latitude gap is a lower bound on the distance).
function sweepFrom(
  ix: SweepIndex,
  i: number,
  bound: () => number,
  visit: (j: number, h: number) => void,
): void {
  const n = ix.order.length;
  for (const step of [-1, 1]) {
    for (let at = ix.position[i]! + step; at >= 0 && at < n; at += step) {
      const j = ix.order[at]!;
      const sLat = Math.sin((ix.lat[j]! - ix.lat[i]!) / 2);
      if (sLat * sLat > bound()) break;
      visit(j, haversineTerm(ix, i, j));
    }
  }
}

const isCloser = (h: number, j: number, bestH: number, bestJ: number): boolean =>
  h < bestH || (h === bestH && j < bestJ);

function findNearest(ix: SweepIndex, i: number, k: number): number[] {
  const best: { j: number; h: number }[] = [];
  const kth = (): number => (best.length < k ? Infinity : best[best.length - 1]!.h);
  sweepFrom(ix, i, kth, (j, h) => {
    if (j === i) return;
    const last = best[best.length - 1];
    if (best.length === k && last && !isCloser(h, j, last.h, last.j)) return;
    let at = best.length;
    while (at > 0 && isCloser(h, j, best[at - 1]!.h, best[at - 1]!.j)) at -= 1;
    best.splice(at, 0, { j, h });
    if (best.length > k) best.pop();
  });
  return best.map((b) => b.j);
}

function findRoot(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

function addPair(pairs: Set<number>, n: number, i: number, j: number): void {
  pairs.add(i < j ? i * n + j : j * n + i);
}

function joinComponents(ix: SweepIndex, pairs: Set<number>): void {
  const n = ix.order.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  for (const key of pairs) parent[findRoot(parent, Math.floor(key / n))] = findRoot(parent, key % n);
  for (;;) {
    const sizes = new Map<number, number>();
    for (let i = 0; i < n; i += 1) sizes.set(findRoot(parent, i), (sizes.get(findRoot(parent, i)) ?? 0) + 1);
    if (sizes.size <= 1) return;
    // Every component but the largest finds its closest outside point; that at least halves the count.
    const largest = [...sizes].reduce((a, b) => (b[1] > a[1] || (b[1] === a[1] && b[0] < a[0]) ? b : a))[0];
    const bestOf = new Map<number, { h: number; i: number; j: number }>();
    for (let i = 0; i < n; i += 1) {
      const root = findRoot(parent, i);
      if (root === largest) continue;
      let best = bestOf.get(root) ?? { h: Infinity, i: -1, j: -1 };
      sweepFrom(
        ix,
        i,
        () => best.h,
        (j, h) => {
          if (findRoot(parent, j) === root) return;
          const [a, b] = i < j ? [i, j] : [j, i];
          if (h < best.h || (h === best.h && (a < best.i || (a === best.i && b < best.j))))
            best = { h, i: a, j: b };
        },
      );
      bestOf.set(root, best);
    }
    for (const { i, j } of bestOf.values()) {
      addPair(pairs, n, i, j);
      parent[findRoot(parent, i)] = findRoot(parent, j);
    }
  }
}

/** Index pairs [i, j] (i < j, sorted) of a connected neighbour graph over the points. */
export function findNeighbourPairs(points: readonly NeighbourPoint[], k: number): [number, number][] {
  const n = points.length;
  const ix = buildSweepIndex(points);
  const pairs = new Set<number>();
  for (let i = 0; i < n; i += 1) for (const j of findNearest(ix, i, k)) addPair(pairs, n, i, j);
  joinComponents(ix, pairs);
  return [...pairs].sort((a, b) => a - b).map((key) => [Math.floor(key / n), key % n]);
}
