/** Planner resolvers: coverage, what-if scenarios and suggested sites (aggregates only, never a case). */
import { authorize } from '../../auth/policy';
import { findServicePrevalence } from '../../domain/coverage/prevalence';
import { NotFoundError } from '../../domain/errors';
import type { GraphQLContext } from '../context';
import type {
  CommuneCoverageResolvers,
  CoverageDeltaResolvers,
  CoverageReportResolvers,
  ProvinceCoverageResolvers,
  ProviderLoadResolvers,
  QueryResolvers,
  RemoteCoverageProviderResolvers,
  SuggestedSiteResolvers,
} from '../generated/resolvers';

function communeOf({ app }: GraphQLContext, code: string) {
  const commune = app.readModel.communes.get(code);
  if (!commune) throw new NotFoundError('Commune', code);
  return commune;
}

export const CoverageQuery: Pick<QueryResolvers, 'coverage' | 'coverageScenario' | 'suggestSites'> = {
  coverage: (_p, { input }, { app, viewer }) => {
    authorize(viewer, 'coverage.read');
    return app.planner.run('coverage', input);
  },
  coverageScenario: (_p, { input }, { app, viewer }) => {
    authorize(viewer, 'coverage.read');
    return app.planner.run('scenario', {
      ...input,
      addSites: input.addSites ?? [],
      closeFacilityIds: input.closeFacilityIds ?? [],
    });
  },
  suggestSites: async (_p, { input }, { app, viewer }) => {
    authorize(viewer, 'coverage.read');
    return (await app.planner.run('suggest', input)).picks;
  },
};

export const CoverageReport: CoverageReportResolvers = {
  serviceCode: (r) => r.need.serviceCode,
  maxMinutes: (r) => r.need.maxMinutes,
  mode: (r) => r.need.mode,
  season: (r) => r.need.season,
  ageFromMonths: (r) => r.need.ageBand.minMonths,
  ageToMonths: (r) => r.need.ageBand.maxMonths,
  prevalence: (r) => r.need.prevalence,
  province: async (r, _a, { loaders }) =>
    r.provinceCode ? await loaders.province.load(r.provinceCode) : null,
  delivery: (r) => r.delivery,
  children: (r) => r.totals.children,
  coveredChildren: (r) => r.totals.coveredChildren,
  shareCovered: (r) => r.totals.shareCovered,
  demand: (r) => r.totals.demand,
  unservedDemand: (r) => r.totals.unservedDemand,
  communes: (r, { first, onlyUncovered }) => {
    const overloaded = new Set(r.overloadedCommunes.map((c) => c.communeCode));
    const uncovered = new Set(r.mostUncovered.map((c) => c.communeCode));
    // Most uncovered children first, then the rest by code.
    const ordered = [...r.mostUncovered, ...r.communes.filter((c) => !uncovered.has(c.communeCode))];
    const wanted = onlyUncovered ? ordered.filter((c) => !c.covered) : ordered;
    return wanted
      .slice(0, Math.max(0, Math.min(first ?? 50, 5000)))
      .map((c) => ({ ...c, overloaded: overloaded.has(c.communeCode) }));
  },
  assumptions: (r) => {
    const prevalence = findServicePrevalence(r.need.serviceCode);
    return [
      ...(r.delivery === 'REMOTE_ONLY'
        ? ['This service is delivered by phone or telehealth only: travel coverage does not apply.']
        : []),
      ...(r.provinceCode
        ? [
            "Providers are this province's; those in other provinces that are nearest for some of its communes are listed apart (crossBorderProviders), with the demand of this province only.",
          ]
        : []),
      'Children per commune are estimated from commune population with Vietnam 2019 census age shares unless imported.',
      'Travel minutes are estimates over roads between communes that share a border (plus island ferries), by terrain and season, including the trip inside the child’s commune (docs/travel-model.md).',
      prevalence
        ? `Demand uses a prevalence of ${(prevalence.rate * 100).toFixed(2)}% (${prevalence.source}).`
        : 'No prevalence figure applies to this service: demand is not estimated.',
    ];
  },
};

export const RemoteCoverageProvider: RemoteCoverageProviderResolvers = {
  facility: (p, _a, { app }) => {
    const facility = app.readModel.facilities.get(p.facilityId);
    if (!facility) throw new NotFoundError('Facility', p.facilityId);
    return facility;
  },
  offering: (p, _a, { app }) => {
    const offering = app.readModel.offerings.get(p.offeringId);
    if (!offering) throw new NotFoundError('Offering', p.offeringId);
    return offering;
  },
};

export const CommuneCoverage: CommuneCoverageResolvers = {
  childrenRounded: (c) => Math.round(c.children),
  commune: (c, _a, ctx) => communeOf(ctx, c.communeCode),
  nearestFacility: (c, _a, { app }) =>
    c.nearestFacilityId ? (app.readModel.facilities.get(c.nearestFacilityId) ?? null) : null,
};

export const ProvinceCoverage: ProvinceCoverageResolvers = {
  province: async (p, _a, { loaders }) => {
    const province = await loaders.province.load(p.provinceCode);
    if (!province) throw new NotFoundError('Province', p.provinceCode);
    return province;
  },
  coveredCommunes: (p) => p.communes - p.uncoveredCommunes,
};

export const ProviderLoad: ProviderLoadResolvers = {
  facility: (p, _a, { app }) => {
    const facility = app.readModel.facilities.get(p.facilityId);
    if (!facility) throw new NotFoundError('Facility', p.facilityId);
    return facility;
  },
  offering: (p, _a, { app }) => {
    const offering = app.readModel.offerings.get(p.offeringId);
    if (!offering) throw new NotFoundError('Offering', p.offeringId);
    return offering;
  },
};

export const CoverageDelta: CoverageDeltaResolvers = {
  newlyCoveredCommunes: (d, _a, ctx) => d.newlyCovered.map((code) => communeOf(ctx, code)),
  lostCommunes: (d, _a, ctx) => d.newlyUncovered.map((code) => communeOf(ctx, code)),
};

export const SuggestedSite: SuggestedSiteResolvers = {
  commune: (s, _a, ctx) => communeOf(ctx, s.communeCode),
  addedChildren: (s) => s.gainedChildren,
  newlyCoveredCommunes: (s, _a, ctx) => s.newlyCoveredCommunes.map((code) => communeOf(ctx, code)),
  cumulativeShareCovered: (s) => s.shareCoveredAfter,
};
