import {
  checkAgeMonths,
  checkTravelMinutes,
  LIMITS,
  RECORD_ID,
  SERVICE_CODE,
} from '../../src/domain/input-limits';

const message = (f: () => void) => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};

describe('input limits', () => {
  it('takes ages from 0 to the 18th birthday in whole months, and no age at all', () => {
    for (const ok of [0, 30, LIMITS.ageMonths, null, undefined])
      expect(message(() => checkAgeMonths('a', ok))).toBeNull();
    for (const bad of [-1, LIMITS.ageMonths + 1, 2.5, Number.NaN])
      expect(message(() => checkAgeMonths('childAgeMonths', bad))).toBe(
        'childAgeMonths must be between 0 and 216 (under 18)',
      );
  });

  it('takes travel limits above 0 and up to a day', () => {
    for (const ok of [0.5, 60, 1440, null]) expect(message(() => checkTravelMinutes('m', ok))).toBeNull();
    for (const bad of [0, -5, 1441, Number.NaN])
      expect(message(() => checkTravelMinutes('maxMinutes', bad))).toBe(
        'maxMinutes must be positive and at most 1440',
      );
  });

  it('matches service codes and record ids', () => {
    expect(SERVICE_CODE.test('SCR.ASD')).toBe(true);
    expect(SERVICE_CODE.test('scr.asd')).toBe(false);
    expect(RECORD_ID.test('fac-22:a.b_c')).toBe(true);
    expect(RECORD_ID.test('x'.repeat(65))).toBe(false);
    expect(RECORD_ID.test('a b')).toBe(false);
  });
});
