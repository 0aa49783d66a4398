import {
  loadCommunes,
  loadGeography,
  loadLegacyCommunes,
  loadProvinces,
  supplementaryKey,
} from '../../seeds/load-geography';
import { DEMO_PROVINCES } from '../../seeds/seed';

const national = loadGeography();
const count = <T>(rows: T[], key: (r: T) => string) =>
  rows.reduce<Record<string, number>>((m, r) => ({ ...m, [key(r)]: (m[key(r)] ?? 0) + 1 }), {});

describe('loadGeography (national)', () => {
  it('parses the 34 provinces and 3,321 communes with codes kept as strings', () => {
    expect(national.provinces).toHaveLength(34);
    expect(national.communes).toHaveLength(3321);
    expect(count(national.communes, (c) => c.type)).toEqual({ xã: 2621, phường: 687, 'đặc khu': 13 });
    expect(national.communes[0]).toMatchObject({
      code: '00004',
      name: 'Phường Ba Đình',
      provinceCode: '01',
      scheme: 'VN34',
      validFrom: '2025-07-01',
    });
    expect(national.provinces.find((p) => p.code === '22')).toMatchObject({
      name: 'Quảng Ninh',
      fullName: 'Tỉnh Quảng Ninh',
      population: 1429841,
    });
  });

  it('splits quality flags on semicolons', () => {
    const caiChien = national.communes.find((c) => c.code === '06967')!;
    expect(caiChien.flags).toEqual([
      'population_blanked_implausible',
      'coord_wrong_blanked',
      'coord_mean_of_predecessors',
      // The predecessors' mean lies in the sea off the island, so the seed moves it inside the polygon.
      'point_moved_inside_polygon',
    ]);
    expect(national.communes.find((c) => c.code === '00004')!.flags).toEqual([]);
  });

  it('leaves no blank population or area, and flags exactly the filled values', () => {
    expect(national.communes.filter((c) => c.population == null || c.areaKm2 == null)).toEqual([]);
    expect(national.communes.filter((c) => c.populationEstimated)).toHaveLength(417);
    expect(national.communes.filter((c) => c.areaEstimated)).toHaveLength(311);
    const original = national.communes.find((c) => c.code === '06652')!;
    expect(original).toMatchObject({
      population: 29643,
      populationEstimated: false,
      areaKm2: 37.6,
      areaEstimated: false,
    });
  });

  it('keys coded old communes by VN63 code and the rest by a stable hash', () => {
    const legacy = national.legacyCommunes;
    expect(new Set(legacy.map((l) => l.key)).size).toBe(legacy.length);
    expect(legacy.filter((l) => l.code !== null)).toHaveLength(10035);
    const supplementary = legacy.filter((l) => l.code === null);
    expect(supplementary.length).toBe(810); // 938 source rows, 128 of them exact duplicates
    expect(supplementary.every((l) => /^VN63S:[0-9a-f]{12}$/.test(l.key))).toBe(true);
    expect(supplementaryKey('Phường Lê Lợi', 'Thành phố Bắc Giang', 'Tỉnh Bắc Giang', '07210')).toBe(
      supplementaryKey('Phường Lê Lợi', 'Thành phố Bắc Giang', 'Tỉnh Bắc Giang', '07210'),
    );
  });

  it('maps the old commune Đông Xá (07015) to Đặc khu Vân Đồn (06994)', () => {
    expect(national.legacyCommunes.find((l) => l.key === 'VN63:07015')).toEqual({
      key: 'VN63:07015',
      code: '07015',
      name: 'Xã Đông Xá',
      districtName: 'Huyện Vân Đồn',
      provinceName: 'Tỉnh Quảng Ninh',
      oldProvinceCode: '22',
      successorCode: '06994',
      note: '',
    });
  });
});

describe('loadGeography (filtered to the demo provinces)', () => {
  const demo = loadGeography({ provinceCodes: DEMO_PROVINCES });

  it('keeps 3 provinces, their 252 communes and the old communes that now lie in them', () => {
    expect(demo.provinces.map((p) => p.code).sort()).toEqual(['15', '22', '24']);
    expect(count(demo.communes, (c) => c.provinceCode)).toEqual({ '15': 99, '22': 54, '24': 99 });
    const codes = new Set(demo.communes.map((c) => c.code));
    expect(demo.legacyCommunes.every((l) => codes.has(l.successorCode))).toBe(true);
    expect(demo.legacyCommunes).toHaveLength(871);
  });

  it('imputes the same values as the national load (statistics are per province)', () => {
    const byCode = new Map(national.communes.map((c) => [c.code, c]));
    for (const c of demo.communes) expect(c).toEqual(byCode.get(c.code));
  });

  it('loads each table on its own with the same filter', () => {
    expect(loadProvinces({ provinceCodes: ['22'] })).toHaveLength(1);
    expect(loadCommunes({ provinceCodes: ['22'] })).toHaveLength(54);
    expect(loadLegacyCommunes({ provinceCodes: ['22'] }).every((l) => l.oldProvinceCode === '22')).toBe(true);
  });
});
