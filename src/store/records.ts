/**
 * Stored properties ↔ port records. Both stores drop properties set to null, so reads fill the
 * gaps; writes add the folded `search` property used by accent-insensitive search.
 */
import { foldDiacritics } from '../domain/text/fold-diacritics';
import type {
  CommuneRecord,
  FacilityRecord,
  LegacyCommuneRecord,
  OfferingRecord,
  OrganizationRecord,
  ProvinceRecord,
  RoadRecord,
  ServiceTypeRecord,
  TombstoneRecord,
} from './port';

type Raw = Record<string, unknown>;

const str = (v: unknown): string | null => (v == null ? null : String(v));
const num = (v: unknown): number | null => (v == null || v === '' ? null : Number(v));
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const bool = (v: unknown): boolean => v === true;

/** Picks the declared keys of a record from raw properties, so internal props (search) never leak. */
function pick<T>(raw: Raw, defaults: T): T {
  const out = { ...defaults } as Record<string, unknown>;
  for (const key of Object.keys(out)) {
    const d = out[key];
    const v = raw[key];
    if (v === undefined || v === null) continue;
    if (Array.isArray(d)) out[key] = strs(v);
    else if (typeof d === 'boolean') out[key] = bool(v);
    else if (typeof d === 'number') out[key] = num(v);
    else out[key] = v;
  }
  return out as T;
}

export function toProvince(raw: Raw): ProvinceRecord {
  return pick(raw, {
    code: '',
    name: '',
    fullName: '',
    type: '',
    lat: null as number | null,
    lon: null as number | null,
    population: null as number | null,
    areaKm2: null as number | null,
    updatedAt: '',
  });
}

export function toCommune(raw: Raw): CommuneRecord {
  return pick<CommuneRecord>(raw, {
    code: '',
    name: '',
    shortName: '',
    type: '',
    provinceCode: '',
    lat: null,
    lon: null,
    areaKm2: null,
    areaEstimated: false,
    population: null,
    populationEstimated: false,
    childPopulation: null,
    scheme: 'VN34',
    validFrom: '2025-07-01',
    flags: [],
    updatedAt: '',
  });
}

export function toLegacyCommune(raw: Raw): LegacyCommuneRecord {
  return pick<LegacyCommuneRecord>(raw, {
    key: '',
    code: null,
    name: '',
    districtName: '',
    provinceName: '',
    oldProvinceCode: '',
    successorCode: '',
    note: '',
  });
}

export function toServiceType(raw: Raw): ServiceTypeRecord {
  return pick<ServiceTypeRecord>(raw, {
    code: '',
    name: '',
    nameVi: '',
    category: '',
    sectors: [],
    description: '',
  });
}

export function toOrganization(raw: Raw): OrganizationRecord {
  return pick<OrganizationRecord>(raw, {
    id: '',
    name: '',
    sector: 'HEALTH',
    provinceCode: '',
    demo: false,
    updatedAt: '',
  });
}

export function toFacility(raw: Raw): FacilityRecord {
  return pick<FacilityRecord>(raw, {
    id: '',
    name: '',
    organizationId: null,
    sector: 'HEALTH',
    kind: '',
    level: 'COMMUNE',
    communeCode: '',
    provinceCode: '',
    lat: null,
    lon: null,
    address: null,
    phone: null,
    email: null,
    identifiers: [],
    provenance: 'DEMO',
    source: null,
    updatedAt: '',
  });
}

export function toOffering(raw: Raw): OfferingRecord {
  return pick<OfferingRecord>(raw, {
    id: '',
    facilityId: '',
    serviceCode: '',
    minAgeMonths: null,
    maxAgeMonths: null,
    capacity: null,
    currentLoad: null,
    waitDays: null,
    languages: [],
    schedule: null,
    remote: false,
    cost: null,
    updatedAt: '',
  });
}

export function toTombstone(raw: Raw): TombstoneRecord {
  return { id: String(raw.id), entity: String(raw.entity), deletedAt: String(raw.deletedAt) };
}

const MINUTES_PREFIX = 'min_';

/** Flattens a road's minutes map into `min_MODE_SEASON` properties (stores reject nested maps). */
export function roadProps(road: RoadRecord): Raw {
  const props: Raw = { km: road.km, straightKm: road.straightKm, terrain: road.terrain, source: road.source };
  for (const [key, minutes] of Object.entries(road.minutes)) props[MINUTES_PREFIX + key] = minutes;
  return props;
}

export function toRoad(fromCode: string, toCode: string, raw: Raw): RoadRecord {
  const minutes: Record<string, number> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith(MINUTES_PREFIX) && value != null)
      minutes[key.slice(MINUTES_PREFIX.length)] = Number(value);
  }
  return {
    fromCode,
    toCode,
    km: num(raw.km) ?? 0,
    straightKm: num(raw.straightKm) ?? 0,
    terrain: str(raw.terrain) ?? 'RURAL',
    source: raw.source === 'IMPORTED' ? 'IMPORTED' : 'ESTIMATED',
    minutes,
  };
}

/** Adds the folded search property to a record bound for the store. */
export function withSearch<T extends { name: string }>(row: T): T & { search: string } {
  return { ...row, search: foldDiacritics(row.name) };
}

export { str, num };
