import { openEmbeddedRunner } from '../../src/store/embedded/embedded-runner';
import { CypherGraphStore } from '../../src/store/graph-store';
import { seedDemo, type SeedSummary } from '../../seeds/seed';

const LABELS = [
  'Province',
  'Commune',
  'LegacyCommune',
  'ServiceType',
  'Organization',
  'Facility',
  'Offering',
];

async function countAll(store: CypherGraphStore) {
  const nodes = Object.fromEntries(
    await Promise.all(LABELS.map(async (l) => [l, await store.countNodes(l)] as const)),
  );
  return { ...nodes, roads: (await store.loadRoutingSnapshot()).roads.length };
}

describe('seedDemo (embedded in-memory store)', () => {
  let store: CypherGraphStore;
  let first: SeedSummary;
  const lines: string[] = [];

  beforeAll(async () => {
    store = new CypherGraphStore(openEmbeddedRunner({ path: null }));
    await store.ensureSchema();
    first = await seedDemo(store, { log: (line) => lines.push(line) });
  });
  afterAll(() => store.close());

  it('writes the three demo provinces, their 252 communes and the rest of the directory', async () => {
    expect(first).toMatchObject({
      skipped: false,
      provinces: 3,
      communes: 252,
      legacyCommunes: 871,
      serviceTypes: 25, // the 24 codes of product.md and EXAM.GEN
      organizations: 9,
    });
    expect(await countAll(store)).toEqual({
      Province: 3,
      Commune: 252,
      LegacyCommune: 871,
      ServiceType: 25,
      Organization: 9,
      Facility: first.facilities,
      Offering: first.offerings,
      roads: first.roads,
    });
    expect(first.roads).toBeGreaterThan(0);
  });

  it('prints a progress line with count and time for every step, in write order', () => {
    const steps = lines.map((l) => /^seed: (\w+) \d+ \(\d+ ms/.exec(l)?.[1]).filter(Boolean);
    expect(steps).toEqual([
      'provinces',
      'communes',
      'legacyCommunes',
      'serviceTypes',
      'organizations',
      'facilities',
      'offerings',
      'roads',
    ]);
    expect(lines.at(-1)).toMatch(/^seed: done in \d+ ms$/);
  });

  it('skips a store that already has provinces, and a forced second seed leaves the counts unchanged', async () => {
    const before = await countAll(store);
    const skipped = await seedDemo(store, {});
    expect(skipped).toMatchObject({ skipped: true, facilities: 0 });
    const again = await seedDemo(store, { force: true });
    expect({ ...again, elapsedMs: 0 }).toEqual({ ...first, elapsedMs: 0 });
    expect(await countAll(store)).toEqual(before);
  });

  it('stores the old commune Đông Xá (07015) as a LegacyCommune succeeded by Đặc khu Vân Đồn (06994)', async () => {
    const [dongXa] = await store.legacyCommunesByCode(['07015']);
    expect(dongXa).toMatchObject({ key: 'VN63:07015', name: 'Xã Đông Xá', successorCode: '06994' });
    const [predecessors] = await store.predecessorsOf(['06994']);
    expect(predecessors!.map((l) => l.code)).toEqual(expect.arrayContaining(['07012', '07015']));
    const [vanDon] = await store.communesByCode(['06994']);
    expect(vanDon).toMatchObject({ name: 'Đặc khu Vân Đồn', type: 'đặc khu', provinceCode: '22' });
  });

  it('flags imputed population and area', async () => {
    const [hopThanh, banXeo, haTu] = await store.communesByCode(['02680', '02725', '06652']);
    expect(hopThanh).toMatchObject({ populationEstimated: true, areaEstimated: true });
    expect(hopThanh!.population).toBeGreaterThan(0);
    expect(banXeo).toMatchObject({ populationEstimated: true, areaEstimated: false, areaKm2: 78.3 });
    expect(haTu).toMatchObject({ population: 29643, populationEstimated: false, areaEstimated: false });
  });

  it('has a health station in every seeded commune and the real facilities with provenance REAL', async () => {
    const snapshot = await store.loadRoutingSnapshot();
    const stations = new Set(
      snapshot.facilities.filter((f) => f.kind === 'COMMUNE_HEALTH_STATION').map((f) => f.communeCode),
    );
    expect(snapshot.communes.filter((c) => !stations.has(c.code))).toEqual([]);
    const real = await store.facilitiesById([
      'fac-22-swc',
      'fac-15-sa-yen-bai',
      'fac-24-hosp-obpaed',
      'fac-24-rhc-tu-son',
    ]);
    expect(real.map((f) => f?.provenance)).toEqual(['REAL', 'REAL', 'REAL', 'REAL']);
    const [offerings] = await store.offeringsByFacility(['fac-22-cpp-06688']);
    expect(offerings!.map((o) => o.serviceCode)).toEqual(expect.arrayContaining(['SCR.MH', 'SW.CASE']));
  });
});
