/**
 * Store records → FHIR R4 resources shaped after IHE mCSD: Organization, Location (mCSD FacilityLocation)
 * and HealthcareService (one per offering). Codes of our own live under `urn:ket-noi:…` systems.
 */
import { createHash } from 'node:crypto';
import { findLanguage } from '../domain/language/language-table';
import type { CommuneRecord, FacilityRecord, OfferingRecord, OrganizationRecord } from '../store/port';

export const SYSTEM = 'urn:ket-noi';
const MCSD = 'https://profiles.ihe.net/ITI/mCSD';
const FACILITY_TYPE = { system: `${MCSD}/CodeSystem/IHE.mCSD.Organization.Location.Types`, code: 'facility' };
const BUILDING = { system: 'http://terminology.hl7.org/CodeSystem/location-physical-type', code: 'bu' };
const DAYS: Record<string, string> = {
  MO: 'mon',
  TU: 'tue',
  WE: 'wed',
  TH: 'thu',
  FR: 'fri',
  SA: 'sat',
  SU: 'sun',
};

/**
 * A FHIR id ([A-Za-z0-9.-]{1,64}): ours as they are when they fit; otherwise the bad characters become `-`
 * and a short hash of the original keeps them apart. The original id stays in an identifier.
 */
export function fhirId(id: string): string {
  if (/^[A-Za-z0-9.-]{1,64}$/.test(id)) return id;
  const hash = createHash('sha1').update(id).digest('hex').slice(0, 8);
  return `${id.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 55)}-${hash}`;
}

const ref = (type: string, id: string) => ({ reference: `${type}/${fhirId(id)}` });

const profile = (name: string) => [`${MCSD}/StructureDefinition/IHE.mCSD.${name}`];
const coding = (kind: string, code: string, display?: string) => ({
  coding: [{ system: `${SYSTEM}:${kind}`, code, ...(display ? { display } : {}) }],
});

/** `system|value` crosswalk keys → FHIR identifiers. */
function identifiers(keys: string[]) {
  return keys.map((key) => {
    const at = key.indexOf('|');
    return { system: `${SYSTEM}:identifier:${key.slice(0, at)}`, value: key.slice(at + 1) };
  });
}

export function toFhirOrganization(o: OrganizationRecord, provinceName: string | undefined) {
  return {
    resourceType: 'Organization',
    id: fhirId(o.id),
    meta: { profile: profile('Organization'), lastUpdated: o.updatedAt },
    identifier: [{ system: `${SYSTEM}:organization`, value: o.id }],
    active: true,
    type: [coding('sector', o.sector)],
    name: o.name,
    address: [{ state: provinceName ?? o.provinceCode, country: 'VN' }],
  };
}

export function toFhirLocation(f: FacilityRecord, commune: CommuneRecord | undefined, provinceName?: string) {
  const telecom = [
    ...(f.phone ? [{ system: 'phone', value: f.phone }] : []),
    ...(f.email ? [{ system: 'email', value: f.email }] : []),
  ];
  return {
    resourceType: 'Location',
    id: fhirId(f.id),
    meta: { profile: profile('FacilityLocation'), lastUpdated: f.updatedAt },
    identifier: [{ system: `${SYSTEM}:facility`, value: f.id }, ...identifiers(f.identifiers)],
    status: 'active',
    name: f.name,
    mode: 'instance',
    type: [{ coding: [FACILITY_TYPE] }, coding('facility-kind', f.kind), coding('facility-level', f.level)],
    ...(telecom.length ? { telecom } : {}),
    address: {
      ...(f.address ? { text: f.address } : {}),
      city: commune?.name ?? f.communeCode,
      state: provinceName ?? f.provinceCode,
      country: 'VN',
      extension: [{ url: `${SYSTEM}:commune-code`, valueCode: f.communeCode }],
    },
    physicalType: { coding: [BUILDING] },
    ...(f.lat !== null && f.lon !== null ? { position: { latitude: f.lat, longitude: f.lon } } : {}),
    ...(f.organizationId ? { managingOrganization: ref('Organization', f.organizationId) } : {}),
  };
}

/** Weekly or daily RRULEs → availableTime days; the rule itself always travels in an extension. */
function availableTime(schedule: string | null) {
  if (!schedule) return {};
  const parts = new Map(schedule.split(';').map((p) => p.split('=') as [string, string]));
  const freq = parts.get('FREQ');
  const days =
    freq === 'DAILY' ? Object.values(DAYS) : freq === 'WEEKLY' ? (parts.get('BYDAY') ?? '').split(',') : [];
  const daysOfWeek = days.map((d) => DAYS[d] ?? d).filter((d) => Object.values(DAYS).includes(d));
  return daysOfWeek.length ? { availableTime: [{ daysOfWeek }] } : {};
}

export function toFhirHealthcareService(
  o: OfferingRecord,
  facility: FacilityRecord | undefined,
  serviceName?: string,
) {
  const ages = o.minAgeMonths !== null || o.maxAgeMonths !== null;
  const extension = [
    ...(o.schedule ? [{ url: `${SYSTEM}:schedule-rrule`, valueString: o.schedule }] : []),
    ...(o.capacity !== null ? [{ url: `${SYSTEM}:capacity`, valueInteger: o.capacity }] : []),
    ...(o.currentLoad !== null ? [{ url: `${SYSTEM}:current-load`, valueInteger: o.currentLoad }] : []),
    ...(o.waitDays !== null ? [{ url: `${SYSTEM}:wait-days`, valueInteger: o.waitDays }] : []),
  ];
  return {
    resourceType: 'HealthcareService',
    id: fhirId(o.id),
    meta: { profile: profile('HealthcareService'), lastUpdated: o.updatedAt },
    ...(extension.length ? { extension } : {}),
    identifier: [{ system: `${SYSTEM}:offering`, value: o.id }],
    active: true,
    ...(facility?.organizationId ? { providedBy: ref('Organization', facility.organizationId) } : {}),
    ...(facility ? { category: [coding('sector', facility.sector)] } : {}),
    type: [coding('service', o.serviceCode, serviceName)],
    location: [ref('Location', o.facilityId)],
    ...(o.cost ? { extraDetails: `Cost: ${o.cost}` } : {}),
    ...(o.remote ? { characteristic: [coding('delivery', 'REMOTE', 'Remote (telehealth or hotline)')] } : {}),
    ...(ages
      ? {
          eligibility: [
            {
              code: coding('eligibility', 'AGE_MONTHS', 'Age in months'),
              comment: `Ages ${o.minAgeMonths ?? 0}–${o.maxAgeMonths ?? 216} months`,
            },
          ],
        }
      : {}),
    communication: o.languages.map((l) => {
      // BCP-47 is FHIR's required binding: the ISO 639-1 tag where there is one, else the ISO 639-3 code.
      const lang = findLanguage(l);
      const tag = lang?.bcp47 ?? l;
      const display = lang?.nameEn ?? l;
      return { coding: [{ system: 'urn:ietf:bcp:47', code: tag, display }], text: display };
    }),
    ...availableTime(o.schedule),
  };
}
