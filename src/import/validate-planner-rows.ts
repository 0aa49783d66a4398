/** Validates the planner rows: `travel_time` (measured minutes for a commune pair) and `commune_population`. */
import { LIMITS } from '../domain/input-limits';
import { SEASONS, TRAVEL_MODES } from '../domain/model';
import type { ImportedTravelTime } from '../domain/routing/apply-imported-times';
import type { RowReader } from './field-checks';
import type { SourceRow } from './import-rows';
import { readCommune } from './read-commune';
import { where, type ValidationRun } from './validation-run';

export interface ChildPopulationRow {
  communeCode: string;
  children: number;
}

/** An ERROR when a key (commune pair, mode and season; or commune) was already given by another row. */
function checkOnce(r: RowReader, seen: Map<string, string>, key: string, field: string, what: string) {
  const first = seen.get(key);
  if (first) r.problem(field, `${what} is already given at ${first}`);
  else seen.set(key, where(r.row));
}

export function validateTravelTime(
  run: ValidationRun,
  row: SourceRow,
  seen: Map<string, string>,
): ImportedTravelTime | null {
  const r = run.reader(row);
  const from = readCommune(r, run.ctx, 'from_commune');
  const to = readCommune(r, run.ctx, 'to_commune');
  if (from && to && from === to) r.problem('to_commune', 'a travel time joins two different communes');
  const mode = r.oneOf('mode', TRAVEL_MODES);
  const season = r.oneOf('season', SEASONS);
  const minutes = r.number('minutes', { min: 0.1, max: LIMITS.travelMinutes, required: true });
  const km = r.number('km', { min: 0.01, max: 2000 });
  if (from && to && mode && season) {
    const pair = from < to ? `${from}|${to}` : `${to}|${from}`;
    checkOnce(r, seen, `${pair}|${mode}|${season}`, 'from_commune', `${mode} ${season} for ${pair}`);
  }
  if (!run.finish(r, !!(from && to && mode && season && minutes !== null))) return null;
  return {
    from: from!,
    to: to!,
    mode: mode!,
    season: season!,
    minutes: minutes!,
    ...(km !== null ? { km } : {}),
  };
}

export function validateCommunePopulation(
  run: ValidationRun,
  row: SourceRow,
  seen: Map<string, string>,
): ChildPopulationRow | null {
  const r = run.reader(row);
  const communeCode = readCommune(r, run.ctx, 'commune_code');
  const children = r.integer('children_0_17', { min: 0, max: 5_000_000, required: true });
  if (communeCode) checkOnce(r, seen, communeCode, 'commune_code', `commune ${communeCode}`);
  if (!run.finish(r, !!(communeCode && children !== null))) return null;
  return { communeCode: communeCode!, children: children! };
}
