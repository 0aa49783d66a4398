/**
 * Imports a generated data set into a store: schema, directory, case history; then a summary with the time
 * of each part and the process's peak RSS. Refuses a store that already holds the data set's cases.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GraphStore } from '../../src/store/port';
import { MANIFEST, type Manifest } from './generate-dataset';
import { isHistoryLoaded, loadHistory } from './load-history';
import { BASE_ENTITIES, loadDirectory } from './load-directory';
import { peakRssMb } from './peak-rss';

export interface ImportSummary {
  directoryMs: Record<string, number>;
  historyMs: Record<string, number>;
  totalMs: number;
  peakRssMb: number;
}

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file))
    throw new Error(`${dir} has no ${MANIFEST}: generate it first (npm run generate)`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
}

export async function importDataset(input: {
  store: GraphStore;
  dir: string;
  log?: (line: string) => void;
  progress?: boolean;
  /** `base`: geography, taxonomy and roads only, for `npm run cli -- import <out>/import` to add the rest. */
  parts?: 'all' | 'base';
}): Promise<ImportSummary> {
  const { store, dir } = input;
  const log = input.log ?? (() => undefined);
  const manifest = readManifest(dir);
  const started = performance.now();
  await store.ensureSchema();
  const firstCase = `case-s${manifest.seed}-0000000`;
  if (await isHistoryLoaded(store, firstCase)) {
    throw new Error(`The store already holds case ${firstCase} of this data set; import into an empty store`);
  }
  log(`import: ${manifest.scale} (seed ${manifest.seed}) from ${dir}`);
  const base = input.parts === 'base';
  const directoryMs = await loadDirectory({
    store,
    dir,
    manifest,
    progress: input.progress,
    ...(base ? { only: BASE_ENTITIES } : {}),
  });
  const history = base ? { ms: {} } : await loadHistory({ store, dir, manifest, progress: input.progress });
  const totalMs = Math.round(performance.now() - started);
  const summary = { directoryMs, historyMs: history.ms, totalMs, peakRssMb: peakRssMb() };
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  log(
    `import: done in ${(totalMs / 1000).toFixed(1)} s (directory ${(sum(directoryMs) / 1000).toFixed(1)} s, history ${(sum(history.ms) / 1000).toFixed(1)} s); peak RSS ${summary.peakRssMb} MB`,
  );
  return summary;
}
