import { queryFacilitiesByOffering } from '../../src/read-model/query-facilities';
import type { FacilityFilter } from '../../src/store/port';
import { createDemoApp } from '../fixtures/demo-app';
import type { TestApp } from '../fixtures/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createDemoApp();
}, 60_000);
afterAll(() => t.close());

const FILTERS: FacilityFilter[] = [
  { serviceCode: 'SCR.ASD' },
  { serviceCode: 'SCR.ASD', provinceCode: '15', ageMonths: 30 },
  { serviceCode: 'THR.SLT', language: 'hmn' },
  { serviceCode: 'CNS.COUNSEL', sector: 'SOCIAL', level: 'PROVINCIAL' },
  { ageMonths: 200, provinceCode: '22', kind: 'UPPER_SECONDARY_SCHOOL' },
  { language: 'ium', communeCode: '02647' },
  { serviceCode: 'EDU.INCL', provenance: 'DEMO', updatedAfter: '2020-01-01T00:00:00.000Z' },
];

describe('facility pages from the read model', () => {
  it.each(FILTERS.map((f) => [JSON.stringify(f), f]))(
    'match the store’s Cypher page for %s',
    async (_name, filter) => {
      for (const page of [
        { first: 7, after: null },
        { first: 200, after: null },
      ]) {
        const fromStore = await t.store.facilities(filter, page);
        const fromModel = queryFacilitiesByOffering(t.app.readModel, filter, page);
        expect(fromModel.totalCount).toBe(fromStore.totalCount);
        expect(fromModel.hasNextPage).toBe(fromStore.hasNextPage);
        expect(fromModel.items.map((f) => f.id)).toEqual(fromStore.items.map((f) => f.id));
        const after = fromStore.items[2]?.id ?? null;
        if (after) {
          const next = { first: 5, after };
          expect(queryFacilitiesByOffering(t.app.readModel, filter, next).items.map((f) => f.id)).toEqual(
            (await t.store.facilities(filter, next)).items.map((f) => f.id),
          );
        }
      }
    },
  );
});
