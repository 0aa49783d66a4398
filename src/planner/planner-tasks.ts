/**
 * The planner's heavy questions as named tasks with plain-data inputs and outputs, so the same code runs
 * on the request thread (tests, CLI) or in a worker thread holding a copy of the read model
 * (src/planner/planner-worker.ts). Each task only calls the existing services and exporters.
 */
import type { CoverageReport } from '../domain/coverage/coverage-types';
import type { CoverageScenario } from '../domain/coverage/run-coverage-scenario';
import type { SiteSuggestions } from '../domain/coverage/suggest-sites';
import { boundariesDir, loadProvinceNames } from '../../seeds/load-boundaries';
import { geographyDir } from '../../seeds/load-geography';
import {
  coverageFileName,
  coverageToCsv,
  describeCoverageData,
  type ReportLanguage,
} from '../export/coverage-csv';
import { coverageToGeoJson } from '../export/coverage-export';
import { exportFhirBundle } from '../export/fhir-export';
import type { ReadModel } from '../read-model/read-model';
import { CoverageService, type CoverageQuery } from '../services/coverage-service';
import type { OrganizationRecord } from '../store/port';
import { neutraliseCell } from '../export/csv-cell';

export type ScenarioQuery = Parameters<CoverageService['scenario']>[0];
export type SuggestQuery = Parameters<CoverageService['suggest']>[0];

export interface FhirBundleInput {
  organizations: OrganizationRecord[];
  baseUrl: string;
  provinceNames: Array<[string, string]>;
}

/** A download: its text and a file name that says what it holds. */
export interface ExportFile {
  body: string;
  fileName: string;
}

function exportCoverage(
  readModel: ReadModel,
  report: CoverageReport,
  lang: ReportLanguage,
  format: 'csv' | 'geojson',
): ExportFile {
  const context = describeCoverageData(
    report,
    readModel,
    lang,
    loadProvinceNames(boundariesDir(geographyDir())),
  );
  return {
    body:
      format === 'csv'
        ? coverageToCsv(report, readModel, context, neutraliseCell)
        : JSON.stringify(coverageToGeoJson(report, readModel)),
    fileName: coverageFileName(report, context, format),
  };
}

/** Task name → [input, output]. */
export interface PlannerTasks {
  coverage: [CoverageQuery, CoverageReport];
  scenario: [ScenarioQuery, CoverageScenario];
  suggest: [SuggestQuery, SiteSuggestions];
  coverageCsv: [CoverageQuery & { lang: ReportLanguage }, ExportFile];
  coverageGeoJson: [CoverageQuery, ExportFile];
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
    coverageCsv: ({ lang, ...q }) => exportCoverage(readModel, coverage.coverage(q), lang, 'csv'),
    coverageGeoJson: (q) => exportCoverage(readModel, coverage.coverage(q), 'vi', 'geojson'),
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
