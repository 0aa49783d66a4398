import { isPointInPolygons } from '../../src/domain/geo/polygon-geometry';
import { buildRoads } from '../../seeds/build-roads';
import { ISLAND_LINKS } from '../../seeds/island-links';
import { loadCommuneLinks, loadCommuneShapes, POINT_MOVED_FLAG } from '../../seeds/load-boundaries';
import { loadGeography } from '../../seeds/load-geography';
import { parseCsvObjects } from '../../seeds/load-geography';
import fs from 'node:fs';
import path from 'node:path';

const national = loadGeography();
const shapes = loadCommuneShapes();
const raw = parseCsvObjects(
  fs.readFileSync(path.join(__dirname, '../../seeds/vn-admin-2025/communes.csv'), 'utf8'),
);

describe('commune boundaries', () => {
  it('has one polygon for every 2025 commune', () => {
    expect(shapes.size).toBe(3321);
    for (const c of national.communes) expect(shapes.has(c.code)).toBe(true);
  });

  it('puts every commune point inside its own polygon (all 3,321), moving only the 21 that were outside', () => {
    const outside = national.communes.filter((c) => !isPointInPolygons(c.lon!, c.lat!, shapes.get(c.code)!));
    expect(outside.map((c) => c.code)).toEqual([]);
    const moved = national.communes.filter((c) => c.flags.includes(POINT_MOVED_FLAG)).map((c) => c.code);
    const wereOutside = raw
      .filter((r) => !isPointInPolygons(Number(r.lon), Number(r.lat), shapes.get(r.code!)!))
      .map((r) => r.code);
    expect(wereOutside).toHaveLength(21);
    expect(moved).toEqual(wereOutside);
    // Points already inside are untouched.
    const byCode = new Map(raw.map((r) => [r.code!, r]));
    for (const c of national.communes.filter((x) => !x.flags.includes(POINT_MOVED_FLAG)))
      expect([c.lat, c.lon]).toEqual([Number(byCode.get(c.code)!.lat), Number(byCode.get(c.code)!.lon)]);
  });
});

describe('commune links', () => {
  const codes = new Set(national.communes.map((c) => c.code));
  const links = loadCommuneLinks(codes);

  it('has the 9,277 shared borders and the documented island links', () => {
    expect(links.filter((l) => l.kind === 'BORDER')).toHaveLength(9277);
    expect(links.filter((l) => l.kind !== 'BORDER')).toHaveLength(ISLAND_LINKS.length);
  });

  it('links every commune except Hoàng Sa and Trường Sa, in one connected network', () => {
    const parent = new Map([...codes].map((c) => [c, c]));
    const find = (x: string): string => {
      while (parent.get(x) !== x) x = parent.get(x)!;
      return x;
    };
    for (const l of links) parent.set(find(l.a), find(l.b));
    const roots = new Map<string, string[]>();
    for (const c of codes) roots.set(find(c), [...(roots.get(find(c)) ?? []), c]);
    const small = [...roots.values()]
      .filter((g) => g.length < 100)
      .flat()
      .sort();
    expect(small).toEqual(['20333', '22736']);
    expect(roots.size).toBe(3);
  });

  it('keeps only links whose two ends are seeded: no edge out of Lào Cai in the demo provinces', () => {
    const demo = national.communes.filter((c) => ['15', '22', '24'].includes(c.provinceCode));
    const province = new Map(demo.map((c) => [c.code, c.provinceCode]));
    const { roads } = buildRoads(demo);
    for (const r of roads) {
      expect(province.has(r.fromCode) && province.has(r.toCode)).toBe(true);
      const pair = [province.get(r.fromCode), province.get(r.toCode)];
      if (pair.includes('15')) expect(pair).toEqual(['15', '15']);
    }
    // Quảng Ninh and Bắc Ninh share a border, so some roads cross it.
    expect(roads.some((r) => province.get(r.fromCode) !== province.get(r.toCode))).toBe(true);
    // Cô Tô reaches Vân Đồn by ferry, Vân Đồn the mainland by the Vân Tiên bridge.
    expect(roads.find((r) => r.fromCode === '06994' && r.toCode === '07192')?.terrain).toBe('FERRY');
    expect(roads.find((r) => r.fromCode === '06781' && r.toCode === '06994')?.terrain).not.toBe('FERRY');
  });
});
