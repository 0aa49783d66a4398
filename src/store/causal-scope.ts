/**
 * Read-your-writes across servers (docs/deploy.md#read-your-own-writes): a request may carry the
 * bookmarks of writes made through another server. Inside its scope the Neo4j runner starts every
 * session from those bookmarks (so Neo4j answers only once it holds those writes) and records the
 * bookmark of each write it commits, which the HTTP front hands back. AsyncLocalStorage carries the
 * scope to the store calls without threading it through every service; the embedded store ignores it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface CausalScope {
  /** Bookmarks the request's reads and writes must come after. */
  readonly after: readonly string[];
  /** Bookmarks of the writes committed in this scope, in commit order. */
  readonly written: string[];
}

const storage = new AsyncLocalStorage<CausalScope>();

/** Runs `work` with a scope that starts after `after`; every store call inside it sees the scope. */
export function runInCausalScope<T>(after: readonly string[], work: (scope: CausalScope) => T): T {
  const scope: CausalScope = { after, written: [] };
  return storage.run(scope, () => work(scope));
}

/** The scope of the current request, if it has one. */
export function currentCausalScope(): CausalScope | undefined {
  return storage.getStore();
}

/** What a caller should send next: the bookmarks of this scope's writes, else the ones it came with. */
export function bookmarksToReturn(scope: CausalScope): readonly string[] {
  return scope.written.length > 0 ? [...new Set(scope.written)] : scope.after;
}
