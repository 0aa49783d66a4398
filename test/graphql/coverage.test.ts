import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { signToken } from '../../src/auth/tokens';
import type { Viewer } from '../../src/auth/viewer';
import { DEV_JWT_SECRET } from '../../src/config';
import { createApolloServer } from '../../src/graphql/server';
import { createCoverageRoutes } from '../../src/http/coverage-routes';
import { createHttpServer } from '../../src/http/server';
import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

let t: TestApp;
const planner: Viewer = {
  subject: 'pl',
  role: 'planner',
  organizationId: null,
  provinceCode: '22',
  facilityId: null,
};
const caseworker: Viewer = { ...planner, role: 'caseworker' };

beforeAll(async () => {
  t = await createTestApp();
  await seedTinyDirectory(t.app);
});
afterAll(() => t.close());

const COVERAGE = `query($input: CoverageInput!) { coverage(input: $input) {
  serviceCode children coveredChildren shareCovered ageFromMonths ageToMonths prevalence
  provinces { province { code } communes coveredCommunes children coveredChildren shareCovered }
  communes(first: 10) { commune { code } covered minutes children nearestFacility { id } demand }
  providers { facility { id } demand loadRatio overloaded }
  assumptions } }`;

describe('coverage', () => {
  it('reports per-commune and per-province coverage, most uncovered children first', async () => {
    const r = await t.run(COVERAGE, { input: { serviceCode: 'SCR.ASD', maxMinutes: 30 } }, planner);
    expect(r.errors).toBeUndefined();
    const report = r.data!.coverage;
    const byCode = Object.fromEntries(report.communes.map((c: any) => [c.commune.code, c]));
    // A site's own commune is as far as the trip inside it (docs/travel-model.md §1.6), no longer 0.
    const inside = (code: string) => t.app.readModel.withinCommuneMinutes(code, 'MOTORBIKE', 'DRY');
    expect(inside('06994')).toBeGreaterThan(0);
    expect(byCode['06994']).toMatchObject({ covered: true, nearestFacility: { id: 'fac-b' } });
    expect(byCode['06994'].minutes).toBeCloseTo(inside('06994'), 9);
    expect(byCode['09367']).toMatchObject({ covered: true, nearestFacility: { id: 'fac-c' } });
    expect(byCode['09367'].minutes).toBeCloseTo(inside('09367'), 9);
    expect(byCode['06652'].covered).toBe(false);
    // Uncovered communes come first.
    expect(report.communes[0].covered).toBe(false);
    // Totals are the sum of the communes, and the share is population-weighted.
    const sum = (f: (c: any) => number) => report.communes.reduce((s: number, c: any) => s + f(c), 0);
    expect(report.children).toBeCloseTo(
      sum((c) => c.children),
      6,
    );
    expect(report.coveredChildren).toBeCloseTo(
      sum((c) => (c.covered ? c.children : 0)),
      6,
    );
    expect(report.shareCovered).toBeCloseTo(report.coveredChildren / report.children, 9);
    const qn = report.provinces.find((p: any) => p.province.code === '22');
    expect(qn).toMatchObject({ communes: 3, coveredCommunes: 1 });
    // Autism screening uses the 18–30-month prevalence band by default.
    expect(report).toMatchObject({ ageFromMonths: 18, ageToMonths: 30, prevalence: 0.00758 });
    expect(report.assumptions.join(' ')).toContain('0.76%');
  });

  it('narrows to one province but counts providers across its border', async () => {
    const r = await t.run(
      COVERAGE,
      { input: { serviceCode: 'SCR.ASD', maxMinutes: 30, provinceCode: '24' } },
      planner,
    );
    expect(r.data!.coverage.communes.map((c: any) => c.commune.code)).toEqual(['09367']);
    expect(r.data!.coverage.shareCovered).toBe(1);
  });

  it('shows what a new site changes', async () => {
    const q = `query($input: CoverageScenarioInput!) { coverageScenario(input: $input) {
      baseline { coveredChildren } scenario { coveredChildren }
      delta { coveredChildren newlyCoveredCommunes { code } lostCommunes { code } } } }`;
    const r = await t.run(
      q,
      {
        input: {
          serviceCode: 'SCR.ASD',
          maxMinutes: 30,
          addSites: [{ communeCode: '06652', capacity: 20 }],
          closeFacilityIds: ['fac-c'],
        },
      },
      planner,
    );
    const s = r.data!.coverageScenario;
    expect(s.delta.newlyCoveredCommunes.map((c: any) => c.code)).toContain('06652');
    expect(s.delta.lostCommunes.map((c: any) => c.code)).toEqual(['09367']);
    expect(s.delta.coveredChildren).toBeCloseTo(s.scenario.coveredChildren - s.baseline.coveredChildren, 6);
  });

  it('suggests sites that add uncovered children', async () => {
    const q = `query($input: SuggestSitesInput!) { suggestSites(input: $input) { commune { code } addedChildren cumulativeShareCovered } }`;
    const r = await t.run(
      q,
      { input: { serviceCode: 'SCR.ASD', maxMinutes: 30, count: 2, provinceCode: '22' } },
      planner,
    );
    const picks = r.data!.suggestSites;
    expect(picks.length).toBeGreaterThanOrEqual(1);
    expect(picks[0].addedChildren).toBeGreaterThan(0);
    expect(['06652', '06688']).toContain(picks[0].commune.code);
  });

  it('is for planners: a caseworker gets FORBIDDEN, an anonymous caller UNAUTHENTICATED', async () => {
    const input = { serviceCode: 'SCR.ASD', maxMinutes: 30 };
    expect((await t.run(COVERAGE, { input }, caseworker)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.run(COVERAGE, { input })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rejects bad input with BAD_USER_INPUT', async () => {
    const bad = async (input: object) => (await t.run(COVERAGE, { input }, planner)).errors?.[0];
    expect(await bad({ serviceCode: 'NOPE.X', maxMinutes: 30 })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect((await bad({ serviceCode: 'SCR.ASD', maxMinutes: -5 }))?.message).toBe(
      'maxMinutes must be positive and at most 1440',
    );
    expect(
      (await bad({ serviceCode: 'SCR.ASD', maxMinutes: 30, ageFromMonths: 40, ageToMonths: 20 }))?.message,
    ).toBe('ageFromMonths must not exceed ageToMonths');
  });
});

describe('coverage exports over HTTP', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    const apollo = createApolloServer(t.app, () => undefined);
    await apollo.start();
    server = createHttpServer({ app: t.app, apollo, routes: createCoverageRoutes(t.app) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const auth = async () => ({
    authorization: `Bearer ${await signToken({ subject: 'p', role: 'planner' }, DEV_JWT_SECRET)}`,
  });

  it('downloads CSV with a BOM, a block saying what it holds, and one row per commune', async () => {
    const res = await fetch(
      `${base}/export/coverage.csv?serviceCode=SCR.ASD&minutes=30&mode=CAR&season=RAINY`,
      {
        headers: { ...(await auth()), 'accept-language': 'en-GB,en;q=0.9,vi;q=0.5' },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-language')).toBe('en');
    expect(res.headers.get('content-disposition')).toMatch(
      /filename="coverage_SCR\.ASD_30min_CAR_RAINY_18-30m_all_\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
    expect(lines[0]).toBe('Service coverage report');
    expect(lines).toContain('Limit (minutes),30');
    expect(lines).toContain('Travel mode,CAR (car)');
    expect(lines).toContain('Season,RAINY (rainy season)');
    expect(lines).toContain('Age band (months),18–30');
    const header = lines.findIndex((l) => l.startsWith('Commune code,'));
    expect(lines[header - 1]).toBe('');
    expect(lines.slice(header + 1)).toHaveLength(4);
    const vanDon = lines.find((l) => l.startsWith('06994'))!;
    expect(vanDon).toContain('Đặc khu Vân Đồn');
    // Children per commune are whole people.
    const children = header >= 0 ? vanDon.split(',')[5] : '';
    expect(children).toMatch(/^\d+$/);

    const vi = await fetch(`${base}/export/coverage.csv?serviceCode=SCR.ASD&minutes=30&lang=vi`, {
      headers: { ...(await auth()), 'accept-language': 'en' },
    });
    const text = (await vi.text()).replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toBe('Báo cáo độ bao phủ dịch vụ');
    expect(text).toContain('Mã xã/phường,Xã/phường,Mã tỉnh');
  });

  it('neutralises names that would start a formula in a spreadsheet (CSV injection, end to end)', async () => {
    const facility = t.app.readModel.facilities.get('fac-b')!;
    const commune = t.app.readModel.communes.get('06652')!;
    await t.app.directory.write({
      facilities: [{ ...facility, name: '=HYPERLINK("http://evil.example","Trạm")' }],
      communes: [{ ...commune, name: '  @SUM(1+1)' }],
    });
    try {
      const res = await fetch(`${base}/export/coverage.csv?serviceCode=SCR.ASD&minutes=30&lang=en`, {
        headers: await auth(),
      });
      expect(res.status).toBe(200);
      const lines = (await res.text()).split('\r\n');
      const vanDon = lines.find((l) => l.startsWith('06994,'))!;
      expect(vanDon).toContain(`"'=HYPERLINK(""http://evil.example"",""Trạm"")"`);
      const hoaiDuc = lines.find((l) => l.startsWith('06652,'))!;
      expect(hoaiDuc.split(',')[1]).toBe("'  @SUM(1+1)");
      // No cell anywhere starts with a formula character.
      for (const line of lines) expect(line).not.toMatch(/(^|,)"?\s*[=+@]/);
    } finally {
      await t.app.directory.write({ facilities: [facility], communes: [commune] });
    }
  });

  it('downloads GeoJSON points with coverage properties', async () => {
    const res = await fetch(`${base}/export/coverage.geojson?serviceCode=SCR.ASD&minutes=30&province=22`, {
      headers: await auth(),
    });
    const geo = (await res.json()) as any;
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toHaveLength(3);
    const vanDon = geo.features.find((f: any) => f.properties.commune_code === '06994');
    expect(vanDon.geometry).toEqual({ type: 'Point', coordinates: [107.527, 21.149] });
    expect(vanDon.properties.covered).toBe(true);
  });

  it('serves the commune shapes of a province as GeoJSON without a token, names from the directory', async () => {
    const res = await fetch(`${base}/geo/boundaries.json?province=22`);
    expect(res.status).toBe(200);
    const geo = (await res.json()) as any;
    const inDirectory = [...t.app.readModel.communes.values()].filter((c) => c.provinceCode === '22');
    expect(geo.features.map((f: any) => f.properties.code).sort()).toEqual(
      inDirectory.map((c) => c.code).sort(),
    );
    expect(geo.features[0].geometry.type).toBe('MultiPolygon');
    expect(geo.provinces.features.map((f: any) => f.properties.code)).toEqual(['22']);
    expect(geo.attribution).toContain('MIT');
    expect((await fetch(`${base}/geo/boundaries.json?province=x`)).status).toBe(400);
  });

  it('requires a planner token and valid parameters', async () => {
    expect((await fetch(`${base}/export/coverage.csv?serviceCode=SCR.ASD&minutes=30`)).status).toBe(401);
    const bad = await fetch(`${base}/export/coverage.csv?serviceCode=SCR.ASD&minutes=abc`, {
      headers: await auth(),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].message).toBe('minutes must be a number');
  });
});
