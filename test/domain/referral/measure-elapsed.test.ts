import {
  formatVietnamDate,
  measureElapsed,
  parseInstant,
  resolveDueDeadline,
} from '../../../src/domain/referral/measure-elapsed';

describe('parseInstant', () => {
  it('reads a date-only value as midnight in Vietnam', () => {
    expect(parseInstant('2025-03-01', 'd')).toBe(Date.parse('2025-03-01T00:00:00+07:00'));
  });

  it.each(['2025-02-30', '2025-13-01', '2025-03-01T08:00', '01/03/2025', ''])('refuses "%s"', (value) => {
    expect(() => parseInstant(value, 'dueDate')).toThrow(/^dueDate must be an ISO 8601 date/);
  });
});

describe('resolveDueDeadline', () => {
  it('keeps a date-only due date open until the end of that day in Vietnam', () => {
    expect(resolveDueDeadline('2025-03-05')).toBe(Date.parse('2025-03-06T00:00:00+07:00'));
  });

  it('uses a date-time due date as given', () => {
    expect(resolveDueDeadline('2025-03-05T12:00:00Z')).toBe(Date.parse('2025-03-05T12:00:00Z'));
  });
});

describe('measureElapsed', () => {
  it('gives hours and days to one decimal and never a negative duration', () => {
    expect(measureElapsed(0, 90 * 60_000)).toEqual({ hours: 1.5, days: 0.1 });
    expect(measureElapsed(10, 0)).toEqual({ hours: 0, days: 0 });
  });
});

describe('formatVietnamDate', () => {
  it('prints dd/mm/yyyy in Vietnam time', () => {
    expect(formatVietnamDate('2025-12-31T18:00:00Z')).toBe('01/01/2026');
    expect(formatVietnamDate('2025-04-08')).toBe('08/04/2025');
  });
});
