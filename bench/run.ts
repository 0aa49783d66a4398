/**
 * `npm run bench -- [--scale national|0.1|0.33] [--seed 1] [--concurrency 1,4,16] [--quick]`: builds the
 * national store file if missing (once, with progress), starts the real server on a copy of it, measures
 * five operations over HTTP on 127.0.0.1 at each concurrency (every run bounded by a count and a duration),
 * then the same operations in process, and writes bench/results/<date>.json plus a Markdown table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { flag, parseArgs } from '../src/cli/args';
import { parseScale } from '../src/generate/scale';
import { GraphqlClient } from './http-client';
import { openInProcess, runInProcess } from './in-process';
import { describeMachine } from './machine';
import { buildOperations, type BenchInputs } from './operations';
import { copyStore, prepareData } from './prepare-store';
import { checkTargets, markdownTable, writeResult, type BenchResult } from './report';
import { createHttpCases, createInProcessCases, findReceiver } from './setup-cases';
import { spawnServer } from './spawn-server';
import { runBounded, type RunStats } from './stats';

const log = (line: string) => console.log(line);
const BENCH_CASES = 16;

function readCommunes(dir: string): Array<{ code: string; provinceCode: string }> {
  return fs
    .readFileSync(path.join(dir, 'directory', 'communes.ndjson'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { code: string; provinceCode: string });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const scale = parseScale(flag(args, 'scale') ?? 'national');
  const seed = Number(flag(args, 'seed') ?? 1);
  const levels = (flag(args, 'concurrency') ?? '1,4,16').split(',').map(Number);
  const quick = args.flags.quick === true;
  const only = flag(args, 'only');
  const data = prepareData({ scale: scale.label, seed, log });
  const communes = readCommunes(data.dir);
  const chainCaseId = data.manifest.samples.eightStepCaseId;
  if (!chainCaseId) throw new Error('The data set has no 8-step chain to trace');
  const p = data.manifest.samples.eightStepProvince!;
  const copy = copyStore(data.storeFile);
  try {
    log(`bench: ${scale.label} (seed ${seed}): ${JSON.stringify(data.manifest.counts)}`);
    const nodeFlags = (flag(args, 'server-flags') ?? '').split(' ').filter(Boolean);
    const entry = flag(args, 'server') === 'dist' ? 'dist' : 'ts';
    const server = await spawnServer(copy.file, () => undefined, nodeFlags, entry);
    log(`bench: server ready in ${Math.round(server.readyMs)} ms (process start → /ready 200)`);
    const client = new GraphqlClient(server.port, Math.max(...levels));
    const province = data.manifest.provinces[0]!;
    const referCommune = communes.find((c) => c.provinceCode === province)!.code;
    const inputs: BenchInputs = {
      communes: communes.map((c) => c.code),
      provinces: data.manifest.provinces,
      chainCaseId,
      chainProvince: p,
      refer: {
        province,
        communeCode: referCommune,
        fromFacilityId: `fac-${province}-cpp-${referCommune}`,
        toFacilityId: await findReceiver(client, province),
      },
    };
    const httpCases = await createHttpCases(client, inputs, BENCH_CASES);
    const ops = await buildOperations({ inputs, httpCases, inProcessCases: [] });
    const http: Record<string, Record<string, RunStats>> = {};
    for (const op of ops.filter((o) => !only || o.name.startsWith(only))) {
      const bound = {
        maxCount: quick ? Math.min(op.maxCount, 300) : op.maxCount,
        maxSeconds: quick ? 3 : op.maxSeconds,
      };
      await runBounded({
        concurrency: 1,
        maxCount: Math.min(50, bound.maxCount),
        maxSeconds: 5,
        call: (i) => op.http(client, i),
      });
      http[op.name] = {};
      for (const c of levels) {
        let sample = '';
        const stats = await runBounded({
          concurrency: c,
          ...bound,
          call: (i) => op.http(client, i + 1000),
          onError: (e) => (sample ||= String(e).slice(0, 200)),
        });
        http[op.name]![String(c)] = stats;
        log(
          `http ${op.name} c=${c}: p50 ${stats.p50} p95 ${stats.p95} p99 ${stats.p99} ms, ${stats.perSecond}/s, n ${stats.count}, errors ${stats.errors}${sample ? ` (${sample})` : ''}`,
        );
      }
    }
    client.close();
    await server.stop();

    const inProc = await openInProcess(copy.file);
    const inProcessCases = await createInProcessCases(inProc.app, inputs, BENCH_CASES);
    const inProcOps = await buildOperations({ inputs, httpCases, inProcessCases });
    const quickOps = quick
      ? inProcOps.map((o) => ({ ...o, maxCount: Math.min(o.maxCount, 300), maxSeconds: 3 }))
      : inProcOps;
    const inProcess = await runInProcess(
      inProc.app,
      quickOps.filter((o) => !only || o.name.startsWith(only)),
      log,
    );
    await inProc.close();

    const overhead = Object.fromEntries(
      Object.keys(http).map((op) => [
        op,
        Math.round(((http[op]!['1']?.p50 ?? NaN) / (inProcess[op]?.p50 ?? NaN)) * 10) / 10,
      ]),
    );
    const partial: Omit<BenchResult, 'targets'> = {
      date: new Date().toISOString(),
      scale: scale.label,
      seed,
      machine: { ...describeMachine(), serverFlags: nodeFlags, serverEntry: entry },
      dataset: data.manifest.counts,
      import: data.importSummary,
      startup: { serverReadyMs: Math.round(server.readyMs), inProcess: inProc.startup },
      http,
      inProcess,
      overhead,
    };
    const result: BenchResult = { ...partial, targets: checkTargets(partial) };
    // Partial or tuned runs never overwrite the day's full result.
    const tag = flag(args, 'tag') ?? (only || quick || nodeFlags.length > 0 ? 'partial' : null);
    const file = writeResult(result, path.resolve(__dirname, 'results'), tag);
    log(`\n${markdownTable(result)}\n\nbench: wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    copy.remove();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
