/**
 * Bounded loopback load test (127.0.0.1 only): mixed directory/routing reads and referral writes
 * against the real HTTP server on the demo data, then a reconciliation of referrals written against
 * referrals acknowledged. `npm run loadtest -- --seconds 60 --concurrency 8`.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app';
import { signToken } from '../src/auth/tokens';
import { DEV_JWT_SECRET, loadConfig } from '../src/config';
import { createApolloServer } from '../src/graphql/server';
import { createHttpServer } from '../src/http/server';
import { openEmbeddedRunner } from '../src/store/embedded/embedded-runner';
import { CypherGraphStore } from '../src/store/graph-store';
import { seedDemo } from '../seeds/seed';
import { flag, parseArgs } from '../src/cli/args';

const MAX_REQUESTS = 2_000_000;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const seconds = Math.min(Number(flag(args, 'seconds') ?? 60), 600);
  const concurrency = Math.min(Number(flag(args, 'concurrency') ?? 8), 64);
  const store = new CypherGraphStore(openEmbeddedRunner({ path: null }));
  await store.ensureSchema();
  await seedDemo(store, { log: () => undefined });
  const app = await createApp(loadConfig({ KETNOI_DATA_FILE: ':memory:' }), store);
  const apollo = createApolloServer(app);
  await apollo.start();
  const server = createHttpServer({ app, apollo });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

  const cw = {
    subject: 'load-cw',
    role: 'caseworker' as const,
    organizationId: 'org-15-social',
    provinceCode: '15',
  };
  const token = await signToken(cw, DEV_JWT_SECRET);
  const call = async (query: string, variables: object) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    if (res.status !== 200 || body.errors) throw new Error(JSON.stringify(body.errors ?? res.status));
    return body.data;
  };
  const created = await call(
    `mutation { createCase(input: { label: "LOAD-1", birthMonth: "2022-06", sex: F, communeCode: "02647" }) { id } }`,
    {},
  );
  const caseId = created.createCase.id as string;
  await call(
    `mutation($c: ID!) { grantConsent(input: { caseId: $c, grantedBy: "MOTHER", scopeSectors: [HEALTH, SOCIAL, EDUCATION] }) { id } }`,
    { c: caseId },
  );

  const communes = [...app.readModel.communes.keys()];
  const ops = {
    nearest: (i: number) =>
      call(
        `query($c: String!) { nearestProviders(input: { communeCode: $c, serviceCode: "SCR.ASD", childAgeMonths: 30 }) { matches { facility { id } travelMinutes } } }`,
        { c: communes[i % communes.length] },
      ),
    facilities: (i: number) =>
      call(
        `query($p: String) { facilities(first: 20, where: { provinceCode: $p, sector: HEALTH }) { totalCount nodes { id name } } }`,
        { p: ['15', '22', '24'][i % 3] },
      ),
    search: () => call(`{ search(text: "ha tu", first: 5) { id } }`, {}),
    refer: async () => {
      const d = await call(
        `mutation($c: ID!) { createReferral(input: { caseId: $c, fromFacilityId: "fac-15-cpp-02647", toFacilityId: "fac-15-hosp-obpaed", serviceCode: "SCR.ASD", reason: "load test" }) { id } }`,
        { c: caseId },
      );
      return d.createReferral.id as string;
    },
  };
  const stats = {
    ok: 0,
    errors: 0,
    byOp: {} as Record<string, number>,
    acknowledged: new Set<string>(),
    errorSamples: [] as string[],
  };
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  let issued = 0;
  const worker = async (w: number) => {
    for (let i = w; Date.now() < until && issued < MAX_REQUESTS; i += concurrency) {
      issued += 1;
      const kind = (['nearest', 'facilities', 'search', 'refer', 'nearest'] as const)[i % 5]!;
      const start = performance.now();
      try {
        const result = await ops[kind](i);
        if (kind === 'refer') {
          if (stats.acknowledged.has(result as string)) throw new Error(`duplicate referral id ${result}`);
          stats.acknowledged.add(result as string);
        }
        stats.ok += 1;
        stats.byOp[kind] = (stats.byOp[kind] ?? 0) + 1;
      } catch (err) {
        stats.errors += 1;
        if (stats.errorSamples.length < 5) stats.errorSamples.push(String(err));
      }
      latencies.push(performance.now() - start);
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const elapsed = (Date.now() - started) / 1000;
  const [stored = []] = await store.referralsByCase([caseId]);
  const storedIds = new Set(stored.map((r) => r.id));
  const lost = [...stats.acknowledged].filter((id) => !storedIds.has(id)).length;
  const unacknowledged = stored.length - stats.acknowledged.size;
  latencies.sort((a, b) => a - b);
  const p = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]?.toFixed(1);
  console.log(
    `load test: ${seconds}s × ${concurrency} workers on 127.0.0.1, demo data, embedded store in memory`,
  );
  console.log(
    `requests: ${stats.ok + stats.errors} in ${elapsed.toFixed(1)} s (${((stats.ok + stats.errors) / elapsed).toFixed(0)}/s), errors ${stats.errors}`,
  );
  console.log(`by operation: ${JSON.stringify(stats.byOp)}`);
  console.log(`latency ms: p50 ${p(0.5)}, p95 ${p(0.95)}, p99 ${p(0.99)}`);
  console.log(
    `referrals: acknowledged ${stats.acknowledged.size}, stored ${stored.length}, lost ${lost}, stored but not acknowledged ${unacknowledged}`,
  );
  if (stats.errorSamples.length) console.log(`error samples: ${stats.errorSamples.join(' | ')}`);
  server.close();
  await apollo.stop();
  await store.close();
  process.exit(stats.errors === 0 && lost === 0 && unacknowledged === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
