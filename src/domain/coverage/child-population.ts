import { InvalidRoutingInputError } from '../routing/errors';

/** An age band in whole months, both ends included (18–30 means from 18 months to just before 31). */
export interface AgeBand {
  minMonths: number;
  maxMonths: number;
}

/**
 * Share of the total population at each single year of age 0–17, in percent. Approximate figures from the
 * Vietnam 2019 Population and Housing Census (GSO): each five-year group's share spread evenly over its years.
 * docs/coverage-method.md gives the groups and the caveats.
 */
export const AGE_SHARES_PERCENT: readonly number[] = [
  ...Array<number>(5).fill(1.64), // 0–4: 8.2 %
  ...Array<number>(5).fill(1.7), // 5–9: 8.5 %
  ...Array<number>(5).fill(1.5), // 10–14: 7.5 %
  ...Array<number>(3).fill(1.34), // 15–17 (of 15–19: 6.7 %)
];

/** A commune's child count reported by a local source; either by single year of age 0–17, or a 0–17 total. */
export interface ImportedChildPopulation {
  communeCode: string;
  byYearOfAge?: readonly number[];
  total0to17?: number;
}

/** Checks a band: finite, 0 ≤ min ≤ max. */
export function validateAgeBand(band: AgeBand): void {
  const { minMonths, maxMonths } = band;
  if (
    !(Number.isFinite(minMonths) && Number.isFinite(maxMonths) && minMonths >= 0 && maxMonths >= minMonths)
  ) {
    throw new InvalidRoutingInputError(
      `Age band must satisfy 0 ≤ minMonths ≤ maxMonths, got ${minMonths}–${maxMonths}`,
    );
  }
}

/** For each year of age 0–17, the fraction of that year's children whose age in months lies in the band. */
export function computeBandWeights(band: AgeBand): number[] {
  validateAgeBand(band);
  return AGE_SHARES_PERCENT.map((_, year) => {
    const overlap = Math.min(12 * year + 12, band.maxMonths + 1) - Math.max(12 * year, band.minMonths);
    return Math.max(0, overlap) / 12;
  });
}

/** Children in the band estimated from a commune's total population and the national age structure. */
export function estimateBandChildren(population: number, weights: readonly number[]): number {
  return weights.reduce((sum, w, year) => sum + (population * AGE_SHARES_PERCENT[year]! * w) / 100, 0);
}

/** Children in the band from an imported count: by year of age as given, or a 0–17 total split nationally. */
export function countImportedBandChildren(
  imported: ImportedChildPopulation,
  weights: readonly number[],
): number {
  if (imported.byYearOfAge) {
    if (
      imported.byYearOfAge.length !== AGE_SHARES_PERCENT.length ||
      imported.byYearOfAge.some((n) => !(n >= 0))
    ) {
      throw new InvalidRoutingInputError(
        `Imported children for ${imported.communeCode} need 18 counts ≥ 0 (ages 0–17)`,
      );
    }
    return weights.reduce((sum, w, year) => sum + imported.byYearOfAge![year]! * w, 0);
  }
  const total = imported.total0to17;
  if (total === undefined || !(total >= 0)) {
    throw new InvalidRoutingInputError(
      `Imported children for ${imported.communeCode} need byYearOfAge or total0to17 ≥ 0`,
    );
  }
  const share0to17 = AGE_SHARES_PERCENT.reduce((a, b) => a + b, 0);
  return (estimateBandChildren(total, weights) * 100) / share0to17;
}
