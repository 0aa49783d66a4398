import type { Urgency } from '../model';

/**
 * The thresholds behind the chain issues, in one place so docs/referrals.md and the trace cannot disagree.
 * They are working defaults for a pilot, not rules from a circular; change them here and in the doc together.
 */
export const CHAIN_RULES = {
  /**
   * A REQUESTED referral not accepted within this many days is STALLED. An emergency placement that
   * waits a day has already failed the child; a routine developmental screening can wait a week.
   */
  acceptWithinDays: { EMERGENCY: 1, PRIORITY: 3, ROUTINE: 7 },
  /** Urgency assumed when a referral does not carry one. */
  defaultUrgency: 'ROUTINE',
  /** Levels a HEALTH→HEALTH referral may climb without a skip reason (Law 15/2023: one at a time). */
  maxHealthLevelsUp: 1,
  /** Reject reasons that do not end the chain: a DUPLICATE's original referral carries on. */
  nonFinalRejectReasons: ['DUPLICATE'],
} as const satisfies {
  acceptWithinDays: Readonly<Record<Urgency, number>>;
  defaultUrgency: Urgency;
  maxHealthLevelsUp: number;
  nonFinalRejectReasons: readonly string[];
};
