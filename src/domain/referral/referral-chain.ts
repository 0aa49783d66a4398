/** Input and output shapes of traceReferralChain; store records (src/store/port.ts) fit the inputs. */
import type { FacilityLevel, ReferralStatus, Sector, Urgency } from '../model';
import type { Elapsed } from './measure-elapsed';

/** A referral as the trace reads it. */
export interface ChainReferral {
  id: string;
  parentId?: string | null;
  caseId: string;
  fromFacilityId: string;
  toFacilityId: string;
  serviceCode: string;
  status: ReferralStatus;
  createdAt: string;
  dueDate?: string | null;
  skipReason?: string | null;
  rejectReasonCode?: string | null;
  urgency?: Urgency;
}

/** A status change from the referral's history; only the target status and time matter to the trace. */
export interface ChainEvent {
  referralId: string;
  toStatus: string;
  at: string;
}

/** A facility as the trace reads it. */
export interface ChainFacility {
  id: string;
  name: string;
  sector: Sector;
  level: FacilityLevel;
}

/** One end of a step; name, sector and level are null when the facility is not in the directory. */
export interface ChainStepEnd {
  facilityId: string;
  name: string | null;
  sector: Sector | null;
  level: FacilityLevel | null;
}

export const CHAIN_ISSUE_KINDS = [
  'STALLED',
  'SKIPPED_LEVEL',
  'LOOP',
  'DEAD_END',
  'MISSING_PARENT',
  'UNKNOWN_FACILITY',
] as const;
export type ChainIssueKind = (typeof CHAIN_ISSUE_KINDS)[number];

/** One referral in trace order, with where it went, how long each hop took and what is wrong with it. */
export interface ChainStep {
  referralId: string;
  /** The parent used for ordering (null for a root, a missing parent, or a cut cycle). */
  parentId: string | null;
  depth: number;
  serviceCode: string;
  status: ReferralStatus;
  from: ChainStepEnd;
  to: ChainStepEnd;
  crossesSector: boolean;
  /** levelRank(to) - levelRank(from): +1 is one level up; null when a facility is unknown. */
  levelChange: number | null;
  createdAt: string;
  acceptedAt: string | null;
  completedAt: string | null;
  /** When it became COMPLETED, REJECTED or CANCELLED. */
  closedAt: string | null;
  requestToAccept: Elapsed | null;
  acceptToComplete: Elapsed | null;
  /** Request to close, or to `now` while open; null when closed with no closing event on record. */
  openFor: Elapsed | null;
  flags: ChainIssueKind[];
}

export type StallReason = 'PAST_DUE' | 'NOT_ACCEPTED';

/** Something an auditor should look at, tied to the referral where it shows. */
export type ChainIssue = { referralId: string; message: string; messageVi: string } & (
  | {
      kind: 'STALLED';
      reasons: StallReason[];
      daysOverdue: number | null;
      daysAwaitingAcceptance: number | null;
    }
  | { kind: 'SKIPPED_LEVEL'; fromLevel: FacilityLevel; toLevel: FacilityLevel; levelsSkipped: number }
  | { kind: 'LOOP'; loop: 'REVISIT'; facilityId: string; earlierReferralId: string }
  | { kind: 'LOOP'; loop: 'PARENT_CYCLE'; cycle: string[] }
  | { kind: 'DEAD_END'; rejectReasonCode: string | null }
  | { kind: 'MISSING_PARENT'; parentId: string }
  | { kind: 'UNKNOWN_FACILITY'; facilityId: string }
);

/** Counts over the whole chain. */
export interface ChainSummary {
  totalSteps: number;
  openSteps: number;
  completedSteps: number;
  rejectedSteps: number;
  cancelledSteps: number;
  /** First request to `now` while anything is open, else to the last close. */
  elapsedDays: number;
}

/** The trace of one child's referrals. */
export interface ReferralChain {
  caseId: string | null;
  steps: ChainStep[];
  issues: ChainIssue[];
  /** Sector of the first referrer, then each step's receiving sector by request time, repeats merged. */
  sectorsCrossed: Sector[];
  summary: ChainSummary;
}
