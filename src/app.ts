/** The application: the store and the services built on it, shared by GraphQL, HTTP exports and the CLI. */
import type { Config } from './config';
import type { GraphStore } from './store/port';

export interface App {
  config: Config;
  store: GraphStore;
  /** Current time as an ISO string; injectable so tests can move the clock. */
  now: () => string;
}

export function createApp(config: Config, store: GraphStore, now: () => string = () => new Date().toISOString()): App {
  return { config, store, now };
}
