/**
 * `npm run bench -- [--scale national|0.1|0.33] [--seed 1] [--concurrency 1,4,16] [--quick] [--only NAME|mix]
 * [--planner-workers N] [--store neo4j] [--peer pgrouting]`: builds the national store file if missing (once, with progress), starts the real
 * server on a copy of it, measures five operations over HTTP on 127.0.0.1 at each concurrency (every run
 * bounded by a count and a duration), then the mix (4 × national coverage with nearestProviders and /health,
 * bench/mix.ts) and the HTTP floor, then the same operations in process and nearestProviders through GraphQL
 * without a socket, and writes bench/results/<date>.json plus a Markdown table. With --store neo4j the
 * data set is imported into Neo4j once and the server runs over a copy of it (bench/neo4j-store.ts).
 * With --peer pgrouting the same nearest-provider questions are also asked of PostgreSQL + pgRouting
 * loaded with the same travel graph and providers (bench/peer/run-peer.ts); `--only peer` runs just that.
 * `--store neo4j --freshness [--rounds 20]` instead measures how soon a write through one server shows in
 * another (bench/freshness-run.ts).
 */
import path from 'node:path';
import { flag, parseArgs } from '../src/cli/args';
import { runFreshnessBench } from './freshness-run';
import { parseScale } from '../tools/generate/scale';
import { GraphqlClient } from './http-client';
import { openInProcess, runGraphqlInProcess, runInProcess } from './in-process';
import { runMix, type MixResult } from './mix';
import { describeMachine } from './machine';
import { buildOperations, type BenchInputs } from './operations';
import { describePeer } from './peer/describe-peer';
import { checkPeer, runPeer, type PeerOutcome } from './peer/run-peer';
import { neo4jStoreDir, peakRssOf, prepareNeo4jStore, startNeo4jCopy, type BenchNeo4j } from './neo4j-store';
import { copyStore, prepareData, readCommunes } from './prepare-store';
import { checkTargets, markdownTable, writeResult, type BenchResult } from './report';
import { createHttpCases, createInProcessCases, findReceiver } from './setup-cases';
import { spawnServer } from './spawn-server';
import { runBounded, type RunStats } from './stats';

