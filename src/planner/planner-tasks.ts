/**
 * The planner's heavy questions as named tasks with plain-data inputs and outputs, so the same code runs
 * on the request thread (tests, CLI) or in a worker thread holding a copy of the read model
 * (src/planner/planner-worker.ts). Each task only calls the existing services and exporters.
 */
import type { CoverageReport } from '../domain/coverage/coverage-types';
import type { CoverageScenario } from '../domain/coverage/run-coverage-scenario';
import type { SiteSuggestions } from '../domain/coverage/suggest-sites';
import { coverageToCsv, coverageToGeoJson } from '../export/coverage-export';
import { exportFhirBundle } from '../export/fhir-export';
import type { ReadModel } from '../read-model/read-model';
import { CoverageService, type CoverageQuery } from '../services/coverage-service';
import type { OrganizationRecord } from '../store/port';

export type ScenarioQuery = Parameters<CoverageService['scenario']>[0];
export type SuggestQuery = Parameters<CoverageService['suggest']>[0];

export interface FhirBundleInput {
  organizations: OrganizationRecord[];
  baseUrl: string;
  provinceNames: Array<[string, string]>;
}

/** Task name → [input, output]. */
export interface PlannerTasks {
  coverage: [CoverageQuery, CoverageReport];
  scenario: [ScenarioQuery, CoverageScenario];
  suggest: [SuggestQuery, SiteSuggestions];
  coverageCsv: [CoverageQuery, string];
  coverageGeoJson: [CoverageQuery, string];
  fhirBundle: [FhirBundleInput, string];
}

export type PlannerTaskName = keyof PlannerTasks;

export function runPlannerTask<N extends PlannerTaskName>(
  readModel: ReadModel,
  name: N,
  input: PlannerTasks[N][0],
): PlannerTasks[N][1] {
  const coverage = new CoverageService(readModel);
  const run: { [K in PlannerTaskName]: (input: PlannerTasks[K][0]) => PlannerTasks[K][1] } = {
    coverage: (q) => coverage.coverage(q),
    scenario: (q) => coverage.scenario(q),
    suggest: (q) => coverage.suggest(q),
    coverageCsv: (q) => coverageToCsv(coverage.coverage(q), readModel),
    coverageGeoJson: (q) => JSON.stringify(coverageToGeoJson(coverage.coverage(q), readModel)),
    fhirBundle: (i) =>
      JSON.stringify(
        exportFhirBundle(i.organizations, readModel, {
          baseUrl: i.baseUrl,
          provinceNames: new Map(i.provinceNames),
        }),
      ),
  };
  return run[name](input);
}
