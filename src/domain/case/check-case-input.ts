/**
 * What a new case record may hold: a pseudonymous label (never a name), the birth month rather than the
 * date (enough for age-based eligibility, less identifying), languages from the language table and needs
 * as service codes.
 */
import { BadInputError } from '../errors';
import { CASE_LABEL, LIMITS, SERVICE_CODE } from '../input-limits';
import { readLanguageCode } from '../language/language-table';

export interface CaseInput {
  label: string;
  birthMonth: string;
  languages?: readonly string[] | null;
  needs?: readonly string[] | null;
}

/** The case's fields as stored (label trimmed, languages normalised, defaults applied), or BAD_USER_INPUT. */
export function checkCaseInput(
  input: CaseInput,
  at: string,
): { label: string; birthMonth: string; languages: string[]; needs: string[] } {
  const label = input.label.trim();
  if (!CASE_LABEL.test(label)) {
    throw new BadInputError(
      'label must be a short pseudonymous code (1–40 letters, digits, spaces, - _ # .), never a name',
    );
  }
  if (
    !/^\d{4}-(0[1-9]|1[0-2])$/.test(input.birthMonth) ||
    input.birthMonth > at.slice(0, 7) ||
    input.birthMonth < '2000-01'
  ) {
    throw new BadInputError('birthMonth must be YYYY-MM, not in the future, and describe a child');
  }
  const languages = readCaseLanguages(input.languages ?? ['vie']);
  const needs = [...(input.needs ?? [])];
  if (needs.length > LIMITS.caseNeeds || !needs.every((n) => SERVICE_CODE.test(n)))
    throw new BadInputError('needs must be service codes such as SCR.ASD');
  return { label, birthMonth: input.birthMonth, languages, needs };
}

/** Whole months between a YYYY-MM birth month and `at`. */
export function ageInMonths(birthMonth: string, at: string): number {
  const [y, m] = birthMonth.split('-').map(Number) as [number, number];
  const now = new Date(at);
  return Math.max(0, (now.getUTCFullYear() - y) * 12 + (now.getUTCMonth() + 1 - m));
}

/** ISO 639-3 codes of the language table (old codes mapped), deduplicated, or BAD_USER_INPUT naming close ones. */
function readCaseLanguages(given: readonly string[]): string[] {
  if (given.length > LIMITS.caseLanguages)
    throw new BadInputError(`languages has more than ${LIMITS.caseLanguages} entries`);
  const codes: string[] = [];
  for (const input of given) {
    const r = readLanguageCode(input.slice(0, 40));
    if ('error' in r) throw new BadInputError(`languages: ${r.error}`);
    if (!codes.includes(r.code)) codes.push(r.code);
  }
  return codes;
}
