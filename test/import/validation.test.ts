/**
 * A folder of broken rows (test/import/fixtures/broken: four CSV files and an NDJSON file): every problem
 * is reported with file, line, field and severity; nothing is written, read back from the store; with
 * skipInvalid only the valid rows (and none that depend on an invalid row) are written.
 */
import path from 'node:path';
import { importDirectory, type ImportReport } from '../../src/import/import-directory';
import { parseImportPath } from '../../src/import/parse-import';
import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

const BROKEN = path.join(__dirname, 'fixtures/broken');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedTinyDirectory(t.app);
});
afterAll(() => t.close());

const run = (skipInvalid = false) => {
  const parsed = parseImportPath(BROKEN);
  return importDirectory({ into: t.app, rows: parsed.rows, parseProblems: parsed.problems, skipInvalid });
};

/** Everything stored that an import could touch, sorted, as text. */
async function readBack(): Promise<string> {
  const { facilities, offerings, roads, communes } = await t.store.loadRoutingSnapshot();
  const sort = <T>(rows: T[], key: (r: T) => string) => rows.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const labels = ['Organization', 'Facility', 'Offering', 'Identifier', 'Tombstone'];
  return JSON.stringify([
    sort(await t.store.allOrganizations(), (o) => o.id),
    sort(facilities, (f) => f.id),
    sort(offerings, (o) => o.id),
    sort(roads, (r) => r.fromCode + r.toCode),
    sort(communes, (c) => c.code),
    await Promise.all(labels.map((l) => t.store.countNodes(l))),
    await t.store.facilityByIdentifier('moh|QN-001'),
  ]);
}

const EXPECTED = [
  'locations.csv:3 commune_code WARNING',
  'locations.csv:4 old_commune_name WARNING',
  'locations.csv:5 commune_code ERROR',
  'locations.csv:6 latitude ERROR',
  'locations.csv:7 longitude ERROR',
  'locations.csv:8 level ERROR',
  'locations.csv:9 organization_id ERROR',
  'locations.csv:10 organization_id ERROR',
  'locations.csv:11 identifiers ERROR',
  'locations.csv:12 identifiers WARNING',
  'locations.csv:13 kind ERROR',
  'locations.csv:14 commune_code ERROR',
  'locations.csv:17 - ERROR',
  'organizations.csv:1 homepage WARNING',
  'organizations.csv:3 sector ERROR',
  'organizations.csv:4 name ERROR',
  'organizations.csv:5 province_code ERROR',
  'organizations.csv:6 id ERROR',
  'planner.ndjson:1 to_commune ERROR',
  'planner.ndjson:1 mode ERROR',
  'planner.ndjson:2 - ERROR',
  'planner.ndjson:3 type ERROR',
  'service_at_location.csv:2 current_load WARNING',
  'service_at_location.csv:3 min_age_months ERROR',
  'service_at_location.csv:4 min_age_months ERROR',
  'service_at_location.csv:5 max_age_months ERROR',
  'service_at_location.csv:6 schedule ERROR',
  'service_at_location.csv:7 service_id ERROR',
  'service_at_location.csv:8 service_code ERROR',
  'service_at_location.csv:9 location_id ERROR',
  'service_at_location.csv:10 location_id ERROR',
  'service_at_location.csv:11 remote ERROR',
  'service_at_location.csv:12 languages ERROR',
  'service_at_location.csv:13 languages WARNING',
  'service_at_location.csv:14 capacity ERROR',
  'service_at_location.csv:15 id ERROR',
  'services.csv:3 taxonomy_code ERROR',
];

const where = (r: ImportReport) =>
  r.problems.map((p) => `${p.file}:${p.line} ${p.field ?? '-'} ${p.severity}`);
const message = (r: ImportReport, at: string, field: string) =>
  r.problems.find((p) => `${p.file}:${p.line}` === at && (p.field ?? '-') === field)?.message;

describe('validation of a folder of broken rows', () => {
  it('reports every problem with file, line, field and severity, and writes nothing', async () => {
    const before = await readBack();
    const report = await run();
    expect(where(report)).toEqual(EXPECTED);
    expect(report.committed).toBe(false);
    expect(report.skippedRows).toEqual([]);
    expect(await readBack()).toBe(before);
    expect(t.app.readModel.facilities.has('fac-ok')).toBe(false);
  });

  it('names what is wrong in each message', async () => {
    const report = await run();
    expect(message(report, 'organizations.csv:6', 'id')).toBe(
      'duplicate organization id org-ok (first at organizations.csv:2)',
    );
    expect(message(report, 'locations.csv:4', 'old_commune_name')).toBe(
      'old commune Xã Đông Xá (Huyện Vân Đồn, Tỉnh Quảng Ninh) resolved to its 2025 successor 06994 (Đặc khu Vân Đồn)',
    );
    expect(message(report, 'locations.csv:6', 'latitude')).toBe('(48.85, 2.35) is outside Vietnam');
    expect(message(report, 'locations.csv:17', '-')).toBe('Row has 3 fields, the header has 14');
    expect(message(report, 'service_at_location.csv:3', 'min_age_months')).toBe(
      'min_age_months must be between 0 and 216, got -4',
    );
    expect(message(report, 'service_at_location.csv:9', 'location_id')).toBe(
      'location fac-paris is invalid in this import (locations.csv:6)',
    );
    expect(message(report, 'service_at_location.csv:10', 'location_id')).toBe(
      'offering off-a1 is at fac-a; to move it, give it a new id',
    );
    expect(message(report, 'service_at_location.csv:12', 'languages')).toMatch(
      /^unknown language "fr": use an ISO 639-3 code of the language table \(vie, hmn, ium, /,
    );
    expect(message(report, 'service_at_location.csv:13', 'languages')).toBe(
      'tay is not the ISO 639-3 code of Tày: read as tyz',
    );
    expect(message(report, 'service_at_location.csv:6', 'schedule')).toBe(
      'schedule is not an RRULE: "every tuesday" is not NAME=VALUE',
    );
  });

  it('with skipInvalid writes the valid rows only and lists the skipped ones', async () => {
    const report = await run(true);
    expect(report.committed).toBe(true);
    expect(report.skippedRows).toEqual([
      ...[5, 6, 7, 8, 9, 10, 11, 13, 14, 17].map((l) => `locations.csv:${l}`),
      ...[3, 4, 5, 6].map((l) => `organizations.csv:${l}`),
      ...[1, 2, 3].map((l) => `planner.ndjson:${l}`),
      ...[3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15].map((l) => `service_at_location.csv:${l}`),
      'services.csv:3',
    ]);
    expect(report.created).toMatchObject({ organizations: 1, facilities: 5, offerings: 2 });
    const stored = await t.store.facilitiesById([
      'fac-ok',
      'fac-old-code',
      'fac-old-name',
      'fac-multi',
      'fac-paris',
    ]);
    expect(stored.map((f) => f && `${f.id} ${f.communeCode}`)).toEqual([
      'fac-ok 06652',
      'fac-old-code 06994',
      'fac-old-name 06994',
      'fac-multi 06652',
      null,
    ]);
    expect(stored[3]!.name).toBe('Tên\nhai dòng');
    expect(stored[0]!.phone).toBe('0912345678');
    expect((await t.store.facilityByIdentifier('moh|QN-001'))?.id).toBe('fac-moh');
    expect(
      (await t.store.offeringsById(['off-ok', 'off-location', 'off-a1'])).map((o) => o?.facilityId ?? null),
    ).toEqual(['fac-ok', null, 'fac-a']);
  });
});
