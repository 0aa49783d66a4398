/**
 * Validates every row before anything is written and turns valid rows into store records. Problems name
 * file, line and field. Rows are checked in dependency order (organizations, locations, services,
 * offerings, then planner rows), so a row that depends on an invalid row is invalid too.
 */
import type { ImportedTravelTime } from '../domain/routing/apply-imported-times';
import type { FacilityRecord, OfferingRecord, OrganizationRecord } from '../store/port';
import type { ImportContext } from './import-context';
import { ROW_TYPES, type ImportProblem, type RowType, type SourceRow } from './import-rows';
import { validateLocation, validateOrganization } from './validate-locations';
import { validateOffering, validateService } from './validate-offerings';
import {
  validateCommunePopulation,
  validateTravelTime,
  type ChildPopulationRow,
} from './validate-planner-rows';
import { ValidationRun } from './validation-run';

export interface ValidatedImport {
  organizations: OrganizationRecord[];
  facilities: FacilityRecord[];
  offerings: OfferingRecord[];
  travelTimes: ImportedTravelTime[];
  childPopulations: ChildPopulationRow[];
  problems: ImportProblem[];
  /** `file:line` of rows left out because of an ERROR (or an invalid row they depend on). */
  invalidRows: string[];
  /** Rows read, counting the lines that could not be parsed. */
  received: number;
  /** Valid rows per row type (services are resolved into offerings, so they are counted here). */
  validByType: Record<RowType, number>;
}

const present = <T>(items: (T | null)[]): T[] => items.filter((x): x is T => x !== null);

/** Orders problems by file and line (a file's rows are checked by type, not in line order). */
function byPlace(a: { file: string; line: number }, b: { file: string; line: number }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}

/** Orders `file:line` keys by file, then line as a number. */
function byRowPlace(a: string, b: string): number {
  const split = (k: string) => ({
    file: k.slice(0, k.lastIndexOf(':')),
    line: Number(k.slice(k.lastIndexOf(':') + 1)),
  });
  return byPlace(split(a), split(b));
}

export function validateImport(input: {
  rows: SourceRow[];
  parseProblems: ImportProblem[];
  ctx: ImportContext;
  at: string;
}): ValidatedImport {
  const run = new ValidationRun(input.ctx, input.at, input.parseProblems);
  const of = (type: RowType) => input.rows.filter((row) => row.type === type);
  const organizations = present(of('organization').map((row) => validateOrganization(run, row)));
  const facilities = present(of('location').map((row) => validateLocation(run, row)));
  for (const row of of('service')) validateService(run, row);
  const offerings = present(of('service_at_location').map((row) => validateOffering(run, row)));
  const pairs = new Map<string, string>();
  const travelTimes = present(of('travel_time').map((row) => validateTravelTime(run, row, pairs)));
  const communes = new Map<string, string>();
  const childPopulations = present(
    of('commune_population').map((row) => validateCommunePopulation(run, row, communes)),
  );
  const validOf = (type: RowType) =>
    of(type).filter((row) => !run.invalid.has(`${row.file}:${row.line}`)).length;
  const validByType = Object.fromEntries(ROW_TYPES.map((type) => [type, validOf(type)]));
  const unparsed = new Set(
    input.parseProblems.filter((p) => p.severity === 'ERROR').map((p) => `${p.file}:${p.line}`),
  );
  return {
    organizations,
    facilities,
    offerings,
    travelTimes,
    childPopulations,
    problems: run.problems.sort(byPlace),
    invalidRows: [...run.invalid].sort(byRowPlace),
    received: input.rows.length + unparsed.size,
    validByType: validByType as Record<RowType, number>,
  };
}
