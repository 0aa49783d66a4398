/**
 * The directory as HSDS-shaped NDJSON: exactly the rows the importer reads (docs/import-format.md), in a
 * stable order and without timestamps, so export → import into an empty directory → export is identical.
 */
import { SEASONS, TRAVEL_MODES } from '../domain/model';
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

export function organizationRow(o: OrganizationRecord): Row {
  return compact({
    type: 'organization',
    id: o.id,
    name: o.name,
    sector: o.sector,
    province_code: o.provinceCode,
    demo: o.demo || null,
  });
}

export function locationRow(f: FacilityRecord): Row {
  return compact({
    type: 'location',
    id: f.id,
    organization_id: f.organizationId,
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
    id: o.id,
    service_id: serviceId(o.serviceCode),
    location_id: o.facilityId,
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

export function serviceRow(code: string, readModel: ReadModel): Row {
  const type = readModel.serviceTypes.get(code);
  return compact({ type: 'service', id: serviceId(code), name: type?.name ?? code, taxonomy_code: code });
}

/** Every row of the export, in order: organizations, locations, services, offerings, imported travel times, populations. */
export function* exportHsdsRows(organizations: OrganizationRecord[], readModel: ReadModel): Generator<Row> {
  for (const o of [...organizations].sort(byId)) yield organizationRow(o);
  for (const f of [...readModel.facilities.values()].sort(byId)) yield locationRow(f);
  const codes = new Set([...readModel.offerings.values()].map((o) => o.serviceCode));
  for (const code of [...codes].sort()) yield serviceRow(code, readModel);
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
