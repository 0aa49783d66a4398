/** Conformance: keyset pagination and every facility filter, checked against a plain-JS model. */
import type { FacilityFilter, FacilityRecord, OfferingRecord } from '../../../src/store/port';
import type { GetContext } from './context';
import { seedWorld } from './context';
import { directoryWorld, type DirectoryWorld } from './fixtures';

/** What the store should return for a filter, computed in JS over the fixture world. */
function expectedIds(w: DirectoryWorld, filter: FacilityFilter): string[] {
  const offers = (f: FacilityRecord) => (o: OfferingRecord) =>
    o.facilityId === f.id &&
    (filter.serviceCode == null || o.serviceCode === filter.serviceCode) &&
    (filter.ageMonths == null ||
      ((o.minAgeMonths == null || o.minAgeMonths <= filter.ageMonths) &&
        (o.maxAgeMonths == null || o.maxAgeMonths >= filter.ageMonths))) &&
    (filter.language == null || o.languages.includes(filter.language));
  const needsOffering = filter.serviceCode != null || filter.ageMonths != null || filter.language != null;
  return w.facilities
    .filter(
      (f) =>
        (filter.provinceCode == null || f.provinceCode === filter.provinceCode) &&
        (filter.communeCode == null || f.communeCode === filter.communeCode) &&
        (filter.sector == null || f.sector === filter.sector) &&
        (filter.kind == null || f.kind === filter.kind) &&
        (filter.level == null || f.level === filter.level) &&
        (filter.provenance == null || f.provenance === filter.provenance) &&
        (filter.updatedAfter == null || f.updatedAt > filter.updatedAfter) &&
        (!needsOffering || w.offerings.some(offers(f))),
    )
    .map((f) => f.id)
    .sort();
}

type FilterCase = [label: string, filter: (w: DirectoryWorld) => FacilityFilter];

const P1 = (w: DirectoryWorld) => w.provinces[0]!.code;
const SPEECH = (w: DirectoryWorld) => w.services[1]!.code;

/** Cases anchored on this test's province or commune: their totals are exact on a shared store too. */
const ANCHORED: FilterCase[] = [
  ['province', (w) => ({ provinceCode: P1(w) })],
  ['commune', (w) => ({ communeCode: w.communes[2]!.code })],
  ['sector', (w) => ({ provinceCode: P1(w), sector: 'SOCIAL' })],
  ['kind (Vietnamese text)', (w) => ({ provinceCode: P1(w), kind: 'Trường mầm non' })],
  ['level', (w) => ({ provinceCode: w.provinces[1]!.code, level: 'REGIONAL' })],
  ['serviceCode', (w) => ({ provinceCode: P1(w), serviceCode: SPEECH(w) })],
  ['ageMonths inside one service range only', (w) => ({ provinceCode: P1(w), ageMonths: 12 })],
  ['ageMonths at a range bound', (w) => ({ provinceCode: P1(w), ageMonths: 60 })],
  ['language', (w) => ({ provinceCode: P1(w), language: 'hmn' })],
  ['updatedAfter', (w) => ({ provinceCode: P1(w), updatedAfter: '2025-07-15T00:00:00Z' })],
  ['provenance', (w) => ({ provinceCode: P1(w), provenance: 'REAL' })],
  [
    'combined (commune, province, sector, service, age, language, updatedAfter)',
    (w) => ({
      communeCode: w.communes[0]!.code,
      provinceCode: P1(w),
      sector: 'EDUCATION',
      serviceCode: SPEECH(w),
      ageMonths: 30,
      language: 'vie',
      updatedAfter: '2025-07-15T00:00:00Z',
    }),
  ],
];

/** Cases with no anchor: only this test's subset is exact when the store is shared. */
const UNANCHORED: FilterCase[] = [
  ['sector alone', () => ({ sector: 'EDUCATION' })],
  ['level alone', () => ({ level: 'CENTRAL' })],
  ['serviceCode with ageMonths', (w) => ({ serviceCode: SPEECH(w), ageMonths: 48 })],
];

export function definePaginationConformance(ctx: GetContext): void {
  it('pages through a province in id order with first/after, a stable totalCount and hasNextPage', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const filter = { provinceCode: P1(w) };
    const all = expectedIds(w, filter);
    expect(all).toHaveLength(17);
    const seen: string[] = [];
    const shapes: Array<[number, number, boolean]> = [];
    let after: string | null = null;
    for (;;) {
      const page = await store.facilities(filter, { first: 5, after });
      shapes.push([page.items.length, page.totalCount, page.hasNextPage]);
      seen.push(...page.items.map((f) => f.id));
      if (!page.hasNextPage) break;
      after = page.items.at(-1)!.id;
    }
    expect(shapes).toEqual([
      [5, 17, true],
      [5, 17, true],
      [5, 17, true],
      [2, 17, false],
    ]);
    expect(seen).toEqual(all);
    expect((await store.facilities(filter, { first: 17, after: null })).hasNextPage).toBe(false);
    expect((await store.facilities(filter, { first: 16, after: null })).hasNextPage).toBe(true);
    const past = await store.facilities(filter, { first: 5, after: all.at(-1)! });
    expect(past).toEqual({ items: [], totalCount: 17, hasNextPage: false });
  });

  it.each(ANCHORED)('filters facilities by %s', async (_label, make) => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const filter = make(w);
    const expected = expectedIds(w, filter);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(w.facilities.length);
    const page = await store.facilities(filter, { first: 100, after: null });
    expect(page.items.map((f) => f.id)).toEqual(expected);
    expect(page.totalCount).toBe(expected.length);
    expect(page.hasNextPage).toBe(false);
  });

  it.each(UNANCHORED)('filters facilities by %s', async (_label, make) => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const filter = make(w);
    const expected = expectedIds(w, filter);
    expect(expected.length).toBeGreaterThan(0);
    const page = await store.facilities(filter, { first: 1000, after: null });
    expect(page.items.map((f) => f.id).filter((id) => id.startsWith(p))).toEqual(expected);
    expect(page.totalCount).toBeGreaterThanOrEqual(expected.length);
  });

  it('returns nothing when the commune lies outside the given province', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const page = await store.facilities(
      { communeCode: w.communes[0]!.code, provinceCode: w.provinces[1]!.code },
      { first: 10, after: null },
    );
    expect(page).toEqual({ items: [], totalCount: 0, hasNextPage: false });
  });

  it('pages and filters communes by province, type and updatedAfter', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const [c1, c2, c3] = w.communes;
    const first = await store.communes({ provinceCode: P1(w) }, { first: 1, after: null });
    expect(first).toEqual({ items: [c1], totalCount: 2, hasNextPage: true });
    const second = await store.communes({ provinceCode: P1(w) }, { first: 1, after: c1!.code });
    expect(second).toEqual({ items: [c2], totalCount: 2, hasNextPage: false });
    const xa = await store.communes(
      { provinceCode: w.provinces[1]!.code, type: 'xã' },
      { first: 5, after: null },
    );
    expect(xa.items).toEqual([c3]);
    await store.upsertCommunes([{ ...c2!, updatedAt: '2026-01-01T00:00:00Z' }]);
    const recent = await store.communes(
      { provinceCode: P1(w), updatedAfter: '2025-12-31T00:00:00Z' },
      { first: 5, after: null },
    );
    expect(recent.items.map((c) => c.code)).toEqual([c2!.code]);
    expect(recent.totalCount).toBe(1);
  });
}
