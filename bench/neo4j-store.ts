/**
 * `npm run bench -- --store neo4j`: the same data set in Neo4j 5 (tools/neo4j), imported once into
 * data/neo4j/<scale>-s<seed> by the real CLI (`generate --import` with NEO4J_URI set: batched UNWIND
 * transactions), then benched on a temporary copy of that data directory so the bench's writes never
 * change the imported store. Peak memory of the Neo4j JVM is its VmHWM.
 */
import { runGenerator } from './prepare-store';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildLauncher, startNeo4jProcess, type Neo4jProcess } from '../scripts/neo4j/launcher';

const root = path.resolve(__dirname, '..');
/** Bench-sized Neo4j: the national graph's store fits the page cache; the heap holds the import batches. */
const NEO4J_MEMORY = { heap: '3g', pagecache: '3g' } as const;

export function peakRssOf(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

export const neo4jStoreDir = (scale: string, seed: number) =>
  path.join(root, 'data', 'neo4j', `${scale}-s${seed}`);
const summaryFile = (scale: string, seed: number) =>
  path.join(root, 'data', `${scale}-s${seed}.neo4j.import.json`);

/** Imports the data set into data/neo4j/<scale>-s<seed> unless that was done; returns the import summary. */
export async function prepareNeo4jStore(input: {
  scale: string;
  seed: number;
  dataDir: string;
  log: (line: string) => void;
}): Promise<Record<string, unknown>> {
  const file = summaryFile(input.scale, input.seed);
  const storeDir = neo4jStoreDir(input.scale, input.seed);
  if (fs.existsSync(file) && fs.existsSync(storeDir))
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.rmSync(storeDir, { recursive: true, force: true });
  buildLauncher({ log: input.log });
  input.log(`bench: importing ${input.scale} (seed ${input.seed}) into Neo4j at ${storeDir} once`);
  const neo4j = await startNeo4jProcess({ dataDir: storeDir, ...NEO4J_MEMORY, jvmArgs: [] });
  try {
    const started = performance.now();
    runGenerator({
      scale: input.scale,
      seed: input.seed,
      out: input.dataDir,
      env: { ...process.env, NEO4J_URI: neo4j.uri },
      timeoutMin: 60,
    });
    const wallMs = Math.round(performance.now() - started);
    const summary = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const record = {
      ...summary,
      wallMs,
      neo4jPeakRssMb: peakRssOf(neo4j.pid),
      neo4jMemory: NEO4J_MEMORY,
    };
    fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
    return record;
  } finally {
    const stopping = performance.now();
    await neo4j.stop(120_000);
    input.log(`bench: Neo4j stopped (checkpoint) in ${Math.round(performance.now() - stopping)} ms`);
  }
}

export interface BenchNeo4j {
  neo4j: Neo4jProcess;
  /** Process start → Bolt accepting connections, on the copied store (a restart of a loaded server). */
  readyMs: number;
  peakRssMb: () => number | null;
  close: () => Promise<void>;
}

/** Starts Neo4j on a temporary copy of the imported store. */
export async function startNeo4jCopy(storeDir: string): Promise<BenchNeo4j> {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'ketnoi-bench-neo4j-'));
  fs.cpSync(storeDir, copy, { recursive: true });
  fs.rmSync(path.join(copy, 'logs'), { recursive: true, force: true });
  const started = performance.now();
  const neo4j = await startNeo4jProcess({ dataDir: copy, ...NEO4J_MEMORY, jvmArgs: [] });
  const readyMs = Math.round(performance.now() - started);
  return {
    neo4j,
    readyMs,
    peakRssMb: () => peakRssOf(neo4j.pid),
    close: async () => {
      await neo4j.stop(120_000);
      fs.rmSync(copy, { recursive: true, force: true });
    },
  };
}
