/** Shapes query rows into what the port promises: key order with nulls, groups per key, and pages. */
import type { CypherRunner, Params, Row } from './cypher-runner';
import type { Page } from './port';

export type Raw = Record<string, unknown>;

/** The values of one column (a projected map per row). */
export function col(rows: Row[], name: string): Raw[] {
  return rows.map((r) => r[name] as Raw);
}

/** Orders batch results by the requested keys, with null for misses (DataLoader's contract). */
export function inKeyOrder<T>(keys: readonly string[], items: T[], keyOf: (t: T) => string): (T | null)[] {
  const byKey = new Map(items.map((item) => [keyOf(item), item]));
  return keys.map((k) => byKey.get(k) ?? null);
}

/** Groups batch results under the requested keys (an empty list for a key with none). */
export function groupByKey<T>(keys: readonly string[], items: T[], keyOf: (t: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const item of items) groups.get(keyOf(item))?.push(item);
  return keys.map((k) => groups.get(k) ?? []);
}

/** Runs a page query (asking for first + 1 rows) and its count query side by side. */
export async function readPage<T>(input: {
  runner: CypherRunner;
  query: string;
  count: string;
  params: Params;
  column: string;
  first: number;
  map: (raw: Raw) => T;
}): Promise<Page<T>> {
  const { runner, params, first } = input;
  const [rows, count] = await Promise.all([
    runner.read(input.query, params),
    runner.read(input.count, params),
  ]);
  const items = col(rows, input.column).map(input.map);
  return {
    items: items.slice(0, first),
    totalCount: Number(count[0]?.n ?? 0),
    hasNextPage: items.length > first,
  };
}
