/**
 * Imports a directory: parse → validate every row → compare with what is stored → write the changes in
 * one transaction (all or none). `dryRun` stops before writing; `skipInvalid` writes only the valid rows
 * and lists the skipped ones. Re-importing the same rows writes nothing (unchanged rows keep updatedAt).
 */
import type { App } from '../app';
import { applyImportedTimes, type ImportedTravelTime } from '../domain/routing/apply-imported-times';
import { estimateTravelEdges } from '../domain/routing/travel-model';
import type { TravelEdge } from '../domain/routing/travel-edge';
import { edgeToRoad } from '../read-model/read-model';
import type { CommuneRecord, DirectoryBatch, RoadRecord } from '../store/port';
import { loadImportContext } from './import-context';
import type { ImportProblem, SourceRow } from './import-rows';
import { validateImport } from './validate-import';

export interface EntityCounts {
  organizations: number;
  facilities: number;
  offerings: number;
  travelTimes: number;
  communePopulations: number;
}

export interface ImportReport {
  dryRun: boolean;
  committed: boolean;
  received: number;
  created: EntityCounts;
  updated: EntityCounts;
  unchanged: EntityCounts;
  skippedRows: string[];
  problems: ImportProblem[];
  elapsedMs: number;
}

const zero = (): EntityCounts => ({
  organizations: 0,
  facilities: 0,
  offerings: 0,
  travelTimes: 0,
  communePopulations: 0,
});

/** Compares records ignoring the timestamp, so an identical re-import is recognised. */
export function sameRecord(a: object, b: object): boolean {
  const strip = (r: object) =>
    JSON.stringify(
      Object.entries(r)
        .filter(([k]) => k !== 'updatedAt' && k !== 'createdAt')
        .sort(([x], [y]) => x.localeCompare(y)),
    );
  return strip(a) === strip(b);
}

/** Splits incoming rows into created, updated and unchanged against the stored ones. */
function diff<T extends { updatedAt: string }>(
  incoming: T[],
  existing: (T | null | undefined)[],
  key: keyof EntityCounts,
  counts: { created: EntityCounts; updated: EntityCounts; unchanged: EntityCounts },
): T[] {
  return incoming.flatMap((row, i) => {
    const before = existing[i];
    // createdAt is stored on new nodes only (SET += keeps it on updates), so the change feed can tell them apart.
    if (!before) {
      counts.created[key] += 1;
      return [{ ...row, createdAt: row.updatedAt }];
    }
    if (sameRecord(row, before)) {
      counts.unchanged[key] += 1;
      return [];
    }
    counts.updated[key] += 1;
    return [row];
  });
}

/** Applies imported minutes to the current edges (estimating an edge for a pair that has none). */
function importedRoads(app: App, rows: ImportedTravelTime[]): RoadRecord[] {
  if (rows.length === 0) return [];
  const current = app.readModel.travelEdges();
  const { edges, unmatched } = applyImportedTimes(current, rows);
  const changed = edges.filter((e, i) => !sameRecord(e, current[i]!));
  const extra: TravelEdge[] = unmatched.flatMap((row) => {
    const pair = [row.from, row.to].map((code) => app.readModel.communes.get(code)!);
    const communes = pair
      .filter((c) => c.lat !== null && c.lon !== null)
      .map((c) => ({
        code: c.code,
        provinceCode: c.provinceCode,
        type: c.type as 'xã',
        lat: c.lat!,
        lon: c.lon!,
        areaKm2: c.areaKm2,
        population: c.population,
      }));
    return communes.length === 2 ? estimateTravelEdges({ communes, imported: [row], neighbourCount: 1 }) : [];
  });
  return [...changed, ...extra].map(edgeToRoad);
}

export async function importDirectory(input: {
  app: App;
  rows: SourceRow[];
  parseProblems: ImportProblem[];
  dryRun?: boolean;
  skipInvalid?: boolean;
  progress?: (line: string) => void;
}): Promise<ImportReport> {
  const { app, rows } = input;
  const started = performance.now();
  const log = input.progress ?? (() => undefined);
  const at = app.now();
  const mentioned = (field: string) =>
    rows.flatMap((r) => (typeof r.fields[field] === 'string' ? [r.fields[field] as string] : []));
  const ctx = await loadImportContext({
    store: app.store,
    readModel: app.readModel,
    oldCodes: [...mentioned('commune_code'), ...mentioned('from_commune'), ...mentioned('to_commune')].filter(
      (c) => !app.readModel.communes.has(c),
    ),
    oldNames: mentioned('old_commune_name'),
    organizationIds: mentioned('organization_id'),
  });
  const v = validateImport({ rows, parseProblems: input.parseProblems, ctx, at });
  log(
    `import: ${v.received} rows read, ${v.problems.filter((p) => p.severity === 'ERROR').length} errors, ${v.problems.filter((p) => p.severity === 'WARNING').length} warnings (${Math.round(performance.now() - started)} ms)`,
  );
  const counts = { created: zero(), updated: zero(), unchanged: zero() };
  const report = (committed: boolean): ImportReport => ({
    dryRun: !!input.dryRun,
    committed,
    received: v.received,
    ...counts,
    skippedRows: input.skipInvalid ? v.invalidRows : [],
    problems: v.problems,
    elapsedMs: Math.round(performance.now() - started),
  });
  if (v.invalidRows.length > 0 && !input.skipInvalid) {
    log('import: nothing written; fix the errors or use --skip-invalid');
    return report(false);
  }

  const organizations = diff(
    v.organizations,
    await app.store.organizationsById(v.organizations.map((o) => o.id)),
    'organizations',
    counts,
  );
  const facilities = diff(
    v.facilities,
    v.facilities.map((f) => app.readModel.facilities.get(f.id)),
    'facilities',
    counts,
  );
  const offerings = diff(
    v.offerings,
    v.offerings.map((o) => app.readModel.offerings.get(o.id)),
    'offerings',
    counts,
  );
  const roads = importedRoads(app, v.travelTimes);
  counts.updated.travelTimes = roads.length;
  counts.unchanged.travelTimes = v.travelTimes.length - roads.length;
  const communes: CommuneRecord[] = v.childPopulations.flatMap(({ communeCode, children }) => {
    const c = app.readModel.communes.get(communeCode)!;
    if (c.childPopulation === children) {
      counts.unchanged.communePopulations += 1;
      return [];
    }
    counts.updated.communePopulations += 1;
    return [{ ...c, childPopulation: children, updatedAt: at }];
  });
  const batch: DirectoryBatch = { organizations, facilities, offerings, roads, communes };
  log(`import: ${JSON.stringify(counts.created)} new, ${JSON.stringify(counts.updated)} changed`);
  if (input.dryRun) return report(false);
  await app.directory.write(batch);
  log(`import: committed in ${Math.round(performance.now() - started)} ms`);
  return report(true);
}
