/** What validation needs to know about the directory already there: codes, communes, old communes, ids. */
import { foldDiacritics } from '../domain/text/fold-diacritics';
import type { ReadModel } from '../read-model/read-model';
import type {
  CommuneRecord,
  DirectoryReads,
  LegacyCommuneRecord,
  OfferingRecord,
  ServiceTypeRecord,
} from '../store/port';

export interface ImportContext {
  serviceTypes: ReadonlyMap<string, ServiceTypeRecord>;
  communes: ReadonlyMap<string, CommuneRecord>;
  provinceCodes: ReadonlySet<string>;
  legacyByCode: ReadonlyMap<string, LegacyCommuneRecord>;
  /** {@link legacyNameKey} → the old communes of that name, district and province (a split has several). */
  legacyByName: ReadonlyMap<string, LegacyCommuneRecord[]>;
  facilityExists: (id: string) => boolean;
  organizationExists: (id: string) => boolean;
  storedOffering: (id: string) => OfferingRecord | undefined;
  /** The facility a `system|value` identifier resolves to today. */
  identifierOwner: (key: string) => string | undefined;
}

/** Unit words before a name (folded), longest first: "Thị trấn Sa Pa" and "Sa Pa" are the same name. */
const UNIT_PREFIXES = ['thanh pho ', 'thi tran ', 'thi xa ', 'phuong ', 'huyen ', 'quan ', 'tinh ', 'xa '];

function stripUnit(folded: string): string {
  const prefix = UNIT_PREFIXES.find((p) => folded.startsWith(p) && folded.length > p.length);
  return prefix ? folded.slice(prefix.length) : folded;
}

/** The key old communes are grouped on: folded names without their unit words. */
export function legacyNameKey(name: string, district: string, province: string): string {
  return [name, district, province].map((n) => stripUnit(foldDiacritics(n))).join('|');
}

/**
 * Whether a given name names a stored one: the same folded name, or, when the given name has no unit
 * word, the same name under any unit word ("Mường Tè" is Xã or Thị trấn Mường Tè; "Xã Mường Tè" is only the xã).
 */
function sameName(given: string, stored: string): boolean {
  const g = foldDiacritics(given);
  const s = foldDiacritics(stored);
  return g === s || (stripUnit(g) === g && stripUnit(s) === g);
}

/** Whether an old commune is the one given by name, district and province. */
export function isOldCommuneNamed(
  l: LegacyCommuneRecord,
  place: { name: string; district: string; province: string },
): boolean {
  return (
    sameName(place.name, l.name) &&
    sameName(place.district, l.districtName) &&
    sameName(place.province, l.provinceName)
  );
}

/** The stored (folded, full) names an old commune name may have: as given, or with each commune unit word. */
export function legacyNameVariants(name: string): string[] {
  const folded = foldDiacritics(name);
  const bare = stripUnit(folded);
  return [...new Set([folded, bare, ...['xa ', 'phuong ', 'thi tran '].map((p) => p + bare)])];
}

/** Loads the context for the codes and names the rows mention (old communes are looked up on demand). */
export async function loadImportContext(input: {
  store: Pick<DirectoryReads, 'legacyCommunesByCode' | 'legacyCommunesByName' | 'organizationsById'>;
  readModel: ReadModel;
  oldCodes: string[];
  oldNames: string[];
  organizationIds: string[];
}): Promise<ImportContext> {
  const { store, readModel } = input;
  const [byCode, byName, organizations] = await Promise.all([
    store.legacyCommunesByCode([...new Set(input.oldCodes)]),
    store.legacyCommunesByName([...new Set(input.oldNames.flatMap(legacyNameVariants))]),
    store.organizationsById([...new Set(input.organizationIds)]),
  ]);
  const known = new Set(organizations.flatMap((o) => (o ? [o.id] : [])));
  const legacyByName = new Map<string, LegacyCommuneRecord[]>();
  for (const l of byName) {
    const key = legacyNameKey(l.name, l.districtName, l.provinceName);
    legacyByName.set(key, [...(legacyByName.get(key) ?? []), l]);
  }
  let owners: Map<string, string> | null = null;
  return {
    serviceTypes: readModel.serviceTypes,
    communes: readModel.communes,
    provinceCodes: new Set([...readModel.communes.values()].map((c) => c.provinceCode)),
    legacyByCode: new Map(byCode.flatMap((l) => (l.code ? [[l.code, l] as const] : []))),
    legacyByName,
    facilityExists: (id) => readModel.facilities.has(id),
    organizationExists: (id) => known.has(id),
    storedOffering: (id) => readModel.offerings.get(id),
    identifierOwner: (key) => {
      owners ??= new Map(
        [...readModel.facilities.values()].flatMap((f) => f.identifiers.map((i) => [i, f.id] as const)),
      );
      return owners.get(key);
    },
  };
}
