/**
 * Validates every row before anything is written and turns valid rows into store records. Problems name
 * file, line and field. Rows that depend on an invalid row (an offering of a bad location) are invalid too.
 */
import type { ImportedTravelTime } from '../domain/routing/apply-imported-times';
import { FACILITY_LEVELS, SEASONS, SECTORS, TRAVEL_MODES, type Sector } from '../domain/model';
import type { FacilityRecord, OfferingRecord, OrganizationRecord } from '../store/port';
import { ID, RRULE, RowReader } from './field-checks';
import { legacyNameKey, type ImportContext } from './import-context';
import type { ImportProblem, SourceRow } from './import-rows';

const LANGUAGE = /^[a-z]{3}$/;
const IDENTIFIER = /^[\w.:-]{1,40}\|[^|]{1,80}$/;
const MAX_AGE = 216;
// Mainland and near-shore islands; the two offshore special zones are allowed beside it.
const inVietnam = (lat: number, lon: number) =>
  (lat >= 8 && lat <= 23.5 && lon >= 102 && lon <= 110) ||
  (lat >= 7 && lat <= 17.5 && lon >= 109 && lon <= 117);

export interface ValidatedImport {
  organizations: OrganizationRecord[];
  facilities: FacilityRecord[];
  offerings: OfferingRecord[];
  travelTimes: ImportedTravelTime[];
  childPopulations: { communeCode: string; children: number }[];
  problems: ImportProblem[];
  /** `file:line` of rows left out because of an ERROR (or an invalid row they depend on). */
  invalidRows: string[];
  received: number;
}

const where = (row: SourceRow) => `${row.file}:${row.line}`;

/** Resolves a 2025 commune code, an old code (with a warning) or an old name + district + province. */
function readCommune(r: RowReader, ctx: ImportContext, codeField: string, oldPrefix?: string): string | null {
  const code = r.text(codeField, { max: 5, pattern: /^\d{5}$/ });
  if (code) {
    if (ctx.communes.has(code)) return code;
    const legacy = ctx.legacyByCode.get(code);
    if (legacy && ctx.communes.has(legacy.successorCode)) {
      r.problem(
        codeField,
        `old commune code ${code} (${legacy.name}) resolved to its 2025 successor ${legacy.successorCode}`,
        'WARNING',
      );
      return legacy.successorCode;
    }
    return r.fail(codeField, `unknown commune code ${code}`);
  }
  if (oldPrefix && r.has(`${oldPrefix}commune_name`)) {
    const name = r.text(`${oldPrefix}commune_name`, { required: true }) ?? '';
    const district = r.text(`${oldPrefix}district_name`, { required: true }) ?? '';
    const province = r.text(`${oldPrefix}province_name`, { required: true }) ?? '';
    const legacy = ctx.legacyByName.get(legacyNameKey(name, district, province));
    if (!legacy || !ctx.communes.has(legacy.successorCode)) {
      return r.fail(`${oldPrefix}commune_name`, `no old commune "${name}" in ${district}, ${province}`);
    }
    r.problem(
      `${oldPrefix}commune_name`,
      `old commune ${name} (${district}) resolved to its 2025 successor ${legacy.successorCode}`,
      'WARNING',
    );
    return legacy.successorCode;
  }
  return r.fail(codeField, `${codeField} is required`);
}

