/** Conformance: batch reads in key order, lookups, succession, lists and the routing snapshot. */
import type { GetContext } from './context';
import { ids, seedWorld } from './context';
import { directoryWorld } from './fixtures';

export function defineReadConformance(ctx: GetContext): void {
  it('returns batch reads in key order with null for misses and repeats for repeated keys', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const [f1, f2, f3] = w.facilities;
    const keys = [f3!.id, `${p}-nope`, f1!.id, f3!.id, f2!.id];
    expect(ids(await store.facilitiesById(keys))).toEqual([f3!.id, null, f1!.id, f3!.id, f2!.id]);
    expect(await store.facilitiesById([])).toEqual([]);
    const codes = [w.communes[2]!.code, `${p}C0`, w.communes[0]!.code];
    expect((await store.communesByCode(codes)).map((c) => c?.code ?? null)).toEqual([
      codes[0],
      null,
      codes[2],
    ]);
    const provinceCodes = [w.provinces[1]!.code, w.provinces[0]!.code, `${p}P9`];
    expect((await store.provincesByCode(provinceCodes)).map((x) => x?.name ?? null)).toEqual([
      'Lào Cai',
      'Quảng Ninh',
      null,
    ]);
    expect(ids(await store.organizationsById([`${p}-O9`, w.organizations[0]!.id]))).toEqual([
      null,
      `${p}-O1`,
    ]);
    const offeringIds = [w.offerings[3]!.id, `${p}-x`, w.offerings[0]!.id];
    expect(ids(await store.offeringsById(offeringIds))).toEqual([offeringIds[0], null, offeringIds[2]]);
  });

  it('groups offerings by facility in key order, sorted by service code, empty for misses', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const [f1, f2] = w.facilities;
    const groups = await store.offeringsByFacility([f1!.id, `${p}-none`, f2!.id]);
    expect(groups).toEqual([
      w.offerings.filter((o) => o.facilityId === f1!.id),
      [],
      w.offerings
        .filter((o) => o.facilityId === f2!.id)
        .sort((a, b) => a.serviceCode.localeCompare(b.serviceCode) || a.id.localeCompare(b.id)),
    ]);
    expect(groups.map((g) => g.map((o) => o.serviceCode))).toEqual([
      [`${p}SVAX`],
      [],
      [`${p}SSPEECH`, `${p}SVAX`],
    ]);
  });

  it('finds a facility by an external identifier and returns null for an unknown one', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const f2 = w.facilities[1]!;
    expect(await store.facilityByIdentifier(`${p}MOH|1002`)).toEqual(f2);
    expect(await store.facilityByIdentifier(`${p}MOH|9999`)).toBeNull();
  });

  it('follows an identifier that moves to another facility, and forgets one a facility drops', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const [f1, f2, f3] = w.facilities;
    const moved = f1!.identifiers[0]!;
    await store.upsertFacilities([
      { ...f1!, identifiers: [] },
      { ...f2!, identifiers: [...f2!.identifiers, moved] },
    ]);
    await store.upsertFacilities([{ ...f3!, identifiers: [] }]);
    expect((await store.facilityByIdentifier(moved))?.id).toBe(f2!.id);
    expect(await store.facilityByIdentifier(f3!.identifiers[0]!)).toBeNull();
    const edges = await store.runner.read(
      `MATCH (i:Identifier {key: $key})-[:IDENTIFIES]->(f:Facility) RETURN f.id AS id`,
      { key: moved },
    );
    expect(edges).toEqual([{ id: f2!.id }]);
  });

  it('resolves pre-2025 communes: by old code, and as predecessors of 2025 communes', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const [l1, l2, l3] = w.legacyCommunes;
    const [c1, c2, c3] = w.communes;
    expect(await store.legacyCommunesByCode([l2!.code!, l1!.code!, `${p}O9`])).toEqual([l1, l2]);
    const byCode = await store.predecessorsOf([c2!.code, c3!.code, c1!.code]);
    expect(byCode).toEqual([[l3], [], [l1, l2]]);
    expect(byCode[0]![0]!.code).toBeNull();
    const links = await store.runner.read(
      `MATCH (l:LegacyCommune)-[:SUCCEEDED_BY]->(c:Commune {code: $code}) RETURN l.key AS key ORDER BY key`,
      { code: c1!.code },
    );
    expect(links).toEqual([{ key: l1!.key }, { key: l2!.key }]);
  });

  it('lists provinces and service types sorted by code', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const provinces = (await store.provinces()).filter((x) => x.code.startsWith(p));
    expect(provinces).toEqual(w.provinces);
    const services = (await store.serviceTypes()).filter((s) => s.code.startsWith(p));
    expect(services).toEqual([...w.services].sort((a, b) => a.code.localeCompare(b.code)));
    const all = (await store.provinces()).map((x) => x.code);
    expect(all).toEqual([...all].sort());
  });

  it('counts nodes by label', async () => {
    const { store, p } = ctx();
    const before = await store.countNodes('Facility');
    await seedWorld(store, directoryWorld(p));
    expect(await store.countNodes('Facility')).toBe(before + 25);
    expect(await store.countNodes('NoSuchLabel')).toBe(0);
  });

  it('loads a routing snapshot with every commune, road, facility and offering', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const snap = await store.loadRoutingSnapshot();
    const own = <T>(items: T[], key: (t: T) => string) => items.filter((i) => key(i).startsWith(p));
    expect(own(snap.communes, (c) => c.code)).toEqual(w.communes);
    const byPair = (a: { fromCode: string; toCode: string }, b: { fromCode: string; toCode: string }) =>
      a.fromCode.localeCompare(b.fromCode) || a.toCode.localeCompare(b.toCode);
    expect(own(snap.roads, (r) => r.fromCode).sort(byPair)).toEqual([...w.roads].sort(byPair));
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(own(snap.facilities, (f) => f.id).sort(byId)).toEqual([...w.facilities].sort(byId));
    expect(own(snap.offerings, (o) => o.id).sort(byId)).toEqual([...w.offerings].sort(byId));
  });

  it('lists tombstones after a time, oldest first, up to a limit', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const [f1, f2, f3] = w.facilities;
    await store.deleteFacility(f2!.id, '2040-01-02T00:00:00Z');
    await store.deleteFacility(f1!.id, '2040-01-01T00:00:00Z');
    await store.deleteFacility(f3!.id, '2040-01-03T00:00:00Z');
    const facilityTombstones = async (since: string, limit: number) =>
      (await store.tombstonesSince(since, limit)).filter(
        (t) => t.id.startsWith(p) && t.entity === 'Facility',
      );
    expect((await facilityTombstones('2040-01-01T00:00:00Z', 100)).map((t) => t.id)).toEqual([
      f2!.id,
      f3!.id,
    ]);
    const first = await store.tombstonesSince('2039-12-31T00:00:00Z', 1);
    expect(first).toHaveLength(1);
    expect(first[0]!.deletedAt).toBe('2040-01-01T00:00:00Z');
  });
}
