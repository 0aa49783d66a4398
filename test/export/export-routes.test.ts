import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { signToken } from '../../src/auth/tokens';
import { DEV_JWT_SECRET } from '../../src/config';
import { createApolloServer } from '../../src/graphql/server';
import { createDirectoryExportRoutes } from '../../src/http/directory-export-routes';
import { createHttpServer } from '../../src/http/server';
import { parseNdjson } from '../../src/import/parse-import';
import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

let t: TestApp;
let server: http.Server;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedTinyDirectory(t.app);
  const apollo = createApolloServer(t.app, () => undefined);
  await apollo.start();
  server = createHttpServer({ app: t.app, apollo, routes: createDirectoryExportRoutes(t.app) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

const bearer = async (role: 'integrator' | 'caseworker') => ({
  authorization: `Bearer ${await signToken({ subject: 'x', role }, DEV_JWT_SECRET)}`,
});

describe('directory export routes', () => {
  it('need a bearer token with directory.export', async () => {
    const anonymous = await fetch(`${base}/export/hsds.ndjson`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const caseworker = await fetch(`${base}/export/fhir.json`, { headers: await bearer('caseworker') });
    expect(caseworker.status).toBe(403);
  });

  it('stream HSDS NDJSON that the importer reads without errors', async () => {
    const res = await fetch(`${base}/export/hsds.ndjson`, { headers: await bearer('integrator') });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const parsed = parseNdjson(await res.text());
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => r.type)).toEqual([
      'organization',
      ...Array(4).fill('location'),
      'service',
      'service',
      ...Array(3).fill('service_at_location'),
    ]);
  });

  it('serve a FHIR Bundle whose fullUrls use the request host', async () => {
    const res = await fetch(`${base}/export/fhir.json`, { headers: await bearer('integrator') });
    expect(res.headers.get('content-type')).toContain('application/fhir+json');
    const body = (await res.json()) as any;
    expect(body.entry[0].fullUrl).toBe(`${base}/fhir/Organization/org-22-health`);
  });
});
