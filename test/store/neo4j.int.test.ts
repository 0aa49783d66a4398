/**
 * The store conformance suite on Neo4j 5, on the user's NEO4J_URI or the server the
 * `neo4j` project's global setup started (a testcontainers Neo4j where Docker answers, else the
 * tools/neo4j launcher); else a named skip that says why.
 */
import { CypherGraphStore } from '../../src/store/graph-store';
import { openNeo4jRunner } from '../../src/store/neo4j/neo4j-runner';
import { acquireGraphLock, releaseGraphLock } from '../neo4j/graph-lock';
import { defineStoreConformance } from './conformance';
import { resolveNeo4jTarget } from './neo4j-target';

const target = resolveNeo4jTarget();

if (target.kind === 'skip') {
  describe.skip(`neo4j: skipped, ${target.reason}`, () => {
    it('runs the store conformance suite on Neo4j 5', () => undefined);
  });
} else {
  const server = target;
  // Other files clear the shared graph when they start; hold it while this file runs.
  beforeAll(() => acquireGraphLock(server.uri));
  afterAll(() => releaseGraphLock());

  const open = async () => new CypherGraphStore(await openNeo4jRunner(server));

  defineStoreConformance(`Neo4j 5 (${server.uri})`, open);

  describe('neo4j runner on a live server', () => {
    it('types whole-number parameters as INTEGER, as Grafeo does', async () => {
      const store = await open();
      try {
        const rows = await store.runner.read('RETURN $n / 2 AS half, $x / 2 AS x, $n IN [5] AS listed', {
          n: 5,
          x: 5.5,
        });
        expect(rows).toEqual([{ half: 2, x: 2.75, listed: true }]);
      } finally {
        await store.close();
      }
    });

    it('answers ping() with true while open and false once closed', async () => {
      const store = await open();
      expect(await store.isHealthy()).toBe(true);
      await store.close();
      expect(await store.isHealthy()).toBe(false);
    });
  });
}
