import { compareCodes, groupBy } from '../routing/group-by';
import type {
  CommuneCoverage,
  CoverageReport,
  CoverageTotals,
  OverloadedCommune,
  ProviderLoad,
  ProvinceCoverage,
} from './coverage-types';

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

function sumCoverage(
  communes: readonly CommuneCoverage[],
): Omit<CoverageTotals, 'demand' | 'unservedDemand'> {
  let children = 0;
  let coveredChildren = 0;
  for (const c of communes) {
    children += c.children;
    if (c.covered) coveredChildren += c.children;
  }
  const uncoveredChildren = children - coveredChildren;
  return {
    communes: communes.length,
    children,
    coveredChildren,
    uncoveredChildren,
    shareCovered: ratio(coveredChildren, children),
  };
}

/** Builds the report's totals, province table, most-uncovered list and overload views from per-commune rows. */
export function summariseCoverage(input: {
  need: CoverageReport['need'];
  communes: CommuneCoverage[];
  providers: ProviderLoad[];
  remoteProviders?: CoverageReport['remoteProviders'];
  delivery?: CoverageReport['delivery'];
  provinceCode?: string | null;
}): CoverageReport {
  const { need, communes, providers, remoteProviders = [], provinceCode = null } = input;
  const delivery = input.delivery ?? (providers.length > 0 ? 'IN_PERSON' : 'NONE');
  // A remote-only service reaches children without travel: no travel share, and no "uncovered" list.
  const travel = delivery !== 'REMOTE_ONLY';
  const byProvince = groupBy(communes, (c) => c.provinceCode);
  const provinces = [...byProvince.keys()].sort().map((provinceCode): ProvinceCoverage => {
    const rows = byProvince.get(provinceCode)!;
    const { communes: count, ...sums } = sumCoverage(rows);
    return {
      provinceCode,
      communes: count,
      uncoveredCommunes: rows.filter((c) => !c.covered).length,
      ...sums,
      shareCovered: travel ? sums.shareCovered : null,
    };
  });

  const demand = need.prevalence === null ? null : communes.reduce((sum, c) => sum + c.demand!, 0);
  const unservedDemand =
    demand === null ? null : communes.reduce((sum, c) => sum + (c.covered ? 0 : c.demand!), 0);
  const mostUncovered = communes
    .filter((c) => travel && !c.covered && c.children > 0)
    .sort((a, b) => b.children - a.children || compareCodes(a.communeCode, b.communeCode));

  const overloadedBySite = new Map(
    [
      ...groupBy(
        providers.filter((p) => p.overloaded),
        (p) => p.communeCode,
      ),
    ].map(([site, rows]) => [site, rows.map((p) => p.offeringId)]),
  );
  const overloadedCommunes = communes
    .filter(
      (c) =>
        c.covered &&
        c.nearestSiteCommune !== null &&
        overloadedBySite.has(c.nearestSiteCommune) &&
        (c.demand ?? 0) > 0,
    )
    .map(
      (c): OverloadedCommune => ({
        communeCode: c.communeCode,
        provinceCode: c.provinceCode,
        demand: c.demand!,
        overloadedOfferingIds: overloadedBySite.get(c.nearestSiteCommune!)!,
      }),
    )
    .sort((a, b) => b.demand - a.demand || compareCodes(a.communeCode, b.communeCode));

  const sortedProviders = [...providers].sort(
    (a, b) =>
      Number(b.overloaded) - Number(a.overloaded) ||
      (b.loadRatio ?? -1) - (a.loadRatio ?? -1) ||
      compareCodes(a.offeringId, b.offeringId),
  );
  const isOwn = (p: ProviderLoad) => provinceCode === null || p.provinceCode === provinceCode;
  const totals = sumCoverage(communes);
  return {
    need,
    provinceCode,
    delivery,
    remoteProviders,
    totals: {
      ...totals,
      shareCovered: travel ? totals.shareCovered : null,
      demand,
      unservedDemand: travel ? unservedDemand : null,
    },
    communes,
    provinces,
    mostUncovered,
    providers: sortedProviders.filter(isOwn),
    crossBorderProviders: sortedProviders
      .filter((p) => !isOwn(p) && p.communesServed > 0)
      .sort(
        (a, b) =>
          b.communesServed - a.communesServed ||
          b.demand - a.demand ||
          compareCodes(a.offeringId, b.offeringId),
      ),
    overloadedCommunes,
  };
}
