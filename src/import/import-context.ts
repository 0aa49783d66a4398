/** What validation needs to know about the directory already there: codes, communes, old communes, ids. */
import { foldDiacritics } from '../domain/text/fold-diacritics';
import type { ReadModel } from '../read-model/read-model';
import type { CommuneRecord, GraphStore, LegacyCommuneRecord } from '../store/port';

export interface ImportContext {
  serviceCodes: ReadonlySet<string>;
  communes: ReadonlyMap<string, CommuneRecord>;
  provinceCodes: ReadonlySet<string>;
  legacyByCode: ReadonlyMap<string, LegacyCommuneRecord>;
  /** Folded `name|district|province` of an old commune → its record. */
  legacyByName: ReadonlyMap<string, LegacyCommuneRecord>;
  facilityExists: (id: string) => boolean;
  organizationExists: (id: string) => boolean;
}

export function legacyNameKey(name: string, district: string, province: string): string {
  return [name, district, province].map(foldDiacritics).join('|');
}

/** Loads the context for the codes and names the rows mention (old communes are looked up on demand). */
export async function loadImportContext(input: {
  store: Pick<GraphStore, 'legacyCommunesByCode' | 'legacyCommunesByName' | 'organizationsById'>;
  readModel: ReadModel;
  oldCodes: string[];
  oldNames: string[];
  organizationIds: string[];
}): Promise<ImportContext> {
  const { store, readModel } = input;
  const [byCode, byName, organizations] = await Promise.all([
    store.legacyCommunesByCode(input.oldCodes),
    store.legacyCommunesByName(input.oldNames.map(foldDiacritics)),
    store.organizationsById(input.organizationIds),
  ]);
  const known = new Set(organizations.flatMap((o) => (o ? [o.id] : [])));
  return {
    serviceCodes: new Set(readModel.serviceTypes.keys()),
    communes: readModel.communes,
    provinceCodes: new Set([...readModel.communes.values()].map((c) => c.provinceCode)),
    legacyByCode: new Map(byCode.flatMap((l) => (l.code ? [[l.code, l] as const] : []))),
    legacyByName: new Map(byName.map((l) => [legacyNameKey(l.name, l.districtName, l.provinceName), l])),
    facilityExists: (id) => readModel.facilities.has(id),
    organizationExists: (id) => known.has(id),
  };
}
