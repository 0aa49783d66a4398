/**
 * `npm run bench -- --store neo4j --freshness [--scale 0.1] [--rounds 20]`: the generated data set in
 * Neo4j (imported once, benched on a copy, as bench/neo4j-store.ts does), three real servers over it
 * (A and B as deployed, polling the change feed every 200 ms; C polling hourly), then `rounds` rounds
 * of a new facility, a capacity change and a referral through A, each timed until B shows it
 * (bench/freshness.ts), and read-your-writes through C with A's bookmarks. Prints p50/p95/p99 and
 * writes bench/results/<date>-freshness[-scale-<s>].json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { signToken } from '../src/auth/tokens';
import { defaultOut } from '../tools/generate/generate-command';
import { DEV_JWT_SECRET } from '../src/config';
import { readManifest } from '../tools/generate/import-dataset';
import { FreshnessProbe, freshnessLines, percentilesOf, visibleMs } from './freshness';
import { GraphqlClient } from './http-client';
import { describeMachine } from './machine';
import { neo4jStoreDir, prepareNeo4jStore, startNeo4jCopy } from './neo4j-store';
import { readCommunes } from './prepare-store';
import { createHttpCases } from './setup-cases';
import { tokenFor, viewers, type BenchInputs } from './operations';
import { spawnServer, type RunningServer } from './spawn-server';

export async function runFreshnessBench(input: {
  scale: string;
  seed: number;
  rounds: number;
  log: (line: string) => void;
}): Promise<void> {
  const { log } = input;
  // The Neo4j import generates the data set when it is missing, so the manifest is read after it.
  const dir = path.join(__dirname, '..', defaultOut(input.scale, input.seed));
  await prepareNeo4jStore({ scale: input.scale, seed: input.seed, dataDir: dir, log });
  const manifest = readManifest(dir);
  const communes = readCommunes(dir);
  const neo4j = await startNeo4jCopy(neo4jStoreDir(input.scale, input.seed));
  const servers: RunningServer[] = [];
  const clients: GraphqlClient[] = [];
  try {
    log(`bench: Neo4j ready in ${neo4j.readyMs} ms (${neo4j.neo4j.uri})`);
    const env = {
      NEO4J_URI: neo4j.neo4j.uri,
      KETNOI_ANON_RATE_LIMIT: '0',
      KETNOI_REQUEST_TIMEOUT_MS: '60000',
    };
    const quiet = () => undefined;
    const started = await Promise.allSettled([
      spawnServer(':memory:', quiet, [], 'ts', { ...env, KETNOI_FOLLOW_MS: '200' }),
      spawnServer(':memory:', quiet, [], 'ts', { ...env, KETNOI_FOLLOW_MS: '200' }),
      spawnServer(':memory:', quiet, [], 'ts', { ...env, KETNOI_FOLLOW_MS: '3600000' }),
    ]);
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw new Error(`a server did not start: ${String(failed.reason)}`);
    log(`bench: servers A, B, C ready in ${servers.map((s) => Math.round(s.readyMs)).join(', ')} ms`);
    clients.push(...servers.map((s) => new GraphqlClient(s.port, 4)));
    const [a, b, c] = clients as [GraphqlClient, GraphqlClient, GraphqlClient];

    const province = manifest.provinces[0]!;
    const communeCode = communes.find((x) => x.provinceCode === province)!.code;
    const inputs = {
      chainProvince: province,
      refer: {
        province,
        communeCode,
        fromFacilityId: `fac-${province}-cpp-${communeCode}`,
        toFacilityId: '',
      },
    } as BenchInputs;
    const [caseId] = await createHttpCases(a, inputs, 1);
    const v = viewers(inputs);
    const probe = new FreshnessProbe({
      communeCode,
      provinceCode: province,
      serviceCode: 'SCR.ASD',
      childAgeMonths: 30,
      referral: { caseId: caseId!, fromFacilityId: inputs.refer.fromFacilityId },
      tokens: {
        integrator: await signToken({ subject: 'bench-integrator', role: 'integrator' }, DEV_JWT_SECRET),
        caseworker: await tokenFor(v.referrer),
        planner: await tokenFor(v.planner),
      },
    });
    await probe.prepare(a);
    const samples = await probe.measure(a, b, input.rounds);
    for (const line of freshnessLines(samples)) log(line);
    const ryw = await probe.readYourWrites(a, c, Math.min(input.rounds, 10));
    const rywRead = percentilesOf(ryw.map((r) => r.readMs));
    log(
      `read-your-writes through C (polls hourly): ${ryw.filter((r) => r.withBookmark).length}/${ryw.length} seen with the bookmark, ` +
        `${ryw.filter((r) => r.kind === 'capacity' && r.withoutBookmark).length}/${ryw.filter((r) => r.kind === 'capacity').length} capacity changes seen without it; ` +
        `bookmarked read p50 ${rywRead.p50} p99 ${rywRead.p99} ms`,
    );
    const date = new Date().toISOString();
    const file = path.join(
      __dirname,
      'results',
      `${date.slice(0, 10)}-freshness${input.scale === 'national' ? '' : `-scale-${input.scale}`}.json`,
    );
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const summary = (kind?: string) =>
      percentilesOf(samples.filter((s) => !kind || s.kind === kind).map(visibleMs));
    fs.writeFileSync(
      file,
      `${JSON.stringify(
        {
          date,
          machine: describeMachine(),
          loadAverage: fs.readFileSync('/proc/loadavg', 'utf8').trim(),
          scale: input.scale,
          seed: input.seed,
          counts: manifest.counts,
          rounds: input.rounds,
          visibleInB: {
            facility: summary('facility'),
            capacity: summary('capacity'),
            referral: summary('referral'),
            all: summary(),
          },
          byRead: Object.fromEntries(
            (['nearestMs', 'coverageMs', 'referralMs'] as const).map((k) => [
              k,
              percentilesOf(samples.filter((s) => s[k] !== null).map((s) => s[k])),
            ]),
          ),
          samples,
          writeInA: percentilesOf(samples.map((s) => s.writeMs)),
          readYourWrites: { samples: ryw, bookmarkedRead: rywRead },
          serversReadyMs: servers.map((s) => Math.round(s.readyMs)),
        },
        null,
        2,
      )}\n`,
    );
    log(`bench: wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    clients.forEach((client) => client.close());
    await Promise.allSettled(servers.map((s) => s.stop()));
    await neo4j.close();
  }
}
