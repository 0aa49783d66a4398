import type { ReferralStatus, Sector } from '../model';
import { levelRank } from '../model';
import { InvalidReferralInputError } from './errors';
import { findChainIssues } from './find-chain-issues';
import { measureElapsed, parseInstant } from './measure-elapsed';
import { orderReferralTree, type TreeNode } from './order-referral-tree';
import type {
  ChainEvent,
  ChainFacility,
  ChainReferral,
  ChainStep,
  ChainStepEnd,
  ChainSummary,
  ReferralChain,
} from './referral-chain';
import { isTerminalStatus } from './referral-status';

/** Traces one child's referrals: ordered steps with timings, chain issues, sectors crossed and a summary. */
export function traceReferralChain(input: {
  referrals: readonly ChainReferral[];
  events: readonly ChainEvent[];
  facilities: readonly ChainFacility[];
  now: string;
}): ReferralChain {
  const { referrals, events, facilities, now } = input;
  const caseId = checkOneCase(referrals);
  const nowMs = parseInstant(now, 'now');
  const tree = orderReferralTree(referrals);
  const facilityById = new Map(facilities.map((f) => [f.id, f]));
  const history = groupEvents(events);
  const steps = tree.nodes.map((node) =>
    buildStep(node, facilityById, history.get(node.referral.id) ?? [], nowMs),
  );
  const issues = findChainIssues({ tree, steps, now });
  const stepById = new Map(steps.map((s) => [s.referralId, s]));
  for (const issue of issues) {
    const flagged = issue.kind === 'LOOP' && issue.loop === 'PARENT_CYCLE' ? issue.cycle : [issue.referralId];
    for (const id of flagged) {
      const step = stepById.get(id)!;
      if (!step.flags.includes(issue.kind)) step.flags.push(issue.kind);
    }
  }
  return {
    caseId,
    steps,
    issues,
    sectorsCrossed: listSectorsCrossed(steps),
    summary: summarise(steps, nowMs),
  };
}

function checkOneCase(referrals: readonly ChainReferral[]): string | null {
  const caseIds = [...new Set(referrals.map((r) => r.caseId))];
  if (caseIds.length > 1) {
    throw new InvalidReferralInputError(`A chain traces one case; got referrals of ${caseIds.join(', ')}`);
  }
  const ids = new Set<string>();
  for (const r of referrals) {
    if (ids.has(r.id)) throw new InvalidReferralInputError(`Referral ${r.id} appears twice`);
    ids.add(r.id);
  }
  return caseIds[0] ?? null;
}

interface TimedEvent {
  toStatus: string;
  at: string;
  ms: number;
}

function groupEvents(events: readonly ChainEvent[]): Map<string, TimedEvent[]> {
  const byReferral = new Map<string, TimedEvent[]>();
  for (const e of events) {
    const list = byReferral.get(e.referralId) ?? [];
    list.push({ toStatus: e.toStatus, at: e.at, ms: parseInstant(e.at, `event time of ${e.referralId}`) });
    byReferral.set(e.referralId, list);
  }
  for (const list of byReferral.values()) list.sort((a, b) => a.ms - b.ms);
  return byReferral;
}

function toEnd(facilityId: string, facilityById: Map<string, ChainFacility>): ChainStepEnd {
  const f = facilityById.get(facilityId);
  return { facilityId, name: f?.name ?? null, sector: f?.sector ?? null, level: f?.level ?? null };
}

function buildStep(
  node: TreeNode<ChainReferral>,
  facilityById: Map<string, ChainFacility>,
  history: readonly TimedEvent[],
  nowMs: number,
): ChainStep {
  const r = node.referral;
  const from = toEnd(r.fromFacilityId, facilityById);
  const to = toEnd(r.toFacilityId, facilityById);
  const first = (match: (status: ReferralStatus) => boolean) =>
    history.find((e) => match(e.toStatus as ReferralStatus)) ?? null;
  const accepted = first((s) => s === 'ACCEPTED');
  const completed = first((s) => s === 'COMPLETED');
  const closed = first(isTerminalStatus);
  const createdMs = parseInstant(r.createdAt, 'createdAt');
  const endMs = isTerminalStatus(r.status) ? (closed?.ms ?? null) : nowMs;
  return {
    referralId: r.id,
    parentId: node.parentId,
    depth: node.depth,
    serviceCode: r.serviceCode,
    status: r.status,
    from,
    to,
    crossesSector: from.sector !== null && to.sector !== null && from.sector !== to.sector,
    levelChange: from.level && to.level ? levelRank(to.level) - levelRank(from.level) : null,
    createdAt: r.createdAt,
    acceptedAt: accepted?.at ?? null,
    completedAt: completed?.at ?? null,
    closedAt: closed?.at ?? null,
    requestToAccept: accepted ? measureElapsed(createdMs, accepted.ms) : null,
    acceptToComplete: accepted && completed ? measureElapsed(accepted.ms, completed.ms) : null,
    openFor: endMs === null ? null : measureElapsed(createdMs, endMs),
    flags: [],
  };
}

function listSectorsCrossed(steps: readonly ChainStep[]): Sector[] {
  // Request order, not trace order: walking back up one branch to start the next is not a crossing.
  const byRequest = [...steps].sort(
    (a, b) => parseInstant(a.createdAt, 'createdAt') - parseInstant(b.createdAt, 'createdAt'),
  );
  const start = byRequest.find((s) => s.from.sector !== null)?.from.sector;
  const visited = [start, ...byRequest.map((s) => s.to.sector)].filter((s): s is Sector => s != null);
  return visited.filter((sector, i) => i === 0 || sector !== visited[i - 1]);
}

function summarise(steps: readonly ChainStep[], nowMs: number): ChainSummary {
  const count = (status: ReferralStatus) => steps.filter((s) => s.status === status).length;
  const openSteps = steps.filter((s) => !isTerminalStatus(s.status)).length;
  const created = steps.map((s) => parseInstant(s.createdAt, 'createdAt'));
  const closed = steps.flatMap((s) => (s.closedAt ? [parseInstant(s.closedAt, 'closedAt')] : []));
  // With nothing open the chain ended at its last close; without close events, at its last request.
  const endMs = openSteps > 0 ? nowMs : Math.max(...closed, ...created);
  const elapsedDays = steps.length === 0 ? 0 : measureElapsed(Math.min(...created), endMs).days;
  return {
    totalSteps: steps.length,
    openSteps,
    completedSteps: count('COMPLETED'),
    rejectedSteps: count('REJECTED'),
    cancelledSteps: count('CANCELLED'),
    elapsedDays,
  };
}
