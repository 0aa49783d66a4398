/**
 * Checks a schedule written as an iCalendar recurrence rule (RFC 5545 §3.3.10), e.g.
 * `FREQ=WEEKLY;BYDAY=MO,WE,FR` or `FREQ=MONTHLY;BYDAY=2WE`. Returns what is wrong, or null.
 */
const FREQS = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const BYDAY = /^([+-]?([1-9]|[1-4]\d|5[0-3]))?(MO|TU|WE|TH|FR|SA|SU)$/;
const INT = /^[+-]?\d{1,3}$/;

/** A comma list of integers in [min, max]; `signed` also allows -max..-min (counting from the end). */
const ints =
  (min: number, max: number, signed = false) =>
  (v: string) =>
    v.split(',').every((x) => {
      if (!INT.test(x) || (!signed && /^[+-]/.test(x))) return false;
      const n = Math.abs(Number(x));
      return n >= min && n <= max && (signed || Number(x) >= 0);
    });

const PARTS: Record<string, (v: string) => boolean> = {
  FREQ: (v) => FREQS.includes(v),
  UNTIL: (v) => /^\d{8}(T\d{6}Z?)?$/.test(v),
  COUNT: (v) => /^[1-9]\d{0,5}$/.test(v),
  INTERVAL: (v) => /^[1-9]\d{0,3}$/.test(v),
  BYSECOND: ints(0, 60),
  BYMINUTE: ints(0, 59),
  BYHOUR: ints(0, 23),
  BYDAY: (v) => v.split(',').every((d) => BYDAY.test(d)),
  BYMONTHDAY: ints(1, 31, true),
  BYYEARDAY: ints(1, 366, true),
  BYWEEKNO: ints(1, 53, true),
  BYMONTH: ints(1, 12),
  BYSETPOS: ints(1, 366, true),
  WKST: (v) => WEEKDAYS.includes(v),
};

export function checkRrule(text: string): string | null {
  const body = text.startsWith('RRULE:') ? text.slice('RRULE:'.length) : text;
  const seen = new Map<string, string>();
  for (const part of body.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return `"${part.slice(0, 30)}" is not NAME=VALUE`;
    const name = part.slice(0, eq);
    const value = part.slice(eq + 1);
    const check = PARTS[name];
    if (!check) return `${name.slice(0, 20)} is not a recurrence rule part`;
    if (seen.has(name)) return `${name} appears twice`;
    if (!check(value)) return `${name}=${value.slice(0, 30)} is not a valid value`;
    seen.set(name, value);
  }
  const freq = seen.get('FREQ');
  if (!freq) return 'FREQ is required';
  if (seen.has('COUNT') && seen.has('UNTIL')) return 'COUNT and UNTIL cannot both be set';
  const numbered = (seen.get('BYDAY') ?? '').split(',').some((d) => /\d/.test(d));
  if (numbered && freq !== 'MONTHLY' && freq !== 'YEARLY') {
    return 'BYDAY with a number (e.g. 2WE) needs FREQ=MONTHLY or YEARLY';
  }
  if (seen.has('BYWEEKNO') && freq !== 'YEARLY') return 'BYWEEKNO needs FREQ=YEARLY';
  return null;
}
