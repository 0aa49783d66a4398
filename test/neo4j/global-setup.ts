/**
 * Jest global setup of the `neo4j` project: gives its suites a Neo4j 5 server in KETNOI_TEST_NEO4J_URI
 * (the workers, started after this, inherit it). Not in NEO4J_URI: the `embedded` project's workers
 * inherit the same environment, and a server they spawn must stay on its embedded store. Which server follows test/neo4j/plan.js: the one in
 * NEO4J_URI, a testcontainers Neo4j where Docker answers, else the tools/neo4j launcher (built on
 * first use: the first build on a new machine downloads Neo4j from Maven Central).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildLauncher, startNeo4jProcess } from '../../scripts/neo4j/launcher';
import { seedDemo } from '../../seeds/seed';
import { CypherGraphStore } from '../../src/store/graph-store';
import { openNeo4jRunner } from '../../src/store/neo4j/neo4j-runner';
import { clearGraph } from '../fixtures/test-store';
import { setStarted } from './started';

const PASSWORD = 'ketnoi-test-password';

/**
 * A new server compiles and plans everything for the first time: the first demo seed takes about twice
 * as long as the next. Seeding once here keeps that out of the first test file's hook timeouts.
 */
async function warmUp(server: { uri: string; user: string; password: string }): Promise<void> {
  const store = new CypherGraphStore(await openNeo4jRunner(server));
  try {
    await store.ensureSchema();
    await seedDemo(store, { log: () => undefined });
    await clearGraph(store);
  } finally {
    await store.close();
  }
}

const neo4jEnv = () => ({
  uri: process.env.KETNOI_TEST_NEO4J_URI!,
  user: process.env.KETNOI_TEST_NEO4J_USER!,
  password: process.env.KETNOI_TEST_NEO4J_PASSWORD!,
});

export default async function globalSetup(): Promise<void> {
  const plan = JSON.parse(process.env.KETNOI_NEO4J_PLAN ?? '{"kind":"none","reason":"no plan"}') as {
    kind: string;
    reason: string;
  };
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (plan.kind === 'docker') {
    const { GenericContainer, Wait } = await import('testcontainers');
    const container = await new GenericContainer('neo4j:5.26-community')
      .withEnvironment({ NEO4J_AUTH: `neo4j/${PASSWORD}` })
      .withExposedPorts(7687)
      .withWaitStrategy(Wait.forLogMessage(/Started\./))
      .withStartupTimeout(180_000)
      .start();
    process.env.KETNOI_TEST_NEO4J_URI = `bolt://${container.getHost()}:${container.getMappedPort(7687)}`;
    process.env.KETNOI_TEST_NEO4J_USER = 'neo4j';
    process.env.KETNOI_TEST_NEO4J_PASSWORD = PASSWORD;
    setStarted({ stop: () => container.stop().then(() => undefined) });
  } else if (plan.kind === 'launcher') {
    const started = Date.now();
    buildLauncher({ log });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketnoi-neo4j-test-'));
    // C1 only and the serial collector: a short-lived server on 2 shared cores starts and warms faster.
    const server = await startNeo4jProcess({
      dataDir,
      jvmArgs: ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'],
      log: () => undefined,
    });
    setStarted({
      stop: async () => {
        await server.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    });
    process.env.KETNOI_TEST_NEO4J_URI = server.uri;
    process.env.KETNOI_TEST_NEO4J_USER = 'neo4j';
    process.env.KETNOI_TEST_NEO4J_PASSWORD = '';
    const ready = Date.now();
    await warmUp({ uri: server.uri, user: 'neo4j', password: '' });
    log(
      `\nneo4j: ${server.uri} (tools/neo4j, Neo4j ${((ready - started) / 1000).toFixed(1)} s, ` +
        `warm-up ${((Date.now() - ready) / 1000).toFixed(1)} s)`,
    );
  }
  if (plan.kind === 'docker') await warmUp(neo4jEnv());
}
