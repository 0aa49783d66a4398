/** Validates `organization` and `location` rows into store records (null when the row is invalid). */
import { FACILITY_LEVELS, SECTORS, type Sector } from '../domain/model';
import type { FacilityRecord, OrganizationRecord } from '../store/port';
import { isInVietnam } from './check-coordinates';
import { ID, type RowReader } from './field-checks';
import type { SourceRow } from './import-rows';
import { readCommune } from './read-commune';
import { where, type ValidationRun } from './validation-run';

const IDENTIFIER = /^[\w.:-]{1,40}\|[^|]{1,80}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^[0-9+() .-]{3,40}$/;
const PROVENANCES = ['REAL', 'DEMO', 'IMPORTED'] as const;

export function validateOrganization(run: ValidationRun, row: SourceRow): OrganizationRecord | null {
  const r = run.reader(row);
  const id = r.text('id', { required: true, max: 64, pattern: ID });
  run.checkUnique(r, 'organization', id);
  const name = r.text('name', { required: true });
  const sector = r.oneOf<Sector>('sector', SECTORS);
  const provinceCode = r.text('province_code', { required: true, max: 2, pattern: /^\d{2}$/ });
  if (provinceCode && !run.ctx.provinceCodes.has(provinceCode))
    r.problem('province_code', `unknown province code ${provinceCode}`);
  const demo = r.bool('demo', false);
  if (!run.finish(r, !!(id && name && sector && provinceCode), { type: 'organization', id })) return null;
  return { id: id!, name: name!, sector: sector!, provinceCode: provinceCode!, demo, updatedAt: run.at };
}

/** Coordinates: both or neither, and inside Vietnam. */
function readPosition(r: RowReader): { lat: number | null; lon: number | null } {
  const lat = r.number('latitude', { min: -90, max: 90 });
  const lon = r.number('longitude', { min: -180, max: 180 });
  if (r.has('latitude') !== r.has('longitude')) {
    r.problem(r.has('latitude') ? 'longitude' : 'latitude', 'latitude and longitude go together');
  }
  if (lat !== null && lon !== null && !isInVietnam(lat, lon)) {
    r.problem('latitude', `(${lat}, ${lon}) is outside Vietnam`);
  }
  return { lat, lon };
}

/** Identifiers: well formed, claimed by one location of the import; a move from another facility warns. */
function readIdentifiers(run: ValidationRun, r: RowReader, facilityId: string | null): string[] {
  const identifiers = r.list('identifiers', { pattern: IDENTIFIER, max: 20, fallback: [] });
  if (!facilityId) return identifiers;
  for (const key of identifiers) {
    const claimed = run.identifiers.get(key);
    if (claimed && claimed.facilityId !== facilityId) {
      r.problem('identifiers', `${key} is also given to location ${claimed.facilityId} (${claimed.at})`);
      continue;
    }
    run.identifiers.set(key, { facilityId, at: where(r.row) });
    const owner = run.ctx.identifierOwner(key);
    if (owner && owner !== facilityId) {
      r.problem(
        'identifiers',
        `${key} identifies facility ${owner} today; it moves to ${facilityId}`,
        'WARNING',
      );
    }
  }
  return identifiers;
}

export function validateLocation(run: ValidationRun, row: SourceRow): FacilityRecord | null {
  const r = run.reader(row);
  const id = r.text('id', { required: true, max: 64, pattern: ID });
  run.checkUnique(r, 'location', id);
  const name = r.text('name', { required: true });
  const sector = r.oneOf<Sector>('sector', SECTORS);
  const kind = r.text('kind', { required: true, max: 64, pattern: /^[A-Z][A-Z0-9_]*$/ });
  // HSDS 3's location_type: a facility is a physical place; other types are accepted but not stored.
  r.oneOf('location_type', ['physical', 'postal', 'virtual'] as const, 'physical');
  const level = r.oneOf('level', FACILITY_LEVELS, 'COMMUNE');
  const communeCode = readCommune(r, run.ctx, 'commune_code', 'old_');
  const { lat, lon } = readPosition(r);
  const organizationId = r.text('organization_id', { max: 64, pattern: ID });
  run.checkReference(r, 'organization_id', { type: 'organization', id: organizationId }, (o) =>
    run.ctx.organizationExists(o),
  );
  const identifiers = readIdentifiers(run, r, id);
  const provenance = r.oneOf('provenance', PROVENANCES, 'IMPORTED');
  const address = r.text('address');
  const phone = r.text('phone', { max: 40, pattern: PHONE });
  const email = r.text('email', { max: 120, pattern: EMAIL });
  const source = r.text('source', { max: 300 });
  const commune = communeCode ? run.ctx.communes.get(communeCode) : undefined;
  const complete = !!(id && name && sector && kind && level && commune && provenance);
  if (!run.finish(r, complete, { type: 'location', id })) return null;
  return {
    id: id!,
    name: name!,
    organizationId,
    sector: sector!,
    kind: kind!,
    level: level!,
    communeCode: commune!.code,
    provinceCode: commune!.provinceCode,
    lat,
    lon,
    address,
    phone,
    email,
    identifiers,
    provenance: provenance!,
    source,
    updatedAt: run.at,
  };
}
