/** Cases, consents and referrals: thin resolvers over the case, referral and chain services. */
import { authorize, ownsCase } from '../../auth/policy';
import { NotFoundError } from '../../domain/errors';
import { auditEvent } from '../../services/audit';
import { ageInMonths, isConsentActive } from '../../services/case-service';
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
  cases: async (_p, args, { app, viewer }) => {
    authorize(viewer, 'case.write');
    const scope = viewer.organizationId
      ? { organizationId: viewer.organizationId }
      : { provinceCode: viewer.provinceCode };
    const page = await app.store.cases(scope, toPageArgs(args, app.config.maxPageSize));
    const at = app.now();
    await app.store.appendAudit(
      page.items.map((c) =>
        auditEvent({
          viewer,
          action: 'READ',
          entity: 'Case',
          entityId: c.id,
          caseId: c.id,
          at,
          purpose: 'CASE_LIST',
        }),
      ),
    );
    return { page, cursorOf: (c) => c.id };
  },
  referral: (_p, { id }, { app, viewer }) => app.referrals.readReferral(viewer, id),
  referrals: async (_p, args, { app, viewer }) =>
    app.referrals.listReferrals(viewer, args.where ?? {}, toPageArgs(args, app.config.maxPageSize)),
  auditEvents: async (_p, { caseId, first }, { app, viewer }) => {
    authorize(viewer, 'audit.read');
    return app.store.auditEvents(caseId, Math.min(first ?? 100, 1000));
  },
};

export const ReferralMutation: Pick<
  MutationResolvers,
  'createCase' | 'grantConsent' | 'withdrawConsent' | 'createReferral' | 'transitionReferral'
> = {
  createCase: (_p, { input }, { app, viewer }) => app.cases.createCase(viewer, input),
  grantConsent: (_p, { input }, { app, viewer }) => app.cases.grantConsent(viewer, input),
  withdrawConsent: (_p, { consentId }, { app, viewer }) => app.cases.withdrawConsent(viewer, consentId),
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
  consents: (c, _a, { loaders, viewer }) => (ownsCase(viewer, c) ? loaders.consentsByCase.load(c.id) : []),
  referrals: async (c, _a, { loaders, viewer }) => {
    const referrals = await loaders.referralsByCase.load(c.id);
    return ownsCase(viewer, c) ? referrals : referrals.filter((r) => r.toFacilityId === viewer.facilityId);
  },
};

export const Consent: ConsentResolvers = {
  active: (c, _a, { app }) => isConsentActive(c, app.now()),
};

export const Referral: ReferralResolvers = {
  case: async (r, _a, { loaders }) => {
    const record = await loaders.caseRecord.load(r.caseId);
    if (!record) throw new NotFoundError('Case', r.caseId);
    return record;
  },
  parent: (r, _a, { loaders }) => (r.parentId ? loaders.referral.load(r.parentId) : null),
  onward: async (r, _a, { loaders }) =>
    (await loaders.referralsByCase.load(r.caseId)).filter((o) => o.parentId === r.id),
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
