/** One page of facilities: offering filters from the read model (fast), the rest from the store (indexed). */
import { filtersOnOfferings, queryFacilitiesByOffering } from '../read-model/query-facilities';
import type { ReadModel } from '../read-model/read-model';
import type { DirectoryReads, FacilityFilter, FacilityRecord, Page, PageArgs } from '../store/port';

export function listFacilities(
  app: { directoryReads: Pick<DirectoryReads, 'facilities'>; readModel: ReadModel },
  filter: FacilityFilter,
  page: PageArgs,
): Promise<Page<FacilityRecord>> {
  if (filtersOnOfferings(filter))
    return Promise.resolve(queryFacilitiesByOffering(app.readModel, filter, page));
  return app.directoryReads.facilities(filter, page);
}
