import { imputeCommuneGaps, median } from '../../seeds/impute-geography';
import type { CommuneRecord } from '../../src/store/port';

function commune(
  code: string,
  type: string,
  areaKm2: number | null,
  population: number | null,
  provinceCode = '99',
): CommuneRecord {
  return {
    code,
    name: `${type} ${code}`,
    shortName: code,
    type,
    provinceCode,
    lat: 21,
    lon: 105,
    areaKm2,
    areaEstimated: false,
    population,
    populationEstimated: false,
    childPopulation: null,
    scheme: 'VN34',
    validFrom: '2025-07-01',
    flags: [],
    updatedAt: '2025-07-01T00:00:00.000Z',
  };
}

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('imputeCommuneGaps', () => {
  // xã densities 100, 200, 300 /km² (median 200); phường density 1,000 in one row (too few: province median).
  const rows = [
    commune('1', 'xã', 10, 1000),
    commune('2', 'xã', 20, 4000),
    commune('3', 'xã', 30, 9000),
    commune('4', 'phường', 5, 5000),
    commune('5', 'xã', 50, null),
    commune('6', 'xã', null, null),
    commune('7', 'phường', null, 7000),
    commune('8', 'xã', 12, 999, '98'),
  ];
  const out = imputeCommuneGaps(rows);
  const byCode = new Map(out.map((c) => [c.code, c]));

  it('fills a blank population from the median density of its type times its area', () => {
    expect(byCode.get('5')).toMatchObject({
      population: 10000,
      populationEstimated: true,
      areaKm2: 50,
      areaEstimated: false,
    });
  });

  it('uses the median population and area of the type when both are blank', () => {
    // xã populations 1000, 4000, 9000 → 4000; xã areas 10, 20, 30, 50 → 25.
    expect(byCode.get('6')).toMatchObject({
      population: 4000,
      populationEstimated: true,
      areaKm2: 25,
      areaEstimated: true,
    });
  });

  it('falls back to the whole province when a type has fewer than 3 known values', () => {
    // Province areas 10, 20, 30, 5, 50 → median 20.
    expect(byCode.get('7')).toMatchObject({
      population: 7000,
      populationEstimated: false,
      areaKm2: 20,
      areaEstimated: true,
    });
  });

  it('leaves known values, other provinces and the input order untouched', () => {
    expect(out.map((c) => c.code)).toEqual(rows.map((c) => c.code));
    expect(byCode.get('1')).toEqual(rows[0]);
    expect(byCode.get('8')).toEqual(rows[7]);
    expect(rows[4]!.population).toBeNull();
  });

  it('gives the uninhabited Đặc khu Hoàng Sa 0 people rather than an imputed figure', () => {
    const [hoangSa] = imputeCommuneGaps([
      commune('20333', 'đặc khu', 305, null, '48'),
      commune('1', 'phường', 10, 50000, '48'),
    ]);
    expect(hoangSa).toMatchObject({ population: 0, populationEstimated: true });
  });
});
