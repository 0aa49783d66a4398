/**
 * Fills the blank populations (417 of 3,321) and areas (311) of the 2025 commune data so coverage can weight
 * every commune, and flags each filled value as estimated. The rule is the domain's one imputation rule
 * (src/domain/coverage/impute-population.ts; docs/data.md § Imputation).
 */
import { imputeGaps } from '../src/domain/coverage/impute-population';
import type { CommuneRecord } from '../src/store/port';

export { median, MIN_SAMPLES_PER_TYPE, UNINHABITED_CODES } from '../src/domain/coverage/impute-population';

/** The communes with blank population and area filled from their own province (input order kept). */
export function imputeCommuneGaps(communes: readonly CommuneRecord[]): CommuneRecord[] {
  const gaps = imputeGaps(communes);
  return communes.map((c) => {
    const g = gaps.get(c.code)!;
    const out = { ...c };
    if (g.populationImputed) [out.population, out.populationEstimated] = [g.population, true];
    if (g.areaImputed) [out.areaKm2, out.areaEstimated] = [g.areaKm2!, true];
    return out;
  });
}
