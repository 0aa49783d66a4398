import { InvalidRoutingInputError } from '../routing/errors';
import { analyseCoverage } from './analyse-coverage';
import type { CoverageInput, CoverageProvider, CoverageReport } from './coverage-types';

/** A hypothetical new site offering the service to every age, with the given capacity. */
export interface AddedSite {
  communeCode: string;
  capacity: number;
}

export interface ProvinceDelta {
  provinceCode: string;
  coveredChildren: number;
  shareCovered: number | null;
}

export interface CoverageDelta {
  coveredChildren: number;
  shareCovered: number | null;
  unservedDemand: number | null;
  overloadedProviders: number;
  provinces: ProvinceDelta[];
  /** Communes covered in the scenario but not in the baseline, and the reverse (after closures). */
  newlyCovered: string[];
  newlyUncovered: string[];
  /** Offerings removed because their facility was closed (ids that matched nothing are ignored). */
  closedOfferingIds: string[];
}

export interface CoverageScenario {
  baseline: CoverageReport;
  scenario: CoverageReport;
  delta: CoverageDelta;
}

const diff = (after: number | null, before: number | null): number | null =>
  after === null || before === null ? null : after - before;

/** The providers of the scenario: the input's minus closed facilities, plus one synthetic offering per added site. */
export function buildScenarioProviders(input: {
  providers: readonly CoverageProvider[];
  serviceCode: string;
  addSites: readonly AddedSite[];
  closeFacilityIds: readonly string[];
}): CoverageProvider[] {
  const closed = new Set(input.closeFacilityIds);
  const added = input.addSites.map((site, i): CoverageProvider => {
    if (!(Number.isFinite(site.capacity) && site.capacity >= 0)) {
      throw new InvalidRoutingInputError(`Added site capacity must be ≥ 0, got ${site.capacity}`);
    }
    const id = `added:${i + 1}:${site.communeCode}`;
    return {
      offeringId: id,
      facilityId: id,
      communeCode: site.communeCode,
      serviceCode: input.serviceCode,
      capacity: site.capacity,
      currentLoad: 0,
    };
  });
  return [...input.providers.filter((p) => !closed.has(p.facilityId)), ...added];
}

/** Coverage with sites added and facilities closed, beside the baseline, with the differences. */
export function runCoverageScenario(
  input: CoverageInput & { addSites?: readonly AddedSite[]; closeFacilityIds?: readonly string[] },
): CoverageScenario {
  const { addSites = [], closeFacilityIds = [], ...base } = input;
  const baseline = analyseCoverage(base);
  const providers = buildScenarioProviders({
    providers: base.providers,
    serviceCode: base.need.serviceCode,
    addSites,
    closeFacilityIds,
  });
  const scenario = analyseCoverage({ ...base, providers });
  const closed = new Set(closeFacilityIds);
  const before = new Map(baseline.communes.map((c) => [c.communeCode, c.covered]));
  const baseProvinces = new Map(baseline.provinces.map((p) => [p.provinceCode, p]));
  const countOverloaded = (report: CoverageReport) => report.providers.filter((p) => p.overloaded).length;
  return {
    baseline,
    scenario,
    delta: {
      coveredChildren: scenario.totals.coveredChildren - baseline.totals.coveredChildren,
      shareCovered: diff(scenario.totals.shareCovered, baseline.totals.shareCovered),
      unservedDemand: diff(scenario.totals.unservedDemand, baseline.totals.unservedDemand),
      overloadedProviders: countOverloaded(scenario) - countOverloaded(baseline),
      provinces: scenario.provinces.map((p) => ({
        provinceCode: p.provinceCode,
        coveredChildren: p.coveredChildren - baseProvinces.get(p.provinceCode)!.coveredChildren,
        shareCovered: diff(p.shareCovered, baseProvinces.get(p.provinceCode)!.shareCovered),
      })),
      newlyCovered: scenario.communes
        .filter((c) => c.covered && !before.get(c.communeCode))
        .map((c) => c.communeCode),
      newlyUncovered: scenario.communes
        .filter((c) => !c.covered && before.get(c.communeCode))
        .map((c) => c.communeCode),
      closedOfferingIds: base.providers.filter((p) => closed.has(p.facilityId)).map((p) => p.offeringId),
    },
  };
}
