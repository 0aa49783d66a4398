/**
 * Time helpers for referrals. Timestamps are ISO 8601 strings as the store keeps them; a date-only value
 * (a due date) is a calendar day in Vietnam, which has one time zone (UTC+07:00) and no daylight saving.
 */
import { InvalidReferralInputError } from './errors';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const VIETNAM_OFFSET_MS = 7 * HOUR_MS;
// An offset is required on date-times: without one, Date.parse reads the server's local zone.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A duration in both units a caseworker reads: hours for fast hops, days for slow ones (0.1 precision). */
export interface Elapsed {
  hours: number;
  days: number;
}

/** Epoch ms of an ISO date-time with offset, or of 00:00 Vietnam time on a date-only value. */
export function parseInstant(value: string, field: string): number {
  const match = ISO_INSTANT.exec(value);
  if (match) {
    const [, year, month, day, time] = match;
    const midnight = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    // Date.UTC rolls 2025-02-30 over to March; a calendar date that does not exist is a typo, not a date.
    const isRealDate = midnight.getUTCMonth() === Number(month) - 1 && midnight.getUTCDate() === Number(day);
    const ms = time ? Date.parse(value) : midnight.getTime() - VIETNAM_OFFSET_MS;
    if (isRealDate && !Number.isNaN(ms)) return ms;
  }
  throw new InvalidReferralInputError(
    `${field} must be an ISO 8601 date or a date-time with offset, got "${value}"`,
  );
}

/** The instant a due date (or expiry) passes: the end of that day in Vietnam for a date, else the instant. */
export function resolveDueDeadline(dueDate: string, field = 'dueDate'): number {
  const start = parseInstant(dueDate, field);
  return dueDate.includes('T') ? start : start + DAY_MS;
}

/** Time from `fromMs` to `toMs`, never negative (clock skew between facilities is not a negative wait). */
export function measureElapsed(fromMs: number, toMs: number): Elapsed {
  const ms = Math.max(0, toMs - fromMs);
  return { hours: Math.round((ms / HOUR_MS) * 10) / 10, days: Math.round((ms / DAY_MS) * 10) / 10 };
}

/** Whole and fractional days between two instants, for thresholds such as "not accepted within 7 days". */
export function countDays(fromMs: number, toMs: number): number {
  return (toMs - fromMs) / DAY_MS;
}

/** The calendar date (dd/mm/yyyy) of a date or date-time as a family in Vietnam reads it. */
export function formatVietnamDate(value: string): string {
  const local = new Date(parseInstant(value, 'date') + VIETNAM_OFFSET_MS);
  const dd = String(local.getUTCDate()).padStart(2, '0');
  const mm = String(local.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${local.getUTCFullYear()}`;
}
