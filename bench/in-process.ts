/**
 * The in-process half of the bench: opens the store copy the server used, times each start-up step, and
 * runs every operation as a direct service call (no GraphQL, no HTTP) at concurrency 1.
 */
import { createApp, type App } from '../src/app';
import { loadConfig } from '../src/config';
import { openStore } from '../src/store/open-store';
import { HeaderMap } from '@apollo/server';
import { createTokenVerifier } from '../src/auth/tokens';
import { createContext } from '../src/graphql/context';
import { createApolloServer } from '../src/graphql/server';
import { tokenFor, viewers, type BenchInputs, type Operation } from './operations';
import { runBounded, type RunStats } from './stats';

export async function openInProcess(
  dataFile: string,
): Promise<{ app: App; startup: Record<string, number>; close: () => Promise<void> }> {
  const config = loadConfig({ ...process.env, KETNOI_DATA_FILE: dataFile, KETNOI_SEED: 'false' });
  let t = performance.now();
  const store = await openStore(config.store);
  const openMs = performance.now() - t;
  t = performance.now();
  const app = await createApp(config, store);
  const appMs = performance.now() - t;
  return {
    app,
    startup: { openStoreAndSchemaMs: Math.round(openMs), readModelAndServicesMs: Math.round(appMs) },
    close: () => store.close(),
  };
}

export async function runInProcess(
  app: App,
  ops: Operation[],
  log: (line: string) => void,
): Promise<Record<string, RunStats>> {
  const out: Record<string, RunStats> = {};
  for (const op of ops) {
    await runBounded({
      concurrency: 1,
      maxCount: Math.min(50, op.maxCount),
      maxSeconds: 5,
      call: (i) => op.inProcess(app, i),
    });
    let sample = '';
    out[op.name] = await runBounded({
      concurrency: 1,
      maxCount: op.maxCount,
      maxSeconds: op.maxSeconds,
      call: (i) => op.inProcess(app, i + 1000),
      onError: (err) => (sample ||= String(err).slice(0, 200)),
    });
    log(
      `in-process ${op.name}: p50 ${out[op.name]!.p50} ms, p99 ${out[op.name]!.p99} ms, ${out[op.name]!.perSecond}/s${sample ? `; error: ${sample}` : ''}`,
    );
  }
  return out;
}

const NEAREST_DOC = `query($c: String!, $s: String!) { nearestProviders(input: { communeCode: $c, serviceCode: $s, childAgeMonths: 30 }) {
  matches { facility { id name } travelMinutes distanceKm } } }`;

/**
 * nearestProviders through Apollo's HTTP entry point without a socket (token check, pipeline,
 * resolvers, JSON): with the in-process call and the HTTP floor it splits the over-HTTP time.
 */
export async function runGraphqlInProcess(
  app: App,
  inputs: BenchInputs,
  maxCount: number,
  log: (line: string) => void,
): Promise<RunStats> {
  const apollo = createApolloServer(app, () => undefined);
  await apollo.start();
  const verify = createTokenVerifier(app.config);
  const token = await tokenFor(viewers(inputs).referrer);
  const headers = new HeaderMap([['content-type', 'application/json']]);
  const commune = (i: number) => inputs.communes[(i * 7919) % inputs.communes.length]!;
  const call = async (i: number) => {
    const viewer = await verify(`Bearer ${token}`);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers,
        search: '',
        body: { query: NEAREST_DOC, variables: { c: commune(i), s: 'SCR.ASD' } },
      },
      context: async () => createContext(app, viewer),
    });
    if (response.body.kind !== 'complete' || response.body.string.includes('"errors"'))
      throw new Error('nearestProviders failed in process');
  };
  await runBounded({ concurrency: 1, maxCount: 50, maxSeconds: 5, call });
  const stats = await runBounded({ concurrency: 1, maxCount, maxSeconds: 10, call: (i) => call(i + 1000) });
  log(`in-process nearestProviders through GraphQL (no socket): p50 ${stats.p50} ms, p99 ${stats.p99} ms`);
  await apollo.stop();
  return stats;
}
