/**
 * Loads the real 2025 geography (seeds/vn-admin-2025/*.csv) into store records: provinces, communes with
 * their gaps imputed and flagged, and pre-reform communes with their successor. See docs/data.md.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CommuneRecord, LegacyCommuneRecord, ProvinceRecord } from '../src/store/port';
import { imputeCommuneGaps } from './impute-geography';
import { boundariesDir, loadCommuneShapes, placePointsInside } from './load-boundaries';
import { geographyDir } from './geography-dir';

/** Every seeded row carries this timestamp, so two seeds of the same data are identical. */
export const SEED_TIMESTAMP = '2025-07-01T00:00:00.000Z';

/**
 * Parses RFC 4180 CSV: fields may be quoted, a quoted field may hold commas, line breaks and `""` (one
 * quote). Accepts LF or CRLF and a leading BOM; a final line break does not make an empty row.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** Parses CSV with a header row into objects keyed by column name; a row of the wrong width throws. */
export function parseCsvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((cells, n) => {
    if (cells.length !== header.length) {
      throw new Error(`CSV row ${n + 2} has ${cells.length} fields, expected ${header.length}`);
    }
    return Object.fromEntries(header.map((name, j) => [name, cells[j]!]));
  });
}

export { geographyDir };

export interface GeographyOptions {
  /** Keep only these new (2025) province codes; all 34 when absent. */
  provinceCodes?: readonly string[];
  dir?: string;
}

function readCsv(options: GeographyOptions, file: string): Record<string, string>[] {
  return parseCsvObjects(fs.readFileSync(path.join(options.dir ?? geographyDir(), file), 'utf8'));
}

function keep(options: GeographyOptions): (provinceCode: string) => boolean {
  const codes = options.provinceCodes ? new Set(options.provinceCodes) : null;
  return (code) => codes === null || codes.has(code);
}

const num = (text: string | undefined): number | null => (text == null || text === '' ? null : Number(text));

export function loadProvinces(options: GeographyOptions = {}): ProvinceRecord[] {
  const wanted = keep(options);
  return readCsv(options, 'provinces.csv')
    .filter((r) => wanted(r.code!))
    .map((r) => ({
      code: r.code!,
      name: r.name!,
      fullName: r.full_name!,
      type: r.type!,
      lat: num(r.lat),
      lon: num(r.lon),
      population: num(r.population),
      areaKm2: num(r.area_km2),
      updatedAt: SEED_TIMESTAMP,
    }));
}

/**
 * Communes (scheme VN34, valid from 1 July 2025) with blank population and area imputed and flagged, and a
 * point outside the commune's own polygon moved inside it (seeds/load-boundaries.ts).
 */
export function loadCommunes(options: GeographyOptions = {}): CommuneRecord[] {
  const wanted = keep(options);
  const rows = readCsv(options, 'communes.csv')
    .filter((r) => wanted(r.province_code!))
    .map(
      (r): CommuneRecord => ({
        code: r.code!,
        name: r.name!,
        shortName: r.short_name!,
        type: r.type!,
        provinceCode: r.province_code!,
        lat: num(r.lat),
        lon: num(r.lon),
        areaKm2: num(r.area_km2),
        areaEstimated: false,
        population: num(r.population),
        populationEstimated: false,
        childPopulation: null,
        scheme: 'VN34',
        validFrom: '2025-07-01',
        flags: r.flags ? r.flags.split(';').filter((f) => f !== '') : [],
        updatedAt: SEED_TIMESTAMP,
      }),
    );
  const dir = options.dir ?? geographyDir();
  const shapes = fs.existsSync(boundariesDir(dir)) ? loadCommuneShapes(boundariesDir(dir)) : new Map();
  return imputeCommuneGaps(placePointsInside(rows, shapes));
}

/**
 * A stable key for a succession row without an old code: a hash of what identifies it, so it survives a
 * re-sort of the file. The new code is part of it because a split unit has one row per successor.
 */
export function supplementaryKey(
  name: string,
  district: string,
  province: string,
  successorCode: string,
): string {
  const digest = createHash('sha1').update([name, district, province, successorCode].join('|')).digest('hex');
  return `VN63S:${digest.slice(0, 12)}`;
}

/**
 * Pre-reform communes whose successor is in the wanted provinces. Coded rows are keyed `VN63:<old code>`;
 * supplementary rows (no old code) by {@link supplementaryKey}, and exact duplicates among them collapse into
 * one record. The 5 `no_predecessor_commune` rows name no old unit and are skipped.
 */
export function loadLegacyCommunes(options: GeographyOptions = {}): LegacyCommuneRecord[] {
  const wanted = keep(options);
  const byKey = new Map<string, LegacyCommuneRecord>();
  for (const r of readCsv(options, 'ward-succession.csv')) {
    if (!wanted(r.new_province_code!) || r.old_name === '') continue;
    const code = r.old_code ? r.old_code : null;
    const key = code
      ? `VN63:${code}`
      : supplementaryKey(r.old_name!, r.old_district_name!, r.old_province_name!, r.new_code!);
    if (byKey.has(key)) continue;
    byKey.set(key, {
      key,
      code,
      name: r.old_name!,
      districtName: r.old_district_name!,
      provinceName: r.old_province_name!,
      oldProvinceCode: r.old_province_code!,
      successorCode: r.new_code!,
      note: r.note!,
    });
  }
  return [...byKey.values()];
}

export interface Geography {
  provinces: ProvinceRecord[];
  communes: CommuneRecord[];
  legacyCommunes: LegacyCommuneRecord[];
}

/** All three tables, filtered to the same provinces. */
export function loadGeography(options: GeographyOptions = {}): Geography {
  return {
    provinces: loadProvinces(options),
    communes: loadCommunes(options),
    legacyCommunes: loadLegacyCommunes(options),
  };
}
