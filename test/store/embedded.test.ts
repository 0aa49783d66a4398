import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedRunner } from '../../src/store/embedded/embedded-runner';
import { CypherGraphStore } from '../../src/store/graph-store';
import { defineStoreConformance } from './conformance';
import { seedWorld } from './conformance/context';
import { directoryWorld } from './conformance/fixtures';

// Unordered rows come back shuffled, so a test passes only if the code restores order itself.
defineStoreConformance(
  'embedded Grafeo (in memory, shuffled rows)',
  async () => new CypherGraphStore(openEmbeddedRunner({ path: null, shuffleUnordered: true })),
);

describe('embedded Grafeo store on a file', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketnoi-store-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds its data, constraints included, after closing and reopening the file', async () => {
    const file = path.join(dir, 'nested', 'ketnoi.grafeo');
    const w = directoryWorld('file');
    const first = new CypherGraphStore(openEmbeddedRunner({ path: file }));
    await first.ensureSchema();
    await seedWorld(first, w);
    await first.deleteFacility(w.facilities[24]!.id, '2030-01-01T00:00:00Z');
    await first.close();
    expect(fs.existsSync(file)).toBe(true);

    const second = new CypherGraphStore(openEmbeddedRunner({ path: file }));
    try {
      await second.ensureSchema();
      const ids = w.facilities.map((f) => f.id);
      expect(await second.facilitiesById(ids)).toEqual([...w.facilities.slice(0, 24), null]);
      expect(await second.predecessorsOf([w.communes[0]!.code])).toEqual([w.legacyCommunes.slice(0, 2)]);
      const offeringsOfLast = w.offerings.filter((o) => o.facilityId === w.facilities[24]!.id);
      expect(offeringsOfLast).toHaveLength(1);
      expect(await second.tombstonesSince('2029-12-31T00:00:00Z', 10)).toEqual([
        { id: w.facilities[24]!.id, entity: 'Facility', deletedAt: '2030-01-01T00:00:00Z' },
        { id: offeringsOfLast[0]!.id, entity: 'Offering', deletedAt: '2030-01-01T00:00:00Z' },
      ]);
      const duplicate = second.runner.write((run) => run(`CREATE (:Facility {id: $id})`, { id: ids[0] }));
      await expect(duplicate).rejects.toMatchObject({ code: 'CONFLICT' });
    } finally {
      await second.close();
    }
  });

  it('refuses a second handle on a file that is already open', async () => {
    const file = path.join(dir, 'ketnoi.grafeo');
    const first = new CypherGraphStore(openEmbeddedRunner({ path: file }));
    try {
      expect(() => openEmbeddedRunner({ path: file })).toThrow(/lock/i);
    } finally {
      await first.close();
    }
  });
});
