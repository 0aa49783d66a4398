import { checkRrule } from '../../src/import/check-rrule';
import { SERVICE_PROFILES } from '../../seeds/demo/service-profiles';

describe('checkRrule', () => {
  it('accepts the schedules the demo seed uses', () => {
    const schedules = new Set(Object.values(SERVICE_PROFILES).flatMap((p) => p.schedules));
    for (const s of schedules) expect([s, checkRrule(s)]).toEqual([s, null]);
  });

  it.each([
    'FREQ=DAILY',
    'RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR',
    'FREQ=MONTHLY;BYDAY=2WE',
    'FREQ=MONTHLY;BYDAY=-1FR',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=8,14;BYMINUTE=0,30',
    'FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=-1',
    'FREQ=WEEKLY;BYDAY=SA;UNTIL=20261231T000000Z',
    'FREQ=DAILY;COUNT=10;WKST=MO',
  ])('accepts %s', (rule) => expect(checkRrule(rule)).toBeNull());

  it.each([
    ['every tuesday', '"every tuesday" is not NAME=VALUE'],
    ['BYDAY=MO', 'FREQ is required'],
    ['FREQ=FORTNIGHTLY', 'FREQ=FORTNIGHTLY is not a valid value'],
    ['FREQ=WEEKLY;BYDAY=XX', 'BYDAY=XX is not a valid value'],
    ['FREQ=WEEKLY;BYHOUR=24', 'BYHOUR=24 is not a valid value'],
    ['FREQ=WEEKLY;FREQ=DAILY', 'FREQ appears twice'],
    ['FREQ=DAILY;COUNT=3;UNTIL=20260101', 'COUNT and UNTIL cannot both be set'],
    ['FREQ=WEEKLY;BYDAY=2WE', 'BYDAY with a number (e.g. 2WE) needs FREQ=MONTHLY or YEARLY'],
    ['FREQ=WEEKLY;OPEN=8', 'OPEN is not a recurrence rule part'],
    ['FREQ=WEEKLY;', '"" is not NAME=VALUE'],
    ['FREQ=MONTHLY;BYMONTHDAY=0', 'BYMONTHDAY=0 is not a valid value'],
    ['FREQ=MONTHLY;BYMONTH=-2', 'BYMONTH=-2 is not a valid value'],
    ['FREQ=DAILY;INTERVAL=0', 'INTERVAL=0 is not a valid value'],
    ['FREQ=MONTHLY;BYWEEKNO=3', 'BYWEEKNO needs FREQ=YEARLY'],
  ])('rejects %s: %s', (rule, problem) => expect(checkRrule(rule)).toBe(problem));
});
