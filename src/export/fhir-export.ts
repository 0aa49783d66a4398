/**
 * The directory as a FHIR R4 `collection` Bundle shaped after IHE mCSD, for health integrators:
 * Organization, Location (facilities, with position and crosswalk identifiers) and HealthcareService
 * (one per offering, with the facility it is offered at). Deterministic: entries are sorted by id and
 * the Bundle's timestamp is the latest change, so the same directory gives the same file.
 */
import type { ReadModel } from '../read-model/read-model';
import type { OrganizationRecord } from '../store/port';
import { toFhirHealthcareService, toFhirLocation, toFhirOrganization } from './fhir-resources';

export interface FhirExportOptions {
  /** Base of `fullUrl` (absolute, as FHIR requires), e.g. `https://ketnoi.example.vn/fhir`. */
  baseUrl?: string;
  /** Province code → name, for addresses (the code is used when absent). */
  provinceNames?: ReadonlyMap<string, string>;
}

export const DEFAULT_FHIR_BASE = 'http://localhost:4000/fhir';

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function exportFhirBundle(
  organizations: OrganizationRecord[],
  readModel: ReadModel,
  options: FhirExportOptions = {},
): object {
  const base = (options.baseUrl ?? DEFAULT_FHIR_BASE).replace(/\/+$/, '');
  const province = (code: string) => options.provinceNames?.get(code);
  const resources = [
    ...[...organizations].sort(byId).map((o) => toFhirOrganization(o, province(o.provinceCode))),
    ...[...readModel.facilities.values()]
      .sort(byId)
      .map((f) => toFhirLocation(f, readModel.communes.get(f.communeCode), province(f.provinceCode))),
    ...[...readModel.offerings.values()]
      .sort(byId)
      .map((o) =>
        toFhirHealthcareService(
          o,
          readModel.facilities.get(o.facilityId),
          readModel.serviceTypes.get(o.serviceCode)?.name,
        ),
      ),
  ];
  const latest = resources.reduce((max, r) => (r.meta.lastUpdated > max ? r.meta.lastUpdated : max), '');
  return {
    resourceType: 'Bundle',
    type: 'collection',
    ...(latest ? { timestamp: latest } : {}),
    entry: resources.map((resource) => ({
      fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
      resource,
    })),
  };
}
