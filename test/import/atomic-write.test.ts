/** A write that fails part-way through an import leaves the store and the read model as they were. */
import type { App } from '../../src/app';
import { importDirectory } from '../../src/import/import-directory';
import { parseNdjson } from '../../src/import/parse-import';
import { DirectoryWriter } from '../../src/services/directory-writer';
import type { CypherRunner } from '../../src/store/cypher-runner';
import { CypherGraphStore } from '../../src/store/graph-store';
import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedTinyDirectory(t.app);
});
afterAll(() => t.close());

/** The same database, but the n-th statement of a write transaction fails. */
function failingOn(n: number, runner: CypherRunner): CypherRunner {
  return Object.assign(Object.create(runner) as CypherRunner, {
    write: <T>(work: Parameters<CypherRunner['write']>[0]) =>
      runner.write((run) => {
        let count = 0;
        return work((query, params) => {
          count += 1;
          if (count === n) return Promise.reject(new Error('injected: the store went away'));
          return run(query, params);
        }) as Promise<T>;
      }),
  });
}

const ROWS = [
  '{"type":"organization","id":"org-atomic","name":"A","sector":"SOCIAL","province_code":"22"}',
  '{"type":"location","id":"fac-atomic","organization_id":"org-atomic","name":"A","sector":"SOCIAL","kind":"POINT","commune_code":"06652","identifiers":["a|1"]}',
  '{"type":"location","id":"fac-a","name":"Trạm Y tế Phường Hà Tu (renamed)","sector":"HEALTH","kind":"COMMUNE_HEALTH_STATION","commune_code":"06652","organization_id":"org-22-health","identifiers":["moh|QN-001"],"provenance":"DEMO","latitude":21,"longitude":107}',
  '{"type":"service_at_location","id":"off-atomic","service_code":"SCR.DEV","location_id":"fac-atomic"}',
].join('\n');

async function state(app: App): Promise<string> {
  const { facilities, offerings } = await app.directoryReads.loadRoutingSnapshot();
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  return JSON.stringify([
    facilities.sort(byId),
    offerings.sort(byId),
    (await app.directoryReads.allOrganizations()).sort(byId),
    await app.directoryReads.facilityByIdentifier('a|1'),
    [...app.readModel.facilities.keys()].sort(),
    app.readModel.facilities.get('fac-a')?.name,
    [...app.readModel.offerings.keys()].sort(),
  ]);
}

describe('an import whose write fails part-way', () => {
  it.each([2, 4, 7])('writes nothing when statement %i of the transaction fails', async (n) => {
    const before = await state(t.app);
    const store = new CypherGraphStore(failingOn(n, t.store.runner));
    const app = { ...t.app, store, directory: new DirectoryWriter(store, t.app.readModel) };
    const parsed = parseNdjson(ROWS);
    await expect(
      importDirectory({ into: app, rows: parsed.rows, parseProblems: parsed.problems }),
    ).rejects.toThrow('injected: the store went away');
    expect(await state(t.app)).toBe(before);
  });

  it('then imports the same rows once the store is back', async () => {
    const parsed = parseNdjson(ROWS);
    const report = await importDirectory({ into: t.app, rows: parsed.rows, parseProblems: parsed.problems });
    expect(report.created).toMatchObject({ organizations: 1, facilities: 1, offerings: 1 });
    expect(report.updated).toMatchObject({ facilities: 1 });
    expect(t.app.readModel.facilities.get('fac-a')?.name).toBe('Trạm Y tế Phường Hà Tu (renamed)');
  });
});
