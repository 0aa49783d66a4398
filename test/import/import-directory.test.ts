import path from 'node:path';
import { exportHsdsNdjson } from '../../src/export/hsds-export';
import { importDirectory } from '../../src/import/import-directory';
import { parseImportPath, parseNdjson } from '../../src/import/parse-import';
import { buildSeedDataset } from '../../seeds/seed';
import { createDemoApp } from '../fixtures/demo-app';
import type { TestApp } from '../fixtures/test-app';

const EXAMPLE = path.join(__dirname, '../../seeds/example-import');
let t: TestApp;
let clock = Date.parse('2025-10-01T00:00:00.000Z');

beforeAll(async () => {
  t = await createDemoApp({ now: () => new Date((clock += 1000)).toISOString() });
}, 60_000);
afterAll(() => t.close());

const importPath = (target: string, opts: { dryRun?: boolean; skipInvalid?: boolean } = {}) => {
  const parsed = parseImportPath(target);
  return importDirectory({ into: t.app, rows: parsed.rows, parseProblems: parsed.problems, ...opts });
};
const counts = (
  organizations: number,
  facilities: number,
  offerings: number,
  travel = 0,
  population = 0,
) => ({
  organizations,
  facilities,
  offerings,
  travelTimes: travel,
  communePopulations: population,
});

describe('importDirectory on the example set', () => {
  it('dry-runs: reports what would be created and writes nothing', async () => {
    const report = await importPath(EXAMPLE, { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, committed: false, created: counts(3, 5, 5, 0) });
    expect(await t.store.facilitiesById(['fac-sapa-therapy'])).toEqual([null]);
  });

  it('imports it, resolving the old commune code and the old name with warnings', async () => {
    const report = await importPath(EXAMPLE);
    expect(report.committed).toBe(true);
    expect(report.received).toBe(20);
    expect(report.created).toEqual(counts(3, 5, 5));
    expect(report.updated).toEqual(counts(0, 0, 0, 1, 1));
    expect(report.problems.map((p) => `${p.line}:${p.field}:${p.severity}`)).toEqual([
      '4:commune_code:WARNING',
      '5:old_commune_name:WARNING',
    ]);
    expect(t.app.readModel.facilities.get('fac-ngo-hope-vandon')?.communeCode).toBe('06994');
    expect(t.app.readModel.facilities.get('fac-ngo-hope-hatu')?.communeCode).toBe('06652');
    expect(t.app.readModel.offerings.get('off-sapa-therapy-slt')).toMatchObject({
      serviceCode: 'THR.SLT',
      languages: ['vie', 'hmn'],
      schedule: 'FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=8,14',
    });
    expect((await t.store.facilityByIdentifier('ngo-registry|QN-0042'))?.id).toBe('fac-ngo-hope-halong');
    expect(t.app.readModel.communes.get('06652')?.childPopulation).toBe(7100);
    const road = t.app.readModel.travelEdges().find((e) => e.from === '06652' && e.to === '06688');
    expect(road).toMatchObject({ source: 'IMPORTED', km: 9.5 });
    expect(road!.minutes.MOTORBIKE_RAINY).toBe(28);
    expect(report.steps.map((s) => s.name)).toEqual([
      'load reference data',
      'validate',
      'compare with the directory',
      'write (one transaction)',
    ]);
  });

  it('makes imported offerings visible to the next nearest-provider query', async () => {
    const result = await t.app.routing.nearestProviders({
      communeCode: '06688',
      serviceCode: 'CNS.COUNSEL',
      childAgeMonths: 120,
    });
    const match = result.matches.find((m) => m.facilityId === 'fac-ngo-hope-halong');
    // Same commune: only the trip inside it (docs/travel-model.md §1.6), no longer 0.
    expect(match).toMatchObject({ route: ['06688'] });
    expect(match!.travelMinutes).toBeCloseTo(
      t.app.readModel.withinCommuneMinutes('06688', 'MOTORBIKE', 'DRY'),
      9,
    );
  });

  it('is idempotent: the same file again, or its CSV twin, counts the same rows and changes nothing', async () => {
    // The store returns rows in random order (shuffleUnordered): sort by id and compare as text.
    const snapshot = async () => {
      const { facilities, offerings } = await t.store.loadRoutingSnapshot();
      const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
      const organizations = await t.store.allOrganizations();
      return JSON.stringify([facilities.sort(byId), offerings.sort(byId), organizations.sort(byId)]);
    };
    const before = await snapshot();
    for (const target of [EXAMPLE, path.join(EXAMPLE, 'csv')]) {
      const report = await importPath(target);
      expect(report.committed).toBe(true);
      expect(report.received).toBe(20);
      expect(report.created).toEqual(counts(0, 0, 0));
      expect(report.updated).toEqual(counts(0, 0, 0));
      expect(report.unchanged).toEqual(counts(3, 5, 5, 1, 1));
      expect(report.steps.find((s) => s.name.startsWith('write'))?.rows).toBe(0);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('writes only what changed: one renamed facility moves one updatedAt', async () => {
    const text = parseImportPath(EXAMPLE);
    const row = text.rows.find((r) => r.fields.id === 'fac-sapa-therapy')!;
    row.fields.name = 'Phòng trị liệu ngôn ngữ Sa Pa (đổi tên, ví dụ)';
    const before = t.app.readModel.facilities.get('fac-ngo-hope-halong')!.updatedAt;
    const report = await importDirectory({ into: t.app, rows: text.rows, parseProblems: text.problems });
    expect(report.updated).toEqual(counts(0, 1, 0));
    expect(report.unchanged).toEqual(counts(3, 4, 5, 1, 1));
    const [renamed, untouched] = await t.store.facilitiesById(['fac-sapa-therapy', 'fac-ngo-hope-halong']);
    expect(renamed!.updatedAt > before).toBe(true);
    expect(untouched!.updatedAt).toBe(before);
  });
});

describe('round trip', () => {
  it('export → import into an empty directory → export gives identical output', async () => {
    const first = exportHsdsNdjson(await t.store.allOrganizations(), t.app.readModel);
    expect(first.split('\n').length).toBeGreaterThan(3000);
    // An empty directory: the same geography and taxonomy, no organisations, facilities or offerings.
    const geography = buildSeedDataset(['22', '15', '24']);
    const facilities = t.app.readModel.facilities.size;
    // The same store, emptied: Neo4j Community has one database, so this is where the empty one is.
    await t.clear();
    expect(await t.store.countNodes('Facility')).toBe(0);
    const empty = t;
    await empty.app.directory.write({
      provinces: geography.provinces,
      communes: geography.communes,
      legacyCommunes: geography.legacyCommunes,
      serviceTypes: geography.serviceTypes,
      roads: geography.roads,
    });
    const parsed = parseNdjson(first, 'export.ndjson');
    const report = await importDirectory({
      into: empty.app,
      rows: parsed.rows,
      parseProblems: parsed.problems,
    });
    expect(report.problems.filter((p) => p.severity === 'ERROR')).toEqual([]);
    expect(report.committed).toBe(true);
    expect(report.created.facilities).toBe(facilities);
    const second = exportHsdsNdjson(await empty.store.allOrganizations(), empty.app.readModel);
    expect(second).toBe(first);
  }, 60_000);
});
