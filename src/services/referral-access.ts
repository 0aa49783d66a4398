/**
 * Who may see which referral, in one place: the case owner sees every referral of the case; facility
 * staff see those that leave or reach their facility while the referral's consent holds.
 */
import { atReferralEnd, ownsCase } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import type { CaseRecord, ConsentRecord, ReferralRecord } from '../store/port';

/** True while a consent has been neither withdrawn nor expired at `at`. */
export function isConsentActive(consent: ConsentRecord, at: string): boolean {
  return !consent.withdrawnAt && (!consent.expiresAt || consent.expiresAt > at);
}

/** The consent that shared this referral still holds (or none was needed: same organisation). */
export function consentHolds(
  referral: ReferralRecord,
  consents: readonly ConsentRecord[],
  at: string,
): boolean {
  if (referral.consentId === null) return true;
  const consent = consents.find((c) => c.id === referral.consentId);
  return !!consent && isConsentActive(consent, at);
}

export function maySeeReferral(input: {
  viewer: Viewer;
  referral: ReferralRecord;
  record: CaseRecord;
  consents: readonly ConsentRecord[];
  at: string;
}): boolean {
  const { viewer, referral, record, consents, at } = input;
  if (ownsCase(viewer, record)) return true;
  return atReferralEnd(viewer, referral, consentHolds(referral, consents, at));
}
