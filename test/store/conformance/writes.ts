/** Conformance: schema, idempotent upserts, moves, deletes with tombstones, roads. */
import type { GetContext } from './context';
import { ownNodeCounts, ownRelationshipCounts, seedWorld } from './context';
import { directoryWorld, facility, offering } from './fixtures';

const LABELS = [
  'Province',
  'Commune',
  'LegacyCommune',
  'ServiceType',
  'Organization',
  'Facility',
  'Offering',
  'Identifier',
];

export function defineWriteConformance(ctx: GetContext): void {
  it('applies the schema again without error and keeps enforcing unique keys', async () => {
    const { store, p } = ctx();
    await store.ensureSchema();
    await store.ensureSchema();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const duplicate = store.runner.write((run) =>
      run(`CREATE (:Facility {id: $id})`, { id: w.facilities[0]!.id }),
    );
    await expect(duplicate).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('upserts idempotently: running the same upserts again changes no record and no count', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const labelCounts = async () => Promise.all(LABELS.map((l) => store.countNodes(l)));
    const before = {
      labels: await labelCounts(),
      nodes: await ownNodeCounts(store, p),
      relationships: await ownRelationshipCounts(store, p),
      facilities: await store.facilitiesById(w.facilities.map((f) => f.id)),
    };
    await seedWorld(store, w);
    expect(await labelCounts()).toEqual(before.labels);
    expect(await ownNodeCounts(store, p)).toEqual(before.nodes);
    expect(await ownRelationshipCounts(store, p)).toEqual(before.relationships);
    expect(await store.facilitiesById(w.facilities.map((f) => f.id))).toEqual(before.facilities);
    expect(before.nodes).toEqual({
      Commune: 3,
      Facility: 25,
      Identifier: 3,
      LegacyCommune: 3,
      Offering: w.offerings.length,
      Organization: 1,
      Province: 2,
      ServiceType: 2,
    });
    expect(before.relationships).toEqual({
      IDENTIFIES: 3,
      IN_PROVINCE: 3,
      LOCATED_IN: 25,
      OFFERS: w.offerings.length,
      OF_TYPE: w.offerings.length,
      PART_OF: 5,
      ROAD_TO: 2,
      SUCCEEDED_BY: 3,
    });
  });

  it('reads back exactly the records it wrote', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    expect(await store.facilitiesById(w.facilities.map((f) => f.id))).toEqual(w.facilities);
    expect(await store.communesByCode(w.communes.map((c) => c.code))).toEqual(w.communes);
    expect(await store.provincesByCode(w.provinces.map((x) => x.code))).toEqual(w.provinces);
    expect(await store.organizationsById(w.organizations.map((o) => o.id))).toEqual(w.organizations);
    expect(await store.offeringsById(w.offerings.map((o) => o.id))).toEqual(w.offerings);
  });

  it('updates changed properties and drops properties set to null', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const f = { ...w.facilities[0]!, phone: '0203 3874 115', name: 'Trạm Y tế mới' };
    await store.upsertFacilities([f]);
    expect((await store.facilitiesById([f.id]))[0]).toEqual(f);
    await store.upsertFacilities([{ ...f, phone: null, lat: null }]);
    const [back] = await store.facilitiesById([f.id]);
    expect(back).toMatchObject({ phone: null, lat: null, name: 'Trạm Y tế mới' });
    const raw = await store.runner.read(`MATCH (f:Facility {id: $id}) RETURN f.phone IS NULL AS gone`, {
      id: f.id,
    });
    expect(raw).toEqual([{ gone: true }]);
  });

  it('moves a facility to another commune and keeps exactly one LOCATED_IN', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const [c1, , c3] = w.communes;
    const f = w.facilities.find((x) => x.communeCode === c1!.code)!;
    await store.upsertFacilities([{ ...f, communeCode: c3!.code, provinceCode: c3!.provinceCode }]);
    await store.upsertFacilities([{ ...f, communeCode: c3!.code, provinceCode: c3!.provinceCode }]);
    const located = await store.runner.read(
      `MATCH (f:Facility {id: $id})-[:LOCATED_IN]->(c:Commune) RETURN c.code AS code`,
      { id: f.id },
    );
    expect(located).toEqual([{ code: c3!.code }]);
    const page = await store.facilities({ communeCode: c1!.code }, { first: 50, after: null });
    expect(page.items.map((x) => x.id)).not.toContain(f.id);
  });

  it('moves a commune to another province and keeps exactly one IN_PROVINCE', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const c = w.communes[0]!;
    const target = w.provinces[1]!.code;
    await store.upsertCommunes([{ ...c, provinceCode: target }]);
    const links = await store.runner.read(
      `MATCH (c:Commune {code: $code})-[:IN_PROVINCE]->(p:Province) RETURN p.code AS code`,
      { code: c.code },
    );
    expect(links).toEqual([{ code: target }]);
  });

  it('deletes a facility with its offerings and identifiers and writes tombstones', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const f = w.facilities[1]!;
    const own = w.offerings.filter((o) => o.facilityId === f.id);
    expect(own.length).toBe(2);
    const at = '2030-01-02T03:04:05Z';
    expect(await store.deleteFacility(f.id, at)).toBe(true);
    expect(await store.facilitiesById([f.id])).toEqual([null]);
    expect(await store.offeringsById(own.map((o) => o.id))).toEqual([null, null]);
    expect(await store.facilityByIdentifier(f.identifiers[0]!)).toBeNull();
    const nodes = await ownNodeCounts(store, p);
    expect(nodes).toMatchObject({
      Facility: 24,
      Identifier: 2,
      Offering: w.offerings.length - 2,
      Tombstone: 3,
    });
    const tombstones = await store.tombstonesSince('2030-01-01T00:00:00Z', 10);
    expect(tombstones.filter((t) => t.id.startsWith(p))).toEqual(
      [
        { id: f.id, entity: 'Facility', deletedAt: at },
        ...own.map((o) => ({ id: o.id, entity: 'Offering', deletedAt: at })),
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('reports false and writes no tombstone when deleting an unknown facility', async () => {
    const { store, p } = ctx();
    expect(await store.deleteFacility(`${p}-missing`, '2030-01-01T00:00:00Z')).toBe(false);
    expect(await ownNodeCounts(store, p)).toEqual({});
  });

  it('deletes a single offering and tombstones it', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const o = w.offerings[0]!;
    expect(await store.deleteOffering(o.id, '2031-05-05T00:00:00Z')).toBe(true);
    expect(await store.deleteOffering(o.id, '2031-05-06T00:00:00Z')).toBe(false);
    expect(await store.offeringsById([o.id])).toEqual([null]);
    const since = (await store.tombstonesSince('2031-01-01T00:00:00Z', 10)).filter((t) => t.id.startsWith(p));
    expect(since).toEqual([{ id: o.id, entity: 'Offering', deletedAt: '2031-05-05T00:00:00Z' }]);
  });

  it('round-trips roads with their minutes map and reads them from either end', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const [c1, c2, c3] = w.communes;
    const [r12, r13] = w.roads;
    const [from1, from2, none] = await store.roadsFrom([c1!.code, c2!.code, `${p}C9`]);
    expect(from1).toEqual([r12, r13]);
    expect(from2).toEqual([{ ...r12!, fromCode: c2!.code, toCode: c1!.code }]);
    expect(none).toEqual([]);
    expect(r13!.minutes).toEqual({ MOTORBIKE_DRY: 621, MOTORBIKE_RAINY: 932, WALK_DRY: 3726 });
    await store.upsertRoads([{ ...r12!, minutes: { ...r12!.minutes, CAR_DRY: 55 } }]);
    const [again] = await store.roadsFrom([c3!.code]);
    expect(again).toEqual([{ ...r13!, fromCode: c3!.code, toCode: c1!.code }]);
    expect((await store.roadsFrom([c1!.code]))[0]![0]!.minutes).toEqual({ ...r12!.minutes, CAR_DRY: 55 });
  });

  it('stores an offering with an empty language list and links it to its facility', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const extra = facility(p, 99, w.communes[0]!);
    await store.upsertFacilities([extra]);
    const o = offering(extra, w.services[1]!, { languages: [] });
    await store.upsertOfferings([o]);
    expect(await store.offeringsByFacility([extra.id])).toEqual([[o]]);
    const linked = await store.facilities(
      { serviceCode: o.serviceCode, communeCode: extra.communeCode },
      { first: 50, after: null },
    );
    expect(linked.items.map((f) => f.id)).toContain(extra.id);
  });
}
