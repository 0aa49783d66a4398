/**
 * Chain lengths for every case: drawn from CHAIN_LENGTH_SHARES, then nudged one step at a time (cases picked
 * by the seeded stream) until they add up to exactly the referral total, every length staying within 1..8.
 */
import { createRng } from '../../seeds/demo/prng';
import { CHAIN_LENGTH_SHARES, MAX_CHAIN_STEPS } from './chain-templates';

export function drawChainLengths(input: { cases: number; referrals: number; seed: number }): Uint8Array {
  const { cases, referrals, seed } = input;
  if (referrals < cases || referrals > cases * MAX_CHAIN_STEPS) {
    throw new Error(`${referrals} referrals cannot make ${cases} chains of 1–${MAX_CHAIN_STEPS} steps`);
  }
  const rng = createRng(`${seed}:chain-lengths`);
  const lengths = new Uint8Array(cases);
  let total = 0;
  for (let i = 0; i < cases; i += 1) {
    let u = rng.next();
    let n = 1;
    for (const share of CHAIN_LENGTH_SHARES) {
      if (u < share || n === MAX_CHAIN_STEPS) break;
      u -= share;
      n += 1;
    }
    lengths[i] = n;
    total += n;
  }
  while (total !== referrals) {
    const i = Math.floor(rng.next() * cases);
    const n = lengths[i]!;
    if (total < referrals && n < MAX_CHAIN_STEPS) {
      lengths[i] = n + 1;
      total += 1;
    } else if (total > referrals && n > 1) {
      lengths[i] = n - 1;
      total -= 1;
    }
  }
  return lengths;
}
