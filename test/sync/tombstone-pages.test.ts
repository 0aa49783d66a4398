/** Many tombstones at one instant (a facility with many offerings deleted) page through without a gap. */
import { importDirectory } from '../../src/import/import-directory';
import { parseNdjson } from '../../src/import/parse-import';
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

it('pages 301 tombstones of one deletion, 20 at a time, each once and in order', async () => {
  const rows = [
    '{"type":"location","id":"fac-big","name":"Big","sector":"HEALTH","kind":"CLINIC","commune_code":"06652"}',
    ...Array.from(
      { length: 300 },
      (_, i) =>
        `{"type":"service_at_location","id":"off-big-${String(i).padStart(3, '0')}","location_id":"fac-big","service_code":"SCR.DEV"}`,
    ),
  ];
  const parsed = parseNdjson(rows.join('\n'));
  expect(
    (await importDirectory({ into: t.app, rows: parsed.rows, parseProblems: parsed.problems })).committed,
  ).toBe(true);
  // A moment after the import's own instant: `since` is inclusive.
  const since = new Date(clock + 1).toISOString();
  await t.app.directory.deleteFacility('fac-big', t.app.now());
  await t.app.directory.deleteOffering('off-a1', t.app.now());

  const seen: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 30; pages += 1) {
    const page = await listChanges(t.store, { since, first: 20, afterKey: after });
    seen.push(...page.items.map((c) => `${c.kind} ${c.entity} ${c.id}`));
    if (!page.hasNextPage) break;
    after = changeKey(page.items[page.items.length - 1]!);
  }
  expect(seen).toEqual([
    'DELETED Facility fac-big',
    ...Array.from({ length: 300 }, (_, i) => `DELETED Offering off-big-${String(i).padStart(3, '0')}`),
    'DELETED Offering off-a1',
  ]);
});
