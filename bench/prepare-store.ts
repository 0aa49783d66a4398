/**
 * Makes sure the bench has its data: the generated data set (data/generated/<scale>-s<seed>) and the
 * embedded store file imported from it (data/<scale>-s<seed>.grafeo). Missing ones are built by the real
 * CLI in a child process (progress shown), so its memory and time are measured on their own. The bench then
 * runs on a temporary copy, so its writes never change the imported file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultOut, defaultStoreFile } from '../tools/generate/generate-command';
import { readManifest } from '../tools/generate/import-dataset';
import type { Manifest } from '../tools/generate/generate-dataset';

const root = path.resolve(__dirname, '..');

export interface PreparedData {
  dir: string;
  manifest: Manifest;
  storeFile: string;
  /** The import's own summary (import-summary.json beside the store), when the store was built by the CLI. */
  importSummary: Record<string, unknown> | null;
}

/**
 * Runs `npm run generate -- --scale S --seed N --out DIR --import [FILE]` (tools/generate) in the checkout:
 * into the embedded FILE, or into the Neo4j of NEO4J_URI in `env` when no FILE is given.
 */
export function runGenerator(input: {
  scale: string;
  seed: number;
  out: string;
  importInto?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMin: number;
}): void {
  const args = ['--scale', input.scale, '--seed', String(input.seed), '--out', input.out, '--import'];
  if (input.importInto) args.push(input.importInto);
  const result = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', 'tools/generate/main.ts', ...args],
    {
      cwd: root,
      stdio: 'inherit',
      timeout: input.timeoutMin * 60_000,
      env: input.env ?? process.env,
    },
  );
  if (result.status !== 0) throw new Error(`generate --import failed (exit ${result.status})`);
}

export function prepareData(input: {
  scale: string;
  seed: number;
  log: (line: string) => void;
  /** False for --store neo4j: the generated files only, no embedded store file. */
  embedded?: boolean;
}): PreparedData {
  const dir = path.join(root, defaultOut(input.scale, input.seed));
  const storeFile = path.join(root, defaultStoreFile(input.scale, input.seed));
  if (input.embedded === false) {
    return { dir, manifest: readManifest(dir), storeFile, importSummary: null };
  }
  if (!fs.existsSync(storeFile)) {
    input.log(
      `bench: ${storeFile} is missing; generating and importing ${input.scale} (seed ${input.seed}) once`,
    );
    runGenerator({ scale: input.scale, seed: input.seed, out: dir, importInto: storeFile, timeoutMin: 30 });
  }
  const summaryFile = `${storeFile}.import.json`;
  return {
    dir,
    manifest: readManifest(dir),
    storeFile,
    importSummary: fs.existsSync(summaryFile)
      ? (JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as Record<string, unknown>)
      : null,
  };
}

/** The data set's communes (code and province), from its directory files. */
export function readCommunes(dir: string): Array<{ code: string; provinceCode: string }> {
  return fs
    .readFileSync(path.join(dir, 'directory', 'communes.ndjson'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { code: string; provinceCode: string });
}

/** Copies the store file (and its WAL, if any) to a temporary path; returns it and a cleanup. */
export function copyStore(storeFile: string): { file: string; remove: () => void } {
  const file = path.join(os.tmpdir(), `ketnoi-bench-${process.pid}.grafeo`);
  for (const suffix of ['', '.wal', '.read-model']) {
    if (fs.existsSync(storeFile + suffix)) fs.cpSync(storeFile + suffix, file + suffix, { recursive: true });
  }
  return {
    file,
    remove: () => {
      for (const suffix of ['', '.wal', '.read-model'])
        fs.rmSync(file + suffix, { force: true, recursive: true });
    },
  };
}
