/**
 * The Neo4j runner's own behaviour that needs no database: parameter typing, and what a caller sees
 * when the server is absent or silent. The live behaviour is the conformance suite (neo4j.int.test.ts).
 */
import net from 'node:net';
import neo4j from 'neo4j-driver';
import { createNeo4jRunner, openNeo4jRunner, toDriverParams } from '../../src/store/neo4j/neo4j-runner';

/** A port on which nothing listens (bound, then released). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('toDriverParams', () => {
  it('sends whole numbers as INTEGER and fractions as FLOAT, at any depth', () => {
    const out = toDriverParams({ limit: 26, lat: 21.149, rows: [{ km: 40, minutes: [12, 7.5] }], zero: -0 });
    expect(neo4j.isInt(out.limit)).toBe(true);
    expect(String(out.limit)).toBe('26');
    expect(out.lat).toBe(21.149);
    const [row] = out.rows as Array<{ km: unknown; minutes: unknown[] }>;
    expect(neo4j.isInt(row!.km)).toBe(true);
    expect(neo4j.isInt(row!.minutes[0])).toBe(true);
    expect(row!.minutes[1]).toBe(7.5);
    expect(String(out.zero)).toBe('0');
  });

  it('keeps numbers beyond 2^53 as FLOAT and bigints as they are (the driver sends a bigint as INTEGER)', () => {
    const out = toDriverParams({ big: 2 ** 60, exact: 2n ** 60n, inf: Infinity });
    expect(out.big).toBe(2 ** 60);
    expect(out.exact).toBe(2n ** 60n);
    expect(out.inf).toBe(Infinity);
  });

  it('normalises strings to NFC, drops undefined keys, and rejects Dates and Maps', () => {
    const nfd = 'Đặc khu Vân Đồn'.normalize('NFD');
    const out = toDriverParams({ name: nfd, gone: undefined, list: [nfd, undefined] });
    expect(out).toStrictEqual({ name: 'Đặc khu Vân Đồn', list: ['Đặc khu Vân Đồn', null] });
    expect(() => toDriverParams({ at: new Date() })).toThrow('$.at: send times as ISO strings');
    expect(() => toDriverParams({ rows: [{ m: new Map() }] })).toThrow('$.rows[0].m');
  });
});

describe('openNeo4jRunner', () => {
  it('rejects with STORE_UNAVAILABLE when the server accepts but never answers', async () => {
    const silent = await silentServer();
    try {
      const opening = openNeo4jRunner({
        uri: silent.uri,
        user: 'neo4j',
        password: 'x',
        connectTimeoutMs: 300,
      });
      await expect(opening).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
        message: expect.stringContaining('300 ms'),
      });
    } finally {
      await silent.close();
    }
  });

  it('rejects with STORE_UNAVAILABLE, quickly, when nothing listens at the URI', async () => {
    const started = Date.now();
    const opening = openNeo4jRunner({
      uri: `bolt://127.0.0.1:${await closedPort()}`,
      user: 'neo4j',
      password: 'x',
    });
    await expect(opening).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', name: 'StoreUnavailableError' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

/** A TCP server that accepts connections and never answers, like a wedged Neo4j. */
async function silentServer() {
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    uri: `bolt://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    close: async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('createNeo4jRunner without a server', () => {
  it('answers ping() with false, not an error, and false again once closed', async () => {
    const driver = neo4j.driver(`bolt://127.0.0.1:${await closedPort()}`, neo4j.auth.basic('neo4j', 'x'));
    const runner = createNeo4jRunner(driver, { pingTimeoutMs: 500 });
    await expect(runner.ping()).resolves.toBe(false);
    await runner.close();
    await expect(runner.ping()).resolves.toBe(false);
  });

  it('gives up on a server that accepts connections but never answers, within the ping timeout', async () => {
    const silent = await silentServer();
    const runner = createNeo4jRunner(neo4j.driver(silent.uri, neo4j.auth.basic('neo4j', 'x')), {
      pingTimeoutMs: 300,
    });
    try {
      const started = Date.now();
      await expect(runner.ping()).resolves.toBe(false);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await silent.close();
      await runner.close();
    }
  });

  it('maps a failed read and a failed unit of work to STORE_UNAVAILABLE after the driver stops retrying', async () => {
    const uri = `bolt://127.0.0.1:${await closedPort()}`;
    const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'x'), { maxTransactionRetryTime: 50 });
    const runner = createNeo4jRunner(driver);
    try {
      await expect(runner.read('RETURN 1 AS one')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      const work = jest.fn(async () => 'never');
      await expect(runner.write(work)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      expect(work).not.toHaveBeenCalled();
    } finally {
      await runner.close();
    }
  });
});
