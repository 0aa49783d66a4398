/**
 * `npm run bench -- --peer pgrouting`: the same nearest-provider questions asked of our in-process routing
 * and of PostgreSQL + pgRouting loaded with the same travel graph and providers (peer-tables.ts). Each
 * question goes to every side in turn, so both see the same load on a shared machine; the minutes must
 * agree for every question (to float rounding), and each side's p50/p95/p99 and their ratio are reported.
 * A peer that cannot run here says why and is skipped.
 */
import os from 'node:os';
import type { App } from '../../src/app';
import type { Season, TravelMode } from '../../src/domain/model';
import { TRAVEL_TIME_KEYS, type TravelTimeKey } from '../../src/domain/routing/travel-edge';
import { benchCommune, NEAREST_QUESTION, type BenchInputs } from '../operations';
import { runBounded, summarise, type RunStats } from '../stats';
import { exportPeerTables, toVertexId } from './peer-tables';
import { PgRoutingPeer, type PeerVariant } from './pgrouting-peer';
import { findPostgres, startPostgresCluster, type PostgresInstall } from './postgres-cluster';

/** Minutes are sums of the same float edge weights, possibly added in another order: allow rounding only. */
export const MINUTES_TOLERANCE = 1e-6;

export interface PeerResult {
  peer: 'pgrouting';
  postgres: string;
  pgrouting: string;
  rows: { communes: number; edges: number; providers: number };
  startMs: number;
  loadMs: number;
  question: { serviceCode: string; childAgeMonths: number; first: number; travel: TravelTimeKey };
  /** Timed questions: origins in the bench's rotation (every commune once when not --quick). */
  questions: number;
  /** Ours, asked in turn with the peer (the ratio's base). */
  ours: RunStats;
  /** Ours again on the same questions back to back, with no peer call between (caches stay warm). */
  oursBackToBack: RunStats;
  peers: Partial<Record<PeerVariant, RunStats>>;
  /** Peer ÷ ours at each percentile. */
  ratio: Partial<Record<PeerVariant, { p50: number; p95: number; p99: number }>>;
  /** Questions whose minutes differ beyond rounding, per variant (timed questions). */
  mismatches: Partial<Record<PeerVariant, number>>;
  /** The other modes and seasons, checked (not timed) on a sample of origins with the first variant. */
  otherTravel: Array<{ travel: TravelTimeKey; questions: number; mismatches: number }>;
  mismatchExamples: string[];
  /** `SELECT 1` over the same connection: the round trip every peer answer includes. */
  roundTrip: RunStats;
  /** pgRouting reading the edges and building its graph for a search that ends at once. */
  graphOnly: RunStats;
  plan: string;
  /** os.loadavg() (1, 5, 15 min) as the timed questions began and as the peer finished: the machine is shared. */
  loadAverage: { before: number[]; after: number[] };
}

export type PeerOutcome = PeerResult | { peer: string; skipped: string };

/** Whether a peer can run here, checked before the long part of the bench so a skip is said early. */
export function checkPeer(name: string): PostgresInstall | { skipped: string } {
  if (name !== 'pgrouting') return { skipped: `unknown peer "${name}" (known: pgrouting)` };
  const found = findPostgres();
  return 'missing' in found ? { skipped: found.missing } : found;
}

/** Equal lists of minutes, element by element within the tolerance. */
export function sameMinutes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((m, i) => Math.abs(m - b[i]!) <= MINUTES_TOLERANCE);
}

/** Sequential calls, each timed: the peer's side questions and floors (no time bound; counts are small). */
const timeEach = (count: number, call: (i: number) => Promise<unknown>) =>
  runBounded({
    concurrency: 1,
    maxCount: count,
    maxSeconds: 3600,
    call: async (i) => void (await call(i)),
    onError: (err) => {
      throw err;
    },
  });

const splitKey = (key: TravelTimeKey) => key.split('_') as [TravelMode, Season];
const round1 = (x: number) => Math.round(x * 10) / 10;

