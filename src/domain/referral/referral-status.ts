/**
 * The referral status machine: REQUESTED → ACCEPTED → IN_PROGRESS → COMPLETED, with REJECTED (by the
 * receiver, before work starts) and CANCELLED (by the referrer, any time before the referral closes).
 * docs/referrals.md has the table; REFERRAL_TRANSITIONS below is the only copy of it in code.
 */
import type { ReferralStatus } from '../model';
import { InvalidReferralInputError, InvalidTransitionError } from './errors';
import { parseInstant } from './measure-elapsed';

export const REFERRAL_ACTIONS = ['ACCEPT', 'START', 'COMPLETE', 'REJECT', 'CANCEL'] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

/** Which end of a referral an actor speaks for; staff of one organisation can be both. */
export const REFERRAL_SIDES = ['REFERRER', 'RECEIVER'] as const;
export type ReferralSide = (typeof REFERRAL_SIDES)[number];

/** Why a receiver rejects: a closed list so reports can count them; OTHER needs a note. */
export const REJECT_REASON_CODES = [
  'NO_CAPACITY',
  'NOT_ELIGIBLE',
  'SERVICE_UNAVAILABLE',
  'FAMILY_DECLINED',
  'DUPLICATE',
  'OTHER',
] as const;
export type RejectReasonCode = (typeof REJECT_REASON_CODES)[number];

/** One row of the status machine: the states an action starts from, where it leads, who may take it. */
export interface ReferralTransition {
  from: readonly ReferralStatus[];
  to: ReferralStatus;
  by: ReferralSide;
  /** How the action reads in a sentence: "cannot be accepted". */
  pastTense: string;
}

/** The status machine as data, one row per action. */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralAction, ReferralTransition>> = {
  ACCEPT: { from: ['REQUESTED'], to: 'ACCEPTED', by: 'RECEIVER', pastTense: 'accepted' },
  START: { from: ['ACCEPTED'], to: 'IN_PROGRESS', by: 'RECEIVER', pastTense: 'started' },
  COMPLETE: { from: ['IN_PROGRESS'], to: 'COMPLETED', by: 'RECEIVER', pastTense: 'completed' },
  // Once work has started the receiver finishes it or the referrer cancels it; a late "no" hides a failure.
  REJECT: { from: ['REQUESTED', 'ACCEPTED'], to: 'REJECTED', by: 'RECEIVER', pastTense: 'rejected' },
  CANCEL: {
    from: ['REQUESTED', 'ACCEPTED', 'IN_PROGRESS'],
    to: 'CANCELLED',
    by: 'REFERRER',
    pastTense: 'cancelled',
  },
};

const TERMINAL_STATUSES: ReadonlySet<ReferralStatus> = new Set(['COMPLETED', 'REJECTED', 'CANCELLED']);

/** True for COMPLETED, REJECTED and CANCELLED: no action leads out of them. */
export function isTerminalStatus(status: ReferralStatus): boolean {
  return TERMINAL_STATUSES.has(status);
}

/** The actions the table allows from `status` for an actor on `sides`, in table order. */
export function listAvailableActions(
  status: ReferralStatus,
  sides: readonly ReferralSide[] = REFERRAL_SIDES,
): ReferralAction[] {
  return REFERRAL_ACTIONS.filter((action) => {
    const row = REFERRAL_TRANSITIONS[action];
    return row.from.includes(status) && sides.includes(row.by);
  });
}

/** What the machine needs of a referral; store records and GraphQL parents both fit. */
export interface TransitionableReferral {
  id: string;
  status: ReferralStatus;
  createdAt?: string;
}

/** Who takes the action and which side(s) of the referral they speak for. */
export interface ReferralActor {
  id: string;
  sides: readonly ReferralSide[];
}

/** The event to append to the referral's history (the store assigns its id). */
export interface ReferralEvent {
  referralId: string;
  action: ReferralAction;
  fromStatus: ReferralStatus;
  toStatus: ReferralStatus;
  by: string;
  at: string;
  note: string | null;
  reasonCode: RejectReasonCode | null;
}

/** The referral after the action, and the event that records it. */
export interface TransitionResult<T extends TransitionableReferral> {
  referral: T & { status: ReferralStatus; updatedAt: string; rejectReasonCode: string | null };
  event: ReferralEvent;
}

/** Applies `action` to `referral`, or throws InvalidTransitionError / InvalidReferralInputError. */
export function transitionReferral<
  T extends TransitionableReferral & { rejectReasonCode?: string | null },
>(input: {
  referral: T;
  action: ReferralAction;
  actor: ReferralActor;
  at: string;
  note?: string | null;
  reasonCode?: string | null;
}): TransitionResult<T> {
  const { referral, action, actor, at } = input;
  const row = REFERRAL_TRANSITIONS[action];
  assertAllowed(referral.status, action, actor);
  const reasonCode = checkReasonCode(action, input.reasonCode, input.note);
  const note = input.note?.trim() || null;
  const atMs = parseInstant(at, 'at');
  if (referral.createdAt !== undefined && atMs < parseInstant(referral.createdAt, 'createdAt')) {
    throw new InvalidReferralInputError(
      `The ${action.toLowerCase()} time ${at} is before the referral was made`,
    );
  }
  const rejectReasonCode = action === 'REJECT' ? reasonCode : (referral.rejectReasonCode ?? null);
  return {
    referral: { ...referral, status: row.to, updatedAt: at, rejectReasonCode },
    event: {
      referralId: referral.id,
      action,
      fromStatus: referral.status,
      toStatus: row.to,
      by: actor.id,
      at,
      note,
      reasonCode,
    },
  };
}

function assertAllowed(status: ReferralStatus, action: ReferralAction, actor: ReferralActor): void {
  const row = REFERRAL_TRANSITIONS[action];
  if (!row.from.includes(status)) {
    const next = listAvailableActions(status).map((a) => REFERRAL_TRANSITIONS[a].pastTense);
    const hint = isTerminalStatus(status)
      ? 'It is closed; make a new referral if the child still needs the service.'
      : `It can still be ${joinWithOr(next)}.`;
    throw new InvalidTransitionError(
      `A referral that is ${status} cannot be ${row.pastTense}. ${hint}`,
      status,
      action,
    );
  }
  if (!actor.sides.includes(row.by)) {
    const who = row.by === 'REFERRER' ? 'referring' : 'receiving';
    throw new InvalidTransitionError(
      `Only the ${who} side can mark a referral ${row.pastTense}`,
      status,
      action,
    );
  }
}

function checkReasonCode(
  action: ReferralAction,
  reasonCode: string | null | undefined,
  note: string | null | undefined,
): RejectReasonCode | null {
  if (action !== 'REJECT') {
    if (reasonCode != null)
      throw new InvalidReferralInputError('A reason code is only given when rejecting a referral');
    return null;
  }
  const known = REJECT_REASON_CODES.find((code) => code === reasonCode);
  if (!known) {
    const given = reasonCode == null ? 'none was given' : `"${reasonCode}" is not one`;
    throw new InvalidReferralInputError(
      `A rejection needs a reason code (${REJECT_REASON_CODES.join(', ')}); ${given}`,
    );
  }
  if (known === 'OTHER' && !note?.trim()) {
    throw new InvalidReferralInputError('A rejection with reason OTHER needs a note saying why');
  }
  return known;
}

function joinWithOr(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
