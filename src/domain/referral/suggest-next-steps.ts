import { labelOf } from '../i18n/labels';
import type { ReferralStatus, Sector } from '../model';
import { choosePathway, type PathwayChoice } from './choose-pathway';
import type { Pathway, PathwayId, PathwayStep } from './pathways';
import { isTerminalStatus } from './referral-status';

/** A case's referral as the planner reads it. */
export interface PlannedReferral {
  id: string;
  serviceCode: string;
  status: ReferralStatus;
  createdAt: string;
  rejectReasonCode?: string | null;
}

/** DONE: a referral for it completed. UNDERWAY: one is open. SKIPPED: passed over by a later step. */
export type StepState = 'DONE' | 'UNDERWAY' | 'SKIPPED' | 'TODO';

/** Where the case stands on one pathway step. */
export interface StepProgress {
  stepId: string;
  state: StepState;
  /** The completed referrals when DONE, the open ones when UNDERWAY, the failed ones otherwise. */
  referralIds: string[];
}

/** A step to refer for next: the codes to search providers for, and why. */
export interface NextStepSuggestion {
  stepId: string;
  /** 1-based position in the pathway. */
  stepNumber: number;
  name: string;
  nameVi: string;
  serviceCodes: string[];
  sector: Sector;
  condition: string | null;
  conditionVi: string | null;
  /** The step still under way that this one follows, if any. */
  waitingForStepId: string | null;
  /** Earlier referrals for this step that were rejected or cancelled. */
  previousAttempts: {
    referralId: string;
    serviceCode: string;
    status: ReferralStatus;
    rejectReasonCode: string | null;
  }[];
  reason: string;
  /** The same explanation in Vietnamese. */
  reasonVi: string;
}

/** How the pathway was chosen, where the case stands on it and what to refer for next. */
export interface NextStepPlan {
  pathwayId: PathwayId | null;
  chosenBy: PathwayChoice['chosenBy'];
  /** Other pathways the needs also matched, so a caseworker can switch. */
  alternativePathwayIds: PathwayId[];
  progress: StepProgress[];
  suggestions: NextStepSuggestion[];
  isComplete: boolean;
}

/** Picks the case's pathway (explicit, by needs, or by first referral) and suggests the next step(s). */
export function suggestNextSteps(input: {
  pathwayId?: string | null;
  referrals: readonly PlannedReferral[];
  needs?: readonly string[];
}): NextStepPlan {
  const { referrals, needs = [] } = input;
  const choice = choosePathway({ pathwayId: input.pathwayId ?? null, needs, referrals });
  if (!choice.pathway) {
    return {
      pathwayId: null,
      chosenBy: null,
      alternativePathwayIds: [],
      progress: [],
      suggestions: [],
      isComplete: false,
    };
  }
  const { pathway } = choice;
  const progress = measureProgress(pathway, referrals);
  const furthest = progress.findLastIndex((p) => p.state === 'DONE' || p.state === 'UNDERWAY');
  const suggestions: NextStepSuggestion[] = [];
  // A conditional step may not apply, so the step after it is offered too.
  const reached = furthest >= 0 ? { step: pathway.steps[furthest]!, progress: progress[furthest]! } : null;
  for (let index = furthest + 1; index < pathway.steps.length; index++) {
    suggestions.push(describeSuggestion({ pathway, index, reached, referrals }));
    if (!pathway.steps[index]!.condition) break;
  }
  return {
    pathwayId: pathway.id,
    chosenBy: choice.chosenBy,
    alternativePathwayIds: choice.alternatives,
    progress,
    suggestions,
    isComplete: furthest === pathway.steps.length - 1 && reached?.progress.state === 'DONE',
  };
}

function measureProgress(pathway: Pathway, referrals: readonly PlannedReferral[]): StepProgress[] {
  const states = pathway.steps.map((step): StepProgress => {
    const matching = referrals.filter((r) => step.serviceCodes.includes(r.serviceCode));
    const completed = matching.filter((r) => r.status === 'COMPLETED');
    const open = matching.filter((r) => !isTerminalStatus(r.status));
    const state: StepState = completed.length > 0 ? 'DONE' : open.length > 0 ? 'UNDERWAY' : 'TODO';
    const counted = state === 'DONE' ? completed : state === 'UNDERWAY' ? open : matching;
    return { stepId: step.id, state, referralIds: counted.map((r) => r.id) };
  });
  const furthest = states.findLastIndex((p) => p.state !== 'TODO');
  return states.map(
    (p, i): StepProgress => (i < furthest && p.state === 'TODO' ? { ...p, state: 'SKIPPED' } : p),
  );
}

