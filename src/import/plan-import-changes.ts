/**
 * Compares validated rows with what is stored and keeps only what changes, so re-importing the same rows
 * writes nothing and no `updatedAt` moves. New records also get `createdAt` (written once: `SET +=` keeps
 * it on later updates), which lets the change feed tell CREATED from UPDATED.
 */
import { applyImportedTimes, type ImportedTravelTime } from '../domain/routing/apply-imported-times';
import type { TravelEdge } from '../domain/routing/travel-edge';
import { estimateTravelEdges } from '../domain/routing/travel-model';
import { edgeToRoad, type ReadModel } from '../read-model/read-model';
import type { CommuneRecord, DirectoryBatch, DirectoryReads } from '../store/port';
import type { ValidatedImport } from './validate-import';

export interface EntityCounts {
  organizations: number;
  facilities: number;
  offerings: number;
  travelTimes: number;
  communePopulations: number;
}

export interface ChangeCounts {
  created: EntityCounts;
  updated: EntityCounts;
  unchanged: EntityCounts;
}

export const zeroCounts = (): EntityCounts => ({
  organizations: 0,
  facilities: 0,
  offerings: 0,
  travelTimes: 0,
  communePopulations: 0,
});

/** Compares records ignoring their timestamps, so an identical re-import is recognised. */
export function sameRecord(a: object, b: object): boolean {
  const strip = (r: object) =>
    JSON.stringify(
      Object.entries(r)
        .filter(([k]) => k !== 'updatedAt' && k !== 'createdAt')
        .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
    );
  return strip(a) === strip(b);
}

/** Splits incoming rows into created, updated and unchanged against the stored ones (same order). */
function keepChanged<T extends { updatedAt: string }>(
  incoming: T[],
  stored: (T | null | undefined)[],
  key: keyof EntityCounts,
  counts: ChangeCounts,
): T[] {
  return incoming.flatMap((row, i) => {
    const before = stored[i];
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

/** Applies imported minutes to the current edges; a pair with no edge gets one (estimated otherwise). */
function importedRoads(readModel: ReadModel, rows: ImportedTravelTime[], counts: ChangeCounts) {
  if (rows.length === 0) return [];
  const current = readModel.travelEdges();
  const { edges, unmatched } = applyImportedTimes(current, rows);
  const changed = edges.filter((e, i) => !sameRecord(e, current[i]!));
  const added: TravelEdge[] = unmatched.flatMap((row) => {
    const communes = [row.from, row.to]
      .map((code) => readModel.communes.get(code)!)
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
  counts.updated.travelTimes = changed.length;
  counts.created.travelTimes = added.length;
  counts.unchanged.travelTimes = Math.max(0, rows.length - changed.length - added.length);
  return [...changed, ...added].map(edgeToRoad);
}

/** The batch that brings the directory to the validated rows, and what it creates, updates and leaves. */
export async function planImportChanges(
  from: {
    directoryReads: Pick<DirectoryReads, 'organizationsById'>;
    readModel: ReadModel;
  },
  v: ValidatedImport,
  at: string,
): Promise<{ batch: DirectoryBatch; counts: ChangeCounts }> {
  const counts: ChangeCounts = { created: zeroCounts(), updated: zeroCounts(), unchanged: zeroCounts() };
  const storedOrganizations = await from.directoryReads.organizationsById(v.organizations.map((o) => o.id));
  const organizations = keepChanged(v.organizations, storedOrganizations, 'organizations', counts);
  const facilities = keepChanged(
    v.facilities,
    v.facilities.map((f) => from.readModel.facilities.get(f.id)),
    'facilities',
    counts,
  );
  const offerings = keepChanged(
    v.offerings,
    v.offerings.map((o) => from.readModel.offerings.get(o.id)),
    'offerings',
    counts,
  );
  const roads = importedRoads(from.readModel, v.travelTimes, counts);
  const communes: CommuneRecord[] = v.childPopulations.flatMap(({ communeCode, children }) => {
    const c = from.readModel.communes.get(communeCode)!;
    const changed = c.childPopulation !== children;
    counts[changed ? 'updated' : 'unchanged'].communePopulations += 1;
    return changed ? [{ ...c, childPopulation: children, updatedAt: at }] : [];
  });
  return { batch: { organizations, facilities, offerings, roads, communes }, counts };
}