export async function runPeer(input: {
  install: PostgresInstall;
  app: App;
  inputs: BenchInputs;
  quick: boolean;
  log: (line: string) => void;
}): Promise<PeerOutcome> {
  const { install, app, inputs, quick, log } = input;
  let t = performance.now();
  let cluster;
  try {
    cluster = await startPostgresCluster(install);
  } catch (err) {
    return { peer: 'pgrouting', skipped: `PostgreSQL did not start: ${String(err).slice(0, 600)}` };
  }
  const startMs = Math.round(performance.now() - t);
  let peer: PgRoutingPeer | null = null;
  try {
    t = performance.now();
    const tables = exportPeerTables(app.readModel);
    try {
      peer = await PgRoutingPeer.open({ ...cluster, tables });
    } catch (err) {
      return { peer: 'pgrouting', skipped: `pgRouting could not be loaded: ${String(err).slice(0, 600)}` };
    }
    const loadMs = Math.round(performance.now() - t);
    const rows = {
      communes: tables.communes.id.length,
      edges: tables.edges.id.length,
      providers: tables.providers.offeringId.length,
    };
    log(
      `peer pgrouting: ${cluster.serverVersion}, pgRouting ${peer.pgroutingVersion}; cluster up in ${startMs} ms, loaded ${JSON.stringify(rows)} in ${loadMs} ms`,
    );
    const travel: TravelTimeKey = 'MOTORBIKE_DRY'; // nearestProviders' default, as the bench asks it
    const first = 10;
    const question = { ...NEAREST_QUESTION, first, travel };
    const ask = async (code: string, key: TravelTimeKey) => {
      const [mode, season] = splitKey(key);
      const result = await app.routing.nearestProviders({
        ...NEAREST_QUESTION,
        communeCode: code,
        mode,
        season,
        first,
      });
      return result.matches.map((m) => m.travelMinutes);
    };
    const peerQuestion = (code: string, key: TravelTimeKey) => ({
      ...NEAREST_QUESTION,
      communeId: toVertexId(code),
      first,
      travel: key,
    });
    const examples: string[] = [];
    const note = (label: string, code: string, ours: number[], theirs: number[]) => {
      if (examples.length < 5)
        examples.push(
          `${label} from ${code}: ours [${ours.map(round1).join(', ')}] peer [${theirs.map(round1).join(', ')}]`,
        );
    };

    // Warm-up: plans prepared, caches filled, JIT of our code; not counted.
    for (let i = 0; i < 30; i += 1) {
      const code = benchCommune(inputs, i);
      await ask(code, travel);
      for (const v of peer.variants) await peer.nearestMinutes(v, peerQuestion(code, travel));
    }
    const questions = quick ? Math.min(300, inputs.communes.length) : inputs.communes.length;
    const ours: number[] = [];
    const theirs = Object.fromEntries(peer.variants.map((v) => [v, [] as number[]])) as Record<
      PeerVariant,
      number[]
    >;
    const mismatches = Object.fromEntries(peer.variants.map((v) => [v, 0])) as Record<PeerVariant, number>;
    const loadBefore = os.loadavg().map(round1);
    const started = performance.now();
    for (let i = 0; i < questions; i += 1) {
      const code = benchCommune(inputs, i + 1000);
      let s = performance.now();
      const mine = await ask(code, travel);
      ours.push(performance.now() - s);
      for (const v of peer.variants) {
        s = performance.now();
        const answer = await peer.nearestMinutes(v, peerQuestion(code, travel));
        theirs[v].push(performance.now() - s);
        if (!sameMinutes(mine, answer)) {
          mismatches[v] += 1;
          note(`${v} ${travel}`, code, mine, answer);
        }
      }
      if ((i + 1) % 500 === 0) log(`peer pgrouting: ${i + 1}/${questions} questions`);
    }
    const seconds = (performance.now() - started) / 1000;
    const oursStats = summarise(ours, 0, seconds);
    const peers: PeerResult['peers'] = {};
    const ratio: PeerResult['ratio'] = {};
    for (const v of peer.variants) {
      const stats = summarise(theirs[v], 0, seconds);
      peers[v] = stats;
      ratio[v] = {
        p50: round1(stats.p50 / oursStats.p50),
        p95: round1(stats.p95 / oursStats.p95),
        p99: round1(stats.p99 / oursStats.p99),
      };
    }

    // Every other mode and season, on a sample of origins: the answers must agree there too.
    const sample = quick ? 20 : 100;
    const otherTravel: PeerResult['otherTravel'] = [];
    for (const key of TRAVEL_TIME_KEYS.filter((k) => k !== travel)) {
      let wrong = 0;
      for (let i = 0; i < sample; i += 1) {
        const code = benchCommune(inputs, i);
        const mine = await ask(code, key);
        const answer = await peer.nearestMinutes(peer.variants[0]!, peerQuestion(code, key));
        if (!sameMinutes(mine, answer)) {
          wrong += 1;
          note(`${peer.variants[0]} ${key}`, code, mine, answer);
        }
      }
      otherTravel.push({ travel: key, questions: sample, mismatches: wrong });
    }

    const oursBackToBack = await timeEach(questions, (i) => ask(benchCommune(inputs, i + 1000), travel));
    const roundTrip = await timeEach(2000, () => peer!.ping());
    const graphOnly = await timeEach(quick ? 50 : 300, () => peer!.graphOnly(travel));
    const plan = await peer.explain(peer.variants[0]!, peerQuestion(benchCommune(inputs, 0), travel));
    return {
      peer: 'pgrouting',
      postgres: cluster.serverVersion,
      pgrouting: peer.pgroutingVersion,
      rows,
      startMs,
      loadMs,
      question,
      questions,
      ours: oursStats,
      oursBackToBack,
      peers,
      ratio,
      mismatches,
      otherTravel,
      mismatchExamples: examples,
      roundTrip,
      graphOnly,
      plan,
      loadAverage: { before: loadBefore, after: os.loadavg().map(round1) },
    };
  } finally {
    await peer?.close();
    cluster.stop();
  }
}
