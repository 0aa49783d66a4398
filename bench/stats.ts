/** Latency summaries: nearest-rank percentiles over the recorded milliseconds, and throughput. */
export interface RunStats {
  count: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function summarise(latencies: number[], errors: number, seconds: number): RunStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: sorted.length,
    errors,
    seconds: round2(seconds),
    perSecond: Math.round((sorted.length / Math.max(seconds, 1e-9)) * 10) / 10,
    p50: round2(percentile(sorted, 0.5)),
    p95: round2(percentile(sorted, 0.95)),
    p99: round2(percentile(sorted, 0.99)),
    max: round2(sorted[sorted.length - 1] ?? NaN),
  };
}

/** Runs `call(i)` from `concurrency` loops until `maxCount` calls or `maxSeconds` pass; latencies in ms. */
export async function runBounded(input: {
  concurrency: number;
  maxCount: number;
  maxSeconds: number;
  call: (i: number) => Promise<void>;
  onError?: (err: unknown) => void;
}): Promise<RunStats> {
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const started = performance.now();
  const deadline = started + input.maxSeconds * 1000;
  const loop = async () => {
    while (issued < input.maxCount && performance.now() < deadline) {
      const i = issued;
      issued += 1;
      const t = performance.now();
      try {
        await input.call(i);
        latencies.push(performance.now() - t);
      } catch (err) {
        errors += 1;
        input.onError?.(err);
      }
    }
  };
  await Promise.all(Array.from({ length: input.concurrency }, loop));
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}
