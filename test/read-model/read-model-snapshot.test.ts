/**
 * The saved read model is used only while the store carries the marker it was saved with: a write by
 * any later process, a damaged or foreign file, or no file at all rebuilds it from the store.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { ReadModel } from '../../src/read-model/read-model';
import { loadReadModel, saveReadModel, snapshotFileFor } from '../../src/read-model/read-model-snapshot';
import { openEmbeddedRunner } from '../../src/store/embedded/embedded-runner';
import { CypherGraphStore } from '../../src/store/graph-store';
import { facility, seedTinyDirectory } from '../fixtures/directory';

jest.setTimeout(60_000);

let dir: string;
let file: string;
const open = async () => {
  const store = new CypherGraphStore(openEmbeddedRunner({ path: file }));
  await store.ensureSchema();
  return store;
};
const config = () => loadConfig({ KETNOI_DATA_FILE: file, KETNOI_PLANNER_WORKERS: '0' });

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketnoi-snapshot-'));
  file = path.join(dir, 'store.grafeo');
  const store = await open();
  const app = await createApp(config(), store);
  await seedTinyDirectory(app);
  await saveReadModel(store, app.readModel, snapshotFileFor(file));
  await store.close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

// Rows and their keys come back in no particular order; compare canonical texts, sorted.
const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
        )
      : v;
const rowsOf = (m: ReadModel) =>
  Object.fromEntries(
    Object.entries(m.toRows()).map(([k, rows]) => [
      k,
      (rows as unknown[]).map((r) => JSON.stringify(canonical(r))).sort(),
    ]),
  );

describe('read-model snapshot', () => {
  it('is used when the store has not changed, and equals the model built from the store', async () => {
    const store = await open();
    try {
      const loaded = await loadReadModel(store, snapshotFileFor(file));
      expect(loaded.source).toBe('snapshot');
      const rebuilt = await loadReadModel(store, null);
      expect(rebuilt.source).toBe('store');
      expect(rowsOf(loaded.model)).toEqual(rowsOf(rebuilt.model));
      expect(loaded.model.facilities.size).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('is not used after another process wrote to the store', async () => {
    const writer = await open();
    await writer.upsertFacilities([facility({ id: 'fac-late', communeCode: '06652' })]);
    await writer.close();
    const store = await open();
    try {
      const loaded = await loadReadModel(store, snapshotFileFor(file));
      expect(loaded.source).toBe('store');
      expect(loaded.reason).toMatch(/changed/);
      expect(loaded.model.facilities.has('fac-late')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('is not used after a write that this process made and did not save (a crash)', async () => {
    const store = await open();
    const app = await createApp(
      config(),
      store,
      undefined,
      (await loadReadModel(store, snapshotFileFor(file))).model,
    );
    await app.directory.write({ facilities: [facility({ id: 'fac-crash', communeCode: '06652' })] });
    await store.close(); // no save: as if the process died
    const again = await open();
    try {
      const loaded = await loadReadModel(again, snapshotFileFor(file));
      expect(loaded.source).toBe('store');
      expect(loaded.model.facilities.has('fac-crash')).toBe(true);
    } finally {
      await again.close();
    }
  });

  it('is still used after a write that rolled back (the marker rolls back with it)', async () => {
    const store = await open();
    await expect(
      store.runner.write(async (run) => {
        await run('CREATE (:Scratch {id: 1})');
        throw new Error('fails before commit');
      }),
    ).rejects.toThrow('fails before commit');
    await store.close();
    const again = await open();
    try {
      expect((await loadReadModel(again, snapshotFileFor(file))).source).toBe('snapshot');
    } finally {
      await again.close();
    }
  });

  it('is rebuilt from a damaged or missing file', async () => {
    fs.writeFileSync(snapshotFileFor(file), 'not a snapshot');
    const store = await open();
    try {
      const damaged = await loadReadModel(store, snapshotFileFor(file));
      expect(damaged.source).toBe('store');
      expect(damaged.reason).toMatch(/cannot be read|another format/);
      fs.rmSync(snapshotFileFor(file));
      expect((await loadReadModel(store, snapshotFileFor(file))).reason).toMatch(/no saved/);
    } finally {
      await store.close();
    }
  });
});
