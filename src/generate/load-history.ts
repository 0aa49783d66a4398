/**
 * Loads generated case history (history/*.ndjson) through the store's runner, in transactions of BATCH rows:
 * cases, consents, referrals (with their ONWARD_OF links) and events. Parsing the next batch overlaps the
 * store's work on the current one. A batch whose row count does not come back whole is rolled back.
 */
import path from 'node:path';
import type { CypherRunner, Row } from '../store/cypher-runner';
import * as H from './history-cypher';
import type { HistoryFile, Manifest } from './generate-dataset';
import { readNdjsonBatches } from './ndjson-file';
import { createProgress } from './progress';

/** Rows per transaction, as the port's directory upserts use. */
export const BATCH = 2000;

type Raw = Record<string, unknown>;

const STEPS: ReadonlyArray<{
  file: HistoryFile;
  label: string;
  statements: (rows: Raw[]) => Array<[string, Raw[]]>;
}> = [
  { file: 'cases', label: 'cases', statements: (rows) => [[H.LOAD_CASES, rows]] },
  { file: 'consents', label: 'consents', statements: (rows) => [[H.LOAD_CONSENTS, rows]] },
  {
    file: 'referrals',
    label: 'referrals',
    statements: (rows) => [
      [H.LOAD_REFERRALS, rows],
      [H.LINK_ONWARD_REFERRALS, rows.filter((r) => r.parentId != null)],
    ],
  },
  {
    file: 'referral-events',
    label: 'referral events',
    statements: (rows) => [[H.LOAD_REFERRAL_EVENTS, rows]],
  },
];

const written = (rows: Row[]) => Number(rows[0]?.n ?? 0);

async function writeBatch(runner: CypherRunner, statements: Array<[string, Raw[]]>): Promise<void> {
  await runner.write(async (run) => {
    for (const [query, rows] of statements) {
      if (rows.length === 0) continue;
      const n = written(await run(query, { rows }));
      if (n !== rows.length)
        throw new Error(`history load wrote ${n} of ${rows.length} rows: a referenced node is missing`);
    }
  });
}

export interface HistoryLoadSummary {
  rows: Record<HistoryFile, number>;
  ms: Record<HistoryFile, number>;
}

export async function loadHistory(input: {
  runner: CypherRunner;
  dir: string;
  manifest: Manifest;
  progress?: boolean;
  /** Rows per transaction (BATCH unless measuring). */
  batch?: number;
}): Promise<HistoryLoadSummary> {
  const { runner, dir, manifest } = input;
  const summary: HistoryLoadSummary = {
    rows: { cases: 0, consents: 0, referrals: 0, 'referral-events': 0 },
    ms: { cases: 0, consents: 0, referrals: 0, 'referral-events': 0 },
  };
  for (const step of STEPS) {
    const started = performance.now();
    const total = manifest.files[`history/${step.file}.ndjson`]?.lines ?? 0;
    const bar = input.progress === false ? null : createProgress({ label: `load ${step.label}`, total });
    let pending: Promise<void> = Promise.resolve();
    for await (const rows of readNdjsonBatches<Raw>(
      path.join(dir, 'history', `${step.file}.ndjson`),
      input.batch ?? BATCH,
    )) {
      await pending;
      bar?.tick(summary.rows[step.file]);
      pending = writeBatch(runner, step.statements(rows));
      summary.rows[step.file] += rows.length;
    }
    await pending;
    bar?.done();
    summary.ms[step.file] = Math.round(performance.now() - started);
  }
  return summary;
}

/** True when the data set's first case is already in the store. */
export async function isHistoryLoaded(runner: CypherRunner, firstCaseId: string): Promise<boolean> {
  return written(await runner.read(H.COUNT_CASES, { ids: [firstCaseId] })) > 0;
}
