/**
 * The receiving facility's inbox: which bucket an open referral is in and the order staff see them in.
 * The late rules are the chain's STALLED rules (chain-rules.ts), so the inbox and the chain never disagree.
 */
import type { ReferralStatus, Urgency } from '../model';
import { CHAIN_RULES } from './chain-rules';
import { countDays, parseInstant, resolveDueDeadline } from './measure-elapsed';
import { isTerminalStatus } from './referral-status';

export const INBOX_BUCKETS = ['OVERDUE', 'DUE_SOON', 'NEW', 'IN_PROGRESS'] as const;
export type InboxBucket = (typeof INBOX_BUCKETS)[number];

/** An open referral due within this many days is DUE_SOON: time to call the family about the visit. */
export const DUE_SOON_DAYS = 3;

export interface InboxReferral {
  id: string;
  status: ReferralStatus;
  urgency?: Urgency | null;
  dueDate?: string | null;
  createdAt: string;
}

export interface InboxPlacement {
  bucket: InboxBucket;
  /** Whole days from now to the end of the due day (negative once past); null without a due date. */
  dueInDays: number | null;
}

/** Where an open referral sits in the inbox at `now`; null for a closed one (it leaves the inbox). */
export function placeInInbox(referral: InboxReferral, now: string): InboxPlacement | null {
  if (isTerminalStatus(referral.status)) return null;
  const nowMs = parseInstant(now, 'now');
  const deadline = referral.dueDate ? resolveDueDeadline(referral.dueDate) : null;
  const dueInDays = deadline === null ? null : Math.ceil((deadline - nowMs) / 86_400_000) - 1;
  const urgency = referral.urgency ?? CHAIN_RULES.defaultUrgency;
  const waited = countDays(parseInstant(referral.createdAt, 'createdAt'), nowMs);
  const pastDue = deadline !== null && nowMs > deadline;
  const notAccepted = referral.status === 'REQUESTED' && waited > CHAIN_RULES.acceptWithinDays[urgency];
  if (pastDue || notAccepted) return { bucket: 'OVERDUE', dueInDays };
  if (dueInDays !== null && dueInDays < DUE_SOON_DAYS) return { bucket: 'DUE_SOON', dueInDays };
  return { bucket: referral.status === 'REQUESTED' ? 'NEW' : 'IN_PROGRESS', dueInDays };
}

const URGENCY_RANK: Record<Urgency, number> = { EMERGENCY: 0, PRIORITY: 1, ROUTINE: 2 };

/** Most urgent first: bucket, then urgency, then the earliest due date (none last), then oldest, then id. */
export function compareInboxItems(
  a: InboxReferral & InboxPlacement,
  b: InboxReferral & InboxPlacement,
): number {
  return (
    INBOX_BUCKETS.indexOf(a.bucket) - INBOX_BUCKETS.indexOf(b.bucket) ||
    URGENCY_RANK[a.urgency ?? 'ROUTINE'] - URGENCY_RANK[b.urgency ?? 'ROUTINE'] ||
    (a.dueInDays ?? Infinity) - (b.dueInDays ?? Infinity) ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.id.localeCompare(b.id)
  );
}
