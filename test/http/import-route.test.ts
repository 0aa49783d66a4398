/**
 * POST /import/directory: an upload well over the GraphQL route's 1 MB cap imports with the same report,
 * all rows or none, with progress lines as the import runs; an integrator (or admin) token is required.
 */
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { signToken } from '../../src/auth/tokens';
import { DEV_JWT_SECRET } from '../../src/config';
import { createApolloServer } from '../../src/graphql/server';
import { createImportRoutes } from '../../src/http/import-routes';
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
  server = createHttpServer({ app: t.app, apollo, routes: createImportRoutes(t.app) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

const bearer = async (role: 'integrator' | 'caseworker') => ({
  authorization: `Bearer ${await signToken({ subject: 'upload', role }, DEV_JWT_SECRET)}`,
});

/** 3,000 facilities with long addresses: about 1.5 MB of NDJSON. */
function bigUpload(prefix: string): string {
  const address = 'Số nhà 12, đường Trần Hưng Đạo, tổ dân phố 3, khu 5, '.repeat(4);
  return Array.from(
    { length: 3000 },
    (_, i) =>
      `{"type":"location","id":"${prefix}-${i}","name":"Điểm ${i}","sector":"SOCIAL","kind":"COUNSELLING_POINT","commune_code":"06652","address":"${address.slice(0, 200)}"}`,
  ).join('\n');
}

async function upload(body: string, query = '', role: 'integrator' | 'caseworker' = 'integrator') {
  const res = await fetch(`${base}/import/directory${query}`, {
    method: 'POST',
    headers: { ...(await bearer(role)), 'content-type': 'application/x-ndjson' },
    body,
  });
  const lines = (await res.text())
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, any>);
  return { status: res.status, lines, report: lines[lines.length - 1]!.report };
}

describe('POST /import/directory', () => {
  it('needs an integrator or admin token', async () => {
    const anonymous = await fetch(`${base}/import/directory`, { method: 'POST', body: '' });
    expect(anonymous.status).toBe(401);
    const caseworker = await fetch(`${base}/import/directory`, {
      method: 'POST',
      headers: await bearer('caseworker'),
      body: '',
    });
    expect(caseworker.status).toBe(403);
  });

  it('imports a file over 1 MB, reporting progress, then the report', async () => {
    const body = bigUpload('fac-up');
    expect(Buffer.byteLength(body)).toBeGreaterThan(1_000_000);
    const dry = await upload(body, '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.report).toMatchObject({ dryRun: true, committed: false, received: 3000 });
    expect(dry.report.created.facilities).toBe(3000);
    expect(t.app.readModel.facilities.has('fac-up-0')).toBe(false);

    const real = await upload(body);
    expect(real.report).toMatchObject({ committed: true, received: 3000 });
    const progress = real.lines.filter((l) => 'progress' in l).map((l) => l.progress as string);
    expect(progress[0]).toMatch(/^upload: received \d+ bytes/);
    expect(progress.some((p) => p.startsWith('import: validate'))).toBe(true);
    expect(t.app.readModel.facilities.has('fac-up-2999')).toBe(true);
  });

  it('writes nothing when one row is wrong, and lists the problem by line', async () => {
    const body = `${bigUpload('fac-bad')}\n{"type":"location","id":"fac-bad-x","name":"x","sector":"NONE","kind":"X","commune_code":"06652"}`;
    const { report } = await upload(body);
    expect(report.committed).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ file: 'upload.ndjson', line: 3001, field: 'sector', severity: 'ERROR' }),
    ]);
    expect(t.app.readModel.facilities.has('fac-bad-0')).toBe(false);
  });

  it('takes one CSV table named by ?table=', async () => {
    const csv = 'id,name,sector,kind,commune_code\nfac-csv-1,"Điểm CSV, một",HEALTH,CLINIC,06652\n';
    const res = await fetch(`${base}/import/directory?table=locations.csv`, {
      method: 'POST',
      headers: { ...(await bearer('integrator')), 'content-type': 'text/csv' },
      body: csv,
    });
    const last = JSON.parse((await res.text()).trim().split('\n').pop()!) as { report: any };
    expect(last.report).toMatchObject({ committed: true, created: { facilities: 1 } });
    expect(t.app.readModel.facilities.get('fac-csv-1')?.name).toBe('Điểm CSV, một');
  });
});
