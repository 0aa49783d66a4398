import { groupBy } from '../routing/group-by';

/** The commune fields imputation reads. */
export interface PopulationInput {
  code: string;
  provinceCode: string;
  type?: string;
  population: number | null;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Fills blank populations (about 400 of the 3,321 communes) with the median of known communes of the same
 * province and type, then of the province, then of all; 0 when nothing is known. Imputed ones are flagged.
 */
export function imputePopulations(
  communes: readonly PopulationInput[],
): Map<string, { population: number; imputed: boolean }> {
  const known = communes.filter((c): c is PopulationInput & { population: number } => c.population != null);
  const medianOf = (groups: Map<string, typeof known>) =>
    [...groups].map(([key, rows]): [string, number] => [key, median(rows.map((c) => c.population))!]);
  const medians = new Map([
    ...medianOf(groupBy(known, (c) => `${c.provinceCode}|${c.type ?? ''}`)),
    ...medianOf(groupBy(known, (c) => c.provinceCode)),
    ...medianOf(groupBy(known, () => '*')),
  ]);
  return new Map(
    communes.map((c): [string, { population: number; imputed: boolean }] => {
      if (c.population != null) return [c.code, { population: c.population, imputed: false }];
      const guess =
        medians.get(`${c.provinceCode}|${c.type ?? ''}`) ??
        medians.get(c.provinceCode) ??
        medians.get('*') ??
        0;
      return [c.code, { population: guess, imputed: true }];
    }),
  );
}
