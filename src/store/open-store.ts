/** Picks the adapter: Neo4j when NEO4J_URI is configured, otherwise the embedded file store. */
import type { StoreConfig } from '../config';
import { openEmbeddedRunner } from './embedded/embedded-runner';
import { CypherGraphStore } from './graph-store';
import type { GraphStore } from './port';

export async function openStore(config: StoreConfig): Promise<GraphStore> {
  if (config.neo4jUri) {
    // Loaded lazily so the embedded path never needs the driver at start-up.
    const { openNeo4jRunner } = await import('./neo4j/neo4j-runner');
    const store = new CypherGraphStore(
      await openNeo4jRunner({
        uri: config.neo4jUri,
        user: config.neo4jUser,
        password: config.neo4jPassword,
        maxTransactionRetryTime: config.neo4jMaxRetryMs,
      }),
    );
    await store.ensureSchema();
    return store;
  }
  const store = new CypherGraphStore(openEmbeddedRunner({ path: config.dataFile }));
  await store.ensureSchema();
  return store;
}
