/**
 * Point-in-polygon, area and an interior point for commune polygons ([lon, lat] rings, holes after the
 * outer ring). Communes are small, so a local equirectangular projection (longitude × cos latitude) is
 * accurate to well under 1 % for area and exact for containment.
 */
import type { PolygonRings, Position } from './decode-topology';

const KM_PER_DEGREE = 111.32;

/** Even–odd rule over every ring of every part: holes and overlapping parts come out right. */
export function isPointInPolygons(lon: number, lat: number, polygons: readonly PolygonRings[]): boolean {
  let inside = false;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

function ringAreaKm2(ring: readonly Position[], cosLat: number): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    twice += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  }
  return (Math.abs(twice) / 2) * KM_PER_DEGREE * KM_PER_DEGREE * cosLat;
}

/** Area of one polygon part (outer ring minus holes) in km². */
export function measurePolygonKm2(rings: PolygonRings): number {
  const outer = rings[0];
  if (!outer || outer.length < 3) return 0;
  const meanLat = outer.reduce((sum, p) => sum + p[1], 0) / outer.length;
  const cosLat = Math.cos((meanLat * Math.PI) / 180);
  return rings.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * ringAreaKm2(ring, cosLat), 0);
}

/** Area of all parts in km². */
export function measureAreaKm2(polygons: readonly PolygonRings[]): number {
  return polygons.reduce((sum, rings) => sum + measurePolygonKm2(rings), 0);
}

// Crossings of the horizontal line at `lat` with every ring of the part, sorted by longitude; between the
// 1st and 2nd, 3rd and 4th… crossing the line is inside (even–odd rule).
function crossings(rings: PolygonRings, lat: number): number[] {
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > lat !== yj > lat) xs.push(xi + ((lat - yi) * (xj - xi)) / (yj - yi));
    }
  }
  return xs.sort((a, b) => a - b);
}

/**
 * A point inside the largest part: the middle of the longest inside stretch of 15 horizontal lines spread
 * over the part's latitude range. Cheap, deterministic, and always inside (unlike a centroid, which falls
 * outside a crescent-shaped or coastal commune); it favours the wide middle of the shape.
 */
export function findInteriorPoint(polygons: readonly PolygonRings[]): Position | null {
  const largest = [...polygons].sort((a, b) => measurePolygonKm2(b) - measurePolygonKm2(a))[0];
  if (!largest || !largest[0] || largest[0].length < 3) return null;
  const lats = largest[0].map((p) => p[1]);
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  let best: { width: number; point: Position } | null = null;
  const lines = 15;
  for (let k = 1; k <= lines; k += 1) {
    const lat = minLat + ((maxLat - minLat) * k) / (lines + 1);
    const xs = crossings(largest, lat);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const width = xs[i + 1]! - xs[i]!;
      if (!best || width > best.width) best = { width, point: [(xs[i]! + xs[i + 1]!) / 2, lat] };
    }
  }
  return best?.point ?? null;
}
