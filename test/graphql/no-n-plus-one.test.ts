import { facility, offering, seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedTinyDirectory(t.app);
  const many = Array.from({ length: 100 }, (_, i) => {
    const id = `fac-n${String(i).padStart(3, '0')}`;
    return facility({ id, communeCode: i % 2 ? '06652' : '09367', provinceCode: i % 2 ? '22' : '24' });
  });
  await t.app.directory.write({ facilities: many });
  const offerings = many.flatMap((f) => [
    offering({ id: `${f.id}-1`, facilityId: f.id }),
    offering({ id: `${f.id}-2`, facilityId: f.id, serviceCode: 'SCR.ASD' }),
  ]);
  await t.app.directory.write({ offerings });
});
afterAll(() => t.close());

describe('relation loading', () => {
  it('fetches 100 facilities with commune, province and offerings in a bounded number of store calls', async () => {
    const before = t.store.runner.statementCount;
    const r = await t.run(`{ facilities(first: 100, where: { kind: "COMMUNE_HEALTH_STATION" }) {
      totalCount nodes { id commune { name province { name } } province { code }
      offerings { service { name } facility { id } } } } }`);
    const statements = t.store.runner.statementCount - before;
    expect(r.errors).toBeUndefined();
    expect(r.data?.facilities.nodes).toHaveLength(100);
    expect(r.data?.facilities.nodes.every((n: any) => n.offerings.length >= 1)).toBe(true);
    // page + count + commune batch + province batch + offerings batch + service types + facility batch
    expect(statements).toBeLessThanOrEqual(8);
  });
});
