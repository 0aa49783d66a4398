/**
 * Seeds the real geography and the directory layer into a GraphStore: provinces → communes → legacy communes →
 * service types → organizations → facilities → offerings → roads, printing a progress line per step.
 * Idempotent: every write is an upsert by key, and a store that already has provinces is left alone unless
 * `force` is set. Run it with `npm run cli -- seed [--force]`.
 */
import type {
  CommuneRecord,
  FacilityRecord,
  DirectoryWrites,
  StoreAdmin,
  LegacyCommuneRecord,
  OfferingRecord,
  OrganizationRecord,
  ProvinceRecord,
  RoadRecord,
  ServiceTypeRecord,
} from '../src/store/port';
import { buildRoads } from './build-roads';
import { generateDemoLayer } from './demo-layer';
import { loadGeography } from './load-geography';
import { buildServiceTypes } from './taxonomy';

/** The demo provinces (2025 codes): Quảng Ninh, Lào Cai (with former Yên Bái), Bắc Ninh (with former Bắc Giang). */
export const DEMO_PROVINCES: string[] = ['22', '15', '24'];

export interface SeedOptions {
  /** 2025 province codes to seed; DEMO_PROVINCES when absent. */
  provinceCodes?: readonly string[];
  log?: (line: string) => void;
  /** Seed even if the store already has provinces (upserts: the result is the same rows). */
  force?: boolean;
}

export interface SeedDataset {
  provinces: ProvinceRecord[];
  communes: CommuneRecord[];
  legacyCommunes: LegacyCommuneRecord[];
  serviceTypes: ServiceTypeRecord[];
  organizations: OrganizationRecord[];
  facilities: FacilityRecord[];
  offerings: OfferingRecord[];
  roads: RoadRecord[];
}

export type SeedCounts = { [K in keyof SeedDataset]: number };

export interface SeedSummary extends SeedCounts {
  /** True when the store already had provinces and nothing was written. */
  skipped: boolean;
  elapsedMs: number;
}

/** Everything the seed writes, built in memory from the CSVs (no store, no clock, no randomness). */
export function buildSeedDataset(provinceCodes: readonly string[] = DEMO_PROVINCES): SeedDataset {
  const geography = loadGeography({ provinceCodes });
  const missing = provinceCodes.filter((code) => !geography.provinces.some((p) => p.code === code));
  if (missing.length > 0) throw new Error(`Unknown province code(s): ${missing.join(', ')}`);
  const layer = generateDemoLayer(geography);
  return {
    ...geography,
    serviceTypes: buildServiceTypes(),
    ...layer,
    roads: buildRoads(geography.communes).roads,
  };
}

/** What seeding needs of the store: the batched upserts, and a count to see whether it is empty. */
export type SeedTarget = DirectoryWrites & Pick<StoreAdmin, 'countNodes'>;

const ORDER: ReadonlyArray<[keyof SeedDataset, (store: SeedTarget, rows: never[]) => Promise<void>]> = [
  ['provinces', (s, rows) => s.upsertProvinces(rows)],
  ['communes', (s, rows) => s.upsertCommunes(rows)],
  ['legacyCommunes', (s, rows) => s.upsertLegacyCommunes(rows)],
  ['serviceTypes', (s, rows) => s.upsertServiceTypes(rows)],
  ['organizations', (s, rows) => s.upsertOrganizations(rows)],
  ['facilities', (s, rows) => s.upsertFacilities(rows)],
  ['offerings', (s, rows) => s.upsertOfferings(rows)],
  ['roads', (s, rows) => s.upsertRoads(rows)],
];

function countsOf(data: SeedDataset | null): SeedCounts {
  return Object.fromEntries(ORDER.map(([key]) => [key, data ? data[key].length : 0])) as SeedCounts;
}

/** Seeds the given provinces (default DEMO_PROVINCES) and returns what was written. */
export async function seedDemo(store: SeedTarget, options: SeedOptions = {}): Promise<SeedSummary> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if (!options.force && (await store.countNodes('Province')) > 0) {
    log('seed: the store already has provinces; skipping (use force to seed again)');
    return { skipped: true, ...countsOf(null), elapsedMs: elapsed() };
  }
  const provinceCodes = options.provinceCodes ?? DEMO_PROVINCES;
  const data = buildSeedDataset(provinceCodes);
  log(
    `seed: built ${data.facilities.length} facilities for provinces ${provinceCodes.join(', ')} (${elapsed()} ms)`,
  );
  for (const [key, write] of ORDER) {
    const before = elapsed();
    await write(store, data[key] as never[]);
    log(`seed: ${key} ${data[key].length} (${elapsed() - before} ms, ${elapsed()} ms total)`);
  }
  log(`seed: done in ${elapsed()} ms`);
  return { skipped: false, ...countsOf(data), elapsedMs: elapsed() };
}
