/**
 * The directory as a FHIR R4 Bundle shaped after IHE mCSD: Organization, Location and HealthcareService
 * resources, with external identifiers, positions, and the facility a service is offered at.
 */
import type { ReadModel } from '../read-model/read-model';
import type { OrganizationRecord } from '../store/port';

const SYSTEM = 'urn:ket-noi';

function identifiers(ids: string[]) {
  return ids.map((key) => {
    const at = key.indexOf('|');
    return { system: `${SYSTEM}:id:${key.slice(0, at)}`, value: key.slice(at + 1) };
  });
}

export function exportFhirBundle(organizations: OrganizationRecord[], readModel: ReadModel): object {
  const entries: object[] = [];
  for (const o of [...organizations].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    entries.push({
      fullUrl: `${SYSTEM}:Organization/${o.id}`,
      resource: {
        resourceType: 'Organization',
        id: o.id,
        meta: {
          profile: ['https://profiles.ihe.net/ITI/mCSD/StructureDefinition/IHE.mCSD.Organization'],
          lastUpdated: o.updatedAt,
        },
        active: true,
        name: o.name,
        type: [{ coding: [{ system: `${SYSTEM}:sector`, code: o.sector }] }],
      },
    });
  }
  for (const f of [...readModel.facilities.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const commune = readModel.communes.get(f.communeCode);
    entries.push({
      fullUrl: `${SYSTEM}:Location/${f.id}`,
      resource: {
        resourceType: 'Location',
        id: f.id,
        meta: {
          profile: ['https://profiles.ihe.net/ITI/mCSD/StructureDefinition/IHE.mCSD.FacilityLocation'],
          lastUpdated: f.updatedAt,
        },
        identifier: identifiers(f.identifiers),
        status: 'active',
        name: f.name,
        type: [
          { coding: [{ system: `${SYSTEM}:facility-kind`, code: f.kind }] },
          { coding: [{ system: `${SYSTEM}:facility-level`, code: f.level }] },
        ],
        telecom: [
          ...(f.phone ? [{ system: 'phone', value: f.phone }] : []),
          ...(f.email ? [{ system: 'email', value: f.email }] : []),
        ],
        address: {
          text: f.address ?? undefined,
          city: commune?.name,
          district: undefined,
          state: f.provinceCode,
          country: 'VN',
        },
        ...(f.lat !== null && f.lon !== null ? { position: { latitude: f.lat, longitude: f.lon } } : {}),
        ...(f.organizationId
          ? { managingOrganization: { reference: `Organization/${f.organizationId}` } }
          : {}),
      },
    });
  }
  for (const o of [...readModel.offerings.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const service = readModel.serviceTypes.get(o.serviceCode);
    entries.push({
      fullUrl: `${SYSTEM}:HealthcareService/${o.id}`,
      resource: {
        resourceType: 'HealthcareService',
        id: o.id,
        meta: { lastUpdated: o.updatedAt },
        active: true,
        location: [{ reference: `Location/${o.facilityId}` }],
        type: [{ coding: [{ system: `${SYSTEM}:service`, code: o.serviceCode, display: service?.name }] }],
        communication: o.languages.map((l) => ({ coding: [{ system: 'urn:ietf:bcp:47', code: l }] })),
        ...(o.remote ? { characteristic: [{ text: 'remote (telehealth)' }] } : {}),
        ...(o.minAgeMonths !== null || o.maxAgeMonths !== null
          ? { eligibility: [{ comment: `ages ${o.minAgeMonths ?? 0}–${o.maxAgeMonths ?? 216} months` }] }
          : {}),
      },
    });
  }
  return { resourceType: 'Bundle', type: 'collection', total: entries.length, entry: entries };
}
