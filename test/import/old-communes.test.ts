/** Old (pre-2025) communes in imports: by code, or by name + district + province with or without unit words. */
import { importDirectory } from '../../src/import/import-directory';
import { parseNdjson } from '../../src/import/parse-import';
import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedTinyDirectory(t.app);
  // A commune split between two successors (the succession table has one row per successor).
  const split = (key: string, successorCode: string) => ({
    key,
    code: null,
    name: 'Xã Quang Trung',
    districtName: 'Huyện Ví Dụ',
    provinceName: 'Tỉnh Quảng Ninh',
    oldProvinceCode: '22',
    successorCode,
    note: 'supplementary',
  });
  // Two old units of one name in one district: a thị trấn and a xã.
  const unit = (key: string, name: string, successorCode: string) => ({
    ...split(key, successorCode),
    code: key.slice(-5),
    name,
    note: '',
  });
  await t.app.directory.write({
    legacyCommunes: [
      split('VN63S:a', '06652'),
      split('VN63S:b', '06688'),
      unit('VN63:90001', 'Thị trấn Ví Dụ', '06652'),
      unit('VN63:90002', 'Xã Ví Dụ', '06688'),
    ],
  });
});
afterAll(() => t.close());

const location = (commune: Record<string, string>) =>
  JSON.stringify({ type: 'location', id: 'fac-o', name: 'O', sector: 'HEALTH', kind: 'CLINIC', ...commune });

async function dryRun(commune: Record<string, string>) {
  const parsed = parseNdjson(location(commune), 'o.ndjson');
  const report = await importDirectory({
    into: t.app,
    ...{ rows: parsed.rows, parseProblems: parsed.problems },
    dryRun: true,
  });
  return report.problems.map((p) => `${p.severity} ${p.field}: ${p.message}`);
}

describe('old communes in an import', () => {
  it.each([
    ['the full names', 'Xã Đông Xá', 'Huyện Vân Đồn', 'Tỉnh Quảng Ninh'],
    ['names without unit words', 'Đông Xá', 'Vân Đồn', 'Quảng Ninh'],
    ['names without diacritics, in any case', 'xa dong xa', 'HUYEN VAN DON', 'quang ninh'],
  ])('resolve an old name from %s', async (_how, name, district, province) => {
    expect(
      await dryRun({ old_commune_name: name, old_district_name: district, old_province_name: province }),
    ).toEqual([
      'WARNING old_commune_name: old commune Xã Đông Xá (Huyện Vân Đồn, Tỉnh Quảng Ninh) resolved to its 2025 successor 06994 (Đặc khu Vân Đồn)',
    ]);
  });

  it('tell a thị trấn from a xã of the same name by the unit word', async () => {
    const names = { old_district_name: 'Ví Dụ', old_province_name: 'Quảng Ninh' };
    expect(await dryRun({ old_commune_name: 'Thị trấn Ví Dụ', ...names })).toEqual([
      'WARNING old_commune_name: old commune Thị trấn Ví Dụ (Huyện Ví Dụ, Tỉnh Quảng Ninh) resolved to its 2025 successor 06652 (Phường Hà Tu)',
    ]);
    expect(await dryRun({ old_commune_name: 'xa vi du', ...names })).toEqual([
      'WARNING old_commune_name: old commune Xã Ví Dụ (Huyện Ví Dụ, Tỉnh Quảng Ninh) resolved to its 2025 successor 06688 (Phường Hạ Long)',
    ]);
  });

  it('resolve an old code that is not a 2025 code, and take a 2025 code as it is', async () => {
    expect(await dryRun({ commune_code: '07015' })).toEqual([
      'WARNING commune_code: old commune code 07015 (Xã Đông Xá, Huyện Vân Đồn) resolved to its 2025 successor 06994 (Đặc khu Vân Đồn)',
    ]);
    // 06688 was also Phường Hồng Hải's code; a code in use today means today's commune.
    expect(await dryRun({ commune_code: '06688' })).toEqual([]);
  });

  it('refuse a split commune, an unknown name, and a name without its district', async () => {
    const names = { old_district_name: 'Huyện Ví Dụ', old_province_name: 'Tỉnh Quảng Ninh' };
    const twoSuccessors = (name: string) =>
      `ERROR old_commune_name: old commune "${name}" (Huyện Ví Dụ) has more than one successor (a split, or several units of that name): 06652 Phường Hà Tu, 06688 Phường Hạ Long; give commune_code`;
    expect(await dryRun({ old_commune_name: 'Quang Trung', ...names })).toEqual([
      twoSuccessors('Quang Trung'),
    ]);
    expect(await dryRun({ old_commune_name: 'Ví Dụ', ...names })).toEqual([twoSuccessors('Ví Dụ')]);
    expect(await dryRun({ old_commune_name: 'Xã Không Có', ...names })).toEqual([
      'ERROR old_commune_name: no old commune "Xã Không Có" in Huyện Ví Dụ, Tỉnh Quảng Ninh',
    ]);
    expect(await dryRun({ old_commune_name: 'Đông Xá', old_province_name: 'Quảng Ninh' })).toEqual([
      'ERROR old_district_name: old_district_name is required',
    ]);
  });
});
