/**
 * One referral of a generated chain: its final status, the actions that led there (every one applied with
 * the domain's status machine, so an invalid history cannot be written) and the events they leave.
 */
import type { ReferralStatus, Urgency } from '../../src/domain/model';
import {
  REJECT_REASON_CODES,
  transitionReferral,
  type ReferralAction,
} from '../../src/domain/referral/referral-status';
import type { ReferralEventRecord, ReferralRecord } from '../../src/store/port';
import type { Rng } from '../../seeds/demo/prng';

const DAY_MS = 86_400_000;

/** Final status of a step before the last (the chain went on) and of the last step. */
const MIDDLE: ReadonlyArray<[ReferralStatus, number]> = [
  ['COMPLETED', 0.88],
  ['REJECTED', 0.07],
  ['CANCELLED', 0.05],
];
const LAST: ReadonlyArray<[ReferralStatus, number]> = [
  ['COMPLETED', 0.45],
  ['IN_PROGRESS', 0.15],
  ['ACCEPTED', 0.12],
  ['REQUESTED', 0.1],
  ['REJECTED', 0.1],
  ['CANCELLED', 0.08],
];

/** Days each action takes after the one before it: [min, max]. */
const ACTION_DAYS: Record<ReferralAction, [number, number]> = {
  ACCEPT: [0.1, 5],
  START: [1, 10],
  COMPLETE: [7, 60],
  REJECT: [0.5, 5],
  CANCEL: [1, 20],
};

function draw<T>(rng: Rng, table: ReadonlyArray<[T, number]>): T {
  let u = rng.next();
  for (const [value, share] of table) {
    if (u < share) return value;
    u -= share;
  }
  return table[table.length - 1]![0];
}

/** The actions from REQUESTED to `status`, with a few detours (accepted, then rejected or cancelled). */
export function actionsTo(status: ReferralStatus, rng: Rng): ReferralAction[] {
  switch (status) {
    case 'REQUESTED':
      return [];
    case 'ACCEPTED':
      return ['ACCEPT'];
    case 'IN_PROGRESS':
      return ['ACCEPT', 'START'];
    case 'COMPLETED':
      return ['ACCEPT', 'START', 'COMPLETE'];
    case 'REJECTED':
      return rng.chance(0.3) ? ['ACCEPT', 'REJECT'] : ['REJECT'];
    case 'CANCELLED': {
      const u = rng.next();
      return u < 0.5 ? ['CANCEL'] : u < 0.8 ? ['ACCEPT', 'CANCEL'] : ['ACCEPT', 'START', 'CANCEL'];
    }
  }
}

export interface StepInput {
  id: string;
  caseId: string;
  parentId: string | null;
  from: { id: string; organizationId: string | null };
  to: { id: string; organizationId: string | null };
  serviceCode: string;
  reason: string;
  urgency: Urgency;
  skipReason: string | null;
  consentId: string | null;
  caseworker: string;
  createdMs: number;
  last: boolean;
}

export interface BuiltStep {
  referral: ReferralRecord;
  events: ReferralEventRecord[];
  /** When the step closed or, for an open one, its last event. */
  endMs: number;
}

/** Builds a referral and its events; the status machine checks every action. */
export function buildStep(input: StepInput, rng: Rng): BuiltStep {
  const status = draw(rng, input.last ? LAST : MIDDLE);
  const createdAt = new Date(input.createdMs).toISOString();
  const due = new Date(input.createdMs + rng.int(14, 30) * DAY_MS).toISOString().slice(0, 10);
  let referral: ReferralRecord = {
    id: input.id,
    caseId: input.caseId,
    parentId: input.parentId,
    fromFacilityId: input.from.id,
    toFacilityId: input.to.id,
    fromOrganizationId: input.from.organizationId,
    toOrganizationId: input.to.organizationId,
    serviceCode: input.serviceCode,
    reason: input.reason,
    urgency: input.urgency,
    dueDate: due,
    status: 'REQUESTED',
    skipReason: input.skipReason,
    rejectReasonCode: null,
    consentId: input.consentId,
    createdBy: input.caseworker,
    createdAt,
    updatedAt: createdAt,
    version: 1,
  };
  const events: ReferralEventRecord[] = [
    {
      id: `evt-${input.id.slice(4)}-0`,
      referralId: input.id,
      action: 'REQUEST',
      fromStatus: null,
      toStatus: 'REQUESTED',
      by: input.caseworker,
      at: createdAt,
      note: input.reason,
      reasonCode: null,
    },
  ];
  let atMs = input.createdMs;
  for (const action of actionsTo(status, rng)) {
    const [min, max] = ACTION_DAYS[action];
    atMs += Math.round((min + rng.next() * (max - min)) * DAY_MS);
    const byReferrer = action === 'CANCEL';
    const reasonCode =
      action === 'REJECT' ? REJECT_REASON_CODES[rng.int(0, REJECT_REASON_CODES.length - 2)]! : null;
    const at = new Date(atMs).toISOString();
    const result = transitionReferral({
      referral,
      action,
      actor: {
        id: byReferrer ? input.caseworker : `staff-${input.to.id}`,
        sides: [byReferrer ? 'REFERRER' : 'RECEIVER'],
      },
      at,
      reasonCode,
    });
    referral = { ...referral, ...result.referral, version: referral.version + 1 };
    events.push({ id: `evt-${input.id.slice(4)}-${events.length}`, ...result.event });
  }
  return { referral, events, endMs: atMs };
}