interface ReachedStep {
  step: PathwayStep;
  progress: StepProgress;
}

function describeSuggestion(input: {
  pathway: Pathway;
  index: number;
  reached: ReachedStep | null;
  referrals: readonly PlannedReferral[];
}): NextStepSuggestion {
  const { pathway, index, reached, referrals } = input;
  const step = pathway.steps[index]!;
  const attempts = referrals
    .filter((r) => step.serviceCodes.includes(r.serviceCode) && isTerminalStatus(r.status))
    .map((r) => ({
      referralId: r.id,
      serviceCode: r.serviceCode,
      status: r.status,
      rejectReasonCode: r.rejectReasonCode ?? null,
    }));
  return {
    stepId: step.id,
    stepNumber: index + 1,
    name: step.name,
    nameVi: step.nameVi,
    serviceCodes: [...step.serviceCodes],
    sector: step.sector,
    condition: step.condition ?? null,
    conditionVi: step.conditionVi ?? null,
    waitingForStepId: reached?.progress.state === 'UNDERWAY' ? reached.step.id : null,
    previousAttempts: attempts,
    reason: explain({ pathway, index, reached, attempts }),
    reasonVi: explainVi({ pathway, index, reached, attempts }),
  };
}

/** "Step 3 of 4 (…) of the AUTISM pathway: follows …, completed in referral R2; earlier referral R7 …" */
function explain(input: {
  pathway: Pathway;
  index: number;
  reached: ReachedStep | null;
  attempts: NextStepSuggestion['previousAttempts'];
}): string {
  const { pathway, index, reached, attempts } = input;
  const step = pathway.steps[index]!;
  const parts = [
    `Step ${index + 1} of ${pathway.steps.length} (${step.name}) of the ${pathway.id} pathway: `,
  ];
  if (!reached) parts.push('the first step; no referral for this pathway yet');
  else {
    const how = reached.progress.state === 'DONE' ? 'completed' : 'still under way';
    parts.push(`follows ${reached.step.name}, ${how} in referral ${reached.progress.referralIds.join(', ')}`);
  }
  if (step.condition)
    parts.push(`; only ${step.condition.charAt(0).toLowerCase()}${step.condition.slice(1)}`);
  for (const a of attempts) {
    const why = a.rejectReasonCode ? ` (${a.rejectReasonCode})` : '';
    parts.push(`; earlier referral ${a.referralId} for ${a.serviceCode} was ${a.status.toLowerCase()}${why}`);
  }
  return parts.join('');
}

const STATUS_VI: Partial<Record<ReferralStatus, string>> = { REJECTED: 'bị từ chối', CANCELLED: 'đã huỷ' };

/** "Bước 3/4 (…) của lộ trình Tự kỷ: tiếp theo …, đã hoàn thành; …" */
function explainVi(input: {
  pathway: Pathway;
  index: number;
  reached: ReachedStep | null;
  attempts: NextStepSuggestion['previousAttempts'];
}): string {
  const { pathway, index, reached, attempts } = input;
  const step = pathway.steps[index]!;
  const parts = [
    `Bước ${index + 1}/${pathway.steps.length} (${step.nameVi}) của lộ trình “${pathway.nameVi}”: `,
  ];
  if (!reached) parts.push('bước đầu tiên; ca chưa có chuyển gửi nào trong lộ trình này');
  else {
    const how = reached.progress.state === 'DONE' ? 'đã hoàn thành' : 'đang thực hiện';
    parts.push(`tiếp theo bước ${reached.step.nameVi} (${how})`);
  }
  if (step.conditionVi)
    parts.push(`; chỉ khi ${step.conditionVi.charAt(0).toLowerCase()}${step.conditionVi.slice(1)}`);
  for (const a of attempts) {
    const why = a.rejectReasonCode
      ? ` (lý do: ${labelOf('rejectReason', a.rejectReasonCode, 'vi').toLowerCase()})`
      : '';
    parts.push(`; lần chuyển gửi ${a.serviceCode} trước ${STATUS_VI[a.status] ?? a.status}${why}`);
  }
  return parts.join('');
}
