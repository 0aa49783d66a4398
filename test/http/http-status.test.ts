import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import {
  ConflictError,
  NotFoundError,
  StoreUnavailableError,
  type DomainError,
} from '../../src/domain/errors';
import { createApolloServer } from '../../src/graphql/server';
import { httpStatusFor } from '../../src/http/http-status';
import { createHttpServer, type RouteHandler } from '../../src/http/server';
import { createTestApp, type TestApp } from '../fixtures/test-app';

describe('httpStatusFor', () => {
  it('gives each error code its HTTP meaning', () => {
    expect(httpStatusFor('BAD_USER_INPUT')).toBe(400);
    expect(httpStatusFor('UNAUTHENTICATED')).toBe(401);
    expect(httpStatusFor('FORBIDDEN')).toBe(403);
    expect(httpStatusFor('CONSENT_REQUIRED')).toBe(403);
    expect(httpStatusFor('NOT_FOUND')).toBe(404);
    expect(httpStatusFor('CONFLICT')).toBe(409);
    expect(httpStatusFor('INVALID_TRANSITION')).toBe(409);
    expect(httpStatusFor('STORE_UNAVAILABLE')).toBe(503);
    expect(httpStatusFor('TIMEOUT')).toBe(503);
    expect(httpStatusFor('INTERNAL_SERVER_ERROR')).toBe(500);
  });
});

describe('HTTP routes answer a domain error with its status and code', () => {
  let t: TestApp;
  let server: http.Server;
  let base: string;
  const failing =
    (error: DomainError): RouteHandler =>
    async () => {
      throw error;
    };

  beforeAll(async () => {
    t = await createTestApp();
    const apollo = createApolloServer(t.app, () => undefined);
    await apollo.start();
    server = createHttpServer({
      app: t.app,
      apollo,
      routes: {
        '/missing': failing(new NotFoundError('Facility', 'fac-x')),
        '/conflict': failing(new ConflictError('already there')),
        '/down': failing(new StoreUnavailableError()),
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  it.each([
    ['/missing', 404, 'NOT_FOUND'],
    ['/conflict', 409, 'CONFLICT'],
    ['/down', 503, 'STORE_UNAVAILABLE'],
  ])('%s → %i %s', async (path, status, code) => {
    const res = await fetch(`${base}${path}`);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe(code);
  });
});
