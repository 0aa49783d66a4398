/**
 * Every fullUrl of the FHIR Bundle the server exports resolves on that server (GET /fhir/{type}/{id}) to the
 * very resource in the Bundle; a facility without an organisation has no managingOrganization and its
 * offerings no providedBy (both optional in FHIR R4), so no reference points outside the Bundle.
 */
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { signToken } from '../../src/auth/tokens';
import { DEV_JWT_SECRET } from '../../src/config';
import { createApolloServer } from '../../src/graphql/server';
import { createDirectoryExportRoutes } from '../../src/http/directory-export-routes';
import { createFhirRoutes } from '../../src/http/fhir-routes';
import { createHttpServer } from '../../src/http/server';
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
  server = createHttpServer({
    app: t.app,
    apollo,
    routes: { ...createDirectoryExportRoutes(t.app), ...createFhirRoutes(t.app) },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

type Entry = { fullUrl: string; resource: { resourceType: string; id: string; [k: string]: any } };

async function exportedBundle(): Promise<{ entry: Entry[] }> {
  const token = await signToken({ subject: 'fhir', role: 'integrator' }, DEV_JWT_SECRET);
  const res = await fetch(`${base}/export/fhir.json`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as { entry: Entry[] };
}

describe('FHIR fullUrls', () => {
  it('each resolves on the server to the resource in the Bundle', async () => {
    const bundle = await exportedBundle();
    expect(bundle.entry.length).toBeGreaterThan(5);
    for (const e of bundle.entry) {
      expect(e.fullUrl.startsWith(`${base}/fhir/${e.resource.resourceType}/`)).toBe(true);
      const res = await fetch(e.fullUrl);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/fhir+json');
      expect(await res.json()).toEqual(e.resource);
    }
  });

  it('a facility without an organisation has no managingOrganization, its services no providedBy', async () => {
    const bundle = await exportedBundle();
    const location = bundle.entry.find((e) => e.resource.id === 'fac-b')!.resource;
    expect(location.managingOrganization).toBeUndefined();
    const services = bundle.entry.filter((e) => e.resource.location?.[0]?.reference === 'Location/fac-b');
    expect(services.length).toBeGreaterThan(0);
    for (const s of services) expect(s.resource.providedBy).toBeUndefined();
  });

  it('answers 404 for an unknown type or id', async () => {
    expect((await fetch(`${base}/fhir/Location/nope`)).status).toBe(404);
    expect((await fetch(`${base}/fhir/Patient/fac-a`)).status).toBe(404);
  });
});
