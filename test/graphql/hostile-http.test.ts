/**
 * Hostile callers over HTTP: documents built to make validation slow, a deadline that stops the work,
 * trickling bodies and headers, and the per-address limit for callers without a token.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { signToken } from '../../src/auth/tokens';
import { DEV_JWT_SECRET } from '../../src/config';
import { createApolloServer } from '../../src/graphql/server';
import { createHttpServer } from '../../src/http/server';
import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

let t: TestApp;
let server: http.Server;
let base: string;
let port: number;

beforeAll(async () => {
  t = await createTestApp({
    env: {
      KETNOI_ANON_RATE_LIMIT: '1000',
      KETNOI_BODY_TIMEOUT_MS: '600',
      KETNOI_HEADERS_TIMEOUT_MS: '600',
    },
  });
  await seedTinyDirectory(t.app);
  const apollo = createApolloServer(t.app, () => undefined);
  await apollo.start();
  server = createHttpServer({ app: t.app, apollo });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const rep = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' ');

/** Worst documents of the attack run's kind; each took seconds to validate before the screening. */
export const WORST_DOCUMENTS: Record<string, string> = {
  'one field 450 times under one name (15 KB)': `{ ${rep(450, (i) => `x: commune(code: "${i}") { name }`)} }`,
  'one field 900 times without aliases': `{ provinces { ${rep(900, () => 'name')} } }`,
  '300 fragments answering at one name': `${rep(300, (i) => `fragment F${i} on Query { x: commune(code: "${i}") { name } }`)} { ${rep(300, (i) => `...F${i}`)} }`,
  '1 MB of fields': `{ ${rep(120_000, () => 'ok')} }`.slice(0, 990_000),
  'nested copies multiplying at each level': `{ provinces { ${rep(4, () => `communes { nodes { province { ${rep(4, () => 'communes { nodes { name } }')} } } }`)} } }`,
  'thousands of directives': `{ ok ${rep(2000, () => '@include(if: true)')} }`,
};

describe('hostile documents', () => {
  it.each(Object.entries(WORST_DOCUMENTS))(
    'rejects %s quickly with a code, not a stall',
    async (_n, query) => {
      const started = performance.now();
      const res = await post({ query });
      const ms = performance.now() - started;
      const body = (await res.json()) as any;
      expect(res.status).toBe(400);
      expect(['OPERATION_TOO_LARGE', 'QUERY_TOO_DEEP']).toContain(body.errors[0].extensions.code);
      // Generous on a shared 2-core machine; before the screening these took 1–60 s.
      expect(ms).toBeLessThan(750);
    },
  );

  it('still answers an ordinary query', async () => {
    const res = await post({ query: '{ provinces { code name } }' });
    expect(res.status).toBe(200);
  });
});

describe('the deadline stops the work, not only the answer', () => {
  it('does not resolve the rest of the tree after the deadline', async () => {
    const original = t.app.config.requestTimeoutMs;
    const provinces = t.app.directoryReads.provinces.bind(t.app.directoryReads);
    const communes = t.app.directoryReads.communes.bind(t.app.directoryReads);
    let communeCalls = 0;
    (t.app.config as { requestTimeoutMs: number }).requestTimeoutMs = 50;
    t.app.directoryReads.provinces = () =>
      new Promise((resolve) => setTimeout(() => resolve(provinces()), 150));
    t.app.directoryReads.communes = (...args) => {
      communeCalls += 1;
      return communes(...args);
    };
    try {
      const res = await post({ query: '{ provinces { code communes(first: 5) { nodes { code } } } }' });
      expect(res.status).toBe(503);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('TIMEOUT');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(communeCalls).toBe(0);
    } finally {
      (t.app.config as { requestTimeoutMs: number }).requestTimeoutMs = original;
      t.app.directoryReads.provinces = provinces;
      t.app.directoryReads.communes = communes;
    }
  });
});

/** Opens a raw socket, sends `head`, then one byte every `everyMs`; resolves with what came back and when. */
function trickle(head: string, everyMs: number): Promise<{ text: string; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => (text += d));
    socket.write(head);
    const timer = setInterval(() => socket.write('x'), everyMs);
    const done = () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ text, ms: performance.now() - started });
    };
    socket.on('close', done);
    socket.on('error', () => undefined);
    const giveUp = setTimeout(() => socket.destroy(), 5_000);
  });
}

describe('slow senders', () => {
  it('answers a trickling body with 408 and closes the connection', async () => {
    const head =
      'POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 10000\r\n\r\n{"query":"';
    const { text, ms } = await trickle(head, 50);
    expect(text).toMatch(/^HTTP\/1\.1 408/);
    expect(text).toContain('REQUEST_TIMEOUT');
    expect(ms).toBeLessThan(3_000);
  });

  it('closes a connection whose headers trickle', async () => {
    const { text, ms } = await trickle('POST /graphql HTTP/1.1\r\nhost: x\r\nx-slow: ', 50);
    expect(text === '' || /^HTTP\/1\.1 408/.test(text)).toBe(true);
    expect(ms).toBeLessThan(3_500);
  });
});

describe('callers without a token', () => {
  it('are limited per address with 429, Retry-After and RATE_LIMITED; signed-in callers are not', async () => {
    const t2 = await createTestApp({ env: { KETNOI_ANON_RATE_LIMIT: '5' } });
    const apollo = createApolloServer(t2.app, () => undefined);
    await apollo.start();
    const s2 = createHttpServer({ app: t2.app, apollo });
    await new Promise<void>((resolve) => s2.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(s2.address() as AddressInfo).port}/graphql`;
    const send = (headers: Record<string, string> = {}) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ ok }' }),
      });
    try {
      const statuses = [];
      for (let i = 0; i < 6; i += 1) statuses.push((await send()).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      const limited = await send();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await limited.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
      const token = await signToken(
        { subject: 'cw', role: 'caseworker', organizationId: 'o' },
        DEV_JWT_SECRET,
      );
      expect((await send({ authorization: `Bearer ${token}` })).status).toBe(200);
    } finally {
      s2.closeAllConnections();
      await new Promise((resolve) => s2.close(resolve));
      await t2.close();
    }
  });
});
