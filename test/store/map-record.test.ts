/**
 * map-record must turn what neo4j-driver returns into exactly the JSON the embedded runner returns
 * for the same query on the same data. The reference is always a real Grafeo answer; the driver side
 * is built with the driver's own classes, typed as Neo4j stores what the Neo4j runner sends.
 */
import neo4j from 'neo4j-driver';
import { foldDiacritics } from '../../src/domain/text/fold-diacritics';
import { openEmbeddedRunner } from '../../src/store/embedded/embedded-runner';
import { CypherGraphStore } from '../../src/store/graph-store';
import * as R from '../../src/store/cypher/directory-reads';
import { mapRecord, mapValue } from '../../src/store/neo4j/map-record';
import { asStored, driverNode, driverRecord, driverRelationship } from '../fixtures/neo4j/driver-values';
import { seedWorld } from './conformance/context';
import { directoryWorld } from './conformance/fixtures';

const { Date: NeoDate, DateTime, Duration, LocalDateTime, LocalTime, Time, Path, PathSegment } = neo4j.types;
const i = neo4j.int;

const w = directoryWorld('m');
const [f1] = w.facilities;
const [c1, c2] = w.communes;
let store: CypherGraphStore;

/** The embedded runner's rows for a query: the reference JSON. */
const grafeo = (query: string, params?: Record<string, unknown>) => store.runner.read(query, params);

beforeAll(async () => {
  store = new CypherGraphStore(openEmbeddedRunner({ path: null }));
  await store.ensureSchema();
  await seedWorld(store, w);
});

afterAll(() => store.close());

describe('mapRecord on the shapes the shared queries return', () => {
  it('maps `f{.*} AS f` with Integer, float, list, boolean and null-free properties like Grafeo', async () => {
    const reference = await grafeo(R.FACILITIES_BY_ID, { keys: [f1!.id] });
    // What the upsert stored: the record plus its folded name, without the properties set to null.
    const stored = { ...f1!, search: foldDiacritics(f1!.name) };
    const props = Object.fromEntries(Object.entries(stored).filter(([, v]) => v !== null));
    const record = driverRecord({ f: asStored(props) });
    const sent = record.get('f') as Record<string, unknown>;
    expect(neo4j.isInt(sent.lat)).toBe(false);
    expect(sent.identifiers).toEqual([`mMOH|1001`]);
    expect(mapRecord(record)).toEqual(reference[0]);
  });

  it('maps a commune projection with Integer population and a float area', async () => {
    const [reference] = await grafeo(R.COMMUNES_BY_CODE, { keys: [c1!.code] });
    const c = reference!.c as Record<string, unknown>;
    const record = driverRecord({
      c: { ...c, population: i(53_904), lat: 21.149, lon: 107.527, areaKm2: 538.92, flags: ['island'] },
    });
    expect(mapRecord(record)).toEqual(reference);
  });

  it('maps road rows (codes plus `r{.*}` with Integer minutes and float km) like Grafeo', async () => {
    const reference = await grafeo(R.ROADS_FROM, { keys: [c2!.code] });
    const road = w.roads[0]!;
    const record = driverRecord({
      fromCode: c2!.code,
      toCode: c1!.code,
      r: {
        km: i(road.km),
        straightKm: road.straightKm,
        terrain: road.terrain,
        source: road.source,
        min_MOTORBIKE_DRY: i(80),
        min_MOTORBIKE_RAINY: i(120),
        min_WALK_DRY: i(480),
      },
    });
    expect([mapRecord(record)]).toEqual(reference);
  });

  it('maps an Integer count to a number', async () => {
    const reference = await grafeo(R.COUNT_LABEL('Facility'));
    expect([mapRecord(driverRecord({ n: i(25) }))]).toEqual(reference);
    expect(typeof mapRecord(driverRecord({ n: i(25) })).n).toBe('number');
  });

  it('maps a search row and a tombstone projection', async () => {
    const [hit] = await grafeo(R.SEARCH_NAMES, { tokens: ['immunisation'], limit: 5 });
    expect(
      mapRecord(driverRecord({ kind: 'SERVICE', id: 'mSVAX', name: 'Immunisation', folded: 'immunisation' })),
    ).toEqual(hit);
    await store.deleteOffering(w.offerings[0]!.id, '2030-01-01T00:00:00Z');
    const tomb = await grafeo(R.TOMBSTONES_SINCE, { since: '2029-01-01', limit: 5 });
    const t = { deletedAt: '2030-01-01T00:00:00Z', entity: 'Offering', id: w.offerings[0]!.id };
    expect([mapRecord(driverRecord({ t }))]).toEqual(tomb);
  });

  it('maps collected lists of Integers and maps inside lists', async () => {
    const query = `MATCH (f:Facility) WHERE f.id IN $keys WITH f ORDER BY f.id
      RETURN collect(f.id) AS ids, collect({id: f.id, n: size(f.identifiers)}) AS rows, count(f) AS n`;
    const reference = await grafeo(query, { keys: [f1!.id, w.facilities[1]!.id] });
    const record = driverRecord({
      ids: [f1!.id, w.facilities[1]!.id],
      rows: [
        { id: f1!.id, n: i(1) },
        { id: w.facilities[1]!.id, n: i(1) },
      ],
      n: i(2),
    });
    expect([mapRecord(record)]).toEqual(reference);
  });
});

