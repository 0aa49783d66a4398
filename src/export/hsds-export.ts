/**
 * The directory as HSDS 3 NDJSON: exactly the rows the importer reads (docs/import-format.md), in a stable
 * order and without timestamps, so export → import into an empty directory → export is identical. Each
 * organization, location, service and service_at_location row is a valid HSDS 3 object (UUID ids, every
 * required field; test/export/hsds-schema.test.ts checks them against the official schemas) with our fields
 * beside the standard ones and our own id as `ket_noi_id`.
 */
import { hsdsUuid } from '../domain/ids/hsds-uuid';
import { SEASONS, TRAVEL_MODES, type Sector } from '../domain/model';
import type { ReadModel } from '../read-model/read-model';
import type { FacilityRecord, OfferingRecord, OrganizationRecord } from '../store/port';

type Row = Record<string, unknown>;

/** Drops null and empty fields so absent values stay absent after a round trip. */
function compact(row: Row): Row {
  return Object.fromEntries(
    Object.entries(row).filter(
      ([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0),
    ),
  );
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const SECTOR_NAMES: Record<Sector, string> = {
  HEALTH: 'Health',
  SOCIAL: 'Social protection',
  EDUCATION: 'Education',
};

/**
 * HSDS requires an organization description; we store none, so the export says what we know for certain
 * (sector and province). The importer does not store it, so a round trip writes the same text again.
 */
export function describeOrganization(o: Pick<OrganizationRecord, 'sector' | 'provinceCode'>): string {
  return `${SECTOR_NAMES[o.sector]} organization in province ${o.provinceCode}, listed in the Kết Nối directory`;
}

export function organizationRow(o: OrganizationRecord): Row {
  return compact({
    type: 'organization',
    id: hsdsUuid('organization', o.id),
    ket_noi_id: o.id,
    name: o.name,
    description: describeOrganization(o),
    sector: o.sector,
    province_code: o.provinceCode,
    demo: o.demo || null,
  });
}

export function locationRow(f: FacilityRecord): Row {
  return compact({
    type: 'location',
    id: hsdsUuid('location', f.id),
    ket_noi_id: f.id,
    // Every facility is a place children go to (a hotline is an offering of one, marked remote).
    location_type: 'physical',
    organization_id: f.organizationId === null ? null : hsdsUuid('organization', f.organizationId),
    name: f.name,
    sector: f.sector,
    kind: f.kind,
    level: f.level,
    commune_code: f.communeCode,
    latitude: f.lat,
    longitude: f.lon,
    address: f.address,
    phone: f.phone,
    email: f.email,
    identifiers: f.identifiers,
    provenance: f.provenance,
    source: f.source,
  });
}

export function offeringRow(o: OfferingRecord): Row {
  return compact({
    type: 'service_at_location',
    id: hsdsUuid('service_at_location', o.id),
    ket_noi_id: o.id,
    service_id: hsdsUuid('service', serviceId(o.serviceCode)),
    location_id: hsdsUuid('location', o.facilityId),
    min_age_months: o.minAgeMonths,
    max_age_months: o.maxAgeMonths,
    capacity: o.capacity,
    current_load: o.currentLoad,
    wait_days: o.waitDays,
    languages: o.languages,
    schedule: o.schedule,
    remote: o.remote,
    cost: o.cost,
  });
}

/** The HSDS service exported for a taxonomy code: one per code in use, shared by its offerings. */
export const serviceId = (code: string) => `svc-${code}`;

/** The service row of a taxonomy code; `active` because only services some offering provides are exported. */
export function serviceRow(code: string, name: string | undefined): Row {
  return compact({
    type: 'service',
    id: hsdsUuid('service', serviceId(code)),
    ket_noi_id: serviceId(code),
    name: name ?? code,
    status: 'active',
    taxonomy_code: code,
  });
}

/** Every row of the export, in order: organizations, locations, services, offerings, imported travel times, populations. */
export function* exportHsdsRows(organizations: OrganizationRecord[], readModel: ReadModel): Generator<Row> {
  for (const o of [...organizations].sort(byId)) yield organizationRow(o);
  for (const f of [...readModel.facilities.values()].sort(byId)) yield locationRow(f);
  const codes = new Set([...readModel.offerings.values()].map((o) => o.serviceCode));
  for (const code of [...codes].sort()) yield serviceRow(code, readModel.serviceTypes.get(code)?.name);
  for (const o of [...readModel.offerings.values()].sort(byId)) yield offeringRow(o);
  const imported = readModel.travelEdges().filter((e) => e.source === 'IMPORTED');
  imported.sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1));
  for (const e of imported) {
    for (const mode of TRAVEL_MODES) {
      for (const season of SEASONS) {
        yield {
          type: 'travel_time',
          from_commune: e.from,
          to_commune: e.to,
          mode,
          season,
          minutes: e.minutes[`${mode}_${season}`],
          km: e.km,
        };
      }
    }
  }
  const communes = [...readModel.communes.values()].filter((c) => c.childPopulation !== null);
  communes.sort((a, b) => (a.code < b.code ? -1 : 1));
  for (const c of communes)
    yield { type: 'commune_population', commune_code: c.code, children_0_17: c.childPopulation };
}

export function exportHsdsNdjson(organizations: OrganizationRecord[], readModel: ReadModel): string {
  let out = '';
  for (const row of exportHsdsRows(organizations, readModel)) out += `${JSON.stringify(row)}\n`;
  return out;
}
