/**
 * Commune and province polygons as GeoJSON for the console's map, from the simplified 2025 boundaries
 * (seeds/vn-admin-2025/boundaries, MIT; see PROVENANCE.md there). Coordinates are rounded to 4 decimals
 * (about 11 m), well below the 5 % simplification, which keeps a province's file small.
 */
import type { PolygonRings } from '../domain/geo/decode-topology';

export interface BoundarySource {
  communes: ReadonlyMap<string, PolygonRings[]>;
  provinces: ReadonlyMap<string, PolygonRings[]>;
  /** Commune code → its name and province, from the directory (names as the data set spells them). */
  communeInfo: ReadonlyMap<string, { name: string; provinceCode: string }>;
  provinceNames: ReadonlyMap<string, string>;
}

export const BOUNDARY_ATTRIBUTION =
  'Boundaries: thanglequoc/vietnamese-provinces-database (MIT), from the sapnhap.bando.com.vn reference map; simplified to 5 %.';

const round = (x: number) => Math.round(x * 1e4) / 1e4;

function geometryOf(polygons: PolygonRings[]) {
  return {
    type: 'MultiPolygon',
    coordinates: polygons.map((rings) =>
      rings.map((ring) => ring.map(([lon, lat]) => [round(lon), round(lat)])),
    ),
  };
}

/** Communes of one province (or all), with that province's outline (or every province's). */
export function buildBoundaryGeoJson(source: BoundarySource, provinceCode: string | null): object {
  const communes = [...source.communeInfo]
    .filter(
      ([code, info]) => source.communes.has(code) && (!provinceCode || info.provinceCode === provinceCode),
    )
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, info]) => ({
      type: 'Feature',
      properties: { code, name: info.name, provinceCode: info.provinceCode },
      geometry: geometryOf(source.communes.get(code)!),
    }));
  const seeded = new Set([...source.communeInfo.values()].map((c) => c.provinceCode));
  const provinces = [...source.provinces]
    .filter(([code]) => (provinceCode ? code === provinceCode : seeded.has(code)))
    .map(([code, polygons]) => ({
      type: 'Feature',
      properties: { code, name: source.provinceNames.get(code) ?? code },
      geometry: geometryOf(polygons),
    }));
  return {
    type: 'FeatureCollection',
    attribution: BOUNDARY_ATTRIBUTION,
    features: communes,
    provinces: { type: 'FeatureCollection', features: provinces },
  };
}
