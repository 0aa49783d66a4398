import type { Season, TravelMode } from '../model';
import { InvalidRoutingInputError } from './errors';
import { groupBy } from './group-by';
import { toTravelTimeKey, type TravelEdge } from './travel-edge';

/** A measured or locally reported travel time for one edge, mode and season (either direction). */
export interface ImportedTravelTime {
  from: string;
  to: string;
  mode: TravelMode;
  season: Season;
  minutes: number;
  /** Road km, when the source reports it; replaces the estimated km. */
  km?: number;
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

function validateImported(row: ImportedTravelTime): void {
  if (!Number.isFinite(row.minutes) || row.minutes < 0) {
    throw new InvalidRoutingInputError(
      `Imported minutes for ${row.from}–${row.to} must be ≥ 0, got ${row.minutes}`,
    );
  }
  if (row.km !== undefined && (!Number.isFinite(row.km) || row.km <= 0)) {
    throw new InvalidRoutingInputError(`Imported km for ${row.from}–${row.to} must be > 0, got ${row.km}`);
  }
}

/**
 * Returns copies of the edges with imported minutes (and km) laid over the estimates; the last row wins
 * when a pair, mode and season repeats. Rows whose pair has no edge come back in `unmatched`.
 */
export function applyImportedTimes(
  edges: readonly TravelEdge[],
  imported: readonly ImportedTravelTime[],
): { edges: TravelEdge[]; unmatched: ImportedTravelTime[] } {
  imported.forEach(validateImported);
  const rowsByPair = groupBy(imported, (row) => pairKey(row.from, row.to));
  const matched = new Set<string>();
  const result = edges.map((edge) => {
    const key = pairKey(edge.from, edge.to);
    const rows = rowsByPair.get(key);
    if (!rows) return edge;
    matched.add(key);
    const next: TravelEdge = { ...edge, source: 'IMPORTED', minutes: { ...edge.minutes } };
    for (const row of rows) {
      next.minutes[toTravelTimeKey(row.mode, row.season)] = row.minutes;
      if (row.km !== undefined) next.km = row.km;
    }
    return next;
  });
  const unmatched = imported.filter((row) => !matched.has(pairKey(row.from, row.to)));
  return { edges: result, unmatched };
}
