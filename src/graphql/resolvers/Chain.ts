/** A child's referral chain and the next steps of their pathway. */
import { NotFoundError } from '../../domain/errors';
import type {
  ChainIssueResolvers,
  ChainStepResolvers,
  QueryResolvers,
  ReferralChainResolvers,
  SuggestedStepResolvers,
} from '../generated/resolvers';

export const ChainQuery: Pick<QueryResolvers, 'referralChain' | 'suggestNextSteps'> = {
  referralChain: (_p, { caseId }, { app, viewer }) => app.chains.referralChain(viewer, caseId),
  suggestNextSteps: async (_p, { caseId, mode, season }, { app, viewer }) => {
    const steps = await app.chains.nextSteps(viewer, caseId, mode, season);
    return steps.map(({ plan, step, providers }) => ({ pathwayId: plan.pathwayId, step, providers }));
  },
};

export const ReferralChain: ReferralChainResolvers = {
  caseId: (c) => c.caseId ?? '',
  openSteps: (c) => c.summary.openSteps,
  completedSteps: (c) => c.summary.completedSteps,
  elapsedDays: (c) => c.summary.elapsedDays,
};

export const ChainStep: ChainStepResolvers = {
  referral: async (s, _a, { loaders }) => {
    const referral = await loaders.referral.load(s.referralId);
    if (!referral) throw new NotFoundError('Referral', s.referralId);
    return referral;
  },
  fromFacilityName: (s) => s.from.name,
  toFacilityName: (s) => s.to.name,
  fromSector: (s) => s.from.sector,
  toSector: (s) => s.to.sector,
  hoursToAccept: (s) => s.requestToAccept?.hours ?? null,
  hoursToComplete: (s) => s.acceptToComplete?.hours ?? null,
  daysOpen: (s) => s.openFor?.days ?? null,
};

export const ChainIssue: ChainIssueResolvers = {
  code: (i) => i.kind,
};

export const SuggestedStep: SuggestedStepResolvers = {
  stepId: (s) => s.step.stepId,
  stepNumber: (s) => s.step.stepNumber,
  name: (s) => s.step.name,
  nameVi: (s) => s.step.nameVi,
  sector: (s) => s.step.sector,
  serviceCodes: (s) => s.step.serviceCodes,
  condition: (s) => s.step.condition,
  why: (s) => s.step.reason,
};
