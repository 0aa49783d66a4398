import { checkConsentGrant } from '../../../src/domain/consent/check-consent-grant';

const AT = '2025-09-01T08:00:00.000Z';
const problem = (input: Parameters<typeof checkConsentGrant>[0]) => {
  try {
    checkConsentGrant(input, AT);
    return null;
  } catch (e) {
    return `${(e as { code: string }).code}: ${(e as Error).message}`;
  }
};

describe('checkConsentGrant', () => {
  it('defaults to a referral consent with no scope and no expiry', () => {
    expect(checkConsentGrant({ grantedBy: 'MOTHER' }, AT)).toEqual({
      purpose: 'REFERRAL',
      scopeOrganizationIds: [],
      scopeSectors: [],
      grantedBy: 'MOTHER',
      expiresAt: null,
    });
  });

  it('names the first problem', () => {
    expect(problem({ grantedBy: 'MOTHER', purpose: 'MARKETING' })).toMatch(
      /^BAD_USER_INPUT: purpose must be one of/,
    );
    expect(problem({ grantedBy: 'NEIGHBOUR' })).toMatch(/grantedBy must be one of MOTHER/);
    expect(problem({ grantedBy: 'MOTHER', scopeOrganizationIds: ['org 1'] })).toMatch(/scopeOrganizationIds/);
    const many = Array.from({ length: 51 }, (_, i) => `org-${i}`);
    expect(problem({ grantedBy: 'MOTHER', scopeOrganizationIds: many })).toMatch(/at most 50/);
    expect(problem({ grantedBy: 'MOTHER', scopeSectors: ['POLICE' as never] })).toMatch(/scopeSectors/);
    expect(problem({ grantedBy: 'MOTHER', expiresAt: AT })).toMatch(/expiresAt must be in the future/);
    expect(problem({ grantedBy: 'CHILD_14_PLUS', expiresAt: '2025-09-02' })).toBeNull();
  });
});
