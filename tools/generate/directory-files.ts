/**
 * The directory half of a generated data set, one NDJSON file per entity holding the store's records
 * (src/store/port.ts), loaded with the port's batched upserts (load-directory.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SeedDataset } from '../../seeds/seed';
import { NdjsonWriter } from './ndjson-file';

/** Entities in load order: every row's references are loaded before it. */
export const DIRECTORY_ENTITIES = [
  'provinces',
  'communes',
  'legacyCommunes',
  'serviceTypes',
  'organizations',
  'facilities',
  'offerings',
  'roads',
] as const satisfies ReadonlyArray<keyof SeedDataset>;

export async function writeDirectoryFiles(
  out: string,
  data: SeedDataset,
): Promise<Record<string, { lines: number; sha256: string }>> {
  fs.mkdirSync(path.join(out, 'directory'), { recursive: true });
  const files: Record<string, { lines: number; sha256: string }> = {};
  for (const entity of DIRECTORY_ENTITIES) {
    const name = `directory/${entity}.ndjson`;
    const writer = new NdjsonWriter(path.join(out, name));
    for (const row of data[entity]) writer.write(row);
    files[name] = writer.close();
  }
  return files;
}