const log = (line: string) => console.log(line);
const BENCH_CASES = 16;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const scale = parseScale(flag(args, 'scale') ?? 'national');
  const seed = Number(flag(args, 'seed') ?? 1);
  const levels = (flag(args, 'concurrency') ?? '1,4,16').split(',').map(Number);
  const quick = args.flags.quick === true;
  const only = flag(args, 'only');
  const storeKind = flag(args, 'store') === 'neo4j' ? 'neo4j' : 'embedded';
  const peerName = args.flags.peer === true ? '' : flag(args, 'peer');
  // Said before the long part of the run: a peer that cannot run here is skipped, not an error.
  const peerCheck = peerName === null ? null : checkPeer(peerName);
  if (peerCheck && 'skipped' in peerCheck) log(`bench: peer ${peerName}: skipped: ${peerCheck.skipped}`);
  if (args.flags.freshness === true) {
    if (storeKind !== 'neo4j')
      throw new Error('--freshness needs --store neo4j: several servers share only a server store');
    return runFreshnessBench({ scale: scale.label, seed, rounds: Number(flag(args, 'rounds') ?? 20), log });
  }
  const data = prepareData({ scale: scale.label, seed, log, embedded: storeKind === 'embedded' });
  const communes = readCommunes(data.dir);
  const chainCaseId = data.manifest.samples.eightStepCaseId;
  if (!chainCaseId) throw new Error('The data set has no 8-step chain to trace');
  const p = data.manifest.samples.eightStepProvince!;
  const copy = storeKind === 'embedded' ? copyStore(data.storeFile) : null;
  let neo4j: BenchNeo4j | null = null;
  try {
    if (storeKind === 'neo4j') {
      data.importSummary = await prepareNeo4jStore({ scale: scale.label, seed, dataDir: data.dir, log });
      neo4j = await startNeo4jCopy(neo4jStoreDir(scale.label, seed));
      // The server and the in-process half open the store named by the environment, as npm start does.
      process.env.NEO4J_URI = neo4j.neo4j.uri;
      log(`bench: Neo4j ready in ${neo4j.readyMs} ms on a copy of the imported store (${neo4j.neo4j.uri})`);
    }
    log(`bench: ${scale.label} (seed ${seed}): ${JSON.stringify(data.manifest.counts)}`);
    const nodeFlags = (flag(args, 'server-flags') ?? '').split(' ').filter(Boolean);
    const entry = flag(args, 'server') === 'dist' ? 'dist' : 'ts';
    // --planner-workers 0 runs coverage on the request thread, for the before/after of the mix.
    const workers = flag(args, 'planner-workers');
    const server = await spawnServer(
      copy?.file ?? ':memory:',
      () => undefined,
      nodeFlags,
      entry,
      workers ? { KETNOI_PLANNER_WORKERS: workers } : {},
    );
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
    // Issue 18's mixed load: national coverage from four clients while caseworkers and /health are timed.
    let mix: MixResult | null = null;
    if (!only || only === 'mix') {
      const byName = (n: string) => ops.find((o) => o.name.startsWith(n))!;
      mix = await runMix({
        client,
        coverage: byName('coverage'),
        nearest: byName('nearestProviders'),
        ...(quick ? { seconds: 5 } : {}),
      });
      log(
        `mix (4 × coverage, 4 × nearestProviders, /health): nearestProviders p50 ${mix.nearestProviders.p50} p99 ${mix.nearestProviders.p99} ms (${mix.nearestProviders.perSecond}/s); /health p50 ${mix.health.p50} p99 ${mix.health.p99} max ${mix.health.max} ms; coverage ${mix.coverage.perSecond}/s p50 ${mix.coverage.p50} ms`,
      );
    }
    // The floor of one HTTP exchange on this machine: /health on the same keep-alive client.
    const floor = await runBounded({
      concurrency: 1,
      maxCount: quick ? 300 : 5000,
      maxSeconds: 5,
      call: () => client.get('/health'),
    });
    log(`http /health c=1 (the HTTP floor): p50 ${floor.p50} p99 ${floor.p99} ms`);
    client.close();
    const serverPeakRssMb = peakRssOf(server.pid);
    await server.stop();
    // A restart on the same file: the first server saved its read model beside it when it stopped.
    let readModelLine = '';
    const restart = await spawnServer(
      copy?.file ?? ':memory:',
      (line) => (readModelLine ||= /read model: [^\n]*/.exec(line)?.[0] ?? ''),
      nodeFlags,
      entry,
      workers ? { KETNOI_PLANNER_WORKERS: workers } : {},
    );
    await restart.stop();
    log(
      `bench: restart ready in ${Math.round(restart.readyMs)} ms (${readModelLine || 'no read-model line'})`,
    );

    const inProc = await openInProcess(copy?.file ?? ':memory:');
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
    // GraphQL without the socket: Apollo's pipeline, the resolvers and the JSON, for the overhead split.
    const graphqlInProcess =
      !only || only.startsWith('nearest')
        ? await runGraphqlInProcess(inProc.app, inputs, quick ? 300 : 20_000, log)
        : null;
    let peer: PeerOutcome | null = null;
    if (peerCheck) {
      peer =
        'skipped' in peerCheck
          ? { peer: peerName ?? '', skipped: peerCheck.skipped }
          : await runPeer({ install: peerCheck, app: inProc.app, inputs, quick, log });
      for (const line of describePeer(peer)) log(line);
    }
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
      machine: {
        ...describeMachine(),
        serverFlags: nodeFlags,
        serverEntry: entry,
        plannerWorkers: workers ?? '1',
        store: storeKind,
      },
      dataset: data.manifest.counts,
      import: data.importSummary,
      startup: {
        serverReadyMs: Math.round(server.readyMs),
        restartReadyMs: Math.round(restart.readyMs),
        restartReadModel: readModelLine,
        inProcess: inProc.startup,
        ...(neo4j ? { neo4jReadyMs: neo4j.readyMs } : {}),
      },
      memory: { serverPeakRssMb, ...(neo4j ? { neo4jPeakRssMb: neo4j.peakRssMb() } : {}) },
      http,
      inProcess,
      overhead,
      mix,
      httpFloor: floor,
      graphqlInProcess,
      peer,
    };
    const result: BenchResult = { ...partial, targets: checkTargets(partial) };
    // Partial or tuned runs never overwrite the day's full result.
    const partialRun = only || quick || nodeFlags.length > 0 || workers;
    const tag =
      flag(args, 'tag') ??
      ([storeKind === 'neo4j' ? 'neo4j' : '', partialRun ? 'partial' : ''].filter(Boolean).join('-') || null);
    const file = writeResult(result, path.resolve(__dirname, 'results'), tag);
    const peerLines = result.peer ? `\n\n${describePeer(result.peer).join('\n')}` : '';
    log(`\n${markdownTable(result)}${peerLines}\n\nbench: wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    copy?.remove();
    await neo4j?.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
