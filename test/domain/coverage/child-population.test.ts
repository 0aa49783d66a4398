import {
  AGE_SHARES_PERCENT,
  computeBandWeights,
  countImportedBandChildren,
  estimateBandChildren,
} from '../../../src/domain/coverage/child-population';
import { imputePopulations } from '../../../src/domain/coverage/impute-population';
import { findServicePrevalence } from '../../../src/domain/coverage/prevalence';
import { InvalidRoutingInputError } from '../../../src/domain/routing/errors';
import { countBandChildrenByMonth } from '../../fixtures/routing/brute-force-coverage';

describe('computeBandWeights', () => {
  it('takes the part of each year of age that falls in the band (18–30 months: half of age 1, 7/12 of age 2)', () => {
    const weights = computeBandWeights({ minMonths: 18, maxMonths: 30 });
    expect(weights[1]).toBeCloseTo(6 / 12, 12);
    expect(weights[2]).toBeCloseTo(7 / 12, 12);
    expect(weights.filter((w, year) => year !== 1 && year !== 2 && w !== 0)).toEqual([]);
  });

  it('rejects an empty or negative band', () => {
    expect(() => computeBandWeights({ minMonths: 30, maxMonths: 18 })).toThrow(InvalidRoutingInputError);
    expect(() => computeBandWeights({ minMonths: -1, maxMonths: 18 })).toThrow(InvalidRoutingInputError);
  });
});

describe('estimateBandChildren', () => {
  it('puts about 28 % of the population at ages 0–17', () => {
    expect(estimateBandChildren(100000, computeBandWeights({ minMonths: 0, maxMonths: 215 }))).toBeCloseTo(
      28220,
      6,
    );
    expect(AGE_SHARES_PERCENT).toHaveLength(18);
  });

  it.each([
    [0, 11],
    [18, 30],
    [24, 215],
    [120, 215],
    [7, 100],
    [200, 400],
  ])('agrees with a month-by-month count for the band %i–%i months', (minMonths, maxMonths) => {
    const band = { minMonths, maxMonths };
    expect(estimateBandChildren(54321, computeBandWeights(band))).toBeCloseTo(
      countBandChildrenByMonth(54321, band),
      8,
    );
  });
});

describe('countImportedBandChildren', () => {
  const weights = computeBandWeights({ minMonths: 18, maxMonths: 30 });

  it('uses imported counts by year of age directly', () => {
    const byYearOfAge = Array.from({ length: 18 }, (_, year) => (year + 1) * 12);
    expect(countImportedBandChildren({ communeCode: 'X', byYearOfAge }, weights)).toBeCloseTo(
      24 * 0.5 + 36 * (7 / 12),
      10,
    );
  });

  it('splits an imported 0–17 total by the national age structure', () => {
    const all = computeBandWeights({ minMonths: 0, maxMonths: 215 });
    expect(countImportedBandChildren({ communeCode: 'X', total0to17: 5000 }, all)).toBeCloseTo(5000, 8);
    expect(countImportedBandChildren({ communeCode: 'X', total0to17: 5000 }, weights)).toBeCloseTo(
      (5000 * (1.64 * 13)) / 12 / 28.22,
      8,
    );
  });

  it('rejects malformed imports', () => {
    expect(() => countImportedBandChildren({ communeCode: 'X', byYearOfAge: [1, 2] }, weights)).toThrow(
      InvalidRoutingInputError,
    );
    expect(() => countImportedBandChildren({ communeCode: 'X' }, weights)).toThrow(InvalidRoutingInputError);
  });
});

describe('imputePopulations', () => {
  // The one imputation rule (docs/data.md § Imputation), shared with the seed: a type needs 3 known values
  // in the province, else the province median; with an area, median density × area; nationally last.
  it('fills a blank with the median of its type when 3 are known, else of the province, then everyone', () => {
    const result = imputePopulations([
      { code: 'a', provinceCode: '15', type: 'xã', population: 1000 },
      { code: 'b', provinceCode: '15', type: 'xã', population: 3000 },
      { code: 'c', provinceCode: '15', type: 'phường', population: 50000 },
      { code: 'd', provinceCode: '15', type: 'xã', population: null },
      { code: 'e', provinceCode: '15', type: 'đặc khu', population: null },
      { code: 'f', provinceCode: '22', type: 'xã', population: null },
    ]);
    expect(result.get('a')).toEqual({ population: 1000, imputed: false });
    // Only 2 known xã in province 15, so xã and đặc khu both take the province median (3000).
    expect(result.get('d')).toEqual({ population: 3000, imputed: true });
    expect(result.get('e')).toEqual({ population: 3000, imputed: true });
    expect(result.get('f')).toEqual({ population: 3000, imputed: true });
  });

  it('uses the median density of the type times the area when the area is known, as the seed does', () => {
    const result = imputePopulations([
      { code: 'a', provinceCode: '15', type: 'xã', population: 1000, areaKm2: 10 },
      { code: 'b', provinceCode: '15', type: 'xã', population: 4000, areaKm2: 20 },
      { code: 'c', provinceCode: '15', type: 'xã', population: 9000, areaKm2: 30 },
      { code: 'd', provinceCode: '15', type: 'xã', population: null, areaKm2: 50 },
      { code: '20333', provinceCode: '15', type: 'đặc khu', population: null, areaKm2: 50 },
    ]);
    // Densities 100, 200, 300 per km²: median 200 × 50 km².
    expect(result.get('d')).toEqual({ population: 10000, imputed: true });
    expect(result.get('20333')).toEqual({ population: 0, imputed: true });
  });
});

describe('findServicePrevalence', () => {
  it('maps autism services to the 18–30-month figure and leaves universal screening without one', () => {
    expect(findServicePrevalence('SCR.ASD')).toMatchObject({
      rate: 0.00758,
      ageBand: { minMonths: 18, maxMonths: 30 },
    });
    expect(findServicePrevalence('THR.SLT')?.rate).toBe(0.0198);
    expect(findServicePrevalence('SCR.MH')?.rate).toBe(0.217);
    expect(findServicePrevalence('SCR.DEV')).toBeNull();
  });
});
