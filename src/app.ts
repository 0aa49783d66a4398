/** The application: the store and the services built on it, shared by GraphQL, HTTP exports and the CLI. */
import type { Config } from './config';
import { ReadModel } from './read-model/read-model';
import { CoverageService } from './services/coverage-service';
import { DirectoryWriter } from './services/directory-writer';
import { RoutingService } from './services/routing-service';
import type { GraphStore } from './store/port';

export interface App {
  config: Config;
  store: GraphStore;
  readModel: ReadModel;
  directory: DirectoryWriter;
  routing: RoutingService;
  coverage: CoverageService;
  /** Current time as an ISO string; injectable so tests can move the clock. */
  now: () => string;
}

export async function createApp(
  config: Config,
  store: GraphStore,
  now: () => string = () => new Date().toISOString(),
): Promise<App> {
  const readModel = await ReadModel.load(store);
  return {
    config,
    store,
    readModel,
    directory: new DirectoryWriter(store, readModel),
    routing: new RoutingService(readModel, store),
    coverage: new CoverageService(readModel),
    now,
  };
}
