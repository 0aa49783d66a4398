/** The pgRouting peer's result as lines for the bench log and its Markdown summary. */
import os from 'node:os';
import type { RunStats } from '../stats';
import type { PeerOutcome } from './run-peer';

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The peer's lines for the log and the Markdown summary. */
export function describePeer(outcome: PeerOutcome): string[] {
  if ('skipped' in outcome) return [`peer ${outcome.peer}: skipped: ${outcome.skipped}`];
  const r = outcome;
  const line = (name: string, s: RunStats) => `| ${name} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} |`;
  const other = r.otherTravel.map((o) => `${o.travel} ${o.mismatches}/${o.questions}`).join(', ');
  return [
    `peer pgrouting: load average ${r.loadAverage.before.join(' ')} before, ${r.loadAverage.after.join(' ')} after (${os.cpus().length} cores)`,
    `peer pgrouting: ${r.questions} questions (${r.question.serviceCode}, ${r.question.childAgeMonths} months, ${r.question.travel}, first ${r.question.first}); mismatches ${JSON.stringify(r.mismatches)}; other modes/seasons: ${other}`,
    '',
    '| nearest providers, same questions | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---|---|---|---|',
    line('Kết Nối in process, in turn with the peer', r.ours),
    line('Kết Nối in process, back to back', r.oursBackToBack),
    ...Object.entries(r.peers).map(([v, s]) => line(`pgRouting ${v} (over 127.0.0.1)`, s)),
    line('PostgreSQL `SELECT 1` round trip', r.roundTrip),
    line('pgRouting graph only (edges read + graph built)', r.graphOnly),
    '',
    ...Object.entries(r.ratio).map(
      ([v, x]) => `peer ÷ ours in turn (${v}): p50 ${x.p50}×, p95 ${x.p95}×, p99 ${x.p99}×`,
    ),
    ...Object.entries(r.peers).map(
      ([v, s]) =>
        `peer ÷ ours back to back (${v}): p50 ${round1(s.p50 / r.oursBackToBack.p50)}×, p95 ${round1(s.p95 / r.oursBackToBack.p95)}×, p99 ${round1(s.p99 / r.oursBackToBack.p99)}×`,
    ),
    ...r.mismatchExamples.map((e) => `mismatch: ${e}`),
  ];
}
