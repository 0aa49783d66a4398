/** The bench result: targets checked against the measurements, a JSON file and a short Markdown table. */
import fs from 'node:fs';
import path from 'node:path';
import type { MixResult } from './mix';
import type { PeerOutcome } from './peer/run-peer';
import type { RunStats } from './stats';

export interface BenchResult {
  date: string;
  scale: string;
  seed: number;
  machine: Record<string, unknown>;
  dataset: Record<string, number>;
  import: Record<string, unknown> | null;
  startup: {
    /** First start on the freshly copied store (the read model is built from the store). */
    serverReadyMs: number;
    /** Second start on the same file, after a clean stop saved the read model beside it. */
    restartReadyMs?: number;
    restartReadModel?: string;
    inProcess: Record<string, number>;
    neo4jReadyMs?: number;
  };
  /** Peak RSS (VmHWM, MiB) of the Kết Nối server process and, on Neo4j, of the Neo4j JVM. */
  memory?: { serverPeakRssMb: number | null; neo4jPeakRssMb?: number | null };
  http: Record<string, Record<string, RunStats>>;
  inProcess: Record<string, RunStats>;
  /** GraphQL over HTTP p50 ÷ in-process p50, at concurrency 1. */
  overhead: Record<string, number>;
  /** 4 × national coverage without pause, 4 × nearestProviders and /health at once (bench/mix.ts). */
  mix?: MixResult | null;
  /** GET /health at c = 1 on the same client: the cost of one HTTP exchange on this machine. */
  httpFloor?: RunStats;
  /** nearestProviders through Apollo in process, without a socket. */
  graphqlInProcess?: RunStats | null;
  /** The same nearest-provider questions asked of a peer (--peer pgrouting), or why it was skipped. */
  peer?: PeerOutcome | null;
  targets: TargetCheck[];
}

export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  met: boolean | null;
}

const num = (x: unknown) => (typeof x === 'number' ? x : NaN);

export function checkTargets(r: Omit<BenchResult, 'targets'>): TargetCheck[] {
  const h = (op: string, c: number) => r.http[op]?.[String(c)];
  const near1 = h('nearestProviders', 1);
  const near16 = h('nearestProviders', 16);
  const chain = h('referralChain (8 steps)', 1);
  const cov = h('coverage (national, 60 min)', 1);
  const refer = Math.max(...Object.values(r.http['createReferral'] ?? {}).map((s) => s.perSecond), 0);
  const importMs = num(r.import?.totalMs) + num(r.import?.closeMs ?? 0);
  const rss = num(r.import?.peakRssMb);
  const restartMs = r.startup.restartReadyMs ?? r.startup.serverReadyMs;
  const gqlRatio =
    Math.round((num(r.graphqlInProcess?.p50) / num(r.inProcess['nearestProviders']?.p50)) * 10) / 10;
  const t = (name: string, target: string, value: number, unit: string, met: boolean): TargetCheck => ({
    name,
    target,
    measured: Number.isFinite(value) ? `${value} ${unit}` : 'not measured',
    met: Number.isFinite(value) ? met : null,
  });
  return [
    t('import (national set)', '≤ 60 s', Math.round(importMs / 100) / 10, 's', importMs <= 60_000),
    t('import peak RSS', '≤ 1536 MiB', rss, 'MiB', rss <= 1536),
    t('restart to /ready 200', '≤ 3 s', Math.round(restartMs / 100) / 10, 's', restartMs <= 3_000),
    t('nearestProviders p50, c=1', '≤ 2 ms', num(near1?.p50), 'ms', num(near1?.p50) <= 2),
    t('nearestProviders p99, c=1', '≤ 20 ms', num(near1?.p99), 'ms', num(near1?.p99) <= 20),
    t(
      'nearestProviders throughput, c=16',
      '≥ 800/s',
      num(near16?.perSecond),
      '/s',
      num(near16?.perSecond) >= 800,
    ),
    t(
      'nearestProviders GraphQL ÷ in-process',
      '≤ 3×',
      num(r.overhead['nearestProviders']),
      '×',
      num(r.overhead['nearestProviders']) <= 3,
    ),
    t('nearestProviders GraphQL in process ÷ call', '≤ 3×', gqlRatio, '×', gqlRatio <= 3),
    t(
      'mix: nearestProviders p99, c=4',
      '≤ 20 ms',
      num(r.mix?.nearestProviders.p99),
      'ms',
      num(r.mix?.nearestProviders.p99) <= 20,
    ),
    t('mix: /health slowest answer', '≤ 50 ms', num(r.mix?.health.max), 'ms', num(r.mix?.health.max) <= 50),
    t('referralChain (8 steps) p50, c=1', '≤ 3 ms', num(chain?.p50), 'ms', num(chain?.p50) <= 3),
    t('coverage (national) p50, c=1', '≤ 300 ms', num(cov?.p50), 'ms', num(cov?.p50) <= 300),
    t('createReferral throughput (best c)', '≥ 300/s', refer, '/s', refer >= 300),
  ];
}

export function markdownTable(r: BenchResult): string {
  const lines = [
    `| operation | c | p50 ms | p95 ms | p99 ms | req/s | n | errors | in-process p50 ms | ratio |`,
    `|---|---|---|---|---|---|---|---|---|---|`,
  ];
  for (const [op, byC] of Object.entries(r.http)) {
    for (const [c, s] of Object.entries(byC)) {
      const inner = r.inProcess[op];
      const first = c === '1';
      lines.push(
        `| ${op} | ${c} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.perSecond} | ${s.count} | ${s.errors} | ${first && inner ? inner.p50 : ''} | ${first && r.overhead[op] ? `${r.overhead[op]}×` : ''} |`,
      );
    }
  }
  if (r.graphqlInProcess)
    lines.push(
      `| nearestProviders through GraphQL, no socket | 1 | ${r.graphqlInProcess.p50} | ${r.graphqlInProcess.p95} | ${r.graphqlInProcess.p99} | ${r.graphqlInProcess.perSecond} | ${r.graphqlInProcess.count} | ${r.graphqlInProcess.errors} | | |`,
    );
  if (r.httpFloor)
    lines.push(
      `| GET /health (the HTTP floor) | 1 | ${r.httpFloor.p50} | ${r.httpFloor.p95} | ${r.httpFloor.p99} | ${r.httpFloor.perSecond} | ${r.httpFloor.count} | ${r.httpFloor.errors} | | |`,
    );
  if (r.mix) {
    const m = r.mix;
    lines.push(
      '',
      '| mix: 4 × national coverage without pause, and | p50 ms | p95 ms | p99 ms | max ms | req/s |',
    );
    lines.push('|---|---|---|---|---|---|');
    for (const [name, s] of [
      ['nearestProviders, c = 4', m.nearestProviders],
      ['GET /health every 20 ms', m.health],
      ['the coverage itself, c = 4', m.coverage],
    ] as const)
      lines.push(`| ${name} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} | ${s.perSecond} |`);
  }
  lines.push('', '| target | wanted | measured | met |', '|---|---|---|---|');
  for (const t of r.targets)
    lines.push(
      `| ${t.name} | ${t.target} | ${t.measured} | ${t.met === null ? '–' : t.met ? 'yes' : '**no**'} |`,
    );
  return lines.join('\n');
}

export function writeResult(r: BenchResult, dir: string, tag: string | null = null): string {
  fs.mkdirSync(dir, { recursive: true });
  const suffix = `${r.scale === 'national' ? '' : `-scale-${r.scale}`}${tag ? `-${tag}` : ''}`;
  const file = path.join(dir, `${r.date.slice(0, 10)}${suffix}.json`);
  fs.writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}
