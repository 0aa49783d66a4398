/**
 * Loads generated case history (history/*.ndjson) through the port's bulk load, in transactions of BATCH rows:
 * cases, consents, referrals (with their ONWARD_OF links) and events. Parsing the next batch overlaps the
 * store's work on the current one. A batch whose row count does not come back whole is rolled back.
 */
import path from 'node:path';
import type { CaseStore, HistoryBulkLoad, HistoryKind } from '../../src/store/port';
import type { HistoryFile, Manifest } from './generate-dataset';
import { readNdjsonBatches } from './ndjson-file';
import { createProgress } from './progress';

/** Rows per transaction, as the port's directory upserts use. */
export const BATCH = 2000;

type Raw = Record<string, unknown>;

const STEPS: ReadonlyArray<{ file: HistoryFile & HistoryKind; label: string }> = [
  { file: 'cases', label: 'cases' },
  { file: 'consents', label: 'consents' },
  { file: 'referrals', label: 'referrals' },
  { file: 'referral-events', label: 'referral events' },
];

export interface HistoryLoadSummary {
  rows: Record<HistoryFile, number>;
  ms: Record<HistoryFile, number>;
}

export async function loadHistory(input: {
  store: HistoryBulkLoad;
  dir: string;
  manifest: Manifest;
  progress?: boolean;
  /** Rows per transaction (BATCH unless measuring). */
  batch?: number;
}): Promise<HistoryLoadSummary> {
  const { store, dir, manifest } = input;
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
      pending = store.loadHistoryBatch(step.file, rows);
      summary.rows[step.file] += rows.length;
    }
    await pending;
    bar?.done();
    summary.ms[step.file] = Math.round(performance.now() - started);
  }
  return summary;
}

/** True when the data set's first case is already in the store. */
export async function isHistoryLoaded(
  store: Pick<CaseStore, 'casesById'>,
  firstCaseId: string,
): Promise<boolean> {
  const [found] = await store.casesById([firstCaseId]);
  return found != null;
}
