/** Entry point: read config, open the store, seed the demo if empty, serve GraphQL and the console. */
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { loadConfig } from './config';
import { createApolloServer } from './graphql/server';
import { createCoverageRoutes } from './http/coverage-routes';
import { createDirectoryExportRoutes } from './http/directory-export-routes';
import { createFhirRoutes } from './http/fhir-routes';
import { createImportRoutes } from './http/import-routes';
import { createHttpServer } from './http/server';
import { createStaticRoutes } from './http/static-routes';
import { loadReadModel, saveReadModel, snapshotFileFor } from './read-model/read-model-snapshot';
import { openStore } from './store/open-store';
import { seedIfEmpty } from '../seeds/seed-if-empty';

async function main(): Promise<void> {
  const config = loadConfig();
  const store = await openStore(config.store);
  if (config.seedOnStart) await seedIfEmpty(store, (line) => console.log(line));
  // The embedded store is one file one process owns: its read model can be saved beside it at shutdown.
  const snapshotFile =
    store.kind === 'embedded' && config.store.dataFile ? snapshotFileFor(config.store.dataFile) : null;
  const loaded = await loadReadModel(store, snapshotFile);
  console.log(
    `read model: ${loaded.source === 'snapshot' ? 'loaded the saved copy' : 'built from the store'} in ${Math.round(loaded.ms)} ms (${loaded.reason})`,
  );
  const app = await createApp(config, store, undefined, loaded.model);
  const apollo = createApolloServer(app);
  await apollo.start();
  const server = createHttpServer({
    app,
    apollo,
    routes: {
      ...createCoverageRoutes(app),
      ...createDirectoryExportRoutes(app),
      ...createImportRoutes(app),
      ...createFhirRoutes(app),
      ...createStaticRoutes(),
    },
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  // After listening, so the copy of the read model the workers start from does not delay /ready.
  app.planner.warm();
  const { port } = server.address() as AddressInfo;
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  console.log(
    `Kết Nối is serving GraphQL at ${base}/graphql and the web console at ${base}/ (store: ${store.kind})`,
  );
  console.log(`Get a demo token:  npm run token -- --role caseworker --org org-22-social --province 22`);
  console.log(`Then send it as:   Authorization: Bearer <token>`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: draining requests and closing the store`);
    // close() stops new connections and waits for in-flight requests; idle keep-alive sockets go at once.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
    await apollo.stop();
    await app.close();
    await app.planner.close();
    if (snapshotFile) {
      const started = performance.now();
      await saveReadModel(store, app.readModel, snapshotFile).then(
        () => console.log(`read model saved in ${Math.round(performance.now() - started)} ms`),
        (err: unknown) => console.error(`read model not saved: ${(err as Error).message}`),
      );
    }
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
