/**
 * The one imputation rule for a commune's blank population and area (docs/data.md § Imputation), used by the
 * seed on the 2025 data and by coverage for any commune still without a population. Within the commune's
 * own province: population = round(median density of its type × its area), or the median population of its
 * type when the area is blank too; area = median area of its type. A type with fewer than
 * MIN_SAMPLES_PER_TYPE known values uses the whole province's median; a province with nothing known uses
 * the national one (coverage only, so that every commune has a number), then 0. Uninhabited units get 0.
 */

/** The commune fields imputation reads. */
export interface PopulationInput {
  code: string;
  provinceCode: string;
  type?: string;
  population: number | null;
  areaKm2?: number | null;
}

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

type ByType = Map<string, number | null>;

function byTypeOrProvince(values: Array<{ type: string; value: number }>, types: Iterable<string>): ByType {
  const out: ByType = new Map([['', median(values.map((v) => v.value))]]);
  for (const type of types) {
    const own = values.filter((v) => v.type === type).map((v) => v.value);
    out.set(type, own.length >= MIN_SAMPLES_PER_TYPE ? median(own) : out.get('')!);
  }
  return out;
}

const hasArea = (c: PopulationInput): boolean => c.areaKm2 != null && c.areaKm2 > 0;

/** Median area, population and density by type ('' = whole group) over the communes given. */
function statistics(communes: readonly PopulationInput[]) {
  const types = new Set(communes.map((c) => c.type ?? ''));
  const of = (pick: (c: PopulationInput) => number | null) =>
    byTypeOrProvince(
      communes.flatMap((c) => {
        const value = pick(c);
        return value === null ? [] : [{ type: c.type ?? '', value }];
      }),
      types,
    );
  return {
    area: of((c) => (hasArea(c) ? c.areaKm2! : null)),
    population: of((c) => c.population),
    density: of((c) => (c.population != null && hasArea(c) ? c.population / c.areaKm2! : null)),
  };
}

export interface ImputedGaps {
  population: number | null;
  populationImputed: boolean;
  areaKm2: number | null;
  areaImputed: boolean;
}

/** Fills blank populations and areas by the rule above; known values are never changed. */
export function imputeGaps(
  communes: readonly PopulationInput[],
  options: { nationalFallback?: boolean } = {},
): Map<string, ImputedGaps> {
  const groups = new Map<string, PopulationInput[]>();
  for (const c of communes) groups.set(c.provinceCode, [...(groups.get(c.provinceCode) ?? []), c]);
  const stats = new Map([...groups].map(([code, group]) => [code, statistics(group)]));
  const national = options.nationalFallback ? statistics(communes) : null;
  return new Map(
    communes.map((c): [string, ImputedGaps] => {
      const own = stats.get(c.provinceCode)!;
      const type = c.type ?? '';
      const pick = (m: keyof typeof own) => own[m].get(type) ?? national?.[m].get('') ?? null;
      let areaKm2 = hasArea(c) ? c.areaKm2! : null;
      let areaImputed = false;
      if (areaKm2 === null) {
        const estimate = pick('area');
        if (estimate !== null) [areaKm2, areaImputed] = [Math.round(estimate * 100) / 100, true];
      }
      let population = c.population;
      let populationImputed = false;
      if (population == null) {
        const density = pick('density');
        let estimate: number | null;
        if (UNINHABITED_CODES.has(c.code)) estimate = 0;
        else if (hasArea(c) && density !== null) estimate = density * c.areaKm2!;
        else estimate = pick('population');
        if (estimate === null && options.nationalFallback) estimate = 0;
        if (estimate !== null) [population, populationImputed] = [Math.round(estimate), true];
      }
      return [c.code, { population: population ?? null, populationImputed, areaKm2, areaImputed }];
    }),
  );
}

/**
 * Coverage's view: every commune's population, imputed by the same rule where blank (with the national
 * median and then 0 as last resorts), and whether it was imputed here.
 */
export function imputePopulations(
  communes: readonly PopulationInput[],
): Map<string, { population: number; imputed: boolean }> {
  const gaps = imputeGaps(communes, { nationalFallback: true });
  return new Map(
    communes.map((c) => {
      const g = gaps.get(c.code)!;
      return [c.code, { population: g.population ?? 0, imputed: g.populationImputed }];
    }),
  );
}
