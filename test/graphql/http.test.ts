import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { signToken } from '../../src/auth/tokens';
import { DEV_JWT_SECRET } from '../../src/config';
import { createApolloServer } from '../../src/graphql/server';
import { createHttpServer } from '../../src/http/server';
import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';
import { testStoreKind } from '../fixtures/test-store';

let t: TestApp;
let server: http.Server;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedTinyDirectory(t.app);
  const apollo = createApolloServer(t.app, () => undefined);
  await apollo.start();
  server = createHttpServer({ app: t.app, apollo });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('HTTP', () => {
  it('answers a GraphQL query over POST', async () => {
    const res = await post({ query: '{ commune(code: "06652") { name province { name } } }' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      data: { commune: { name: 'Phường Hà Tu', province: { name: 'Quảng Ninh' } } },
    });
  });

  it('reports liveness and readiness', async () => {
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', store: testStoreKind() });
  });

  it('rejects a malformed JSON body with 400 and a code', async () => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('rejects an invalid bearer token with 401 UNAUTHENTICATED', async () => {
    const res = await post({ query: '{ ok }' }, { authorization: 'Bearer not-a-token' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).errors[0]).toEqual({
      message: 'The bearer token is invalid or has expired',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('accepts a valid local token', async () => {
    const token = await signToken(
      { subject: 'cw-1', role: 'caseworker', organizationId: 'org-22-social' },
      DEV_JWT_SECRET,
    );
    const res = await post({ query: '{ ok }' }, { authorization: `Bearer ${token}` });
    expect(await res.json()).toEqual({ data: { ok: true } });
  });

  it('returns 404 for unknown paths', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});

describe('HTTP limits', () => {
  it('answers a request that outlives the deadline with 503 TIMEOUT', async () => {
    const original = t.app.config.requestTimeoutMs;
    const provinces = t.app.directoryReads.provinces;
    (t.app.config as { requestTimeoutMs: number }).requestTimeoutMs = 50;
    t.app.directoryReads.provinces = () => new Promise((resolve) => setTimeout(() => resolve([]), 300));
    try {
      const res = await post({ query: '{ provinces { code } }' });
      expect(res.status).toBe(503);
      expect(((await res.json()) as any).errors[0]).toEqual({
        message: 'The request took longer than 50 ms and was abandoned',
        extensions: { code: 'TIMEOUT' },
      });
    } finally {
      (t.app.config as { requestTimeoutMs: number }).requestTimeoutMs = original;
      t.app.directoryReads.provinces = provinces;
    }
  });

  it('refuses a body over 1 MB with 400', async () => {
    const res = await post({ query: `{ ok } #${'x'.repeat(1_100_000)}` });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
