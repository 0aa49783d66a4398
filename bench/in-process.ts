/**
 * The in-process half of the bench: opens the store copy the server used, times each start-up step, and
 * runs every operation as a direct service call (no GraphQL, no HTTP) at concurrency 1.
 */
import { createApp, type App } from '../src/app';
import { loadConfig } from '../src/config';
import { openStore } from '../src/store/open-store';
import type { Operation } from './operations';
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
