/**
 * Imports a directory: validate every row → compare with what is stored → write the changes in one
 * store transaction (all or none; DirectoryWriter then updates the read model). `dryRun` stops before
 * writing; `skipInvalid` writes only the valid rows and lists the skipped ones. Re-importing the same rows
 * writes nothing (unchanged rows keep their updatedAt). One import runs at a time per writer.
 */
import type { ReadModel } from '../read-model/read-model';
import type { DirectoryBatch, DirectoryReads } from '../store/port';
import { createMutex, type Mutex } from '../store/mutex';
import { loadImportContext } from './import-context';
import { mapHsdsIds } from './map-hsds-ids';
import type { ImportProblem, SourceRow } from './import-rows';
import { createStepClock, type ImportStep } from './import-steps';
import { planImportChanges, zeroCounts, type ChangeCounts } from './plan-import-changes';
import { validateImport } from './validate-import';

export type { EntityCounts } from './plan-import-changes';

export interface ImportReport extends ChangeCounts {
  dryRun: boolean;
  committed: boolean;
  received: number;
  /** `file:line` of the rows left out (with skipInvalid). */
  skippedRows: string[];
  problems: ImportProblem[];
  steps: ImportStep[];
  elapsedMs: number;
}

/** What an import works with: the stored directory it compares against, the read model, the writer, a clock. */
export interface ImportTarget {
  directoryReads: Pick<
    DirectoryReads,
    'allOrganizations' | 'legacyCommunesByCode' | 'legacyCommunesByName' | 'organizationsById'
  >;
  readModel: ReadModel;
  /** Writes a batch in one transaction and updates the read model (services/directory-writer.ts). */
  directory: { write(batch: DirectoryBatch): Promise<void> };
  now: () => string;
}

/** One import at a time per writer. */
const locks = new WeakMap<ImportTarget['directory'], Mutex>();

/** A report of an import that stopped before validating any row. */
function emptyReport(
  input: { dryRun?: boolean; rows: SourceRow[] },
  problems: ImportProblem[],
  started: number,
): ImportReport {
  return {
    dryRun: !!input.dryRun,
    committed: false,
    received: input.rows.length,
    created: zeroCounts(),
    updated: zeroCounts(),
    unchanged: zeroCounts(),
    skippedRows: [],
    problems,
    steps: [],
    elapsedMs: Math.round(performance.now() - started),
  };
}

/** The codes, names and ids the rows mention, so the context loads only those. */
function mentioned(readModel: ReadModel, rows: SourceRow[]) {
  const values = (field: string) =>
    rows.flatMap((r) => (typeof r.fields[field] === 'string' ? [r.fields[field] as string] : []));
  return {
    oldCodes: [...values('commune_code'), ...values('from_commune'), ...values('to_commune')].filter(
      (c) => !readModel.communes.has(c),
    ),
    oldNames: values('old_commune_name'),
    organizationIds: values('organization_id'),
  };
}

export async function importDirectory(input: {
  into: ImportTarget;
  rows: SourceRow[];
  parseProblems: ImportProblem[];
  dryRun?: boolean;
  skipInvalid?: boolean;
  progress?: (line: string) => void;
}): Promise<ImportReport> {
  let lock = locks.get(input.into.directory);
  if (!lock) locks.set(input.into.directory, (lock = createMutex()));
  return lock.run(() => runImport(input));
}

async function runImport(input: Parameters<typeof importDirectory>[0]): Promise<ImportReport> {
  const { into } = input;
  const started = performance.now();
  const log = input.progress ?? (() => undefined);
  const clock = createStepClock(log);
  const at = into.now();
  if (into.readModel.communes.size === 0 || into.readModel.serviceTypes.size === 0) {
    const message = 'The store has no communes or service types: seed it first (npm run cli -- seed)';
    log(`import: ${message}`);
    return emptyReport(input, [{ file: '-', line: 0, field: null, severity: 'ERROR', message }], started);
  }
  // HSDS 3 UUIDs (ours with ket_noi_id, or another system's) become the ids we store, before anything else.
  const hsds = await mapHsdsIds(input.rows, {
    organizations: async () => (await into.directoryReads.allOrganizations()).map((o) => o.id),
    facilities: () => into.readModel.facilities.keys(),
  });
  const rows = hsds.rows;
  const ctx = await clock.time('load reference data', rows.length, () =>
    loadImportContext({
      store: into.directoryReads,
      readModel: into.readModel,
      ...mentioned(into.readModel, rows),
    }),
  );
  const parseProblems = [...input.parseProblems, ...hsds.problems];
  const v = await clock.time('validate', rows.length, () => validateImport({ rows, parseProblems, ctx, at }));
  const errors = v.problems.filter((p) => p.severity === 'ERROR').length;
  log(
    `import: ${errors} errors, ${v.problems.length - errors} warnings, ${v.invalidRows.length} invalid rows`,
  );
  let counts: ChangeCounts = { created: zeroCounts(), updated: zeroCounts(), unchanged: zeroCounts() };
  const report = (committed: boolean): ImportReport => ({
    dryRun: !!input.dryRun,
    committed,
    received: v.received,
    ...counts,
    skippedRows: input.skipInvalid ? v.invalidRows : [],
    problems: v.problems,
    steps: clock.steps,
    elapsedMs: Math.round(performance.now() - started),
  });
  if (v.invalidRows.length > 0 && !input.skipInvalid) {
    log('import: nothing written; fix the errors or use --skip-invalid');
    return report(false);
  }
  const valid = v.organizations.length + v.facilities.length + v.offerings.length;
  const plan = await clock.time('compare with the directory', valid, () => planImportChanges(into, v, at));
  counts = plan.counts;
  const c = plan.counts;
  log(`import: created ${JSON.stringify(c.created)}, updated ${JSON.stringify(c.updated)}`);
  if (input.dryRun) return report(false);
  const { batch } = plan;
  const toWrite = [batch.organizations, batch.facilities, batch.offerings, batch.roads, batch.communes]
    .map((rows) => rows?.length ?? 0)
    .reduce((a, b) => a + b, 0);
  await clock.time('write (one transaction)', toWrite, () => into.directory.write(batch));
  return report(true);
}
