import type { Viewer } from '../../src/auth/viewer';
import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

let t: TestApp;
let clock = Date.parse('2025-10-01T00:00:00.000Z');
const integrator: Viewer = {
  subject: 'his',
  role: 'integrator',
  organizationId: null,
  provinceCode: null,
  facilityId: null,
};

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date((clock += 1000)).toISOString() });
  await seedTinyDirectory(t.app);
});
afterAll(() => t.close());

const IMPORT = `mutation($n: String!, $dry: Boolean) { importDirectory(ndjson: $n, dryRun: $dry) {
  committed created { facilities offerings } updated { offerings } problems { line field severity message } } }`;
const CHANGES = `query($since: DateTime!, $first: Int, $after: String) { changes(since: $since, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { kind entity id at facility { name } offering { capacity } } } }`;

const facility =
  '{"type":"location","id":"fac-sync","name":"Sync clinic","sector":"HEALTH","kind":"CLINIC","commune_code":"06652"}';
const offering = (capacity: number) =>
  `{"type":"service_at_location","id":"off-sync","location_id":"fac-sync","service_code":"SCR.DEV","capacity":${capacity}}`;

/** A moment after the last stamped change: `since` is inclusive, so the last change's own instant would list it. */
const afterLastChange = () => new Date(clock + 1).toISOString();

const rows1 = (id: string) =>
  `{"type":"location","id":"${id}","name":"Edge","sector":"HEALTH","kind":"CLINIC","commune_code":"06652"}`;

describe('incremental sync', () => {
  it('returns creations, updates and deletions, so a mirror that syncs between steps follows each one', async () => {
    const feed = async (since: string) =>
      ((await t.run(CHANGES, { since, first: 100 }, integrator)).data!.changes.nodes as any[]).map((n) =>
        `${n.kind} ${n.entity} ${n.id} ${n.offering?.capacity ?? ''}`.trim(),
      );
    const t0 = afterLastChange();
    const created = await t.run(IMPORT, { n: `${facility}\n${offering(5)}` }, integrator);
    expect(created.data!.importDirectory).toMatchObject({
      committed: true,
      created: { facilities: 1, offerings: 1 },
    });
    expect(await feed(t0)).toEqual(['CREATED Facility fac-sync', 'CREATED Offering off-sync 5']);

    const t1 = afterLastChange();
    const updated = await t.run(IMPORT, { n: `${facility}\n${offering(9)}` }, integrator);
    expect(updated.data!.importDirectory).toMatchObject({ committed: true, updated: { offerings: 1 } });
    expect(await feed(t1)).toEqual(['UPDATED Offering off-sync 9']);

    const t2 = afterLastChange();
    await t.app.directory.deleteFacility('fac-sync', t.app.now());
    expect(await feed(t2)).toEqual(['DELETED Facility fac-sync', 'DELETED Offering off-sync']);
    // Seen from t0, the entities are gone: only their tombstones remain.
    expect(await feed(t0)).toEqual(['DELETED Facility fac-sync', 'DELETED Offering off-sync']);
    expect((await t.run(CHANGES, { since: t0 }, integrator)).data!.changes.totalCount).toBe(2);
  });

  it('pages with a cursor and tells created from updated', async () => {
    const since = afterLastChange();
    const rows = ['a', 'b', 'c'].map(
      (k) =>
        `{"type":"location","id":"fac-page-${k}","name":"P ${k}","sector":"EDUCATION","kind":"SCHOOL","commune_code":"06688"}`,
    );
    await t.run(IMPORT, { n: rows.join('\n') }, integrator);
    const middle = afterLastChange();
    await t.run(IMPORT, { n: rows[0]!.replace('"P a"', '"P a2"') }, integrator);

    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i += 1) {
      const page: any = await t.run(CHANGES, { since, first: 2, after }, integrator);
      expect(page.errors).toBeUndefined();
      seen.push(...page.data.changes.nodes.map((n: any) => `${n.kind}:${n.id}:${n.facility?.name}`));
      if (!page.data.changes.pageInfo.hasNextPage) break;
      after = page.data.changes.pageInfo.endCursor;
    }
    // fac-page-a was created after `since` and changed again: it appears once, at its latest time.
    expect(seen).toEqual(['CREATED:fac-page-b:P b', 'CREATED:fac-page-c:P c', 'CREATED:fac-page-a:P a2']);
    const later: any = await t.run(CHANGES, { since: middle, first: 10 }, integrator);
    expect(later.data.changes.nodes.map((n: any) => `${n.kind}:${n.id}`)).toEqual(['UPDATED:fac-page-a']);
  });

  it('includes changes stamped exactly at since (inclusive), as CREATED when created then', async () => {
    await t.run(IMPORT, { n: rows1('fac-edge') }, integrator);
    const at = new Date(clock).toISOString();
    const ids = async (since: string) =>
      ((await t.run(CHANGES, { since, first: 100 }, integrator)).data!.changes.nodes as any[])
        .filter((n) => n.id === 'fac-edge')
        .map((n) => `${n.kind} ${n.at}`);
    expect(await ids(at)).toEqual([`CREATED ${at}`]);
    expect(await ids(afterLastChange())).toEqual([]);
  });

  it('rejects a forged cursor and a page over 1000', async () => {
    const since = '2025-01-01T00:00:00Z';
    expect((await t.run(CHANGES, { since, after: 'bm9wZQ' }, integrator)).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    const big = await t.run(
      'query($since: DateTime!) { changes(since: $since, first: 5000) { totalCount } }',
      { since },
      integrator,
    );
    expect(big.errors?.[0]?.message).toBe('first must be between 1 and 1000');
  });
});
