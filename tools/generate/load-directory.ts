/**
 * Loads the directory half of a generated data set (directory/*.ndjson) through the port's batched
 * upserts, entity by entity in DIRECTORY_ENTITIES order, with a progress bar per entity.
 */
import path from 'node:path';
import type { GraphStore } from '../../src/store/port';
import type { SeedDataset } from '../../seeds/seed';
import { DIRECTORY_ENTITIES } from './directory-files';
import type { Manifest } from './generate-dataset';
import { readNdjsonBatches } from './ndjson-file';
import { createProgress } from './progress';

/** Rows handed to one upsert call; the store splits them into its own transactions. */
const CHUNK = 10_000;

export type Entity = (typeof DIRECTORY_ENTITIES)[number];

/** What the documented import format does not carry: geography, taxonomy and the estimated roads. */
export const BASE_ENTITIES: readonly Entity[] = [
  'provinces',
  'communes',
  'legacyCommunes',
  'serviceTypes',
  'roads',
];

const UPSERT: Record<Entity, (store: GraphStore, rows: never[]) => Promise<void>> = {
  provinces: (s, rows) => s.upsertProvinces(rows),
  communes: (s, rows) => s.upsertCommunes(rows),
  legacyCommunes: (s, rows) => s.upsertLegacyCommunes(rows),
  serviceTypes: (s, rows) => s.upsertServiceTypes(rows),
  organizations: (s, rows) => s.upsertOrganizations(rows),
  facilities: (s, rows) => s.upsertFacilities(rows),
  offerings: (s, rows) => s.upsertOfferings(rows),
  roads: (s, rows) => s.upsertRoads(rows),
};

export async function loadDirectory(input: {
  store: GraphStore;
  dir: string;
  manifest: Manifest;
  progress?: boolean;
  /** Only these entities (all when absent). */
  only?: readonly Entity[];
}): Promise<Record<Entity, number>> {
  const ms = {} as Record<Entity, number>;
  for (const entity of DIRECTORY_ENTITIES) {
    if (input.only && !input.only.includes(entity)) continue;
    const started = performance.now();
    const total = input.manifest.files[`directory/${entity}.ndjson`]?.lines ?? 0;
    const bar = input.progress === false ? null : createProgress({ label: `load ${entity}`, total });
    let done = 0;
    const file = path.join(input.dir, 'directory', `${entity}.ndjson`);
    for await (const rows of readNdjsonBatches<SeedDataset[Entity][number]>(file, CHUNK)) {
      await UPSERT[entity](input.store, rows as never[]);
      done += rows.length;
      bar?.tick(done);
    }
    bar?.done();
    ms[entity] = Math.round(performance.now() - started);
  }
  return ms;
}
