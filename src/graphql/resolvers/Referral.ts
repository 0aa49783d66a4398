/** Cases, consents and referrals: thin resolvers over the case, referral and chain services. */
import { maySeeConsents } from '../../auth/policy';
import { isConsentActive } from '../../domain/consent/consent';
import { ForbiddenError, NotFoundError } from '../../domain/errors';
import { ageInMonths } from '../../domain/case/check-case-input';
import type { GraphQLContext } from '../context';
import type {
  CaseResolvers,
  ConsentResolvers,
  MutationResolvers,
  QueryResolvers,
  ReferralResolvers,
} from '../generated/resolvers';
import { toPageArgs } from '../pagination';

async function facilityOf({ app }: GraphQLContext, id: string) {
  const facility = app.readModel.facilities.get(id);
  if (!facility) throw new NotFoundError('Facility', id);
  return facility;
}

export const ReferralQuery: Pick<
  QueryResolvers,
  'case' | 'cases' | 'referral' | 'referrals' | 'auditEvents'
> = {
  case: (_p, { id }, { app, viewer }) => app.cases.readCase(viewer, id),
  cases: async (_p, args, { app, viewer }) => ({
    page: await app.cases.listCases(viewer, toPageArgs(args, app.config.maxPageSize)),
    cursorOf: (c) => c.id,
  }),
  referral: (_p, { id }, { app, viewer }) => app.referrals.readReferral(viewer, id),
  referrals: async (_p, args, { app, viewer }) => ({
    page: await app.referrals.listReferrals(
      viewer,
      args.where ?? {},
      toPageArgs(args, app.config.maxPageSize),
    ),
    cursorOf: (r) => r.id,
  }),
  auditEvents: (_p, { caseId, first }, { app, viewer }) =>
    app.auditLog.readAuditLog(viewer, caseId, first ?? 100),
};

export const ReferralMutation: Pick<
  MutationResolvers,
  'createCase' | 'grantConsent' | 'withdrawConsent' | 'createReferral' | 'transitionReferral'
> = {
  createCase: (_p, { input }, { app, viewer }) => app.cases.createCase(viewer, input),
  grantConsent: (_p, { input }, { app, viewer }) => app.consents.grantConsent(viewer, input),
  withdrawConsent: (_p, { consentId }, { app, viewer }) => app.consents.withdrawConsent(viewer, consentId),
  createReferral: (_p, { input }, { app, viewer }) => app.referrals.createReferral(viewer, input),
  transitionReferral: (_p, { input }, { app, viewer }) => app.referrals.transition(viewer, input),
};

export const Case: CaseResolvers = {
  ageMonths: (c, _a, { app }) => ageInMonths(c.birthMonth, app.now()),
  commune: (c, _a, { app }) => {
    const commune = app.readModel.communes.get(c.communeCode);
    if (!commune) throw new NotFoundError('Commune', c.communeCode);
    return commune;
  },
  // A denied read is an error, not an empty list: only the case's owner reads its consents.
  consents: (c, _a, { loaders, viewer }) => {
    if (!maySeeConsents(viewer, c))
      throw new ForbiddenError('Only the organisation that owns the case sees its consents');
    return loaders.consentsByCase.load(c.id);
  },
  referrals: async (c, _a, { app, loaders, viewer }) =>
    app.referrals.visible(viewer, await loaders.referralsByCase.load(c.id), 'CASE_REFERRALS'),
};

export const Consent: ConsentResolvers = {
  active: (c, _a, { app }) => isConsentActive(c, app.now()),
};

export const Referral: ReferralResolvers = {
  // Every way from a referral to more case data goes through the same visibility check and audit.
  case: (r, _a, { app, viewer }) => app.cases.readCase(viewer, r.caseId, 'VIA_REFERRAL'),
  parent: async (r, _a, { app, viewer, loaders }) => {
    const parent = r.parentId ? await loaders.referral.load(r.parentId) : null;
    return parent ? ((await app.referrals.visible(viewer, [parent], 'PARENT'))[0] ?? null) : null;
  },
  onward: async (r, _a, { app, viewer, loaders }) =>
    app.referrals.visible(
      viewer,
      (await loaders.referralsByCase.load(r.caseId)).filter((o) => o.parentId === r.id),
      'ONWARD',
    ),
  fromFacility: (r, _a, ctx) => facilityOf(ctx, r.fromFacilityId),
  toFacility: (r, _a, ctx) => facilityOf(ctx, r.toFacilityId),
  service: async (r, _a, { loaders }) => {
    const service = await loaders.serviceType.load(r.serviceCode);
    if (!service) throw new NotFoundError('ServiceType', r.serviceCode);
    return service;
  },
  events: (r, _a, { loaders }) => loaders.eventsByReferral.load(r.id),
  slip: (r, { format }, { app, viewer }) =>
    app.referrals.renderSlip(viewer, r, format === 'HTML' ? 'html' : 'text'),
};
