/**
 * Reads the 2025 commune boundaries copied into seeds/vn-admin-2025/boundaries/ (simplified TopoJSON and the
 * shared-border pairs; provenance and licence in that folder): commune polygons, the links the travel graph
 * is built on, and commune points moved inside their own polygon where the published point lies outside it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeTopology, type PolygonRings, type Topology } from '../src/domain/geo/decode-topology';
import { findInteriorPoint, isPointInPolygons } from '../src/domain/geo/polygon-geometry';
import type { CommuneLink } from '../src/domain/routing/travel-model';
import type { CommuneRecord } from '../src/store/port';
import { geographyDir } from './geography-dir';
import { ISLAND_LINKS } from './island-links';

export const TOPOLOGY_FILE = 'vn_admin_2025_5pct.topo.json';
export const ADJACENCY_FILE = 'vn_commune_adjacency_2025.csv';
/** Flag on a commune whose point was replaced by a point inside its polygon. */
export const POINT_MOVED_FLAG = 'point_moved_inside_polygon';

/** The boundaries folder inside a geography folder (seeds/vn-admin-2025 by default, also from dist/). */
export function boundariesDir(dir = geographyDir()): string {
  return path.join(dir, 'boundaries');
}

interface Shapes {
  communes: Map<string, PolygonRings[]>;
  provinces: Map<string, PolygonRings[]>;
  provinceNames: Map<string, string>;
}

let cachedShapes: { dir: string; shapes: Shapes } | undefined;

function loadShapes(dir: string): Shapes {
  if (cachedShapes?.dir !== dir) {
    const topology = JSON.parse(fs.readFileSync(path.join(dir, TOPOLOGY_FILE), 'utf8')) as Topology;
    const byKey = (object: string, key: string) =>
      new Map(decodeTopology(topology, object).map((f) => [String(f.properties[key]), f.polygons]));
    const provinceNames = new Map(
      decodeTopology(topology, 'provinces').map((f) => [
        String(f.properties.province_code),
        String(f.properties.name),
      ]),
    );
    cachedShapes = {
      dir,
      shapes: {
        communes: byKey('communes', 'code'),
        provinces: byKey('provinces', 'province_code'),
        provinceNames,
      },
    };
  }
  return cachedShapes.shapes;
}

/** Commune code → polygon parts, decoded once per process (the file is 2.3 MB). */
export function loadCommuneShapes(dir = boundariesDir()): ReadonlyMap<string, PolygonRings[]> {
  return loadShapes(dir).communes;
}

/** Province code → name, as the boundary file gives it (joined from provinces.csv). */
export function loadProvinceNames(dir = boundariesDir()): ReadonlyMap<string, string> {
  return loadShapes(dir).provinceNames;
}

/** Province code → polygon parts (the communes dissolved by province, so borders coincide exactly). */
export function loadProvinceShapes(dir = boundariesDir()): ReadonlyMap<string, PolygonRings[]> {
  return loadShapes(dir).provinces;
}

/** Shared-border pairs and documented island links whose two communes are both in `codes`. */
export function loadCommuneLinks(codes: ReadonlySet<string>, dir = boundariesDir()): CommuneLink[] {
  // code_a,code_b,province_a,province_b,shared_border_km: codes only, never quoted.
  const [, ...lines] = fs.readFileSync(path.join(dir, ADJACENCY_FILE), 'utf8').trim().split(/\r?\n/);
  const borders = lines.map((line): CommuneLink => {
    const [a, b] = line.split(',');
    return { a: a!, b: b!, kind: 'BORDER' };
  });
  return [...borders, ...ISLAND_LINKS.map(({ a, b, kind }) => ({ a, b, kind }))].filter(
    (l) => codes.has(l.a) && codes.has(l.b),
  );
}

/**
 * Communes with a point outside their own polygon (21 of 3,321 in the 2025 data: coastal points in the sea,
 * placeholders, two swapped points) get a point inside it (findInteriorPoint) and the flag
 * {@link POINT_MOVED_FLAG}; the rest are returned unchanged. A commune with no polygon is left alone.
 */
export function placePointsInside(
  communes: readonly CommuneRecord[],
  shapes: ReadonlyMap<string, PolygonRings[]>,
): CommuneRecord[] {
  return communes.map((c) => {
    const polygons = shapes.get(c.code);
    if (!polygons) return c;
    if (c.lat != null && c.lon != null && isPointInPolygons(c.lon, c.lat, polygons)) return c;
    const point = findInteriorPoint(polygons);
    if (!point) return c;
    const round = (x: number) => Math.round(x * 1e5) / 1e5;
    return { ...c, lon: round(point[0]), lat: round(point[1]), flags: [...c.flags, POINT_MOVED_FLAG] };
  });
}
