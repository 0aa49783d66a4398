/**
 * The mixed load of issue 18: four clients ask for national coverage without pause while four clients
 * ask nearestProviders and one polls /health. Measures what a caseworker and a load balancer see while
 * planners run their reports.
 */
import type { GraphqlClient } from './http-client';
import type { Operation } from './operations';
import { runBounded, summarise, type RunStats } from './stats';

export interface MixResult {
  seconds: number;
  nearestProviders: RunStats;
  health: RunStats;
  coverage: RunStats;
}

export const MIX = { coverageClients: 4, nearestClients: 4, seconds: 15 };

export async function runMix(input: {
  client: GraphqlClient;
  coverage: Operation;
  nearest: Operation;
  seconds?: number;
}): Promise<MixResult> {
  const seconds = input.seconds ?? MIX.seconds;
  // Coverage starts half a second early and keeps going until the caseworker side is measured.
  const coverage = runBounded({
    concurrency: MIX.coverageClients,
    maxCount: Number.MAX_SAFE_INTEGER,
    maxSeconds: seconds + 0.5,
    call: (i) => input.coverage.http(input.client, i),
  });
  // Let the coverage clients get going first.
  await new Promise((r) => setTimeout(r, 500));
  const [nearestProviders, health] = await Promise.all([
    runBounded({
      concurrency: MIX.nearestClients,
      maxCount: Number.MAX_SAFE_INTEGER,
      maxSeconds: seconds,
      call: (i) => input.nearest.http(input.client, i + 5000),
    }),
    pollHealth(input.client, seconds),
  ]);
  return { seconds, nearestProviders, health, coverage: await coverage };
}

/** GET /health every 20 ms (after each answer): the times of the answers only. */
async function pollHealth(client: GraphqlClient, seconds: number): Promise<RunStats> {
  const times: number[] = [];
  let errors = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    const t = performance.now();
    try {
      await client.get('/health');
      times.push(performance.now() - t);
    } catch {
      errors += 1;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return summarise(times, errors, (performance.now() - started) / 1000);
}
