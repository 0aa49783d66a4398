/**
 * Planner questions over the read model: coverage of a service within N minutes, what-if scenarios
 * and suggested sites. Reports are computed on the whole travel graph (providers across a province
 * border count) and then narrowed to the requested province.
 */
import { checkAgeMonths, checkTravelMinutes } from '../domain/input-limits';
import { analyseCoverage } from '../domain/coverage/analyse-coverage';
import type { ImportedChildPopulation } from '../domain/coverage/child-population';
import type { CoverageInput, CoverageProvider, CoverageReport } from '../domain/coverage/coverage-types';
import { runCoverageScenario, type CoverageScenario } from '../domain/coverage/run-coverage-scenario';
import { suggestSites, type SiteSuggestions } from '../domain/coverage/suggest-sites';
import { BadInputError, quoteInput } from '../domain/errors';
import type { Season, TravelMode } from '../domain/model';
import type { ReadModel } from '../read-model/read-model';

export interface CoverageQuery {
  serviceCode: string;
  maxMinutes: number;
  mode?: TravelMode | null;
  season?: Season | null;
  provinceCode?: string | null;
  ageFromMonths?: number | null;
  ageToMonths?: number | null;
}

export const MAX_SUGGESTED_SITES = 20;

export class CoverageService {
  constructor(private readonly readModel: ReadModel) {}

  /** Validates a planner's query and builds the pure coverage input from the read model. */
  buildInput(q: CoverageQuery): CoverageInput {
    if (!this.readModel.serviceTypes.has(q.serviceCode)) {
      throw new BadInputError(
        `Unknown service code ${quoteInput(q.serviceCode)}; see serviceTypes for the taxonomy`,
      );
    }
    checkTravelMinutes('maxMinutes', q.maxMinutes);
    const from = q.ageFromMonths ?? null;
    const to = q.ageToMonths ?? null;
    checkAgeMonths('ageFromMonths', from);
    checkAgeMonths('ageToMonths', to);
    if (from !== null && to !== null && from > to)
      throw new BadInputError('ageFromMonths must not exceed ageToMonths');
    const communes = [...this.readModel.communes.values()].filter(
      (c) => !q.provinceCode || c.provinceCode === q.provinceCode,
    );
    if (q.provinceCode && communes.length === 0)
      throw new BadInputError(`No communes in province ${quoteInput(q.provinceCode)}`);
    // Remote offerings (hotline, telehealth) go in flagged: the report lists them apart from travel coverage.
    const providers: CoverageProvider[] = this.readModel
      .offeringsOf(q.serviceCode)
      .map(({ offering, facility }) => ({
        offeringId: offering.id,
        facilityId: facility.id,
        communeCode: facility.communeCode,
        serviceCode: offering.serviceCode,
        minAgeMonths: offering.minAgeMonths,
        maxAgeMonths: offering.maxAgeMonths,
        capacity: offering.capacity,
        currentLoad: offering.currentLoad,
        provinceCode: this.readModel.communes.get(facility.communeCode)?.provinceCode ?? null,
        remote: offering.remote,
      }));
    const importedChildren: ImportedChildPopulation[] = communes
      .filter((c) => c.childPopulation != null)
      .map((c) => ({ communeCode: c.code, total0to17: c.childPopulation! }));
    const ageBand = from !== null || to !== null ? { minMonths: from ?? 0, maxMonths: to ?? 215 } : undefined;
    return {
      graph: this.readModel,
      communes: communes.map((c) => ({
        code: c.code,
        provinceCode: c.provinceCode,
        type: c.type,
        population: c.population,
        areaKm2: c.areaKm2,
        populationImputed: c.populationEstimated,
      })),
      provinceCode: q.provinceCode ?? null,
      providers,
      importedChildren,
      need: {
        serviceCode: q.serviceCode,
        mode: q.mode ?? 'MOTORBIKE',
        season: q.season ?? 'DRY',
        maxMinutes: q.maxMinutes,
        ...(ageBand ? { ageBand } : {}),
      },
    };
  }

  coverage(q: CoverageQuery): CoverageReport {
    return analyseCoverage(this.buildInput(q));
  }

  scenario(
    q: CoverageQuery & {
      addSites?: { communeCode: string; capacity: number }[];
      closeFacilityIds?: string[];
    },
  ): CoverageScenario {
    for (const site of q.addSites ?? []) {
      if (!this.readModel.communes.has(site.communeCode))
        throw new BadInputError(`Unknown commune code ${quoteInput(site.communeCode)} in addSites`);
      if (!(Number.isInteger(site.capacity) && site.capacity >= 0))
        throw new BadInputError('capacity must be a whole number ≥ 0');
    }
    return runCoverageScenario({
      ...this.buildInput(q),
      addSites: q.addSites ?? [],
      closeFacilityIds: q.closeFacilityIds ?? [],
    });
  }

  suggest(q: CoverageQuery & { count?: number | null }): SiteSuggestions {
    const count = q.count ?? 3;
    if (!(Number.isInteger(count) && count >= 1 && count <= MAX_SUGGESTED_SITES)) {
      throw new BadInputError(`count must be between 1 and ${MAX_SUGGESTED_SITES}`);
    }
    const input = this.buildInput(q);
    // Sites are proposed inside the province the planner asked about.
    const candidateCommunes = q.provinceCode ? input.communes.map((c) => c.code) : undefined;
    return suggestSites({ ...input, count, ...(candidateCommunes ? { candidateCommunes } : {}) });
  }
}
