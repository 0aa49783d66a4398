/**
 * The application: the services built on the store, shared by GraphQL, HTTP exports and the CLI. It is the
 * composition root, so it holds the whole store (GraphStore) and hands each consumer the part it uses.
 */
import type { Config } from './config';
import { createPlanner, type Planner } from './planner/planner';
import { StoreFollower } from './read-model/follow-store';
import { ReadModel } from './read-model/read-model';
import { AuditLogService } from './services/audit-log-service';
import { CaseService } from './services/case-service';
import { ChainService } from './services/chain-service';
import { ConsentService } from './services/consent-service';
import { CoverageService } from './services/coverage-service';
import { DirectoryWriter } from './services/directory-writer';
import { InboxService } from './services/inbox-service';
import { ReferralService } from './services/referral-service';
import { RoutingService } from './services/routing-service';
import type { CaseStore, ChangeFeed, DirectoryReads, GraphStore, StoreAdmin } from './store/port';

export interface App {
  config: Config;
  /** The directory as stored: GraphQL's lists and loaders, exports and imports read it. */
  directoryReads: DirectoryReads;
  /** GraphQL's loaders of case records that a service has already authorised (and audited). */
  caseReads: Pick<
    CaseStore,
    'casesById' | 'consentsByCase' | 'eventsByReferral' | 'referralsById' | 'referralsByCase'
  >;
  /** What integrators sync from (Query.changes). */
  changeFeed: ChangeFeed;
  /** /ready, and a bookmarked request waiting for another server's write. */
  storeAdmin: Pick<StoreAdmin, 'awaitBookmarks' | 'isHealthy' | 'kind'>;
  readModel: ReadModel;
  directory: DirectoryWriter;
  routing: RoutingService;
  coverage: CoverageService;
  /** Coverage, scenarios, suggested sites and exports off the request thread (src/planner/planner.ts). */
  planner: Planner;
  cases: CaseService;
  consents: ConsentService;
  auditLog: AuditLogService;
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
    directoryReads: store,
    caseReads: store,
    changeFeed: store,
    storeAdmin: store,
    readModel,
    directory: new DirectoryWriter(store, readModel),
    routing,
    coverage: new CoverageService(readModel),
    planner: createPlanner(readModel, config.plannerWorkers),
    cases,
    consents: new ConsentService(store, cases, now),
    auditLog: new AuditLogService(store, now),
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
