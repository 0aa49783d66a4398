/** The national generator is deterministic, scales its counts and never reuses an id. */
import { buildDirectory } from '../../tools/generate/build-directory';
import { drawChainLengths } from '../../tools/generate/chain-lengths';
import { caseCount, parseScale, selectProvinces } from '../../tools/generate/scale';
import { loadGeography } from '../../seeds/load-geography';
import type {
  CaseRecord,
  FacilityRecord,
  OfferingRecord,
  ReferralEventRecord,
  ReferralRecord,
} from '../../src/store/port';
import { generateTo, readRows, removeDir } from './generated-fixture';

const made: string[] = [];
const bySeed = new Map<string, ReturnType<typeof generateTo>>();
afterAll(() => made.forEach(removeDir));

/** A fresh folder per call when `fresh`, else one shared per scale and seed. */
async function generate(scale: string, seed: number, fresh = false) {
  const key = `${scale}:${seed}`;
  if (fresh || !bySeed.has(key)) bySeed.set(key, generateTo(scale, seed));
  const out = await bySeed.get(key)!;
  made.push(out.dir);
  return out;
}

describe('generateDataset', () => {
  it('writes the same bytes for the same seed and different ones for another seed', async () => {
    const [a, b, c] = [await generate('0.01', 1), await generate('0.01', 1, true), await generate('0.01', 2)];
    expect(b.dir).not.toBe(a.dir);
    expect(a.manifest.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.manifest.hash).toBe(a.manifest.hash);
    expect(b.manifest.files).toEqual(a.manifest.files);
    expect(c.manifest.hash).not.toBe(a.manifest.hash);
  });

  it('writes 200,000 × scale cases, one consent each and exactly two referrals per case', async () => {
    const { dir, manifest } = await generate('0.01', 1);
    expect(manifest.counts.cases).toBe(2000);
    expect(manifest.counts.consents).toBe(2000);
    expect(manifest.counts.referrals).toBe(4000);
    expect(readRows(dir, 'history/cases.ndjson')).toHaveLength(2000);
    expect(readRows(dir, 'history/referrals.ndjson')).toHaveLength(4000);
    expect(manifest.samples.eightStepCaseId).toMatch(/^case-s1-/);
  });

  it('never reuses an id within a kind of record', async () => {
    const { dir } = await generate('0.01', 1);
    for (const file of [
      'directory/facilities.ndjson',
      'directory/offerings.ndjson',
      'history/cases.ndjson',
      'history/consents.ndjson',
      'history/referrals.ndjson',
      'history/referral-events.ndjson',
    ]) {
      const ids = readRows<{ id: string }>(dir, file).map((r) => r.id);
      expect({ file, unique: new Set(ids).size }).toEqual({ file, unique: ids.length });
    }
  });

  it('refers only between facilities of the directory, for services they offer', async () => {
    const { dir } = await generate('0.01', 1);
    const facilities = new Set(readRows<FacilityRecord>(dir, 'directory/facilities.ndjson').map((f) => f.id));
    const offered = new Set(
      readRows<OfferingRecord>(dir, 'directory/offerings.ndjson').map(
        (o) => `${o.facilityId}|${o.serviceCode}`,
      ),
    );
    const cases = new Map(readRows<CaseRecord>(dir, 'history/cases.ndjson').map((c) => [c.id, c]));
    for (const r of readRows<ReferralRecord>(dir, 'history/referrals.ndjson')) {
      expect(facilities.has(r.fromFacilityId)).toBe(true);
      expect(offered.has(`${r.toFacilityId}|${r.serviceCode}`)).toBe(true);
      expect(r.fromFacilityId).not.toBe(r.toFacilityId);
      expect(cases.has(r.caseId)).toBe(true);
    }
    expect(readRows<ReferralEventRecord>(dir, 'history/referral-events.ndjson').length).toBeGreaterThan(4000);
  });
});

describe('scales', () => {
  it('parses national and fractions, and refuses anything else', () => {
    expect(parseScale('national')).toEqual({ label: 'national', fraction: 1 });
    expect(parseScale('0.33')).toEqual({ label: '0.33', fraction: 0.33 });
    expect(() => parseScale('2')).toThrow(/fraction/);
    expect(() => parseScale('abc')).toThrow(/fraction/);
  });

  it('takes whole provinces until they hold the fraction of the communes', () => {
    const { provinces, communes } = loadGeography({});
    const national = selectProvinces(provinces, communes, 1);
    expect(national).toHaveLength(34);
    for (const fraction of [0.01, 0.1, 0.33]) {
      const chosen = new Set(selectProvinces(provinces, communes, fraction));
      const held = communes.filter((c) => chosen.has(c.provinceCode)).length;
      expect(held).toBeGreaterThanOrEqual(fraction * communes.length);
      expect(held).toBeLessThan(fraction * communes.length + 200);
    }
  });

  it('grows the directory with the scale: every commune of the country at national scale', () => {
    const small = buildDirectory({ fraction: 0.01, seed: 1 });
    const tenth = buildDirectory({ fraction: 0.1, seed: 1 });
    expect(tenth.communes.length).toBeGreaterThan(small.communes.length);
    expect(tenth.facilities.length).toBeGreaterThan(small.facilities.length);
    expect(tenth.offerings.length).toBeGreaterThan(small.offerings.length);
    // About 18 facilities per commune, as in the national set (58,428 for 3,321 communes).
    expect(tenth.facilities.length / tenth.communes.length).toBeGreaterThan(12);
    expect(caseCount(0.1)).toBe(20_000);
    expect(caseCount(1)).toBe(200_000);
  });

  it('draws chain lengths of 1 to 8 that add up to the referral total exactly', () => {
    for (const seed of [1, 2, 3]) {
      const lengths = drawChainLengths({ cases: 5000, referrals: 10_000, seed });
      expect(lengths.reduce((a, b) => a + b, 0)).toBe(10_000);
      expect(Math.min(...lengths)).toBe(1);
      expect(Math.max(...lengths)).toBe(8);
    }
    expect(() => drawChainLengths({ cases: 10, referrals: 81, seed: 1 })).toThrow(/cannot make/);
  });
});
