/**
 * Conformance: bookmarks for read-your-writes across servers (src/store/causal-scope.ts). On Neo4j a
 * write inside a causal scope records its commit's bookmark, and a read from that bookmark sees it; a
 * bookmark the store never gave is bad input. The embedded store has no bookmarks and accepts any.
 */
import { runInCausalScope } from '../../../src/store/causal-scope';
import type { GetContext } from './context';

const CREATE_FACILITY = `CREATE (f:Facility {id: $id}) SET f.name = $name RETURN f.id AS id`;

export function defineCausalConformance(ctx: GetContext): void {
  it('records the bookmark of a write in its scope, and reads from it see the write', async () => {
    const { store, p } = ctx();
    const written = await runInCausalScope([], async (scope) => {
      await store.runner.write((run) => run(CREATE_FACILITY, { id: `${p}-f`, name: 'Trạm' }));
      return scope.written;
    });
    if (store.kind === 'embedded') {
      expect(written).toEqual([]);
    } else {
      expect(written).toHaveLength(1);
      expect(written[0]).toMatch(/\S/);
    }
    await store.awaitBookmarks(written);
    const seen = await runInCausalScope(written, () => store.facilitiesById([`${p}-f`]));
    expect(seen[0]?.name).toBe('Trạm');
  });

  it('gives a later write a bookmark that differs from the earlier one', async () => {
    const { store, p } = ctx();
    if (store.kind === 'embedded') return expect(await store.awaitBookmarks([])).toBeUndefined();
    const bookmarks: string[] = [];
    for (const id of [`${p}-1`, `${p}-2`]) {
      await runInCausalScope(bookmarks.slice(-1), async (scope) => {
        await store.runner.write((run) => run(CREATE_FACILITY, { id, name: id }));
        bookmarks.push(...scope.written);
      });
    }
    expect(bookmarks).toHaveLength(2);
    expect(bookmarks[0]).not.toBe(bookmarks[1]);
  });

  it('refuses a bookmark it never gave as BAD_USER_INPUT (the embedded store ignores it)', async () => {
    const { store } = ctx();
    const waited = store.awaitBookmarks(['not-a-bookmark']);
    if (store.kind === 'embedded') await expect(waited).resolves.toBeUndefined();
    else await expect(waited).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
}
