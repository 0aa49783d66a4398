import { requireCommuneIndex, type Adjacency } from '../routing/adjacency';
import { computeAvailableCapacity } from '../routing/check-eligibility';
import { InvalidRoutingInputError } from '../routing/errors';
import { compareCodes, groupBy } from '../routing/group-by';
import { findShortestPaths } from '../routing/shortest-paths';
import { withinMinutesOf } from '../routing/within-commune';
import { validateAgeBand } from './child-population';
import { countCommuneChildren } from './count-commune-children';
import type {
  CommuneCoverage,
  CoverageInput,
  CoverageProvider,
  CoverageReport,
  ProviderLoad,
  RemoteOffering,
} from './coverage-types';
import { findServicePrevalence } from './prevalence';
import { summariseCoverage } from './summarise-coverage';

const ALL_CHILDREN = { minMonths: 0, maxMonths: 215 };

/** A commune with at least one eligible provider: the unit Dijkstra starts from. */
interface Site {
  communeCode: string;
  index: number;
  providers: CoverageProvider[];
}

function resolveNeed(need: CoverageInput['need']): CoverageReport['need'] {
  const figure = findServicePrevalence(need.serviceCode);
  const resolved = {
    serviceCode: need.serviceCode,
    mode: need.mode,
    season: need.season,
    maxMinutes: need.maxMinutes,
    ageBand: need.ageBand ?? figure?.ageBand ?? ALL_CHILDREN,
    requireCapacity: need.requireCapacity ?? false,
    prevalence: need.prevalence ?? figure?.rate ?? null,
  };
  if (!(Number.isFinite(resolved.maxMinutes) && resolved.maxMinutes >= 0)) {
    throw new InvalidRoutingInputError(`maxMinutes must be ≥ 0, got ${resolved.maxMinutes}`);
  }
  if (resolved.prevalence !== null && !(resolved.prevalence >= 0 && resolved.prevalence <= 1)) {
    throw new InvalidRoutingInputError(`prevalence must be between 0 and 1, got ${resolved.prevalence}`);
  }
  validateAgeBand(resolved.ageBand);
  return resolved;
}

// Eligible providers grouped by commune; sites sorted by commune code so equal-minute ties go to the lower
// code, providers within a site by (facility, offering) so the reported nearest one is stable.
function selectSites(
  providers: readonly CoverageProvider[],
  need: CoverageReport['need'],
  adjacency: Adjacency,
): Site[] {
  const { ageBand } = need;
  const eligible = providers.filter(
    (p) =>
      !p.remote &&
      p.serviceCode === need.serviceCode &&
      (p.minAgeMonths ?? 0) <= ageBand.maxMonths &&
      (p.maxAgeMonths ?? Infinity) >= ageBand.minMonths &&
      !(need.requireCapacity && computeAvailableCapacity(p.capacity, p.currentLoad) === 0),
  );
  const byCommune = groupBy(eligible, (p) => p.communeCode);
  return [...byCommune.keys()].sort().map((communeCode) => ({
    communeCode,
    index: requireCommuneIndex(adjacency, communeCode, 'provider commune'),
    providers: byCommune
      .get(communeCode)!
      .sort((a, b) => compareCodes(a.facilityId, b.facilityId) || compareCodes(a.offeringId, b.offeringId)),
  }));
}

// Eligible phone and telehealth offerings, by (facility, offering): they reach everyone, so no travel.
function selectRemote(
  providers: readonly CoverageProvider[],
  need: CoverageReport['need'],
): RemoteOffering[] {
  return providers
    .filter(
      (p) =>
        p.remote &&
        p.serviceCode === need.serviceCode &&
        (p.minAgeMonths ?? 0) <= need.ageBand.maxMonths &&
        (p.maxAgeMonths ?? Infinity) >= need.ageBand.minMonths,
    )
    .sort((a, b) => compareCodes(a.facilityId, b.facilityId) || compareCodes(a.offeringId, b.offeringId))
    .map((p) => ({
      offeringId: p.offeringId,
      facilityId: p.facilityId,
      provinceCode: p.provinceCode ?? null,
    }));
}

// Split a site's demand over its providers by capacity when every capacity is known and positive in sum.
function shareByCapacity(site: Site): number[] {
  const capacities = site.providers.map((p) => p.capacity);
  const total = capacities.reduce<number>((sum, c) => sum + (c ?? 0), 0);
  if (capacities.some((c) => c == null) || total <= 0)
    return site.providers.map(() => 1 / site.providers.length);
  return capacities.map((c) => c! / total);
}

/**
 * Coverage of one service: for each commune the nearest eligible provider by travel minutes (multi-source
 * Dijkstra), whether it is within maxMinutes, its children of the age band and their expected demand;
 * province totals; the communes with most uncovered children; and each provider's load from the demand of
 * the covered communes nearest to it.
 */
export function analyseCoverage(input: CoverageInput): CoverageReport {
  const need = resolveNeed(input.need);
  const adjacency = input.graph.adjacencyFor(need.mode, need.season);
  const sites = selectSites(input.providers, need, adjacency);
  const remoteProviders = selectRemote(input.providers, need);
  const tree = findShortestPaths(adjacency, { sources: sites.map((s) => s.index) });
  const children = countCommuneChildren({
    communes: input.communes,
    ageBand: need.ageBand,
    importedChildren: input.importedChildren,
  });
  const shares = sites.map(shareByCapacity);
  const siteDemand = new Float64Array(sites.length);
  const siteCommunes = new Int32Array(sites.length);

  const communes = [...input.communes]
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((c): CommuneCoverage => {
      const index = requireCommuneIndex(adjacency, c.code);
      const rank = tree.nearestSource[index]!;
      const site = rank === -1 ? undefined : sites[rank]!;
      // Travel inside the child's own commune comes on top of the road trip (0 in a graph without it).
      const minutes = site
        ? tree.minutes[index]! + withinMinutesOf(input.graph, c.code, need.mode, need.season)
        : null;
      const covered = minutes !== null && minutes <= need.maxMinutes;
      const { children: count, childrenSource } = children.get(c.code)!;
      const demand = need.prevalence === null ? null : count * need.prevalence;
      if (covered) {
        siteDemand[rank] = siteDemand[rank]! + (demand ?? 0);
        siteCommunes[rank] = siteCommunes[rank]! + 1;
      }
      return {
        communeCode: c.code,
        provinceCode: c.provinceCode,
        children: count,
        childrenSource,
        minutes,
        covered,
        nearestSiteCommune: site?.communeCode ?? null,
        nearestOfferingId: site?.providers[0]!.offeringId ?? null,
        nearestFacilityId: site?.providers[0]!.facilityId ?? null,
        demand,
      };
    });

  const providers = sites.flatMap((site, rank) =>
    site.providers.map((p, i): ProviderLoad => {
      const demand = siteDemand[rank]! * shares[rank]![i]!;
      const capacity = p.capacity ?? null;
      return {
        offeringId: p.offeringId,
        facilityId: p.facilityId,
        communeCode: site.communeCode,
        provinceCode: p.provinceCode ?? null,
        capacity,
        demand,
        loadRatio: capacity ? demand / capacity : null,
        overloaded: capacity !== null && demand > capacity,
        communesServed: siteCommunes[rank]!,
      };
    }),
  );
  const delivery = sites.length > 0 ? 'IN_PERSON' : remoteProviders.length > 0 ? 'REMOTE_ONLY' : 'NONE';
  return summariseCoverage({
    need,
    communes,
    providers,
    remoteProviders,
    delivery,
    provinceCode: input.provinceCode ?? null,
  });
}
