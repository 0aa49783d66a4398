import { GrafeoDB } from '@grafeo-db/js';
import { normalizeParam, normalizeParams, normalizeRow, normalizeValue } from '../../src/store/normalize';

describe('normalizeParams', () => {
  it('turns every string into NFC, however deep, so equality matches stored text', () => {
    const nfd = 'Phường Hà Tu'.normalize('NFD');
    expect(nfd).not.toBe('Phường Hà Tu');
    expect(normalizeParams({ q: nfd, rows: [{ name: nfd, tags: [nfd] }] })).toEqual({
      q: 'Phường Hà Tu',
      rows: [{ name: 'Phường Hà Tu', tags: ['Phường Hà Tu'] }],
    });
  });

  it('sends no parameters as an empty map and drops keys holding undefined', () => {
    expect(normalizeParams(undefined)).toEqual({});
    expect(normalizeParams({ a: undefined, b: null, c: 0 })).toStrictEqual({ b: null, c: 0 });
    expect(normalizeParam(undefined)).toBeNull();
    expect(normalizeParam([1, undefined])).toEqual([1, null]);
  });

  it('passes numbers, booleans and bigints through unchanged', () => {
    expect(normalizeParams({ n: 5, x: 5.5, ok: false, big: 2n ** 62n })).toEqual({
      n: 5,
      x: 5.5,
      ok: false,
      big: 2n ** 62n,
    });
  });

  it('rejects a Date, Map or Set and names where it was', () => {
    expect(() => normalizeParams({ at: new Date('2025-01-10T08:00:00Z') })).toThrow(
      new TypeError('$.at: send times as ISO strings and collections as arrays or objects'),
    );
    expect(() => normalizeParams({ rows: [{ seen: new Set(['a']) }] })).toThrow(/^\$\.rows\[0\]\.seen: /);
    expect(() => normalizeParams({ m: new Map([['a', 1]]) })).toThrow(/^\$\.m: /);
  });

  it('rejects functions and symbols', () => {
    expect(() => normalizeParams({ f: () => 1 })).toThrow('$.f: unsupported parameter type function');
    expect(() => normalizeParams({ s: Symbol('x') })).toThrow('$.s: unsupported parameter type symbol');
  });
});

describe('normalizeValue', () => {
  it('turns bigints into numbers when exact, and into strings beyond 2^53', () => {
    expect(normalizeValue(42n)).toBe(42);
    expect(normalizeValue(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(normalizeValue(9007199254740993n)).toBe('9007199254740993');
    expect(normalizeValue(-9007199254740993n)).toBe('-9007199254740993');
  });

  it("prints a Date (Grafeo's localdatetime) as a zone-less ISO time without trailing zeros", () => {
    expect(normalizeValue(new Date('2025-01-10T08:00:00.000Z'))).toBe('2025-01-10T08:00:00');
    expect(normalizeValue(new Date('2025-01-10T08:00:00.120Z'))).toBe('2025-01-10T08:00:00.12');
    expect(normalizeValue(new Date('2025-01-10T23:59:59.999Z'))).toBe('2025-01-10T23:59:59.999');
  });

  it("drops Grafeo's internal node and relationship fields and keeps the properties", () => {
    expect(normalizeValue({ _id: 3, _labels: ['Facility'], id: 'F-1', n: 2n })).toEqual({ id: 'F-1', n: 2 });
    expect(normalizeValue({ _id: 0, _type: 'ROAD_TO', _source: 1, _target: 2, km: 4 })).toEqual({ km: 4 });
  });

  it('keeps an ordinary map that merely has an _id key', () => {
    expect(normalizeValue({ _id: 'x', name: 'a' })).toEqual({ _id: 'x', name: 'a' });
  });

  it('normalises nested lists and maps and maps undefined to null', () => {
    expect(normalizeRow({ a: [1n, { b: [2n] }], c: undefined, d: null })).toEqual({
      a: [1, { b: [2] }],
      c: null,
      d: null,
    });
  });
});

describe('normalizeRow on real Grafeo results', () => {
  const db = GrafeoDB.create(null);
  afterAll(() => db.close());

  it('returns plain JSON for nodes, relationships, big integers and local datetimes', async () => {
    await db.executeCypher(
      `CREATE (:Facility {id: 'F-1', beds: 12})-[:LOCATED_IN {since: 2025}]->(:Commune {code: '06994'})`,
    );
    const result = await db.executeCypher(`MATCH (f:Facility)-[r]->(c) RETURN f, r, c.code AS code,
      9007199254740993 AS big, localdatetime('2025-01-10T08:00:00') AS local`);
    expect(result.toArray().map(normalizeRow)).toEqual([
      {
        f: { id: 'F-1', beds: 12 },
        r: { since: 2025 },
        code: '06994',
        big: '9007199254740993',
        local: '2025-01-10T08:00:00',
      },
    ]);
  });
});
