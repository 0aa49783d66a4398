/** Validates filter inputs before they reach the store, with messages that name the bad field. */
import { BadInputError, quoteInput } from '../domain/errors';
import { checkAgeMonths, LIMITS, SERVICE_CODE } from '../domain/input-limits';
import { readLanguageCode } from '../domain/language/language-table';
import type { CommuneFilter, FacilityFilter } from '../store/port';
import type {
  CommuneFilter as CommuneFilterInput,
  FacilityFilter as FacilityFilterInput,
} from './generated/resolvers';

const CODE = /^[0-9]{2,5}$/;

function checkTimestamp(field: string, value: string | null | undefined): string | null {
  if (value == null) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new BadInputError(`${field} must be an ISO-8601 timestamp`);
  return new Date(ms).toISOString();
}

export function checkFacilityFilter(input: FacilityFilterInput | null | undefined): FacilityFilter {
  const f = input ?? {};
  if (f.provinceCode != null && !CODE.test(f.provinceCode))
    throw new BadInputError('provinceCode must be 2 digits');
  if (f.communeCode != null && !CODE.test(f.communeCode))
    throw new BadInputError('communeCode must be 5 digits');
  if (f.serviceCode != null && !SERVICE_CODE.test(f.serviceCode)) {
    throw new BadInputError(
      `serviceCode "${quoteInput(f.serviceCode)}" is not a taxonomy code such as SCR.ASD`,
    );
  }
  const language = f.language == null ? null : checkLanguage(f.language);
  checkAgeMonths('ageMonths', f.ageMonths);
  if (f.kind != null && f.kind.length > LIMITS.code)
    throw new BadInputError(`kind is at most ${LIMITS.code} characters`);
  return {
    provinceCode: f.provinceCode ?? null,
    communeCode: f.communeCode ?? null,
    sector: f.sector ?? null,
    kind: f.kind ?? null,
    level: f.level ?? null,
    serviceCode: f.serviceCode ?? null,
    ageMonths: f.ageMonths ?? null,
    language,
    updatedAfter: checkTimestamp('updatedAfter', f.updatedAfter),
    provenance: f.provenance ?? null,
  };
}

export function checkCommuneFilter(input: CommuneFilterInput | null | undefined): CommuneFilter {
  const f = input ?? {};
  if (f.provinceCode != null && !CODE.test(f.provinceCode))
    throw new BadInputError('provinceCode must be 2 digits');
  return {
    provinceCode: f.provinceCode ?? null,
    type: f.type ?? null,
    updatedAfter: checkTimestamp('updatedAfter', f.updatedAfter),
  };
}

/** A language filter: an ISO 639-3 code of the table (old codes such as `tay` read as `tyz`). */
export function checkLanguage(input: string): string {
  const r = readLanguageCode(input.slice(0, 40));
  if ('error' in r) throw new BadInputError(`language: ${r.error}`);
  return r.code;
}
