/**
 * The GraphStore conformance suite: the behaviour both adapters must show. Each runner file calls
 * `defineStoreConformance` with a way to open its store. One store serves the whole suite (a Neo4j
 * database is shared), so every test writes keys under its own prefix and deletes them afterwards.
 */
import type { CypherGraphStore } from '../../src/store/graph-store';
import { defineCaseConformance } from './conformance/cases';
import { defineCausalConformance } from './conformance/causal';
import { deleteOwnNodes, type ConformanceContext } from './conformance/context';
import { definePaginationConformance } from './conformance/pagination';
import { defineReadConformance } from './conformance/reads';
import { defineTextConformance } from './conformance/text';
import { defineDirectoryBatchConformance, defineTransactionConformance } from './conformance/transactions';
import { defineWriteConformance } from './conformance/writes';

let runs = 0;

/** A prefix of lower-case letters and digits: it must survive diacritic folding to be a search token. */
function newPrefix(): string {
  runs += 1;
  return `zq${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}t${runs}x`;
}

export function defineStoreConformance(name: string, open: () => Promise<CypherGraphStore>): void {
  describe(`GraphStore conformance: ${name}`, () => {
    let store: CypherGraphStore | undefined;
    let current: ConformanceContext | undefined;

    beforeAll(async () => {
      store = await open();
      await store.ensureSchema();
    });

    afterAll(async () => {
      await store?.close();
    });

    beforeEach(() => {
      if (!store) throw new Error('the store did not open');
      current = { store, p: newPrefix() };
    });

    afterEach(async () => {
      if (current) await deleteOwnNodes(current.store, current.p);
      current = undefined;
    });

    const ctx = (): ConformanceContext => {
      if (!current) throw new Error('no conformance context outside a test');
      return current;
    };

    describe('writes', () => defineWriteConformance(ctx));
    describe('reads', () => defineReadConformance(ctx));
    describe('pagination and filters', () => definePaginationConformance(ctx));
    describe('units of work', () => {
      defineTransactionConformance(ctx);
      defineDirectoryBatchConformance(ctx);
    });
    describe('Vietnamese text and search', () => defineTextConformance(ctx));
    describe('cases, consents, referrals and audit', () => defineCaseConformance(ctx));
    describe('bookmarks (read-your-writes across servers)', () => defineCausalConformance(ctx));
  });
}
