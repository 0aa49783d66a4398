/**
 * Planner tasks in a worker thread answer exactly what they answer on the request thread, see every
 * directory write that returned before they were asked, and report bad input with the same code.
 */
import { createPlanner, type Planner } from '../../src/planner/planner';
import { facility, offering, seedTinyDirectory, T0 } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

jest.setTimeout(60_000);

let t: TestApp;
let worker: Planner;
let inline: Planner;
const QUERY = { serviceCode: 'SCR.ASD', maxMinutes: 30 };

beforeAll(async () => {
  t = await createTestApp({ env: { KETNOI_PLANNER_WORKERS: '0' } });
  await seedTinyDirectory(t.app);
  worker = createPlanner(t.app.readModel, 1);
  inline = createPlanner(t.app.readModel, 0);
});
afterAll(async () => {
  await worker.close();
  await t.close();
});

describe('planner in a worker thread', () => {
  it('gives the same coverage, scenario, suggestions and exports as on the request thread', async () => {
    expect(worker.workers).toBe(1);
    expect(await worker.run('coverage', QUERY)).toEqual(await inline.run('coverage', QUERY));
    const scenario = { ...QUERY, addSites: [{ communeCode: '06994', capacity: 20 }], closeFacilityIds: [] };
    expect(await worker.run('scenario', scenario)).toEqual(await inline.run('scenario', scenario));
    const suggest = { ...QUERY, count: 2 };
    expect(await worker.run('suggest', suggest)).toEqual(await inline.run('suggest', suggest));
    // Exports are now a file (text and a name that says what it holds); the CSV also takes a language.
    const csv = { ...QUERY, lang: 'en' as const };
    expect(await worker.run('coverageCsv', csv)).toEqual(await inline.run('coverageCsv', csv));
    expect(await worker.run('coverageGeoJson', QUERY)).toEqual(await inline.run('coverageGeoJson', QUERY));
  });

  it('sees a directory write made just before the question', async () => {
    const before = await worker.run('coverage', QUERY);
    const uncovered = before.communes.find((c) => !c.covered)!;
    expect(uncovered).toBeDefined();
    const where = t.app.readModel.communes.get(uncovered.communeCode)!;
    // A new provider in the uncovered commune, written through the app: no wait before asking.
    await t.app.directory.write({
      facilities: [
        facility({
          id: 'fac-new',
          communeCode: where.code,
          provinceCode: where.provinceCode,
          lat: where.lat,
          lon: where.lon,
        }),
      ],
      offerings: [offering({ id: 'off-new', facilityId: 'fac-new', serviceCode: 'SCR.ASD' })],
    });
    const after = await worker.run('coverage', QUERY);
    expect(after.communes.find((c) => c.communeCode === where.code)!.covered).toBe(true);
    expect(after).toEqual(await inline.run('coverage', QUERY));
    // …and a removal.
    await t.app.directory.deleteFacility('fac-new', T0);
    expect(await worker.run('coverage', QUERY)).toEqual(before);
  });

  it('reports bad input with the same code and message as the request thread', async () => {
    const bad = { serviceCode: 'NOPE', maxMinutes: 30 };
    const failure = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e as Error,
      );
    const expected = (await failure(inline.run('coverage', bad)))!;
    const got = await failure(worker.run('coverage', bad));
    expect(got).toBeInstanceOf(Error);
    expect(got).toMatchObject({ code: 'BAD_USER_INPUT', message: expected.message });
  });

  it('starts a fresh worker from the current read model after one is closed', async () => {
    const again = createPlanner(t.app.readModel, 2);
    try {
      const results = await Promise.all([again.run('coverage', QUERY), again.run('coverage', QUERY)]);
      expect(results[0]).toEqual(await inline.run('coverage', QUERY));
      expect(results[1]).toEqual(results[0]);
    } finally {
      await again.close();
    }
    await expect(again.run('coverage', QUERY)).rejects.toThrow(/closed/);
  });
});

describe('planner through GraphQL', () => {
  it('answers coverage from the worker the app starts by default', async () => {
    const app = await createTestApp();
    try {
      expect(app.app.planner.workers).toBe(1);
      await seedTinyDirectory(app.app);
      const r = await app.run(
        `{ coverage(input: { serviceCode: "SCR.ASD", maxMinutes: 30 }) { shareCovered children } }`,
        {},
        { subject: 'p', role: 'planner', organizationId: null, provinceCode: null, facilityId: null },
      );
      expect(r.errors).toBeUndefined();
      const direct = app.app.coverage.coverage(QUERY);
      expect(r.data!.coverage).toEqual({
        shareCovered: direct.totals.shareCovered,
        children: direct.totals.children,
      });
    } finally {
      await app.close();
    }
  });
});
