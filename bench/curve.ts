/**
 * `node -r @swc-node/register bench/curve.ts [DATE]`: how cost grows with data size. Reads the bench results
 * of one day (national and every fraction) and prints one Markdown row per scale.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BenchResult } from './report';

const dir = path.resolve(__dirname, 'results');
const date = process.argv[2] ?? new Date().toISOString().slice(0, 10);
const results = fs
  .readdirSync(dir)
  .filter((f) => new RegExp(`^${date}(-scale-[0-9.]+)?\\.json$`).test(f))
  .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as BenchResult)
  .sort((a, b) => a.dataset.communes! - b.dataset.communes!);

const http = (r: BenchResult, op: string, c: number) => r.http[op]?.[String(c)];
const s = (ms: unknown) => (typeof ms === 'number' ? (ms / 1000).toFixed(1) : '–');
console.log(
  '| scale | communes | facilities | referrals | events | import s | peak RSS MiB | ready s | nearest p50 / c16 req/s | chain p50 | coverage p50 | createReferral best req/s |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const imp = r.import as { totalMs?: number; closeMs?: number; peakRssMb?: number } | null;
  const refer = Math.max(...Object.values(r.http['createReferral'] ?? {}).map((x) => x.perSecond));
  console.log(
    `| ${r.scale} | ${r.dataset.communes} | ${r.dataset.facilities} | ${r.dataset.referrals} | ${r.dataset.referralEvents} | ${s((imp?.totalMs ?? NaN) + (imp?.closeMs ?? 0))} | ${imp?.peakRssMb ?? '–'} | ${s(r.startup.serverReadyMs)} | ${http(r, 'nearestProviders', 1)?.p50} ms / ${http(r, 'nearestProviders', 16)?.perSecond} | ${http(r, 'referralChain (8 steps)', 1)?.p50} ms | ${http(r, 'coverage (national, 60 min)', 1)?.p50} ms | ${refer} |`,
  );
}
