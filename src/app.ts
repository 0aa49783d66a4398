/** The application: the store and the services built on it, shared by GraphQL, HTTP exports and the CLI. */
import type { Config } from './config';
import { createPlanner, type Planner } from './planner/planner';
import { StoreFollower } from './read-model/follow-store';
import { ReadModel } from './read-model/read-model';
import { CaseService } from './services/case-service';
import { ChainService } from './services/chain-service';
import { CoverageService } from './services/coverage-service';
import { DirectoryWriter } from './services/directory-writer';
import { InboxService } from './services/inbox-service';
import { ReferralService } from './services/referral-service';
import { RoutingService } from './services/routing-service';
import type { GraphStore } from './store/port';

export interface App {
  config: Config;
  store: GraphStore;
  readModel: ReadModel;
  directory: DirectoryWriter;
  routing: RoutingService;
  coverage: CoverageService;
  /** Coverage, scenarios, suggested sites and exports off the request thread (src/planner/planner.ts). */
  planner: Planner;
  cases: CaseService;
  referrals: ReferralService;
  chains: ChainService;
  inbox: InboxService;
  /** Current time as an ISO string; injectable so tests can move the clock. */
  now: () => string;
  /** Applies other servers' writes to the read model (config.followMs > 0); stopped by close(). */
  follower: StoreFollower | null;
  close: () => Promise<void>;
}

export async function createApp(
  config: Config,
  store: GraphStore,
  now: () => string = () => new Date().toISOString(),
  /** Built elsewhere (main.ts loads a saved one when it is current); by default from the store. */
  preloaded?: ReadModel,
): Promise<App> {
  // Taken before the load: the follower starts from here, so nothing written meanwhile is missed.
  const loadedFrom = new Date().toISOString();
  const readModel = preloaded ?? (await ReadModel.load(store));
  const follower =
    config.followMs > 0
      ? new StoreFollower(store, readModel, {
          intervalMs: config.followMs,
          from: loadedFrom,
          onError: (err) => console.error(`read model: change feed poll failed: ${String(err)}`),
        })
      : null;
  follower?.start();
  const routing = new RoutingService(readModel, store);
  const cases = new CaseService(store, routing, now);
  const referrals = new ReferralService(store, readModel, now);
  return {
    config,
    store,
    readModel,
    directory: new DirectoryWriter(store, readModel),
    routing,
    coverage: new CoverageService(readModel),
    planner: createPlanner(readModel, config.plannerWorkers),
    cases,
    referrals,
    chains: new ChainService(store, readModel, cases, routing, now),
    inbox: new InboxService(store, referrals, now),
    now,
    follower,
    close: async () => {
      await follower?.stop();
    },
  };
}
