import type { Exclusion, MatchReason, ProviderCandidate, ProviderNeed } from './provider-types';

/** Places still free: capacity minus current load (never below 0), or null when capacity is unknown. */
export function computeAvailableCapacity(
  capacity?: number | null,
  currentLoad?: number | null,
): number | null {
  if (capacity == null) return null;
  return Math.max(0, capacity - (currentLoad ?? 0));
}

function describeRange(min?: number | null, max?: number | null): string {
  if (min != null && max != null) return `range ${min}–${max} months`;
  if (min != null) return `from ${min} months`;
  if (max != null) return `up to ${max} months`;
  return 'no age limits';
}

function checkAge(c: ProviderCandidate, age: number, passed: MatchReason[], failed: Exclusion[]): void {
  const { minAgeMonths: min, maxAgeMonths: max } = c;
  if (min != null && age < min)
    failed.push({ code: 'TOO_YOUNG', text: `Starts at ${min} months; the child is ${age} months` });
  else if (max != null && age > max)
    failed.push({ code: 'TOO_OLD', text: `Accepts up to ${max} months; the child is ${age} months` });
  else passed.push({ code: 'AGE_OK', text: `Accepts ${age}-month-olds (${describeRange(min, max)})` });
}

function checkCapacity(
  c: ProviderCandidate,
  required: boolean,
  passed: MatchReason[],
  failed: Exclusion[],
): number | null {
  const available = computeAvailableCapacity(c.capacity, c.currentLoad);
  if (available === null) passed.push({ code: 'CAPACITY_UNKNOWN', text: 'Capacity not reported' });
  else if (available > 0)
    passed.push({ code: 'CAPACITY_OK', text: `${available} of ${c.capacity} places free` });
  else if (required)
    failed.push({ code: 'FULL', text: `No free place (${c.currentLoad ?? 0} of ${c.capacity} in use)` });
  else
    passed.push({
      code: 'NO_FREE_PLACE',
      text: `No free place now (${c.currentLoad ?? 0} of ${c.capacity} in use)`,
    });
  return available;
}

/**
 * Checks a candidate against everything in the need except travel: sector, age, language and free places.
 * Returns the reasons it passed, the checks it failed and its available capacity.
 */
export function checkEligibility(
  candidate: ProviderCandidate,
  need: ProviderNeed,
): { passed: MatchReason[]; failed: Exclusion[]; availableCapacity: number | null } {
  const passed: MatchReason[] = [];
  const failed: Exclusion[] = [];
  if (need.sector !== undefined) {
    if (candidate.sector === need.sector)
      passed.push({ code: 'SECTOR_OK', text: `In the ${need.sector} sector` });
    else failed.push({ code: 'SECTOR', text: `In the ${candidate.sector} sector, not ${need.sector}` });
  }
  if (need.childAgeMonths !== undefined) checkAge(candidate, need.childAgeMonths, passed, failed);
  if (need.language !== undefined) {
    const wanted = need.language.toLowerCase();
    const offered = candidate.languages.map((l) => l.toLowerCase());
    if (offered.includes(wanted)) passed.push({ code: 'LANGUAGE_OK', text: `Offers ${wanted}` });
    else
      failed.push({
        code: 'LANGUAGE',
        text: `Does not offer ${wanted} (offers ${offered.join(', ') || 'none listed'})`,
      });
  }
  const availableCapacity = checkCapacity(candidate, need.requireCapacity ?? true, passed, failed);
  if (candidate.waitDays != null)
    passed.push({ code: 'WAIT_DAYS', text: `Waiting list about ${candidate.waitDays} days` });
  return { passed, failed, availableCapacity };
}
