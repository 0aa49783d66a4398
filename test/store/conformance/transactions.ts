/** Conformance: a unit of work is one transaction, committed whole or not at all. */
import type { GetContext } from './context';
import { ownNodeCounts, seedWorld } from './context';
import { directoryWorld } from './fixtures';
import * as W from '../../../src/store/cypher/directory-writes';
import type { CypherRunner } from '../../../src/store/cypher-runner';
import { CypherGraphStore } from '../../../src/store/graph-store';

const CREATE_FACILITY = `CREATE (f:Facility {id: $id}) SET f.name = $name RETURN f.id AS id`;
const RENAME = `MATCH (f:Facility {id: $id}) SET f.name = $name RETURN f.name AS name`;

export function defineTransactionConformance(ctx: GetContext): void {
  it('rolls the whole unit back on a unique-key violation and reports CONFLICT', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const existing = w.facilities[0]!;
    const before = await ownNodeCounts(store, p);
    const unit = store.runner.write(async (run) => {
      await run(CREATE_FACILITY, { id: `${p}-new`, name: 'Trạm mới' });
      await run(RENAME, { id: existing.id, name: 'renamed inside the failed unit' });
      await run(`UNWIND $rows AS r MERGE (t:Tombstone {id: r.id}) SET t += r`, {
        rows: [{ id: `${p}-t`, entity: 'Facility', deletedAt: '2030-01-01T00:00:00Z' }],
      });
      await run(CREATE_FACILITY, { id: existing.id, name: 'duplicate' });
      return 'committed';
    });
    await expect(unit).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await store.facilitiesById([`${p}-new`, existing.id])).toEqual([null, existing]);
    expect(await ownNodeCounts(store, p)).toEqual(before);
  });

  it('leaves nothing behind when a statement fails after a successful one', async () => {
    const { store, p } = ctx();
    const unit = store.runner.write(async (run) => {
      await run(CREATE_FACILITY, { id: `${p}-a`, name: 'A' });
      await run(`UNWIND [1, 0] AS x RETURN 10 / x AS y`);
    });
    await expect(unit).rejects.toThrow();
    expect(await store.facilitiesById([`${p}-a`])).toEqual([null]);
    expect(await ownNodeCounts(store, p)).toEqual({});
  });

  it('rolls back when the work itself throws, and passes that error through unchanged', async () => {
    const { store, p } = ctx();
    const mine = new RangeError('capacity must not be negative');
    const unit = store.runner.write(async (run) => {
      await run(CREATE_FACILITY, { id: `${p}-b`, name: 'B' });
      throw mine;
    });
    await expect(unit).rejects.toBe(mine);
    expect(await store.facilitiesById([`${p}-b`])).toEqual([null]);
  });

  it('commits every statement of a successful unit and returns its value', async () => {
    const { store, p } = ctx();
    const before = store.runner.statementCount;
    const value = await store.runner.write(async (run) => {
      const [a] = await run(CREATE_FACILITY, { id: `${p}-c`, name: 'C' });
      const [b] = await run(RENAME, { id: `${p}-c`, name: 'C2' });
      return [a, b];
    });
    expect(value).toEqual([{ id: `${p}-c` }, { name: 'C2' }]);
    expect(store.runner.statementCount - before).toBe(2);
    const rows = await store.runner.read(`MATCH (f:Facility {id: $id}) RETURN f.name AS name`, {
      id: `${p}-c`,
    });
    expect(rows).toEqual([{ name: 'C2' }]);
  });

  it('keeps the store usable after a failed unit', async () => {
    const { store, p } = ctx();
    await expect(store.runner.write((run) => run(`RETURN 1 / 0 AS x`))).rejects.toThrow();
    await store.runner.write((run) => run(CREATE_FACILITY, { id: `${p}-d`, name: 'D' }));
    expect(
      (await store.runner.read(`MATCH (f:Facility {id: $id}) RETURN f.id AS id`, { id: `${p}-d` })).length,
    ).toBe(1);
    expect(await store.isHealthy()).toBe(true);
  });
}

/** A runner that fails the first statement `fails` picks, inside whatever unit of work runs it. */
function failingRunner(runner: CypherRunner, fails: (query: string) => boolean): CypherRunner {
  return {
    ...runner,
    kind: runner.kind,
    statementCount: runner.statementCount,
    read: (q, params) => runner.read(q, params),
    write: (work) =>
      runner.write((run) =>
        work(async (q, params) => {
          if (fails(q)) throw new Error('injected failure');
          return run(q, params);
        }),
      ),
  };
}

/** A directory batch is one unit of work: a failing statement anywhere leaves none of it. */
export function defineDirectoryBatchConformance(ctx: GetContext): void {
  it('writes a whole directory batch or none of it', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await store.writeDirectoryBatch({
      provinces: w.provinces,
      communes: w.communes,
      serviceTypes: w.services,
    });
    const before = await ownNodeCounts(store, p);
    const failing = new CypherGraphStore(failingRunner(store.runner, (q) => q === W.UPSERT_OFFERINGS));
    await expect(
      failing.writeDirectoryBatch({
        organizations: w.organizations,
        facilities: w.facilities,
        offerings: w.offerings,
      }),
    ).rejects.toThrow('injected failure');
    expect(await ownNodeCounts(store, p)).toEqual(before);
    await store.writeDirectoryBatch({
      organizations: w.organizations,
      facilities: w.facilities,
      offerings: w.offerings,
    });
    expect(await store.countNodes('Offering')).toBeGreaterThanOrEqual(w.offerings.length);
  });
}
