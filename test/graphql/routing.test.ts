import { signToken } from '../../src/auth/tokens';
import type { Viewer } from '../../src/auth/viewer';
import { offering, seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

let t: TestApp;
const caseworker: Viewer = {
  subject: 'cw',
  role: 'caseworker',
  organizationId: 'org-22-social',
  provinceCode: '22',
  facilityId: null,
};

beforeAll(async () => {
  t = await createTestApp();
  await seedTinyDirectory(t.app);
});
afterAll(() => t.close());

const NEAREST = `query($input: NearestProvidersInput!) { nearestProviders(input: $input) {
  origin { code }
  matches { facility { id name } offering { id } travelMinutes distanceKm route availableCapacity waitDays reasons { code text } }
  excluded { facility { id } travelMinutes reasons { code } }
  remote { facility { id } waitDays } } }`;

describe('nearestProviders', () => {
  it('ranks providers by travel time from the child’s commune and shows why', async () => {
    const r = await t.run(
      NEAREST,
      { input: { communeCode: '06652', serviceCode: 'SCR.ASD', childAgeMonths: 30 } },
      caseworker,
    );
    expect(r.errors).toBeUndefined();
    const result = r.data!.nearestProviders;
    expect(result.origin.code).toBe('06652');
    expect(result.matches.map((m: any) => m.facility.id)).toEqual(['fac-b', 'fac-c']);
    const [first, second] = result.matches;
    expect(first.travelMinutes).toBeLessThan(second.travelMinutes);
    expect(first.route[0]).toBe('06652');
    expect(first.route[first.route.length - 1]).toBe('06994');
    expect(first.reasons.map((x: any) => x.code)).toEqual(expect.arrayContaining(['TRAVEL', 'AGE_OK']));
  });

  it('lists a too-young child’s excluded providers with the reason', async () => {
    const r = await t.run(
      NEAREST,
      { input: { communeCode: '06652', serviceCode: 'SCR.ASD', childAgeMonths: 17 } },
      caseworker,
    );
    const result = r.data!.nearestProviders;
    expect(result.matches.map((m: any) => m.facility.id)).toEqual(['fac-b']);
    expect(result.excluded).toEqual([
      { facility: { id: 'fac-c' }, travelMinutes: expect.any(Number), reasons: [{ code: 'TOO_YOUNG' }] },
    ]);
  });

  it('resolves an old commune code to its successor as the origin', async () => {
    const r = await t.run(
      NEAREST,
      { input: { communeCode: '07015', serviceCode: 'SCR.ASD', childAgeMonths: 30 } },
      caseworker,
    );
    expect(r.data!.nearestProviders.origin.code).toBe('06994');
    // Same commune: only the trip inside it (docs/travel-model.md §1.6), no longer 0.
    expect(r.data!.nearestProviders.matches[0]).toMatchObject({ facility: { id: 'fac-b' } });
    expect(r.data!.nearestProviders.matches[0].travelMinutes).toBeCloseTo(
      t.app.readModel.withinCommuneMinutes('06994', 'MOTORBIKE', 'DRY'),
      9,
    );
  });

  it('names an unknown commune or service code with BAD_USER_INPUT', async () => {
    const commune = await t.run(
      NEAREST,
      { input: { communeCode: '99999', serviceCode: 'SCR.ASD' } },
      caseworker,
    );
    expect(commune.errors?.[0]).toMatchObject({
      message: 'Unknown commune code 99999 in communeCode',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const service = await t.run(
      NEAREST,
      { input: { communeCode: '06652', serviceCode: 'XX.NOPE' } },
      caseworker,
    );
    expect(service.errors?.[0]?.message).toContain('Unknown service code XX.NOPE');
    expect(service.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('sees a new offering in the very next query (read model kept in step)', async () => {
    await t.app.directory.write({
      offerings: [
        offering({
          id: 'off-a2',
          facilityId: 'fac-a',
          serviceCode: 'SCR.ASD',
          minAgeMonths: 16,
          maxAgeMonths: 48,
        }),
      ],
    });
    const r = await t.run(
      NEAREST,
      { input: { communeCode: '06652', serviceCode: 'SCR.ASD', childAgeMonths: 30 } },
      caseworker,
    );
    expect(r.data!.nearestProviders.matches[0]).toMatchObject({
      facility: { id: 'fac-a' },
      route: ['06652'],
    });
    expect(r.data!.nearestProviders.matches[0].travelMinutes).toBeCloseTo(
      t.app.readModel.withinCommuneMinutes('06652', 'MOTORBIKE', 'DRY'),
      9,
    );
    await t.app.directory.deleteOffering('off-a2', t.app.now());
    const after = await t.run(
      NEAREST,
      { input: { communeCode: '06652', serviceCode: 'SCR.ASD', childAgeMonths: 30 } },
      caseworker,
    );
    expect(after.data!.nearestProviders.matches[0].facility.id).toBe('fac-b');
  });

  it('requires a signed-in role', async () => {
    const r = await t.run(NEAREST, { input: { communeCode: '06652', serviceCode: 'SCR.ASD' } });
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await signToken({ subject: 'x', role: 'planner' }, 's')).toEqual(expect.any(String));
  });
});

describe('travel graph', () => {
  it('returns travel time with the commune route', async () => {
    const r = await t.run(
      `{ travelTime(fromCommune: "06652", toCommune: "09367", mode: CAR, season: RAINY) { minutes km route communes { name } } }`,
      {},
      caseworker,
    );
    const tt = r.data!.travelTime;
    expect(tt.route[0]).toBe('06652');
    expect(tt.route[tt.route.length - 1]).toBe('09367');
    expect(tt.communes[0].name).toBe('Phường Hà Tu');
    expect(tt.minutes).toBeGreaterThan(0);
    expect(tt.km).toBeGreaterThan(50);
  });

  it('is slower in the rainy season', async () => {
    const q = (season: string) =>
      t.run(
        `{ travelTime(fromCommune: "06652", toCommune: "06994", season: ${season}) { minutes } }`,
        {},
        caseworker,
      );
    const dry = (await q('DRY')).data!.travelTime.minutes;
    const rainy = (await q('RAINY')).data!.travelTime.minutes;
    expect(rainy).toBeGreaterThan(dry);
  });

  it('lists a commune’s neighbours with km and minutes', async () => {
    const r = await t.run(
      `{ commune(code: "06652") { neighbours(mode: WALK) { commune { code } km minutes } } }`,
    );
    const n = r.data!.commune.neighbours;
    expect(n.length).toBeGreaterThan(0);
    expect(n[0].minutes).toBeGreaterThan((n[0].km * 60) / 10);
  });
});
