/**
 * Groups a province's communes into clusters of about 9 neighbours, the catchment of one regional health
 * centre (the former district level). Balanced k-means: farthest-point start, then assignment with a size
 * cap so no centre ends up with 2 or 20 communes. Deterministic: no randomness, ties broken by code.
 */
import type { CommuneRecord } from '../../src/store/port';

export const TARGET_CLUSTER_SIZE = 9;
const ITERATIONS = 10;

interface Point {
  x: number;
  y: number;
}

function project(communes: readonly CommuneRecord[]): Point[] {
  const lats = communes.map((c) => c.lat ?? 0);
  const cosLat = Math.cos(((lats.reduce((a, b) => a + b, 0) / Math.max(1, lats.length)) * Math.PI) / 180);
  return communes.map((c) => ({ x: (c.lon ?? 0) * cosLat, y: c.lat ?? 0 }));
}

const dist2 = (a: Point, b: Point) => (a.x - b.x) ** 2 + (a.y - b.y) ** 2;

function farthestPointStart(points: Point[], first: number, k: number): Point[] {
  const chosen = [points[first]!];
  const nearest = points.map((p) => dist2(p, chosen[0]!));
  while (chosen.length < k) {
    let best = 0;
    for (let i = 1; i < points.length; i += 1) if (nearest[i]! > nearest[best]!) best = i;
    chosen.push(points[best]!);
    points.forEach((p, i) => (nearest[i] = Math.min(nearest[i]!, dist2(p, points[best]!))));
  }
  return chosen.map((p) => ({ ...p }));
}

function assignWithCap(points: Point[], centres: Point[], cap: number): number[] {
  const pairs: Array<[number, number, number]> = [];
  points.forEach((p, i) => centres.forEach((c, j) => pairs.push([dist2(p, c), i, j])));
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const owner = new Array<number>(points.length).fill(-1);
  const sizes = new Array<number>(centres.length).fill(0);
  for (const [, i, j] of pairs) {
    if (owner[i] !== -1 || sizes[j]! >= cap) continue;
    owner[i] = j;
    sizes[j]! += 1;
  }
  return owner;
}

/** Clusters of communes (each sorted by code; clusters sorted by their first code). */
export function clusterCommunes(
  communes: readonly CommuneRecord[],
  targetSize = TARGET_CLUSTER_SIZE,
): CommuneRecord[][] {
  const sorted = [...communes].sort((a, b) => (a.code < b.code ? -1 : 1));
  if (sorted.length === 0) return [];
  const k = Math.max(1, Math.round(sorted.length / targetSize));
  const points = project(sorted);
  const mostPopulous = sorted.reduce(
    (best, c, i) => ((c.population ?? 0) > (sorted[best]!.population ?? 0) ? i : best),
    0,
  );
  let centres = farthestPointStart(points, mostPopulous, k);
  const cap = Math.ceil(sorted.length / k) + 1;
  let owner = assignWithCap(points, centres, cap);
  for (let round = 0; round < ITERATIONS; round += 1) {
    centres = centres.map((c, j) => {
      const members = points.filter((_, i) => owner[i] === j);
      if (members.length === 0) return c;
      return {
        x: members.reduce((s, p) => s + p.x, 0) / members.length,
        y: members.reduce((s, p) => s + p.y, 0) / members.length,
      };
    });
    const next = assignWithCap(points, centres, cap);
    if (next.every((o, i) => o === owner[i])) break;
    owner = next;
  }
  const clusters = centres.map((_, j) => sorted.filter((_, i) => owner[i] === j)).filter((c) => c.length > 0);
  return clusters.sort((a, b) => (a[0]!.code < b[0]!.code ? -1 : 1));
}

/** The commune that hosts a cluster's regional facilities: its most populous (the old district town). */
export function clusterSeat(cluster: readonly CommuneRecord[]): CommuneRecord {
  return cluster.reduce((best, c) => ((c.population ?? 0) > (best.population ?? 0) ? c : best));
}
