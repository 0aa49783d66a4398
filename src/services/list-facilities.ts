/** One page of facilities: offering filters from the read model (fast), the rest from the store (indexed). */
import { filtersOnOfferings, queryFacilitiesByOffering } from '../read-model/query-facilities';
import type { ReadModel } from '../read-model/read-model';
import type { FacilityFilter, FacilityRecord, GraphStore, Page, PageArgs } from '../store/port';

export function listFacilities(
  app: { store: Pick<GraphStore, 'facilities'>; readModel: ReadModel },
  filter: FacilityFilter,
  page: PageArgs,
): Promise<Page<FacilityRecord>> {
  if (filtersOnOfferings(filter))
    return Promise.resolve(queryFacilitiesByOffering(app.readModel, filter, page));
  return app.store.facilities(filter, page);
}
