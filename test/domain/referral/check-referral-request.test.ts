import { checkReferralRequest, skipsALevel } from '../../../src/domain/referral/check-referral-request';
import type { RequestFacility } from '../../../src/domain/referral/check-referral-request';

const station: RequestFacility = { id: 'f-commune', name: 'Trạm Y tế', sector: 'HEALTH', level: 'COMMUNE' };
const district: RequestFacility = { ...station, id: 'f-district', name: 'TTYT', level: 'REGIONAL' };
const provincial: RequestFacility = { ...station, id: 'f-prov', name: 'BV tỉnh', level: 'PROVINCIAL' };
const school: RequestFacility = { id: 'f-school', name: 'Trường', sector: 'EDUCATION', level: 'COMMUNE' };
const AT = '2025-09-01T08:00:00.000Z';

const check = (over: Partial<Parameters<typeof checkReferralRequest>[0]> = {}) =>
  checkReferralRequest({
    request: { serviceCode: 'SCR.ASD', reason: '  signs at 30 months ' },
    from: station,
    to: district,
    serviceKnown: true,
    receiverOffers: true,
    at: AT,
    ...over,
  });

const code = (f: () => unknown) => {
  try {
    f();
    return 'none';
  } catch (e) {
    return `${(e as { code: string }).code}: ${(e as Error).message}`;
  }
};

describe('checkReferralRequest', () => {
  it('trims and fills defaults', () => {
    expect(check()).toEqual({
      reason: 'signs at 30 months',
      skipReason: null,
      urgency: 'ROUTINE',
      dueDate: null,
    });
  });

  it('names the first problem, in a fixed order', () => {
    expect(code(() => check({ to: station }))).toMatch(/^BAD_USER_INPUT: A referral must go to another/);
    expect(code(() => check({ serviceKnown: false, receiverOffers: false }))).toMatch(/Unknown service code/);
    expect(code(() => check({ receiverOffers: false }))).toMatch(/TTYT does not offer SCR.ASD/);
    expect(code(() => check({ request: { serviceCode: 'SCR.ASD', reason: ' ab ' } }))).toMatch(
      /reason must be/,
    );
    expect(
      code(() => check({ request: { serviceCode: 'SCR.ASD', reason: 'ok!', dueDate: '2025-08-31' } })),
    ).toMatch(/dueDate must not be in the past/);
    expect(check({ request: { serviceCode: 'SCR.ASD', reason: 'ok!', dueDate: '2025-09-01' } }).dueDate).toBe(
      '2025-09-01',
    );
  });

  it('asks for a skipReason when a health referral climbs more than one level', () => {
    expect(code(() => check({ to: provincial }))).toMatch(/skips a level \(COMMUNE → PROVINCIAL\)/);
    expect(
      check({ to: provincial, request: { serviceCode: 'SCR.ASD', reason: 'ok!', skipReason: ' emergency ' } })
        .skipReason,
    ).toBe('emergency');
    expect(
      code(() => check({ request: { serviceCode: 'X.Y', reason: 'ok!', skipReason: 'x'.repeat(1001) } })),
    ).toMatch(/skipReason must be at most 1000/);
  });

  it('applies the level rule to health-to-health referrals only', () => {
    expect(skipsALevel(station, provincial)).toBe(true);
    expect(skipsALevel(station, district)).toBe(false);
    expect(skipsALevel(provincial, station)).toBe(false);
    expect(skipsALevel(school, provincial)).toBe(false);
  });
});
