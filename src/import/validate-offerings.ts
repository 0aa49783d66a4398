/**
 * Validates `service` rows (HSDS services: a taxonomy code, not stored on their own) and
 * `service_at_location` rows into offerings (null when the row is invalid).
 */
import { LIMITS } from '../domain/input-limits';
import { describeUnknownLanguage, resolveLanguage } from '../domain/language/language-table';
import type { OfferingRecord } from '../store/port';
import { checkRrule } from './check-rrule';
import { ID, type RowReader } from './field-checks';
import type { SourceRow } from './import-rows';
import type { ValidationRun } from './validation-run';

/** Eligibility ages in months: 0 to 18 years. */
export const MAX_AGE_MONTHS = LIMITS.ageMonths;

export function validateService(run: ValidationRun, row: SourceRow): void {
  const r = run.reader(row);
  const id = r.text('id', { required: true, max: 64, pattern: ID });
  run.checkUnique(r, 'service', id);
  const name = r.text('name', { required: true });
  const code = r.text('taxonomy_code', { required: true, max: 20 });
  const status = r.oneOf(
    'status',
    ['active', 'inactive', 'defunct', 'temporarily closed'] as const,
    'active',
  );
  if (status !== null && status !== 'active')
    r.problem('status', `service status is ${status}; its offerings are imported as offered`, 'WARNING');
  if (code && !run.ctx.serviceTypes.has(code)) r.problem('taxonomy_code', `unknown taxonomy code ${code}`);
  const organizationId = r.text('organization_id', { max: 64, pattern: ID });
  run.checkReference(r, 'organization_id', { type: 'organization', id: organizationId }, (o) =>
    run.ctx.organizationExists(o),
  );
  r.text('description', { max: 2000 });
  if (run.finish(r, !!(id && name && code), { type: 'service', id })) run.serviceCodes.set(id!, code!);
}

/** The taxonomy code of an offering: from `service_id` (a service of this import) or `service_code`. */
function readServiceCode(run: ValidationRun, r: RowReader): string | null {
  const serviceId = r.text('service_id', { max: 64, pattern: ID });
  const direct = r.text('service_code', { max: 20 });
  if (direct && !run.ctx.serviceTypes.has(direct))
    r.problem('service_code', `unknown taxonomy code ${direct}`);
  if (!serviceId) {
    if (!direct && !r.has('service_code'))
      r.problem('service_id', 'service_id (or service_code) is required');
    return direct;
  }
  run.checkReference(r, 'service_id', { type: 'service', id: serviceId });
  const viaService = run.serviceCodes.get(serviceId) ?? null;
  if (viaService && direct && viaService !== direct) {
    r.problem('service_code', `service ${serviceId} is ${viaService}, not ${direct}`);
  }
  return viaService;
}

/** An offering keeps its facility and service: the store links it once, so a change needs a new id. */
function checkUnmoved(run: ValidationRun, r: RowReader, o: { id: string; facilityId: string; code: string }) {
  const stored = run.ctx.storedOffering(o.id);
  if (stored && stored.facilityId !== o.facilityId) {
    r.problem('location_id', `offering ${o.id} is at ${stored.facilityId}; to move it, give it a new id`);
  }
  if (stored && stored.serviceCode !== o.code) {
    r.problem('service_id', `offering ${o.id} is ${stored.serviceCode}; to change it, give it a new id`);
  }
}

export function validateOffering(run: ValidationRun, row: SourceRow): OfferingRecord | null {
  const r = run.reader(row);
  const id = r.text('id', { required: true, max: 64, pattern: ID });
  run.checkUnique(r, 'service_at_location', id);
  const facilityId = r.text('location_id', { required: true, max: 64, pattern: ID });
  run.checkReference(r, 'location_id', { type: 'location', id: facilityId }, (f) =>
    run.ctx.facilityExists(f),
  );
  const serviceCode = readServiceCode(run, r);
  if (id && facilityId && serviceCode) checkUnmoved(run, r, { id, facilityId, code: serviceCode });
  const minAgeMonths = r.integer('min_age_months', { min: 0, max: MAX_AGE_MONTHS });
  const maxAgeMonths = r.integer('max_age_months', { min: 0, max: MAX_AGE_MONTHS });
  if (minAgeMonths !== null && maxAgeMonths !== null && minAgeMonths > maxAgeMonths)
    r.problem('min_age_months', `min_age_months ${minAgeMonths} is above max_age_months ${maxAgeMonths}`);
  const capacity = r.integer('capacity', { min: 0, max: 10_000_000 });
  const currentLoad = r.integer('current_load', { min: 0, max: 10_000_000 });
  if (capacity !== null && currentLoad !== null && currentLoad > capacity)
    r.problem('current_load', `current_load ${currentLoad} is above capacity ${capacity}`, 'WARNING');
  const waitDays = r.integer('wait_days', { min: 0, max: 3650 });
  const languages = readLanguages(r);
  const schedule = r.text('schedule', { max: 300 });
  const bad = schedule === null ? null : checkRrule(schedule);
  if (bad) r.problem('schedule', `schedule is not an RRULE: ${bad}`);
  const remote = r.bool('remote', false);
  const cost = r.text('cost', { max: 120 });
  if (!run.finish(r, !!(id && facilityId && serviceCode))) return null;
  return {
    id: id!,
    facilityId: facilityId!,
    serviceCode: serviceCode!,
    minAgeMonths,
    maxAgeMonths,
    capacity,
    currentLoad,
    waitDays,
    languages,
    schedule: schedule?.replace(/^RRULE:/, '') ?? null,
    remote,
    cost,
    updatedAt: run.at,
  };
}

/**
 * ISO 639-3 codes of the language table. An old code (`tay`, `dao`, `nun`, `gio`) is mapped with a
 * WARNING naming both; anything else is an ERROR naming the close matches.
 */
function readLanguages(r: RowReader): string[] {
  const given = r.list('languages', { pattern: /^[\p{L} '’()-]{1,40}$/u, max: 10, fallback: ['vie'] });
  const codes: string[] = [];
  for (const input of given) {
    const res = resolveLanguage(input);
    if (!res.ok) {
      r.problem('languages', describeUnknownLanguage(input, res.closeMatches));
      continue;
    }
    if (res.oldCode)
      r.problem(
        'languages',
        `${res.oldCode} is not the ISO 639-3 code of ${res.language.nameEn}: read as ${res.code}`,
        'WARNING',
      );
    if (!codes.includes(res.code)) codes.push(res.code);
  }
  return codes;
}
