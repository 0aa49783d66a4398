/** The generated data set loads into an embedded store through the port, and its chains trace. */
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { importDataset } from '../../tools/generate/import-dataset';
import { openEmbeddedRunner } from '../../src/store/embedded/embedded-runner';
import { CypherGraphStore } from '../../src/store/graph-store';
import { generateTo, removeDir } from './generated-fixture';

let dir = '';
let store: CypherGraphStore;

beforeAll(async () => {
  ({ dir } = await generateTo('0.01', 3));
  store = new CypherGraphStore(openEmbeddedRunner({ path: null }));
}, 60_000);
afterAll(async () => {
  await store.close();
  removeDir(dir);
});

describe('importDataset', () => {
  it('stores every row once, links chains, and refuses a second import of the same set', async () => {
    const summary = await importDataset({ store, dir, progress: false });
    expect(summary.totalMs).toBeGreaterThan(0);
    expect(await store.countNodes('Case')).toBe(2000);
    expect(await store.countNodes('Referral')).toBe(4000);
    const onward = await store.runner.read(
      'MATCH (:Referral)-[o:ONWARD_OF]->(:Referral) RETURN count(o) AS n',
    );
    expect(onward[0]!.n).toBe(4000 - 2000);
    await expect(importDataset({ store, dir, progress: false })).rejects.toThrow(/already holds/);
  }, 120_000);

  it('serves an imported chain through the chain service', async () => {
    const app = await createApp(
      loadConfig({ KETNOI_DATA_FILE: ':memory:' }),
      store,
      () => '2025-10-01T00:00:00.000Z',
    );
    const [anyCase] = (await store.cases({}, { first: 1, after: null })).items;
    const owner = {
      subject: 'cw',
      role: 'caseworker' as const,
      organizationId: anyCase!.organizationId,
      provinceCode: null,
      facilityId: null,
    };
    const chain = await app.chains.referralChain(owner, anyCase!.id);
    expect(chain.steps.length).toBeGreaterThanOrEqual(1);
    expect(chain.steps.every((s) => s.referralId.startsWith(`ref-s3-`))).toBe(true);
  });
});
