import { createHash } from 'node:crypto';

// Crockford base32: no I, L, O or U, so a code read aloud over the phone is not misheard or misread.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A short code for a referral slip, e.g. `KN-7Q2M-4F9X`: 40 bits of SHA-256 of the referral id. It is a
 * lookup aid, not a key: about one pair in a million referrals shares a code, so a search by code can list two.
 */
export function formatReferralCode(referralId: string): string {
  const bytes = createHash('sha256').update(referralId, 'utf8').digest();
  let bits = 0n;
  for (const byte of bytes.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
  let chars = '';
  for (let i = 7; i >= 0; i--) chars += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return `KN-${chars.slice(0, 4)}-${chars.slice(4)}`;
}
