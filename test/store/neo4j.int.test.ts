/**
 * The store conformance suite on Neo4j 5: against NEO4J_URI when set, else in a testcontainers
 * Neo4j 5 when a Docker engine answers, else a named skip that says why.
 */
import type { StartedTestContainer } from 'testcontainers';
import { CypherGraphStore } from '../../src/store/graph-store';
import { openNeo4jRunner } from '../../src/store/neo4j/neo4j-runner';
import { defineStoreConformance } from './conformance';
import { resolveNeo4jTarget } from './neo4j-target';

const target = resolveNeo4jTarget();
const IMAGE = 'neo4j:5-community';
const PASSWORD = 'ketnoi-test-password';

if (target.kind === 'skip') {
  describe.skip(`neo4j: skipped, ${target.reason}`, () => {
    it('runs the store conformance suite on Neo4j 5', () => undefined);
  });
} else {
  let container: StartedTestContainer | undefined;
  let server = target.kind === 'server' ? target : undefined;

  beforeAll(async () => {
    if (server) return;
    const { GenericContainer, Wait } = await import('testcontainers');
    container = await new GenericContainer(IMAGE)
      .withEnvironment({ NEO4J_AUTH: `neo4j/${PASSWORD}` })
      .withExposedPorts(7687)
      .withWaitStrategy(Wait.forLogMessage(/Started\./))
      .withStartupTimeout(180_000)
      .start();
    server = {
      kind: 'server',
      uri: `bolt://${container.getHost()}:${container.getMappedPort(7687)}`,
      user: 'neo4j',
      password: PASSWORD,
    };
  }, 240_000);

  afterAll(async () => {
    await container?.stop();
  });

  const open = async () => {
    if (!server) throw new Error('Neo4j did not start');
    return new CypherGraphStore(await openNeo4jRunner(server));
  };

  defineStoreConformance(`Neo4j 5 (${target.kind === 'server' ? target.uri : IMAGE})`, open);

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
