/**
 * What a generator scale means: `national` is all 34 provinces and 3,321 communes; a fraction (0 < f < 1) is
 * whole provinces taken in code order until they hold f of the communes, so the travel graph of each province
 * stays whole. Cases are 200,000 × f and referrals exactly twice as many, at every scale.
 */
import type { CommuneRecord, ProvinceRecord } from '../../src/store/port';

export const NATIONAL_CASES = 200_000;
export const REFERRALS_PER_CASE = 2;

export interface Scale {
  /** The label given on the command line: `national` or the fraction as written. */
  label: string;
  fraction: number;
}

/** Parses `--scale`: `national`, `full` or a fraction in (0, 1]. */
export function parseScale(text: string): Scale {
  if (text === 'national' || text === 'full') return { label: 'national', fraction: 1 };
  const fraction = Number(text);
  if (!(Number.isFinite(fraction) && fraction > 0 && fraction <= 1)) {
    throw new Error(`--scale must be "national" or a fraction in (0, 1], got "${text}"`);
  }
  return { label: fraction === 1 ? 'national' : text, fraction };
}

/** The province codes a scale covers (all of them at 1). */
export function selectProvinces(
  provinces: readonly ProvinceRecord[],
  communes: readonly CommuneRecord[],
  fraction: number,
): string[] {
  const sorted = [...provinces].sort((a, b) => (a.code < b.code ? -1 : 1));
  if (fraction >= 1) return sorted.map((p) => p.code);
  const target = fraction * communes.length;
  const perProvince = new Map<string, number>();
  for (const c of communes) perProvince.set(c.provinceCode, (perProvince.get(c.provinceCode) ?? 0) + 1);
  const chosen: string[] = [];
  let total = 0;
  for (const p of sorted) {
    if (total >= target) break;
    chosen.push(p.code);
    total += perProvince.get(p.code) ?? 0;
  }
  return chosen;
}

/** Cases at a scale; referrals are REFERRALS_PER_CASE times this. */
export function caseCount(fraction: number): number {
  return Math.max(1, Math.round(NATIONAL_CASES * fraction));
}