export function validateImport(input: {
  rows: SourceRow[];
  parseProblems: ImportProblem[];
  ctx: ImportContext;
  at: string;
}): ValidatedImport {
  const { rows, ctx, at } = input;
  const problems: ImportProblem[] = [...input.parseProblems];
  const invalid = new Set(input.parseProblems.map((p) => `${p.file}:${p.line}`));
  const out: ValidatedImport = {
    organizations: [],
    facilities: [],
    offerings: [],
    travelTimes: [],
    childPopulations: [],
    problems,
    invalidRows: [],
    received: rows.length + input.parseProblems.length,
  };
  const seen = new Map<string, string>();
  const duplicate = (r: RowReader, kind: string, id: string | null) => {
    if (!id) return;
    const key = `${kind}:${id}`;
    const first = seen.get(key);
    if (first) r.problem('id', `duplicate ${kind} id ${id} (first at ${first})`);
    else seen.set(key, where(r.row));
  };
  const byType = (type: SourceRow['type']) => rows.filter((row) => row.type === type);

  const orgIds = new Set<string>();
  for (const row of byType('organization')) {
    const r = new RowReader(row, problems);
    const id = r.text('id', { required: true, max: 64, pattern: ID });
    duplicate(r, 'organization', id);
    const name = r.text('name', { required: true });
    const sector = r.oneOf<Sector>('sector', SECTORS);
    const provinceCode = r.text('province_code', { required: true, max: 2, pattern: /^\d{2}$/ });
    if (provinceCode && !ctx.provinceCodes.has(provinceCode))
      r.problem('province_code', `unknown province code ${provinceCode}`);
    if (!r.ok || !id || !name || !sector || !provinceCode) {
      invalid.add(where(row));
      continue;
    }
    orgIds.add(id);
    out.organizations.push({ id, name, sector, provinceCode, demo: false, updatedAt: at });
  }

  const facilityIds = new Set<string>();
  for (const row of byType('location')) {
    const r = new RowReader(row, problems);
    const id = r.text('id', { required: true, max: 64, pattern: ID });
    duplicate(r, 'location', id);
    const name = r.text('name', { required: true });
    const sector = r.oneOf<Sector>('sector', SECTORS);
    const kind = r.text('kind', { required: true, max: 64, pattern: /^[A-Z][A-Z0-9_]*$/ });
    const level = r.oneOf('level', FACILITY_LEVELS, 'COMMUNE');
    const communeCode = readCommune(r, ctx, 'commune_code', 'old_');
    const lat = r.number('latitude', { min: -90, max: 90 });
    const lon = r.number('longitude', { min: -180, max: 180 });
    if ((lat === null) !== (lon === null)) r.problem('latitude', 'latitude and longitude go together');
    if (lat !== null && lon !== null && !inVietnam(lat, lon))
      r.problem('latitude', `(${lat}, ${lon}) is outside Vietnam`);
    const organizationId = r.text('organization_id', { max: 64, pattern: ID });
    if (organizationId && !orgIds.has(organizationId) && !ctx.organizationExists(organizationId)) {
      r.problem('organization_id', `unknown organization ${organizationId}`);
    }
    const identifiers = r.list('identifiers', { pattern: IDENTIFIER, max: 20, fallback: [] });
    const provenance = r.oneOf('provenance', ['REAL', 'DEMO', 'IMPORTED'] as const, 'IMPORTED');
    const fields = {
      address: r.text('address'),
      phone: r.text('phone', { max: 40 }),
      email: r.text('email', { max: 120, pattern: /^[^@\s]+@[^@\s]+$/ }),
      source: r.text('source', { max: 300 }),
    };
    const commune = communeCode ? ctx.communes.get(communeCode) : undefined;
    if (!r.ok || !id || !name || !sector || !kind || !level || !commune || !provenance) {
      invalid.add(where(row));
      continue;
    }
    facilityIds.add(id);
    out.facilities.push({
      id,
      name,
      organizationId,
      sector,
      kind,
      level,
      communeCode: commune.code,
      provinceCode: commune.provinceCode,
      lat,
      lon,
      ...fields,
      identifiers,
      provenance,
      updatedAt: at,
    });
  }

  for (const row of byType('service_at_location')) {
    const r = new RowReader(row, problems);
    const id = r.text('id', { required: true, max: 64, pattern: ID });
    duplicate(r, 'service_at_location', id);
    const facilityId = r.text('location_id', { required: true, max: 64, pattern: ID });
    if (facilityId && !facilityIds.has(facilityId) && !ctx.facilityExists(facilityId)) {
      r.problem(
        'location_id',
        `location ${facilityId} is not in this import (or is invalid) and not in the directory`,
      );
    }
    const serviceCode = r.text('service_code', { required: true, max: 20 });
    if (serviceCode && !ctx.serviceCodes.has(serviceCode))
      r.problem('service_code', `unknown service code ${serviceCode}`);
    const minAgeMonths = r.integer('min_age_months', { min: 0, max: MAX_AGE });
    const maxAgeMonths = r.integer('max_age_months', { min: 0, max: MAX_AGE });
    if (minAgeMonths !== null && maxAgeMonths !== null && minAgeMonths > maxAgeMonths)
      r.problem('min_age_months', 'min_age_months is above max_age_months');
    const capacity = r.integer('capacity', { min: 0, max: 10_000_000 });
    const currentLoad = r.integer('current_load', { min: 0, max: 10_000_000 });
    const waitDays = r.integer('wait_days', { min: 0, max: 3650 });
    const languages = r.list('languages', { pattern: LANGUAGE, max: 10, fallback: ['vie'] });
    const schedule = r.text('schedule', { max: 300, pattern: RRULE });
    const remote = r.bool('remote', false);
    const cost = r.text('cost', { max: 120 });
    if (!r.ok || !id || !facilityId || !serviceCode) {
      invalid.add(where(row));
      continue;
    }
    out.offerings.push({
      id,
      facilityId,
      serviceCode,
      minAgeMonths,
      maxAgeMonths,
      capacity,
      currentLoad,
      waitDays,
      languages,
      schedule,
      remote,
      cost,
      updatedAt: at,
    });
  }

  for (const row of byType('travel_time')) {
    const r = new RowReader(row, problems);
    const from = readCommune(r, ctx, 'from_commune');
    const to = readCommune(r, ctx, 'to_commune');
    if (from && to && from === to) r.problem('to_commune', 'a travel time joins two different communes');
    const mode = r.oneOf('mode', TRAVEL_MODES);
    const season = r.oneOf('season', SEASONS);
    const minutes = r.number('minutes', { min: 0.1, max: 1440, required: true });
    const km = r.number('km', { min: 0.01, max: 2000 });
    if (!r.ok || !from || !to || !mode || !season || minutes === null) {
      invalid.add(where(row));
      continue;
    }
    out.travelTimes.push({ from, to, mode, season, minutes, ...(km !== null ? { km } : {}) });
  }

  for (const row of byType('commune_population')) {
    const r = new RowReader(row, problems);
    const communeCode = readCommune(r, ctx, 'commune_code');
    const children = r.integer('children_0_17', { min: 0, max: 5_000_000, required: true });
    if (!r.ok || !communeCode || children === null) {
      invalid.add(where(row));
      continue;
    }
    out.childPopulations.push({ communeCode, children });
  }

  out.invalidRows = [...invalid].sort();
  return out;
}
