/**
 * `npm run generate -- --scale national|0.1|0.33 [--seed 1] [--out DIR] [--import [STORE_FILE]] [--base-only]
 * [--force]`: writes a deterministic generated data set (docs/performance.md) and, with --import, loads it
 * into an embedded store file (default data/<scale>-s<seed>.grafeo), or into the Neo4j in NEO4J_URI when it
 * is set (its summary goes to data/<scale>-s<seed>.neo4j.import.json). --base-only loads geography, taxonomy
 * and roads only, for `npm run cli -- import <out>/import` to load the directory in the documented format.
 * An existing folder with the same scale and seed is reused unless --force.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, type StoreConfig } from '../../src/config';
import { openStore } from '../../src/store/open-store';
import { generateDataset, MANIFEST, type Manifest } from './generate-dataset';
import { importDataset } from './import-dataset';
import { peakRssMb } from './peak-rss';
import { parseScale } from './scale';
import { flag, parseArgs } from '../../src/cli/args';
import type { CliIo } from '../../src/cli/token-command';

export const defaultOut = (scale: string, seed: number) =>
  path.join('data', 'generated', `${scale}-s${seed}`);
export const defaultStoreFile = (scale: string, seed: number) =>
  path.join('data', `${scale}-s${seed}.grafeo`);

function existing(out: string, scale: string, seed: number): Manifest | null {
  const file = path.join(out, MANIFEST);
  if (!fs.existsSync(file)) return null;
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  return manifest.scale === scale && manifest.seed === seed ? manifest : null;
}

export async function runGenerateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  const scale = parseScale(flag(args, 'scale') ?? 'national');
  const seed = Number(flag(args, 'seed') ?? 1);
  if (!Number.isInteger(seed) || seed < 0)
    throw new Error(`--seed must be a whole number, got ${flag(args, 'seed')}`);
  const out = flag(args, 'out') ?? defaultOut(scale.label, seed);
  const reuse = args.flags.force === true ? null : existing(out, scale.label, seed);
  if (reuse)
    io.out(
      `generate: ${out} already holds ${scale.label} seed ${seed} (hash ${reuse.hash.slice(0, 16)}); --force to rebuild`,
    );
  else await generateDataset({ scale, seed, out, log: io.out });
  if (args.flags.import === undefined) return 0;
  const parts = args.flags['base-only'] === true ? 'base' : 'all';
  const { store: storeConfig } = loadConfig(process.env);
  if (storeConfig.neo4jUri)
    return importIntoNeo4j({ ...storeConfig, neo4jUri: storeConfig.neo4jUri }, out, parts, io);
  const storeFile = flag(args, 'import') ?? defaultStoreFile(scale.label, seed);
  if (fs.existsSync(storeFile))
    throw new Error(`${storeFile} exists: remove it first to import into a new store`);
  const store = await openStore({ ...storeConfig, neo4jUri: null, dataFile: storeFile });
  let summary: Awaited<ReturnType<typeof importDataset>> | null = null;
  try {
    summary = await importDataset({ store, dir: out, log: io.out, parts });
  } finally {
    const started = performance.now();
    await store.close();
    const closeMs = Math.round(performance.now() - started);
    io.out(`import: store closed (checkpoint) in ${(closeMs / 1000).toFixed(1)} s → ${storeFile}`);
    // Beside the store, so the bench can report how the file it runs on was built.
    if (summary) {
      const bytes = fs.statSync(storeFile).size;
      const record = {
        ...summary,
        closeMs,
        storeBytes: bytes,
        peakRssMb: peakRssMb(),
        dataset: out,
        at: new Date().toISOString(),
      };
      fs.writeFileSync(`${storeFile}.import.json`, `${JSON.stringify(record, null, 2)}\n`);
    }
  }
  return 0;
}

/** The same import through the Neo4j runner (batched UNWIND transactions of 2,000 rows). */
async function importIntoNeo4j(
  config: StoreConfig & { neo4jUri: string },
  out: string,
  parts: 'all' | 'base',
  io: CliIo,
): Promise<number> {
  const store = await openStore(config);
  try {
    io.out(`import: into Neo4j at ${config.neo4jUri}`);
    const summary = await importDataset({ store, dir: out, log: io.out, parts });
    const manifest = JSON.parse(fs.readFileSync(path.join(out, MANIFEST), 'utf8')) as Manifest;
    const file = path.join('data', `${manifest.scale}-s${manifest.seed}.neo4j.import.json`);
    const record = { ...summary, neo4jUri: config.neo4jUri, dataset: out, at: new Date().toISOString() };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
    io.out(`import: summary → ${file}`);
  } finally {
    await store.close();
  }
  return 0;
}
