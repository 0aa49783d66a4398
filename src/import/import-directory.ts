/**
 * Imports a directory: validate every row → compare with what is stored → write the changes in one
 * store transaction (all or none; DirectoryWriter then updates the read model). `dryRun` stops before
 * writing; `skipInvalid` writes only the valid rows and lists the skipped ones. Re-importing the same rows
 * writes nothing (unchanged rows keep their updatedAt). One import runs at a time per app.
 */
import type { App } from '../app';
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

const locks = new WeakMap<App, Mutex>();

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
function mentioned(app: App, rows: SourceRow[]) {
  const values = (field: string) =>
    rows.flatMap((r) => (typeof r.fields[field] === 'string' ? [r.fields[field] as string] : []));
  return {
    oldCodes: [...values('commune_code'), ...values('from_commune'), ...values('to_commune')].filter(
      (c) => !app.readModel.communes.has(c),
    ),
    oldNames: values('old_commune_name'),
    organizationIds: values('organization_id'),
  };
}

export async function importDirectory(input: {
  app: App;
  rows: SourceRow[];
  parseProblems: ImportProblem[];
  dryRun?: boolean;
  skipInvalid?: boolean;
  progress?: (line: string) => void;
}): Promise<ImportReport> {
  const { app } = input;
  let lock = locks.get(app);
  if (!lock) locks.set(app, (lock = createMutex()));
  return lock.run(() => runImport(input));
}

async function runImport(input: Parameters<typeof importDirectory>[0]): Promise<ImportReport> {
  const { app } = input;
  const started = performance.now();
  const log = input.progress ?? (() => undefined);
  const clock = createStepClock(log);
  const at = app.now();
  if (app.readModel.communes.size === 0 || app.readModel.serviceTypes.size === 0) {
    const message = 'The store has no communes or service types: seed it first (npm run cli -- seed)';
    log(`import: ${message}`);
    return emptyReport(input, [{ file: '-', line: 0, field: null, severity: 'ERROR', message }], started);
  }
  // HSDS 3 UUIDs (ours with ket_noi_id, or another system's) become the ids we store, before anything else.
  const hsds = await mapHsdsIds(input.rows, {
    organizations: async () => (await app.store.allOrganizations()).map((o) => o.id),
    facilities: () => app.readModel.facilities.keys(),
  });
  const rows = hsds.rows;
  const ctx = await clock.time('load reference data', rows.length, () =>
    loadImportContext({ store: app.store, readModel: app.readModel, ...mentioned(app, rows) }),
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
  const plan = await clock.time('compare with the directory', valid, () => planImportChanges(app, v, at));
  counts = plan.counts;
  const c = plan.counts;
  log(`import: created ${JSON.stringify(c.created)}, updated ${JSON.stringify(c.updated)}`);
  if (input.dryRun) return report(false);
  const { batch } = plan;
  const toWrite = [batch.organizations, batch.facilities, batch.offerings, batch.roads, batch.communes]
    .map((rows) => rows?.length ?? 0)
    .reduce((a, b) => a + b, 0);
  await clock.time('write (one transaction)', toWrite, () => app.directory.write(batch));
  return report(true);
}
