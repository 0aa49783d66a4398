/** Generates a small data set once per test file into a temporary folder, and reads its NDJSON back. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDataset, type Manifest } from '../../tools/generate/generate-dataset';
import { parseScale } from '../../tools/generate/scale';

export async function generateTo(scale: string, seed: number): Promise<{ dir: string; manifest: Manifest }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ketnoi-gen-${scale}-s${seed}-`));
  const manifest = await generateDataset({ scale: parseScale(scale), seed, out: dir, progress: false });
  return { dir, manifest };
}

export function readRows<T>(dir: string, file: string): T[] {
  return fs
    .readFileSync(path.join(dir, file), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as T);
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
