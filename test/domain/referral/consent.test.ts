import { findCoveringConsent, type Consent } from '../../../src/domain/consent/consent';
import { readConsentRow } from '../../../src/domain/consent/read-consent-row';
import { BadInputError } from '../../../src/domain/errors';
import { makeConsent } from '../../fixtures/referral/make-consent';

const AT = '2025-04-01T10:00:00+07:00';
const toHospital = {
  receiverOrganizationId: 'O-HOSPITAL',
  receiverSector: 'HEALTH',
  purpose: 'REFERRAL',
} as const;

function decide(consents: Consent[], overrides: Partial<Parameters<typeof findCoveringConsent>[0]> = {}) {
  return findCoveringConsent({ consents, ...toHospital, at: AT, ...overrides });
}

describe('findCoveringConsent', () => {
  it('finds a consent whose sector scope covers the receiver', () => {
    const consent = makeConsent({ id: 'K1' });
    expect(decide([consent])).toEqual({
      covered: true,
      basis: 'CONSENT',
      consent,
      consentId: 'K1',
      reason: null,
      message: 'Consent K1 (MOTHER) covers sharing for REFERRAL',
    });
  });

  it('finds a consent that names the receiving organisation', () => {
    const consent = makeConsent({ id: 'K1', scope: { organizationIds: ['O-HOSPITAL'] } });
    expect(decide([consent])).toMatchObject({ covered: true, consentId: 'K1' });
  });

  it('returns the newest of several covering consents', () => {
    const older = makeConsent({ id: 'K1' });
    const newer = makeConsent({
      id: 'K2',
      grantedAt: '2025-03-15T08:00:00+07:00',
      grantedBy: 'CHILD_14_PLUS',
    });
    expect(decide([older, newer]).consentId).toBe('K2');
  });

  it('needs no consent for a referral within the same organisation', () => {
    expect(decide([], { senderOrganizationId: 'O-HOSPITAL' })).toMatchObject({
      covered: true,
      basis: 'SAME_ORGANIZATION',
      consent: null,
    });
  });

  it('still needs consent within the organisation for research use', () => {
    const decision = decide([], { senderOrganizationId: 'O-HOSPITAL', purpose: 'RESEARCH_AGGREGATE' });
    expect(decision).toMatchObject({ covered: false, reason: 'NONE' });
  });

  it('refuses with NONE when the case has no consent', () => {
    expect(decide([])).toEqual({
      covered: false,
      basis: null,
      consent: null,
      consentId: null,
      reason: 'NONE',
      message: 'No consent on record allows sharing this case for REFERRAL',
    });
  });

  it('refuses with NONE when the only consent was granted after the share', () => {
    const later = makeConsent({ id: 'K1', grantedAt: '2025-05-01T08:00:00+07:00' });
    expect(decide([later])).toMatchObject({ covered: false, reason: 'NONE' });
  });

  it('refuses with WRONG_PURPOSE when consent covers another purpose', () => {
    const decision = decide([makeConsent({ id: 'K1', purpose: 'CASE_MANAGEMENT' })]);
    expect(decision).toMatchObject({ covered: false, reason: 'WRONG_PURPOSE', consentId: 'K1' });
    expect(decision.message).toBe(
      'Consent K1 is for CASE_MANAGEMENT, not REFERRAL; ask the family for consent to REFERRAL',
    );
  });

  it('refuses with OUT_OF_SCOPE when the receiver is in neither the organisations nor the sectors', () => {
    const decision = decide([
      makeConsent({ id: 'K1', scope: { organizationIds: ['O-SWC'], sectors: ['SOCIAL'] } }),
    ]);
    expect(decision).toMatchObject({ covered: false, reason: 'OUT_OF_SCOPE' });
    expect(decision.message).toBe(
      'Consent K1 for REFERRAL does not cover organisation O-HOSPITAL (HEALTH); ask the family to extend it',
    );
  });

  it('treats an empty scope as covering nobody', () => {
    expect(decide([makeConsent({ id: 'K1', scope: {} })]).reason).toBe('OUT_OF_SCOPE');
  });

  it('covers a receiver with no organisation only through its sector', () => {
    const byOrganization = makeConsent({ id: 'K1', scope: { organizationIds: ['O-HOSPITAL'] } });
    expect(decide([byOrganization], { receiverOrganizationId: null }).reason).toBe('OUT_OF_SCOPE');
    expect(decide([makeConsent({ id: 'K2' })], { receiverOrganizationId: null }).covered).toBe(true);
  });

  it('refuses with EXPIRED after the expiry time', () => {
    const decision = decide([makeConsent({ id: 'K1', expiresAt: '2025-03-31T23:59:00+07:00' })]);
    expect(decision).toMatchObject({ covered: false, reason: 'EXPIRED' });
    expect(decision.message).toMatch(/expired at 2025-03-31T23:59:00\+07:00; ask the family to renew it$/);
  });

  it('keeps a consent with a date-only expiry valid to the end of that day in Vietnam', () => {
    const consent = makeConsent({ id: 'K1', expiresAt: '2025-04-01' });
    expect(decide([consent], { at: '2025-04-01T23:00:00+07:00' }).covered).toBe(true);
    expect(decide([consent], { at: '2025-04-02T00:00:00+07:00' }).reason).toBe('EXPIRED');
  });

  it('refuses with WITHDRAWN after the family withdraws consent', () => {
    const decision = decide([makeConsent({ id: 'K1', withdrawnAt: '2025-03-20T08:00:00+07:00' })]);
    expect(decision).toMatchObject({ covered: false, reason: 'WITHDRAWN' });
    expect(decision.message).toMatch(
      /was withdrawn at 2025-03-20T08:00:00\+07:00; the case cannot be shared$/,
    );
  });

  it('still covers a share made before the withdrawal', () => {
    const consent = makeConsent({ id: 'K1', withdrawnAt: '2025-03-20T08:00:00+07:00' });
    expect(decide([consent], { at: '2025-03-10T08:00:00+07:00' }).covered).toBe(true);
  });

  it('reports whichever ended a consent first when it was both withdrawn and has expired', () => {
    const both = makeConsent({ id: 'K1', withdrawnAt: '2025-03-10T08:00:00+07:00', expiresAt: '2025-03-20' });
    expect(decide([both]).reason).toBe('WITHDRAWN');
    const expiredFirst = { ...both, withdrawnAt: '2025-03-25T08:00:00+07:00' };
    expect(decide([expiredFirst]).reason).toBe('EXPIRED');
  });

  it('reports the most specific reason among several consents that do not cover', () => {
    const wrongPurpose = makeConsent({ id: 'K1', purpose: 'RESEARCH_AGGREGATE' });
    const outOfScope = makeConsent({ id: 'K2', scope: { sectors: ['EDUCATION'] } });
    const expired = makeConsent({ id: 'K3', expiresAt: '2025-03-15' });
    expect(decide([wrongPurpose, outOfScope, expired])).toMatchObject({ reason: 'EXPIRED', consentId: 'K3' });
    expect(decide([wrongPurpose, outOfScope])).toMatchObject({ reason: 'OUT_OF_SCOPE', consentId: 'K2' });
  });

  it('covers the share when one consent lapsed but a newer one is in force', () => {
    const lapsed = makeConsent({ id: 'K1', expiresAt: '2025-03-10' });
    const renewed = makeConsent({ id: 'K2', grantedAt: '2025-03-11T08:00:00+07:00' });
    expect(decide([lapsed, renewed])).toMatchObject({ covered: true, consentId: 'K2' });
  });

  it('refuses a time it cannot read', () => {
    expect(() => decide([], { at: 'yesterday' })).toThrow(BadInputError);
  });
});

describe('readConsentRow', () => {
  const row = {
    id: 'K1',
    caseId: 'C1',
    purpose: 'REFERRAL',
    scopeOrganizationIds: ['O-HOSPITAL'],
    scopeSectors: ['HEALTH'],
    grantedBy: 'GUARDIAN',
    grantedAt: '2025-03-01T08:00:00+07:00',
    expiresAt: null,
    withdrawnAt: null,
  };

  it('reads a stored row into a consent with a nested scope', () => {
    expect(readConsentRow(row)).toMatchObject({
      purpose: 'REFERRAL',
      grantedBy: 'GUARDIAN',
      scope: { organizationIds: ['O-HOSPITAL'], sectors: ['HEALTH'] },
    });
  });

  it.each([
    ['purpose', { purpose: 'MARKETING' }, /unknown purpose "MARKETING"/],
    ['grantor', { grantedBy: 'NEIGHBOUR' }, /unknown grantor "NEIGHBOUR"/],
    ['sector', { scopeSectors: ['HEALTH', 'POLICE'] }, /unknown sector in HEALTH, POLICE/],
  ])('refuses an unknown %s', (_label, change, message) => {
    expect(() => readConsentRow({ ...row, ...change })).toThrow(message);
  });
});
