/** Travel a caseworker can read: route by commune names, and the travel sentence says when it is an estimate. */
import type { Viewer } from '../../src/auth/viewer';
import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

let t: TestApp;
const caseworker: Viewer = {
  subject: 'cw-1',
  role: 'caseworker',
  organizationId: 'org-22-health',
  provinceCode: '22',
  facilityId: null,
};
beforeAll(async () => {
  t = await createTestApp();
  await seedTinyDirectory(t.app);
});
afterAll(() => t.close());

const NEAREST = `{ nearestProviders(input: { communeCode: "06652", serviceCode: "SCR.ASD", childAgeMonths: 30 }) {
  matches { route routeCommunes { code name } estimated longTrip reasons { code text } } } }`;

describe('readable travel', () => {
  it('names the route’s communes and says the minutes are an estimate, in the reader’s language', async () => {
    const vi = (await t.run(NEAREST, {}, caseworker, 'vi')).data!.nearestProviders.matches;
    const away = vi.find((m: any) => m.route.length > 1);
    expect(away).toBeDefined();
    expect(away.routeCommunes.map((c: any) => c.code)).toEqual(away.route);
    expect(away.routeCommunes.every((c: any) => c.name && c.name !== c.code)).toBe(true);
    expect(away.estimated).toBe(true);
    expect(away.reasons.find((r: any) => r.code === 'TRAVEL').text).toMatch(
      /^Khoảng \d+ phút đi xe máy vào mùa khô .*; thời gian ước tính từ khoảng cách và địa hình$/,
    );
    const en = (await t.run(NEAREST, {}, caseworker, 'en')).data!.nearestProviders.matches;
    expect(
      en.find((m: any) => m.route.length > 1).reasons.find((r: any) => r.code === 'TRAVEL').text,
    ).toMatch(/; an estimate from distance and terrain$/);
  });

  it('drops the estimate note once every leg of the route has an imported time', async () => {
    const first = (await t.run(NEAREST, {}, caseworker)).data!.nearestProviders.matches.find(
      (m: any) => m.route.length > 1,
    );
    const legs = first.route
      .slice(1)
      .map((code: string, i: number) => t.app.readModel.edgeBetween(first.route[i], code)!);
    t.app.readModel.applyRoads(
      legs.map((e: any) => ({
        fromCode: e.from,
        toCode: e.to,
        km: e.km,
        straightKm: e.straightKm,
        terrain: e.terrain,
        minutes: e.minutes,
        source: 'IMPORTED',
      })),
    );
    const after = (await t.run(NEAREST, {}, caseworker)).data!.nearestProviders.matches.find(
      (m: any) => m.route.join() === first.route.join(),
    );
    expect(after.estimated).toBe(false);
    expect(after.reasons.find((r: any) => r.code === 'TRAVEL').text).not.toMatch(/estimate/);
  });
});