describe('mapRecord on whole graph values', () => {
  it('maps a Node to its properties, as the embedded runner returns a whole node', async () => {
    const [reference] = await grafeo(`MATCH (c:Commune {code: $code}) RETURN c`, { code: c1!.code });
    const props = reference!.c as Record<string, unknown>;
    expect(props).not.toHaveProperty('_id');
    const node = driverNode(['Commune'], props);
    expect(mapRecord(driverRecord({ c: node }))).toEqual(reference);
  });

  it('maps a Relationship and a Path to properties, as the embedded runner does', async () => {
    const query = `MATCH p = (a:Commune {code: $a})-[r:ROAD_TO]->(b:Commune {code: $b}) RETURN r, p`;
    const [reference] = await grafeo(query, { a: c1!.code, b: c2!.code });
    const road = reference!.r as Record<string, unknown>;
    const [a] = await grafeo(`MATCH (c:Commune {code: $code}) RETURN c`, { code: c1!.code });
    const [b] = await grafeo(`MATCH (c:Commune {code: $code}) RETURN c`, { code: c2!.code });
    const start = driverNode(['Commune'], a!.c as Record<string, unknown>);
    const end = driverNode(['Commune'], b!.c as Record<string, unknown>);
    const rel = driverRelationship('ROAD_TO', start, end, road);
    const path = new Path(start, end, [new PathSegment(start, rel, end)]);
    expect(mapRecord(driverRecord({ r: rel, p: path }))).toEqual(reference);
  });

  it('maps integers beyond 2^53 to strings, as the embedded runner maps bigint', async () => {
    const [reference] = await grafeo(`RETURN 9007199254740993 AS big, -9007199254740993 AS low, 42 AS small`);
    const record = driverRecord({ big: i('9007199254740993'), low: i('-9007199254740993'), small: i(42) });
    expect(mapRecord(record)).toEqual(reference);
  });
});

describe('mapRecord on temporal values', () => {
  it('prints dates, times and datetimes as the embedded runner does', async () => {
    const [reference] = await grafeo(`RETURN
      datetime('2025-01-10T08:00:00.123456Z') AS micro, datetime('2025-01-10T08:00:00Z') AS whole,
      datetime('2025-01-10T08:00:00.100+07:00') AS ict, date('2025-01-10') AS day,
      localdatetime('2025-01-10T08:00:00.123') AS local, time('08:00:00.5+07:00') AS t,
      localtime('08:00:00.25') AS lt, datetime('2025-01-10T08:00:00-05:30') AS west,
      time('23:59:59.999999999-01:00') AS nanos`);
    const record = driverRecord({
      micro: new DateTime(2025, 1, 10, 8, 0, 0, 123_456_000, 0),
      whole: new DateTime(i(2025), i(1), i(10), i(8), i(0), i(0), i(0), i(0)),
      ict: new DateTime(2025, 1, 10, 8, 0, 0, 100_000_000, 7 * 3600),
      day: new NeoDate(2025, 1, 10),
      local: new LocalDateTime(2025, 1, 10, 8, 0, 0, 123_000_000),
      t: new Time(8, 0, 0, 500_000_000, 7 * 3600),
      lt: new LocalTime(8, 0, 0, 250_000_000),
      west: new DateTime(2025, 1, 10, 8, 0, 0, 0, -(5 * 3600 + 1800)),
      nanos: new Time(23, 59, 59, 999_999_999, -3600),
    });
    expect(mapRecord(record)).toEqual(reference);
  });

  it('prints durations as the embedded runner does', async () => {
    const [reference] =
      await grafeo(`RETURN duration({months: 14, days: 3, hours: 2, minutes: 5, seconds: 1}) AS a,
      duration({seconds: 0}) AS zero, duration({days: -1}) AS back, duration({months: -14}) AS backMonths,
      duration({hours: 25}) AS long, duration({seconds: -1}) AS backSecond,
      duration({months: 1, days: -3}) AS mixed, duration({days: 1, hours: -2}) AS mixedTime,
      duration({minutes: 90}) AS ninety, duration({years: 2}) AS years`);
    const record = driverRecord({
      a: new Duration(14, 3, 2 * 3600 + 5 * 60 + 1, 0),
      zero: new Duration(0, 0, 0, 0),
      back: new Duration(0, -1, 0, 0),
      backMonths: new Duration(-14, 0, 0, 0),
      long: new Duration(0, 0, 25 * 3600, 0),
      backSecond: new Duration(0, 0, -1, 0),
      mixed: new Duration(1, -3, 0, 0),
      mixedTime: new Duration(0, 1, -7200, 0),
      ninety: new Duration(0, 0, 5400, 0),
      years: new Duration(i(24), i(0), i(0), i(0)),
    });
    expect(mapRecord(record)).toEqual(reference);
  });

  it('keeps fractional seconds of a duration, which Grafeo 0.6 truncates (a known difference)', async () => {
    const [grafeoRow] = await grafeo(`RETURN duration({seconds: 1.5}) AS d`);
    expect(grafeoRow).toEqual({ d: 'PT1S' });
    expect(mapValue(new Duration(0, 0, 1, 500_000_000))).toBe('PT1.5S');
  });

  it('marks a named zone after the offset, as Neo4j prints it', () => {
    const dt = new DateTime(2025, 1, 10, 8, 0, 0, 0, 7 * 3600, 'Asia/Ho_Chi_Minh');
    expect(mapValue(dt)).toBe('2025-01-10T08:00:00+07:00[Asia/Ho_Chi_Minh]');
  });
});
