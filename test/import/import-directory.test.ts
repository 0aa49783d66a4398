import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportHsdsNdjson } from '../../src/export/hsds-export';
import { importDirectory } from '../../src/import/import-directory';
import { parseCsvDirectory, parseImportPath, parseNdjson } from '../../src/import/parse-import';
import { buildSeedDataset } from '../../seeds/seed';
import { createDemoApp } from '../fixtures/demo-app';
import { createTestApp, type TestApp } from '../fixtures/test-app';

const EXAMPLE = path.join(__dirname, '../../seeds/example-import/directory.ndjson');
let t: TestApp;
let clock = Date.parse('2025-10-01T00:00:00.000Z');

beforeAll(async () => {
  t = await createDemoApp({ now: () => new Date((clock += 1000)).toISOString() });
}, 60_000);
afterAll(() => t.close());

const run = (text: string, opts: { dryRun?: boolean; skipInvalid?: boolean } = {}) => {
  const parsed = parseNdjson(text, 'test.ndjson');
  return importDirectory({ app: t.app, rows: parsed.rows, parseProblems: parsed.problems, ...opts });
};

const LABELS = ['Organization', 'Facility', 'Offering', 'Identifier'];
const counts = () => Promise.all(LABELS.map((l) => t.store.countNodes(l)));

