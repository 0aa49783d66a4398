/**
 * The shapes and limits of what callers send, in one place: GraphQL arguments, service inputs and import
 * rows are checked against these, so a value accepted by one door is accepted by every other, with the
 * same message. (Import rows report problems per field instead of throwing, but use the same bounds.)
 */
import { BadInputError } from './errors';

/** A service taxonomy code such as SCR.ASD (seeds/service-types). */
export const SERVICE_CODE = /^[A-Z]{2,4}\.[A-Z]{2,12}$/;
/** Our record ids and the ids integrators send: organisations, facilities, offerings. */
export const RECORD_ID = /^[\w.:-]{1,64}$/;
/** A case label: a short pseudonymous code, never a name (letters so that local codes such as ĐX-1 fit). */
export const CASE_LABEL = /^[\p{L}\p{N}][\p{L}\p{N} _\-#.]{0,39}$/u;

export const LIMITS = {
  /** A child's age, and an offering's age range: up to the 18th birthday. */
  ageMonths: 216,
  /** A travel-time limit: one day. */
  travelMinutes: 24 * 60,
  caseLanguages: 10,
  caseNeeds: 20,
  consentOrganizations: 50,
  /** A referral's reason, and a skip-level reason. */
  reasonMin: 3,
  reasonMax: 1000,
  transitionNote: 2000,
  auditPage: 1000,
  searchText: 200,
  /** Free-text codes such as a facility kind. */
  code: 64,
} as const;

/** A whole number of months from 0 to LIMITS.ageMonths, or BAD_USER_INPUT naming the field. */
export function checkAgeMonths(field: string, value: number | null | undefined): void {
  if (value == null) return;
  if (!Number.isInteger(value) || value < 0 || value > LIMITS.ageMonths)
    throw new BadInputError(`${field} must be between 0 and ${LIMITS.ageMonths} (under 18)`, { field });
}

/** Minutes above 0 and at most a day, or BAD_USER_INPUT naming the field. */
export function checkTravelMinutes(field: string, value: number | null | undefined): void {
  if (value == null) return;
  if (!(value > 0 && value <= LIMITS.travelMinutes))
    throw new BadInputError(`${field} must be positive and at most ${LIMITS.travelMinutes}`, { field });
}
