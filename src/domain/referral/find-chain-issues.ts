import { labelOf } from '../i18n/labels';
import { levelRank } from '../model';
import { CHAIN_RULES } from './chain-rules';
import { countDays, parseInstant, resolveDueDeadline } from './measure-elapsed';
import type { TreeNode, ReferralTree } from './order-referral-tree';
import type { ChainIssue, ChainReferral, ChainStep, ChainStepEnd } from './referral-chain';
import { isTerminalStatus } from './referral-status';

const round1 = (n: number) => Math.round(n * 10) / 10;
const nameOf = (end: ChainStepEnd) => end.name ?? end.facilityId;
const numberVi = (n: number) => String(n).replace('.', ',');
/** 2025-12-15 → 15/12/2025 */
const dateVi = (day: string) => day.slice(0, 10).split('-').reverse().join('/');
const URGENCY_VI = { ROUTINE: 'thường', PRIORITY: 'ưu tiên', EMERGENCY: 'khẩn cấp' } as const;
const LEVEL_VI = { COMMUNE: 'xã', REGIONAL: 'khu vực', PROVINCIAL: 'tỉnh', CENTRAL: 'trung ương' } as const;

/** Every issue in the chain, in step order; within a step in CHAIN_ISSUE_KINDS order. */
export function findChainIssues(input: {
  tree: ReferralTree<ChainReferral>;
  steps: readonly ChainStep[];
  now: string;
}): ChainIssue[] {
  const { tree, steps } = input;
  const nowMs = parseInstant(input.now, 'now');
  const stepById = new Map(steps.map((s) => [s.referralId, s]));
  const issues: ChainIssue[] = [];
  for (const node of tree.nodes) {
    const step = stepById.get(node.referral.id)!;
    const cycle = tree.cycles.find((c) => c[0] === node.referral.id);
    const missingParent = tree.missingParents.get(node.referral.id);
    issues.push(
      ...findStall(node.referral, step, nowMs),
      ...findSkippedLevel(node.referral, step),
      ...findRevisit(node, step),
      ...(cycle ? [describeCycle(cycle)] : []),
      ...findDeadEnd(node, tree.nodes, step),
      ...(missingParent ? [describeMissingParent(node.referral.id, missingParent)] : []),
      ...findUnknownFacilities(step),
    );
  }
  return issues;
}

function findStall(r: ChainReferral, step: ChainStep, nowMs: number): ChainIssue[] {
  if (isTerminalStatus(r.status)) return [];
  const deadline = r.dueDate ? resolveDueDeadline(r.dueDate) : null;
  const daysOverdue = deadline !== null && nowMs > deadline ? round1(countDays(deadline, nowMs)) : null;
  const urgency = r.urgency ?? CHAIN_RULES.defaultUrgency;
  const limit = CHAIN_RULES.acceptWithinDays[urgency];
  const waited = countDays(parseInstant(r.createdAt, 'createdAt'), nowMs);
  const daysAwaitingAcceptance = r.status === 'REQUESTED' && waited > limit ? round1(waited) : null;
  const parts: string[] = [];
  const partsVi: string[] = [];
  if (daysOverdue !== null) {
    parts.push(`is ${daysOverdue} days past its due date ${r.dueDate}`);
    partsVi.push(`đã quá hạn ${numberVi(daysOverdue)} ngày (hạn ${dateVi(r.dueDate!)})`);
  }
  if (daysAwaitingAcceptance !== null) {
    parts.push(`has waited ${daysAwaitingAcceptance} days to be accepted (limit ${limit} for ${urgency})`);
    partsVi.push(
      `đã chờ ${numberVi(daysAwaitingAcceptance)} ngày mà chưa được nhận (tối đa ${limit} ngày với mức ${URGENCY_VI[urgency]})`,
    );
  }
  if (parts.length === 0) return [];
  return [
    {
      kind: 'STALLED',
      referralId: r.id,
      reasons: [
        ...(daysOverdue !== null ? ['PAST_DUE' as const] : []),
        ...(daysAwaitingAcceptance !== null ? ['NOT_ACCEPTED' as const] : []),
      ],
      daysOverdue,
      daysAwaitingAcceptance,
      message: `Referral ${r.id} for ${r.serviceCode} to ${nameOf(step.to)} ${parts.join(' and ')}`,
      messageVi: `Chuyển gửi ${r.serviceCode} tới ${nameOf(step.to)} ${partsVi.join(' và ')}`,
    },
  ];
}

