/**
 * HSDS 3 files from other systems (UUID ids, HSDS fields such as description, location_type and status)
 * import as they are; a UUID of our own export refers to the stored record it was made from.
 */
import { hsdsUuid } from '../../src/domain/ids/hsds-uuid';
import { importDirectory } from '../../src/import/import-directory';
import { parseNdjson } from '../../src/import/parse-import';
import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedTinyDirectory(t.app);
});
afterAll(() => t.close());

const ORG = '0b3f6a52-5d0e-4c44-9a51-1f6f3f0c2a11';
const LOC = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const SVC = 'a3bb189e-8bf9-4888-9912-ace4e6543002';
const SAL = 'e1f7b2a4-3c5d-4e6f-8a9b-0c1d2e3f4a5b';

const line = (row: Record<string, unknown>) => JSON.stringify(row);
const run = (text: string, dryRun = false) => {
  const parsed = parseNdjson(text, 'other-system.ndjson');
  return importDirectory({ into: t.app, rows: parsed.rows, parseProblems: parsed.problems, dryRun });
};

describe('importing HSDS 3 ids', () => {
  it('imports another system’s rows with UUID ids and HSDS fields, without warnings about them', async () => {
    const text = [
      line({
        type: 'organization',
        id: ORG,
        name: 'Hội Hỗ trợ Trẻ em (ví dụ)',
        description: 'An NGO for children with disabilities',
        sector: 'SOCIAL',
        province_code: '22',
      }),
      line({
        type: 'location',
        id: LOC,
        organization_id: ORG,
        location_type: 'physical',
        name: 'Điểm tư vấn Hạ Long (ví dụ)',
        sector: 'SOCIAL',
        kind: 'NGO_CENTRE',
        commune_code: '06652',
      }),
      line({ type: 'service', id: SVC, name: 'Sàng lọc', status: 'active', taxonomy_code: 'SCR.DEV' }),
      line({ type: 'service_at_location', id: SAL, service_id: SVC, location_id: LOC, languages: ['vie'] }),
    ].join('\n');
    const report = await run(text);
    expect(report.problems).toEqual([]);
    expect(report.committed).toBe(true);
    const [facility] = await t.store.facilitiesById([LOC]);
    expect(facility).toMatchObject({ id: LOC, organizationId: ORG, communeCode: '06652' });
    const [offering] = await t.store.offeringsById([SAL]);
    expect(offering).toMatchObject({ facilityId: LOC, serviceCode: 'SCR.DEV' });
  });

  it('refers to a stored record by the UUID our export gave it', async () => {
    const text = [
      line({ type: 'service', id: SVC, name: 'Sàng lọc', status: 'active', taxonomy_code: 'SCR.DEV' }),
      line({
        type: 'service_at_location',
        id: '5d6f8a1b-2c3d-4e5f-9a0b-1c2d3e4f5a6b',
        service_id: SVC,
        location_id: hsdsUuid('location', 'fac-b'),
      }),
    ].join('\n');
    const report = await run(text, true);
    expect(report.problems.filter((p) => p.severity === 'ERROR')).toEqual([]);
    expect(report.created.offerings).toBe(1);
  });

  it('reads a row of our export by its ket_noi_id, and warns when its UUID is not the one we give it', async () => {
    const text = line({
      type: 'organization',
      id: ORG,
      ket_noi_id: 'org-22-health',
      name: 'Sở Y tế Quảng Ninh',
      sector: 'HEALTH',
      province_code: '22',
    });
    const report = await run(text, true);
    expect(report.problems).toEqual([
      expect.objectContaining({
        line: 1,
        field: 'id',
        severity: 'WARNING',
        message: `id ${ORG} is not the UUID Kết Nối exports for ket_noi_id org-22-health; the row is read as org-22-health`,
      }),
    ]);
  });

  it('refuses a location_type or status that HSDS does not define', async () => {
    const text = [
      line({ type: 'service', id: SVC, name: 'x', status: 'open', taxonomy_code: 'SCR.DEV' }),
      line({
        type: 'location',
        id: LOC,
        location_type: 'building',
        name: 'x',
        sector: 'SOCIAL',
        kind: 'NGO_CENTRE',
        commune_code: '06652',
      }),
    ].join('\n');
    const report = await run(text, true);
    expect(report.problems.map((p) => `${p.line} ${p.field} ${p.severity}`)).toEqual([
      '1 status ERROR',
      '2 location_type ERROR',
    ]);
  });
});
