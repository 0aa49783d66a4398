/**
 * Fills the blank populations (417 of 3,321) and areas (311) of the 2025 commune data so coverage can weight
 * every commune, and flags each filled value as estimated. Method and reasons: docs/data.md § Imputation.
 */
import type { CommuneRecord } from '../src/store/port';

/** A type's own statistic is used when the province has at least this many known values of that type. */
export const MIN_SAMPLES_PER_TYPE = 3;

/** Units with no resident population (Đặc khu Hoàng Sa): 0, not an imputed figure. */
export const UNINHABITED_CODES: ReadonlySet<string> = new Set(['20333']);

/** Median of a list (mean of the two middle values for an even count); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface ProvinceStats {
  /** By commune type, then '' for the whole province. */
  area: Map<string, number | null>;
  population: Map<string, number | null>;
  density: Map<string, number | null>;
}

function byTypeOrProvince(values: Array<{ type: string; value: number }>, types: Iterable<string>) {
  const out = new Map<string, number | null>([['', median(values.map((v) => v.value))]]);
  for (const type of types) {
    const own = values.filter((v) => v.type === type).map((v) => v.value);
    out.set(type, own.length >= MIN_SAMPLES_PER_TYPE ? median(own) : out.get('')!);
  }
  return out;
}

function provinceStats(communes: readonly CommuneRecord[]): ProvinceStats {
  const types = new Set(communes.map((c) => c.type));
  const areas = communes.flatMap((c) =>
    c.areaKm2 != null && c.areaKm2 > 0 ? [{ type: c.type, value: c.areaKm2 }] : [],
  );
  const people = communes.flatMap((c) =>
    c.population != null ? [{ type: c.type, value: c.population }] : [],
  );
  const densities = communes.flatMap((c) =>
    c.population != null && c.areaKm2 != null && c.areaKm2 > 0
      ? [{ type: c.type, value: c.population / c.areaKm2 }]
      : [],
  );
  return {
    area: byTypeOrProvince(areas, types),
    population: byTypeOrProvince(people, types),
    density: byTypeOrProvince(densities, types),
  };
}

function imputeOne(c: CommuneRecord, stats: ProvinceStats): CommuneRecord {
  const out = { ...c };
  if (c.population == null) {
    const density = stats.density.get(c.type) ?? null;
    let estimate: number | null;
    if (UNINHABITED_CODES.has(c.code)) estimate = 0;
    else if (c.areaKm2 != null && c.areaKm2 > 0 && density != null)
      estimate = Math.round(density * c.areaKm2);
    else estimate = stats.population.get(c.type) ?? null;
    if (estimate != null) {
      out.population = Math.round(estimate);
      out.populationEstimated = true;
    }
  }
  if (c.areaKm2 == null || c.areaKm2 <= 0) {
    const estimate = stats.area.get(c.type) ?? null;
    if (estimate != null) {
      out.areaKm2 = Math.round(estimate * 100) / 100;
      out.areaEstimated = true;
    }
  }
  return out;
}

/**
 * Returns the communes with blank population and area filled from their own province (input order kept):
 * population = median density of the commune's type × its known area, or the median population of its type
 * when the area is blank too; area = median area of its type. A type with fewer than
 * {@link MIN_SAMPLES_PER_TYPE} known values uses the whole province's median instead.
 */
export function imputeCommuneGaps(communes: readonly CommuneRecord[]): CommuneRecord[] {
  const groups = new Map<string, CommuneRecord[]>();
  for (const c of communes) {
    const group = groups.get(c.provinceCode) ?? [];
    group.push(c);
    groups.set(c.provinceCode, group);
  }
  const stats = new Map([...groups].map(([code, group]) => [code, provinceStats(group)]));
  return communes.map((c) => imputeOne(c, stats.get(c.provinceCode)!));
}