function findSkippedLevel(r: ChainReferral, step: ChainStep): ChainIssue[] {
  const { from, to } = step;
  if (from.sector !== 'HEALTH' || to.sector !== 'HEALTH' || !from.level || !to.level) return [];
  const climb = levelRank(to.level) - levelRank(from.level);
  if (climb <= CHAIN_RULES.maxHealthLevelsUp || r.skipReason?.trim()) return [];
  return [
    {
      kind: 'SKIPPED_LEVEL',
      referralId: r.id,
      fromLevel: from.level,
      toLevel: to.level,
      levelsSkipped: climb - 1,
      message:
        `Referral ${r.id} goes from the ${from.level} to the ${to.level} health level ` +
        'without a reason for skipping',
      messageVi:
        `Chuyển gửi ${r.serviceCode} đi từ tuyến ${LEVEL_VI[from.level]} lên tuyến ${LEVEL_VI[to.level]} ` +
        'mà không ghi lý do vượt tuyến',
    },
  ];
}

function findRevisit(node: TreeNode<ChainReferral>, step: ChainStep): ChainIssue[] {
  const r = node.referral;
  let earlier: ChainReferral | null = null;
  for (let up = node.parent; up && !earlier; up = up.parent) {
    const a = up.referral;
    if (a.toFacilityId === r.toFacilityId && a.serviceCode === r.serviceCode) earlier = a;
  }
  if (!earlier) return [];
  return [
    {
      kind: 'LOOP',
      loop: 'REVISIT',
      referralId: r.id,
      facilityId: r.toFacilityId,
      earlierReferralId: earlier.id,
      message:
        `Referral ${r.id} sends the child back to ${nameOf(step.to)} for ${r.serviceCode}, ` +
        `as referral ${earlier.id} did earlier in this chain`,
      messageVi:
        `Chuyển gửi ${r.serviceCode} đưa trẻ quay lại ${nameOf(step.to)}, ` +
        'nơi đã nhận trẻ cho cùng dịch vụ ở bước trước trong chuỗi',
    },
  ];
}

function describeCycle(cycle: string[]): ChainIssue {
  return {
    kind: 'LOOP',
    loop: 'PARENT_CYCLE',
    referralId: cycle[0]!,
    cycle,
    message:
      `Referrals ${cycle.join(', ')} name each other as parents in a cycle; ` +
      `the trace starts it at ${cycle[0]}, the earliest`,
    messageVi:
      `Các chuyển gửi ${cycle.join(', ')} ghi nhau là bước trước thành một vòng; ` +
      `chuỗi được tính bắt đầu từ ${cycle[0]}, chuyển gửi sớm nhất`,
  };
}

function findDeadEnd(
  node: TreeNode<ChainReferral>,
  nodes: readonly TreeNode<ChainReferral>[],
  step: ChainStep,
) {
  const r = node.referral;
  if (r.status !== 'REJECTED') return [];
  if ((CHAIN_RULES.nonFinalRejectReasons as readonly string[]).includes(r.rejectReasonCode ?? '')) return [];
  const createdMs = parseInstant(r.createdAt, 'createdAt');
  // A child referral is the onward step; a later sibling from the same referrer is a retry elsewhere.
  const followed = nodes.some(
    (n) =>
      n.parentId === r.id ||
      (n.referral.id !== r.id &&
        n.parentId === node.parentId &&
        n.referral.fromFacilityId === r.fromFacilityId &&
        parseInstant(n.referral.createdAt, 'createdAt') >= createdMs),
  );
  if (followed) return [];
  const why = r.rejectReasonCode ? ` (${r.rejectReasonCode})` : '';
  const whyVi = r.rejectReasonCode
    ? ` (lý do: ${labelOf('rejectReason', r.rejectReasonCode, 'vi').toLowerCase()})`
    : '';
  const issue: ChainIssue = {
    kind: 'DEAD_END',
    referralId: r.id,
    rejectReasonCode: r.rejectReasonCode ?? null,
    message:
      `Referral ${r.id} for ${r.serviceCode} was rejected by ${nameOf(step.to)}${why} ` +
      'and nothing was referred on',
    messageVi:
      `Chuyển gửi ${r.serviceCode} bị ${nameOf(step.to)} từ chối${whyVi} ` +
      'và chưa có chuyển gửi nào tiếp theo',
  };
  return [issue];
}

function describeMissingParent(referralId: string, parentId: string): ChainIssue {
  return {
    kind: 'MISSING_PARENT',
    referralId,
    parentId,
    message:
      `Referral ${referralId} names parent ${parentId}, which is not among this case's referrals; ` +
      'it is traced as a start',
    messageVi:
      `Chuyển gửi ${referralId} ghi bước trước là ${parentId}, nhưng ca này không có chuyển gửi đó; ` +
      'nó được tính là điểm bắt đầu',
  };
}

function findUnknownFacilities(step: ChainStep): ChainIssue[] {
  const unknownIds = new Set(
    [step.from, step.to].filter((end) => end.sector === null).map((e) => e.facilityId),
  );
  return [...unknownIds].map((facilityId) => ({
    kind: 'UNKNOWN_FACILITY',
    referralId: step.referralId,
    facilityId,
    message: `Referral ${step.referralId} names facility ${facilityId}, which is not in the directory`,
    messageVi: `Chuyển gửi ${step.referralId} ghi cơ sở ${facilityId}, không có trong danh bạ`,
  }));
}
