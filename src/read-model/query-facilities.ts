/**
 * Facility pages filtered by what a facility offers (service, age, language), answered from the read
 * model: on the embedded store the same filter as a Cypher EXISTS subquery took ~450 ms per page on the
 * national set (bench, 2026-11-23), because every facility of the province is probed. Here the offerings
 * of the service are the anchor. The result is the same page the store would return (tested).
 */
import type { FacilityFilter, FacilityRecord, OfferingRecord, Page, PageArgs } from '../store/port';
import type { ReadModel } from './read-model';

/** True when the filter asks about offerings, the case this module is for. */
export function filtersOnOfferings(filter: FacilityFilter): boolean {
  return filter.serviceCode != null || filter.ageMonths != null || filter.language != null;
}

function offeringMatches(o: OfferingRecord, filter: FacilityFilter): boolean {
  if (filter.serviceCode != null && o.serviceCode !== filter.serviceCode) return false;
  if (filter.ageMonths != null) {
    if (o.minAgeMonths != null && o.minAgeMonths > filter.ageMonths) return false;
    if (o.maxAgeMonths != null && o.maxAgeMonths < filter.ageMonths) return false;
  }
  return filter.language == null || o.languages.includes(filter.language);
}

function facilityMatches(f: FacilityRecord, filter: FacilityFilter): boolean {
  return (
    (filter.provinceCode == null || f.provinceCode === filter.provinceCode) &&
    (filter.communeCode == null || f.communeCode === filter.communeCode) &&
    (filter.sector == null || f.sector === filter.sector) &&
    (filter.kind == null || f.kind === filter.kind) &&
    (filter.level == null || f.level === filter.level) &&
    (filter.provenance == null || f.provenance === filter.provenance) &&
    (filter.updatedAfter == null || f.updatedAt > filter.updatedAfter)
  );
}

export function queryFacilitiesByOffering(
  readModel: ReadModel,
  filter: FacilityFilter,
  page: PageArgs,
): Page<FacilityRecord> {
  const offerings =
    filter.serviceCode != null
      ? readModel.offeringsOf(filter.serviceCode).map(({ offering }) => offering)
      : [...readModel.offerings.values()];
  const ids = new Set<string>();
  for (const o of offerings) if (offeringMatches(o, filter)) ids.add(o.facilityId);
  const matching: FacilityRecord[] = [];
  for (const id of ids) {
    const f = readModel.facilities.get(id);
    if (f && facilityMatches(f, filter)) matching.push(f);
  }
  // Code-unit order, as the stores order strings.
  matching.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rest = page.after === null ? matching : matching.filter((f) => f.id > page.after!);
  return {
    items: rest.slice(0, page.first),
    totalCount: matching.length,
    hasNextPage: rest.length > page.first,
  };
}
