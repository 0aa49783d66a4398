import { languageNameVi } from '../i18n/language-names';
import { labelOf } from '../i18n/labels';
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

function describeRangeVi(min?: number | null, max?: number | null): string {
  if (min != null && max != null) return `từ ${min} đến ${max} tháng`;
  if (min != null) return `từ ${min} tháng`;
  if (max != null) return `đến ${max} tháng`;
  return 'không giới hạn tuổi';
}

function checkAge(c: ProviderCandidate, age: number, passed: MatchReason[], failed: Exclusion[]): void {
  const { minAgeMonths: min, maxAgeMonths: max } = c;
  if (min != null && age < min)
    failed.push({
      code: 'TOO_YOUNG',
      text: `Starts at ${min} months; the child is ${age} months`,
      textVi: `Nhận trẻ từ ${min} tháng; trẻ mới ${age} tháng`,
    });
  else if (max != null && age > max)
    failed.push({
      code: 'TOO_OLD',
      text: `Accepts up to ${max} months; the child is ${age} months`,
      textVi: `Chỉ nhận trẻ đến ${max} tháng; trẻ đã ${age} tháng`,
    });
  else
    passed.push({
      code: 'AGE_OK',
      text: `Accepts ${age}-month-olds (${describeRange(min, max)})`,
      textVi: `Nhận trẻ ${age} tháng (${describeRangeVi(min, max)})`,
    });
}

function checkCapacity(
  c: ProviderCandidate,
  required: boolean,
  passed: MatchReason[],
  failed: Exclusion[],
): number | null {
  const available = computeAvailableCapacity(c.capacity, c.currentLoad);
  const used = c.currentLoad ?? 0;
  if (available === null)
    passed.push({ code: 'CAPACITY_UNKNOWN', text: 'Capacity not reported', textVi: 'Chưa báo số chỗ' });
  else if (available > 0)
    passed.push({
      code: 'CAPACITY_OK',
      text: `${available} of ${c.capacity} places free`,
      textVi: `Còn ${available}/${c.capacity} chỗ`,
    });
  else if (required)
    failed.push({
      code: 'FULL',
      text: `No free place (${used} of ${c.capacity} in use)`,
      textVi: `Hết chỗ (đã dùng ${used}/${c.capacity})`,
    });
  else
    passed.push({
      code: 'NO_FREE_PLACE',
      text: `No free place now (${used} of ${c.capacity} in use)`,
      textVi: `Hiện hết chỗ (đã dùng ${used}/${c.capacity})`,
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
      passed.push({
        code: 'SECTOR_OK',
        text: `In the ${need.sector} sector`,
        textVi: `Thuộc ngành ${labelOf('sector', need.sector, 'vi')}`,
      });
    else
      failed.push({
        code: 'SECTOR',
        text: `In the ${candidate.sector} sector, not ${need.sector}`,
        textVi: `Thuộc ngành ${labelOf('sector', candidate.sector, 'vi')}, không phải ${labelOf('sector', need.sector, 'vi')}`,
      });
  }
  if (need.childAgeMonths !== undefined) checkAge(candidate, need.childAgeMonths, passed, failed);
  if (need.language !== undefined) {
    const wanted = need.language.toLowerCase();
    const offered = candidate.languages.map((l) => l.toLowerCase());
    if (offered.includes(wanted))
      passed.push({
        code: 'LANGUAGE_OK',
        text: `Offers ${wanted}`,
        textVi: `Có phục vụ bằng ${languageNameVi(wanted)}`,
      });
    else
      failed.push({
        code: 'LANGUAGE',
        text: `Does not offer ${wanted} (offers ${offered.join(', ') || 'none listed'})`,
        textVi: `Không phục vụ bằng ${languageNameVi(wanted)} (có: ${offered.map(languageNameVi).join(', ') || 'chưa ghi'})`,
      });
  }
  const availableCapacity = checkCapacity(candidate, need.requireCapacity ?? true, passed, failed);
  if (candidate.waitDays != null)
    passed.push({
      code: 'WAIT_DAYS',
      text: `Waiting list about ${candidate.waitDays} days`,
      textVi: `Chờ khoảng ${candidate.waitDays} ngày`,
    });
  return { passed, failed, availableCapacity };
}
