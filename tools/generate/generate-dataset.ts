/**
 * Writes a generated data set to a folder: the directory (directory-files.ts) and the case history as NDJSON
 * (docs/performance.md, "Generated data"), with a manifest of counts, per-file SHA-256 and one hash over all
 * of it. The same scale and seed give byte-identical files, whatever the machine or the clock.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildDirectory } from './build-directory';
import { buildHistoryContext, generateCase } from './case-history';
import { drawChainLengths } from './chain-lengths';
import { writeDirectoryFiles } from './directory-files';
import { HSDS_FILE, writeHsdsFile } from './hsds-file';
import { NdjsonWriter } from './ndjson-file';
import { createProgress } from './progress';
import { ProviderIndex } from './provider-index';
import { caseCount, REFERRALS_PER_CASE, type Scale } from './scale';

export const MANIFEST = 'manifest.json';
export const HISTORY_FILES = ['cases', 'consents', 'referrals', 'referral-events'] as const;
export type HistoryFile = (typeof HISTORY_FILES)[number];

export interface FileSummary {
  lines: number;
  sha256: string;
}

export interface Manifest {
  format: 'ketnoi-generated/1';
  scale: string;
  fraction: number;
  seed: number;
  provinces: string[];
  counts: Record<string, number>;
  /** Relative path → lines and SHA-256. */
  files: Record<string, FileSummary>;
  /** SHA-256 over the sorted `path sha256` lines of every file. */
  hash: string;
  samples: { eightStepCaseId: string | null; eightStepProvince: string | null };
}

export function combinedHash(files: Record<string, FileSummary>): string {
  const lines = Object.keys(files)
    .sort()
    .map((name) => `${name} ${files[name]!.sha256}\n`);
  return createHash('sha256').update(lines.join('')).digest('hex');
}

export async function generateDataset(input: {
  scale: Scale;
  seed: number;
  out: string;
  log?: (line: string) => void;
  /** Show a progress bar on stderr (default true). */
  progress?: boolean;
}): Promise<Manifest> {
  const { scale, seed, out } = input;
  const log = input.log ?? (() => undefined);
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  fs.mkdirSync(path.join(out, 'history'), { recursive: true });
  const directory = buildDirectory({ fraction: scale.fraction, seed });
  log(
    `generate: directory of ${directory.provinces.length} provinces, ${directory.communes.length} communes, ${directory.facilities.length} facilities, ${directory.offerings.length} offerings (${seconds()} s)`,
  );
  const files: Record<string, FileSummary> = await writeDirectoryFiles(out, directory);
  files[HSDS_FILE] = writeHsdsFile(out, directory);

  const cases = caseCount(scale.fraction);
  const lengths = drawChainLengths({ cases, referrals: cases * REFERRALS_PER_CASE, seed });
  const ctx = buildHistoryContext({
    seed,
    providers: new ProviderIndex(
      new Map(directory.communes.map((c) => [c.code, c])),
      directory.facilities,
      directory.offerings,
    ),
    communes: directory.communes,
    serviceNames: new Map(directory.serviceTypes.map((s) => [s.code, s.name])),
  });
  const writers = Object.fromEntries(
    HISTORY_FILES.map((name) => [name, new NdjsonWriter(path.join(out, 'history', `${name}.ndjson`))]),
  ) as Record<HistoryFile, NdjsonWriter>;
  const progress =
    input.progress === false ? null : createProgress({ label: 'generate cases', total: cases });
  let eightStep: { id: string; province: string } | null = null;
  for (let i = 0; i < cases; i += 1) {
    const bundle = generateCase(ctx, i, lengths[i]!);
    writers.cases.write(bundle.case);
    writers.consents.write(bundle.consent);
    for (const r of bundle.referrals) writers.referrals.write(r);
    for (const e of bundle.events) writers['referral-events'].write(e);
    if (!eightStep && bundle.referrals.length === 8)
      eightStep = { id: bundle.case.id, province: bundle.case.provinceCode };
    if (i % 1000 === 0) progress?.tick(i);
  }
  progress?.done();
  for (const name of HISTORY_FILES) files[`history/${name}.ndjson`] = writers[name].close();
  const manifest: Manifest = {
    format: 'ketnoi-generated/1',
    scale: scale.label,
    fraction: scale.fraction,
    seed,
    provinces: directory.provinces.map((p) => p.code),
    counts: {
      provinces: directory.provinces.length,
      communes: directory.communes.length,
      legacyCommunes: directory.legacyCommunes.length,
      organizations: directory.organizations.length,
      facilities: directory.facilities.length,
      offerings: directory.offerings.length,
      roads: directory.roads.length,
      cases: cases,
      consents: cases,
      referrals: files['history/referrals.ndjson']!.lines,
      referralEvents: files['history/referral-events.ndjson']!.lines,
    },
    files,
    hash: combinedHash(files),
    samples: { eightStepCaseId: eightStep?.id ?? null, eightStepProvince: eightStep?.province ?? null },
  };
  fs.writeFileSync(path.join(out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  log(
    `generate: ${cases} cases, ${manifest.counts.referrals} referrals, ${manifest.counts.referralEvents} events in ${seconds()} s; hash ${manifest.hash.slice(0, 16)}`,
  );
  return manifest;
}
