/** Conformance: Vietnamese text is stored as NFC whatever the input form, and search folds accents. */
import { foldDiacritics, tokenize } from '../../../src/domain/text/fold-diacritics';
import type { GetContext } from './context';
import { seedWorld } from './context';
import { commune, directoryWorld, facility } from './fixtures';

const nfd = (s: string) => s.normalize('NFD');

export function defineTextConformance(ctx: GetContext): void {
  it('round-trips Vietnamese text as NFC, also when it was written as NFD', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const name = 'Bệnh viện Sản Nhi Quảng Ninh – Khoa Nhi sơ sinh';
    const address = 'Phường Đại Yên, Hạ Long, Quảng Ninh';
    expect(nfd(name)).not.toBe(name);
    const f = facility(p, 50, w.communes[0]!, {
      name: nfd(name),
      address: nfd(address),
      kind: nfd('Bệnh viện'),
    });
    await store.upsertFacilities([f]);
    const [back] = await store.facilitiesById([f.id]);
    expect(back).toMatchObject({ name, address, kind: 'Bệnh viện' });
    expect(back!.name).toBe(back!.name.normalize('NFC'));
    const raw = await store.runner.read(
      `MATCH (f:Facility {id: $id}) RETURN f.name = $name AS same, size(f.name) AS n`,
      {
        id: f.id,
        name,
      },
    );
    expect(raw).toEqual([{ same: true, n: [...name].length }]);
  });

  it('matches an NFD filter value against NFC stored text', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const nfc = await store.facilities(
      { provinceCode: w.provinces[0]!.code, kind: 'Trung tâm bảo trợ' },
      { first: 50, after: null },
    );
    const fromNfd = await store.facilities(
      { provinceCode: w.provinces[0]!.code, kind: nfd('Trung tâm bảo trợ') },
      { first: 50, after: null },
    );
    expect(nfc.items.length).toBeGreaterThan(0);
    expect(fromNfd).toEqual(nfc);
    const [c] = await store.communesByCode([w.communes[0]!.code]);
    expect(c!.type).toBe('đặc khu');
    const byType = await store.communes(
      { provinceCode: w.provinces[0]!.code, type: nfd('đặc khu') },
      { first: 5, after: null },
    );
    expect(byType.totalCount).toBe(2);
  });

  it('keeps long Vietnamese text and every tone mark intact', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const marks = 'ả ã á ạ à ă ắ ằ ẳ ẵ ặ â ấ ầ ẩ ẫ ậ đ Đ ê ế ề ể ễ ệ ơ ớ ờ ở ỡ ợ ư ứ ừ ử ữ ự ỳ ỷ ỹ ý ỵ';
    const long = `${marks} `.repeat(2000);
    const f = facility(p, 51, w.communes[0]!, { address: long });
    await store.upsertFacilities([f]);
    expect((await store.facilitiesById([f.id]))[0]!.address).toBe(long);
  });

  it('searches folded names of facilities, communes and services, accent- and case-insensitively', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const island = commune(p, '9', w.provinces[0]!.code, `Đặc khu Vân Đồn ${p}`, 'đặc khu');
    await store.upsertCommunes([island]);
    await store.upsertFacilities([facility(p, 60, island, { name: `Trung tâm Y tế Vân Đồn ${p}` })]);
    const hits = await store.searchNames(tokenize(`VAN DON ${p}`), 20);
    const sorted = hits.map((h) => [h.kind, h.id, h.name, h.folded]).sort();
    expect(sorted).toEqual([
      ['COMMUNE', island.code, island.name, foldDiacritics(island.name)],
      ['FACILITY', `${p}-F60`, `Trung tâm Y tế Vân Đồn ${p}`, `trung tam y te van don ${p}`],
    ]);
    const nfdHits = await store.searchNames(tokenize(nfd(`Vân Đồn ${p}`)), 20);
    expect(nfdHits).toHaveLength(2);
    const services = await store.searchNames(['immunisation'], 50);
    expect(services.filter((h) => h.id.startsWith(p))).toEqual([
      { kind: 'SERVICE', id: `${p}SVAX`, name: 'Immunisation', folded: 'immunisation' },
    ]);
    expect(await store.searchNames(tokenize(`Vân Đồn ${p} nowhere`), 20)).toEqual([]);
  });

  it('stops a search at its limit', async () => {
    const { store, p } = ctx();
    const w = directoryWorld(p);
    await seedWorld(store, w);
    const hits = await store.searchNames([p], 4);
    expect(hits).toHaveLength(4);
    expect(hits.every((h) => h.kind === 'FACILITY' && h.folded.includes(p))).toBe(true);
  });
}