describe('importDirectory', () => {
  it('imports the example set, resolving old commune codes and names with warnings', async () => {
    const report = await run(fs.readFileSync(EXAMPLE, 'utf8'));
    expect(report.committed).toBe(true);
    expect(report.created).toEqual({
      organizations: 1,
      facilities: 3,
      offerings: 3,
      travelTimes: 0,
      communePopulations: 0,
    });
    expect(report.updated).toMatchObject({ travelTimes: 1, communePopulations: 1 });
    const warnings = report.problems.filter((p) => p.severity === 'WARNING');
    expect(warnings.map((w) => `${w.line}:${w.field}`)).toEqual(['4:commune_code', '5:old_commune_name']);
    expect(report.problems.filter((p) => p.severity === 'ERROR')).toEqual([]);
    expect(t.app.readModel.facilities.get('fac-ngo-hope-vandon')?.communeCode).toBe('06994');
    expect(t.app.readModel.facilities.get('fac-ngo-hope-hatu')?.communeCode).toBe('06652');
    expect((await t.store.facilityByIdentifier('ngo-registry|QN-0042'))?.id).toBe('fac-ngo-hope-halong');
    expect(t.app.readModel.communes.get('06652')?.childPopulation).toBe(7100);
    const road = t.app.readModel.travelEdges().find((e) => e.from === '06652' && e.to === '06688');
    expect(road).toMatchObject({ source: 'IMPORTED', km: 9.5 });
    expect(road!.minutes.MOTORBIKE_RAINY).toBe(28);
  });

  it('makes imported offerings visible to the next nearest-provider query', async () => {
    const result = await t.app.routing.nearestProviders({
      communeCode: '06688',
      serviceCode: 'CNS.COUNSEL',
      childAgeMonths: 120,
    });
    const match = result.matches.find((m) => m.facilityId === 'fac-ngo-hope-halong');
    expect(match).toMatchObject({ travelMinutes: 0, route: ['06688'] });
  });

  it('is idempotent: importing the same file again changes nothing', async () => {
    const before = await t.store.facilitiesById(['fac-ngo-hope-halong']);
    const report = await run(fs.readFileSync(EXAMPLE, 'utf8'));
    expect(report.created).toEqual({
      organizations: 0,
      facilities: 0,
      offerings: 0,
      travelTimes: 0,
      communePopulations: 0,
    });
    expect(report.updated).toEqual({
      organizations: 0,
      facilities: 0,
      offerings: 0,
      travelTimes: 0,
      communePopulations: 0,
    });
    expect(report.unchanged).toEqual({
      organizations: 1,
      facilities: 3,
      offerings: 3,
      travelTimes: 1,
      communePopulations: 1,
    });
    expect(await t.store.facilitiesById(['fac-ngo-hope-halong'])).toEqual(before);
  });

  it('reports every problem in a file of broken rows with its line and field, and writes nothing', async () => {
    const broken = [
      '{"type":"organization","id":"org-x","name":"X","sector":"PIRATES","province_code":"22"}',
      '{"type":"location","id":"fac-x1","name":"X1","sector":"HEALTH","kind":"CLINIC","commune_code":"99999"}',
      '{"type":"location","id":"fac-x2","name":"X2","sector":"HEALTH","kind":"CLINIC","commune_code":"06652","latitude":48.85,"longitude":2.35}',
      '{"type":"location","id":"fac-x2","name":"again","sector":"HEALTH","kind":"CLINIC","commune_code":"06652"}',
      '{"type":"service_at_location","id":"off-x1","location_id":"fac-ngo-hope-halong","service_code":"XX.NOPE"}',
      '{"type":"service_at_location","id":"off-x2","location_id":"fac-ngo-hope-halong","service_code":"SCR.ASD","min_age_months":60,"max_age_months":20}',
      '{"type":"service_at_location","id":"off-x3","location_id":"fac-ngo-hope-halong","service_code":"SCR.ASD","min_age_months":-4,"schedule":"every tuesday"}',
      'not json',
      '{"type":"travel_time","from_commune":"06652","to_commune":"06652","mode":"BOAT","season":"DRY","minutes":5}',
      '{"type":"service_at_location","id":"off-ok","location_id":"fac-ngo-hope-halong","service_code":"SCR.MH","min_age_months":72}',
    ].join('\n');
    const before = await counts();
    const report = await run(broken);
    expect(report.committed).toBe(false);
    const errors = report.problems
      .filter((p) => p.severity === 'ERROR')
      .map((p) => `${p.file}:${p.line}:${p.field}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        'test.ndjson:1:sector',
        'test.ndjson:2:commune_code',
        'test.ndjson:3:latitude',
        'test.ndjson:4:id',
        'test.ndjson:5:service_code',
        'test.ndjson:6:min_age_months',
        'test.ndjson:7:min_age_months',
        'test.ndjson:7:schedule',
        'test.ndjson:8:null',
        'test.ndjson:9:to_commune',
        'test.ndjson:9:mode',
      ]),
    );
    expect(report.problems.find((p) => p.line === 3)?.message).toBe('(48.85, 2.35) is outside Vietnam');
    expect(await counts()).toEqual(before);
    expect(t.app.readModel.offerings.has('off-ok')).toBe(false);
  });

  it('with skipInvalid writes only the valid rows and names the skipped ones', async () => {
    const text = [
      '{"type":"location","id":"fac-y1","name":"Y1","sector":"HEALTH","kind":"CLINIC","commune_code":"99999"}',
      '{"type":"service_at_location","id":"off-y1","location_id":"fac-y1","service_code":"SCR.DEV"}',
      '{"type":"location","id":"fac-y2","name":"Y2","sector":"HEALTH","kind":"CLINIC","commune_code":"06652"}',
      '{"type":"service_at_location","id":"off-y2","location_id":"fac-y2","service_code":"SCR.DEV"}',
    ].join('\n');
    const report = await run(text, { skipInvalid: true });
    expect(report.committed).toBe(true);
    expect(report.skippedRows).toEqual(['test.ndjson:1', 'test.ndjson:2']);
    expect(report.created).toMatchObject({ facilities: 1, offerings: 1 });
    expect((await t.store.facilitiesById(['fac-y1', 'fac-y2'])).map((f) => f?.id ?? null)).toEqual([
      null,
      'fac-y2',
    ]);
  });

  it('with dryRun reports what would change and writes nothing', async () => {
    const before = await counts();
    const report = await run(
      '{"type":"organization","id":"org-dry","name":"Dry","sector":"HEALTH","province_code":"15"}',
      { dryRun: true },
    );
    expect(report).toMatchObject({ dryRun: true, committed: false, created: { organizations: 1 } });
    expect(await counts()).toEqual(before);
  });
});

describe('round trip', () => {
  it('export → import into an empty directory → export gives identical output', async () => {
    const first = exportHsdsNdjson(await t.store.allOrganizations(), t.app.readModel);
    expect(first.split('\n').length).toBeGreaterThan(3000);
    // An empty directory: the same geography and taxonomy, no organisations, facilities or offerings.
    const geography = buildSeedDataset(['22', '15', '24']);
    const empty = await createTestApp();
    try {
      await empty.app.directory.write({
        provinces: geography.provinces,
        communes: geography.communes,
        legacyCommunes: geography.legacyCommunes,
        serviceTypes: geography.serviceTypes,
        roads: geography.roads,
      });
      const parsed = parseNdjson(first, 'export.ndjson');
      const report = await importDirectory({
        app: empty.app,
        rows: parsed.rows,
        parseProblems: parsed.problems,
      });
      expect(report.problems.filter((p) => p.severity === 'ERROR')).toEqual([]);
      expect(report.committed).toBe(true);
      const second = exportHsdsNdjson(await empty.store.allOrganizations(), empty.app.readModel);
      expect(second).toBe(first);
    } finally {
      await empty.close();
    }
  }, 60_000);
});

describe('parsing', () => {
  it('reads a directory of CSV files with lists split on semicolons', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketnoi-csv-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'locations.csv'),
        'id,name,sector,kind,commune_code,identifiers,latitude\nfac-c1,"Trạm, Y tế",HEALTH,CLINIC,06652,a|1;b|2,20.9\n',
      );
      fs.writeFileSync(
        path.join(dir, 'service_at_location.csv'),
        'id,location_id,service_code,languages,remote,capacity\noff-c1,fac-c1,SCR.DEV,vie;hmn,false,5\n',
      );
      const { rows } = parseCsvDirectory(dir);
      expect(rows).toEqual([
        {
          file: 'locations.csv',
          line: 2,
          type: 'location',
          fields: {
            id: 'fac-c1',
            name: 'Trạm, Y tế',
            sector: 'HEALTH',
            kind: 'CLINIC',
            commune_code: '06652',
            identifiers: ['a|1', 'b|2'],
            latitude: 20.9,
          },
        },
        {
          file: 'service_at_location.csv',
          line: 2,
          type: 'service_at_location',
          fields: {
            id: 'off-c1',
            location_id: 'fac-c1',
            service_code: 'SCR.DEV',
            languages: ['vie', 'hmn'],
            remote: false,
            capacity: 5,
          },
        },
      ]);
      expect(parseImportPath(dir).rows).toHaveLength(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
