/** What each conformance section gets: the store under test and this test's key prefix. */
import type { CypherGraphStore } from '../../../src/store/graph-store';
import type { DirectoryWorld } from './fixtures';

export interface ConformanceContext {
  store: CypherGraphStore;
  /** Lower-case letters and digits, unique per test; every key the test writes starts with it. */
  p: string;
}

export type GetContext = () => ConformanceContext;

/** Nodes this test created: any node whose id, code or key starts with the prefix. */
const OWN = `(n.id STARTS WITH $p OR n.code STARTS WITH $p OR n.key STARTS WITH $p)`;

export async function deleteOwnNodes(store: CypherGraphStore, p: string): Promise<void> {
  await store.runner.write((run) => run(`MATCH (n) WHERE ${OWN} DETACH DELETE n`, { p }));
}

/** Relationships leaving this test's nodes, counted by type (sorted, so the result is comparable). */
export async function ownRelationshipCounts(
  store: CypherGraphStore,
  p: string,
): Promise<Record<string, number>> {
  const rows = await store.runner.read(`MATCH (n)-[r]->() WHERE ${OWN} RETURN type(r) AS t, count(r) AS n`, {
    p,
  });
  return Object.fromEntries(
    rows.map((r) => [String(r.t), Number(r.n)]).sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
}

/** Nodes of this test, counted by label. */
export async function ownNodeCounts(store: CypherGraphStore, p: string): Promise<Record<string, number>> {
  const rows = await store.runner.read(`MATCH (n) WHERE ${OWN} RETURN labels(n) AS l, count(n) AS n`, { p });
  const counts: Record<string, number> = {};
  for (const r of rows) {
    const label = (r.l as string[]).join(':');
    counts[label] = (counts[label] ?? 0) + Number(r.n);
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** Writes a whole world through the port, in dependency order. */
export async function seedWorld(store: CypherGraphStore, w: DirectoryWorld): Promise<void> {
  await store.upsertProvinces(w.provinces);
  await store.upsertCommunes(w.communes);
  await store.upsertLegacyCommunes(w.legacyCommunes);
  await store.upsertServiceTypes(w.services);
  await store.upsertOrganizations(w.organizations);
  await store.upsertFacilities(w.facilities);
  await store.upsertOfferings(w.offerings);
  await store.upsertRoads(w.roads);
}

export const ids = <T extends { id: string }>(items: readonly (T | null)[]): (string | null)[] =>
  items.map((i) => i?.id ?? null);

export const sortedIds = <T extends { id: string }>(items: readonly T[]): string[] =>
  items.map((i) => i.id).sort();
