/**
 * A saved copy of the read model beside the embedded store file, so a restart does not rebuild it from
 * 200,000 directory rows. It is stamped with the store's last change marker (the write-session token,
 * src/store/cypher/write-session.ts) and trusted only when the store still carries that token; any
 * other case (no file, another token, another format, a damaged file) rebuilds from the store.
 * The file is JSON: on the national read model (77 MiB) JSON.parse took 0.9–2.5 s where
 * v8.deserialize took 2.4–2.9 s (docs/performance.md).
 */
import fs from 'node:fs';
import type { GraphStore } from '../store/port';
import { ReadModel, type ReadModelRows } from './read-model';

const FORMAT = 'ket-noi read model 2';

interface SnapshotFile {
  format: string;
  token: string;
  savedAt: string;
  rows: ReadModelRows;
}

export interface LoadedReadModel {
  model: ReadModel;
  /** Where it came from, and why the snapshot was not used when it was not. */
  source: 'snapshot' | 'store';
  reason: string;
  ms: number;
}

export const snapshotFileFor = (storeFile: string) => `${storeFile}.read-model`;

function readSnapshot(file: string): SnapshotFile | string {
  if (!fs.existsSync(file)) return 'no saved read model';
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SnapshotFile>;
    if (data.format !== FORMAT || typeof data.token !== 'string' || !data.rows)
      return 'the saved read model has another format';
    return data as SnapshotFile;
  } catch {
    return 'the saved read model cannot be read';
  }
}

export async function loadReadModel(
  store: Pick<GraphStore, 'loadRoutingSnapshot' | 'serviceTypes' | 'writeSession'>,
  file: string | null,
): Promise<LoadedReadModel> {
  const started = performance.now();
  let reason = 'no snapshot file configured';
  if (file) {
    const [token, saved] = [await store.writeSession(), readSnapshot(file)];
    if (typeof saved === 'string') reason = saved;
    else if (token === null || saved.token !== token)
      reason = 'the store changed after the read model was saved';
    else
      return {
        model: ReadModel.fromRows(saved.rows),
        source: 'snapshot',
        reason: `saved ${saved.savedAt}, store unchanged since`,
        ms: performance.now() - started,
      };
  }
  const model = await ReadModel.load(store);
  return { model, source: 'store', reason, ms: performance.now() - started };
}

/**
 * Saves the model stamped with the store's current marker. Call it when no write can follow (at
 * shutdown, after the last write committed); a store that carries no marker yet gets one first.
 */
export async function saveReadModel(
  store: Pick<GraphStore, 'writeSession'>,
  model: ReadModel,
  file: string,
): Promise<void> {
  const token = await store.writeSession(true);
  if (token === null) throw new Error('This store keeps no change marker; read model not saved');
  const body: SnapshotFile = {
    format: FORMAT,
    token,
    savedAt: new Date().toISOString(),
    rows: model.toRows(),
  };
  // Written beside and renamed, so a crash mid-write never leaves a half file to be trusted.
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(body));
  fs.renameSync(tmp, file);
}
