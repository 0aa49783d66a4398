/**
 * A mirror that applies the change feed page by page (2 per page) as the README says: the same `since`
 * every time, continuing from the last cursor (`after`). It stays identical to the directory through
 * creations, updates, deletions and a re-creation. CREATED means created at or after that `since`.
 */
import { importDirectory } from '../../src/import/import-directory';
import { parseNdjson } from '../../src/import/parse-import';
import type { ChangeRecord } from '../../src/store/port';
import { changeKey, listChanges } from '../../src/sync/list-changes';
import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

let t: TestApp;
let clock = Date.parse('2025-10-01T00:00:00.000Z');
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date((clock += 1000)).toISOString() });
  await seedTinyDirectory(t.app);
});
afterAll(() => t.close());

const mirror = new Map<string, unknown>();
/** The mirror keeps the cursor of the last change it applied; `since` never changes. */
let cursor: string | null = null;
const since = '2000-01-01T00:00:00.000Z';

/** Pulls every change after the mirror's cursor and applies it; returns what it saw. */
async function sync(): Promise<string[]> {
  const seen: string[] = [];
  for (;;) {
    const page = await listChanges(t.store, { since, first: 2, afterKey: cursor });
    for (const c of page.items) {
      seen.push(`${c.kind} ${c.entity} ${c.id}`);
      if (c.kind === 'DELETED') mirror.delete(`${c.entity}:${c.id}`);
      else mirror.set(`${c.entity}:${c.id}`, await load(c));
      cursor = changeKey(c);
    }
    if (!page.hasNextPage) return seen;
  }
}

async function load(c: ChangeRecord): Promise<unknown> {
  if (c.entity === 'Facility') return (await t.store.facilitiesById([c.id]))[0];
  if (c.entity === 'Offering') return (await t.store.offeringsById([c.id]))[0];
  return (await t.store.organizationsById([c.id]))[0];
}

async function directory(): Promise<Map<string, unknown>> {
  const snapshot = await t.store.loadRoutingSnapshot();
  return new Map<string, unknown>([
    ...(await t.store.allOrganizations()).map((o) => [`Organization:${o.id}`, o] as const),
    ...snapshot.facilities.map((f) => [`Facility:${f.id}`, f] as const),
    ...snapshot.offerings.map((o) => [`Offering:${o.id}`, o] as const),
  ]);
}

const sorted = (m: Map<string, unknown>) => new Map([...m].sort(([a], [b]) => (a < b ? -1 : 1)));

async function importRows(rows: string[]) {
  const parsed = parseNdjson(rows.join('\n'), 'sync.ndjson');
  const report = await importDirectory({ into: t.app, rows: parsed.rows, parseProblems: parsed.problems });
  expect(report.problems.filter((p) => p.severity === 'ERROR')).toEqual([]);
}

const org = '{"type":"organization","id":"org-m","name":"Mirror NGO","sector":"SOCIAL","province_code":"22"}';
const fac = (id: string, name: string) =>
  `{"type":"location","id":"${id}","organization_id":"org-m","name":"${name}","sector":"SOCIAL","kind":"COUNSELLING_POINT","commune_code":"06652"}`;
const off = (id: string, facility: string, capacity: number) =>
  `{"type":"service_at_location","id":"${id}","location_id":"${facility}","service_code":"SCR.DEV","capacity":${capacity}}`;

describe('a mirror fed by the change feed', () => {
  it('copies the whole directory from an early since, two changes per page', async () => {
    expect(await sync()).toHaveLength(1 + 4 + 3);
    expect(sorted(mirror)).toEqual(sorted(await directory()));
  });

  it('follows creations, updates, deletions and a re-creation, seeing each change once', async () => {
    await importRows([
      org,
      fac('fac-m1', 'M1'),
      fac('fac-m2', 'M2'),
      off('off-m1', 'fac-m1', 5),
      off('off-m2', 'fac-m2', 5),
    ]);
    expect(await sync()).toEqual([
      'CREATED Facility fac-m1',
      'CREATED Facility fac-m2',
      'CREATED Offering off-m1',
      'CREATED Offering off-m2',
      'CREATED Organization org-m',
    ]);
    expect(sorted(mirror)).toEqual(sorted(await directory()));

    await importRows([org, fac('fac-m1', 'M1 renamed'), fac('fac-m2', 'M2'), off('off-m1', 'fac-m1', 9)]);
    // Created after `since` (the mirror's first sync), so still CREATED: a mirror upserts either way.
    expect(await sync()).toEqual(['CREATED Facility fac-m1', 'CREATED Offering off-m1']);
    expect(sorted(mirror)).toEqual(sorted(await directory()));

    await t.app.directory.deleteOffering('off-a1', t.app.now());
    await t.app.directory.deleteFacility('fac-m2', t.app.now());
    expect(await sync()).toEqual([
      'DELETED Offering off-a1',
      'DELETED Facility fac-m2',
      'DELETED Offering off-m2',
    ]);
    expect(sorted(mirror)).toEqual(sorted(await directory()));

    await importRows([fac('fac-m2', 'M2 again')]);
    expect(await sync()).toEqual(['CREATED Facility fac-m2']);
    expect(sorted(mirror)).toEqual(sorted(await directory()));
    expect(await sync()).toEqual([]);
  });
});
