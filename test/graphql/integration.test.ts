import type { Viewer } from '../../src/auth/viewer';
import { MAX_INLINE_BYTES } from '../../src/graphql/resolvers/Integration';
import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

let t: TestApp;
let clock = Date.parse('2025-10-01T00:00:00.000Z');
const viewer = (role: Viewer['role']): Viewer => ({
  subject: role,
  role,
  organizationId: null,
  provinceCode: null,
  facilityId: null,
});

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date((clock += 1000)).toISOString() });
  await seedTinyDirectory(t.app);
});
afterAll(() => t.close());

const IMPORT = `mutation($n: String!, $dry: Boolean, $skip: Boolean) {
  importDirectory(ndjson: $n, dryRun: $dry, skipInvalid: $skip) {
    dryRun committed received skippedRows
    created { organizations facilities offerings } updated { facilities } unchanged { facilities }
    problems { file line field severity message } steps { name rows ms } } }`;
const CHANGES = `query($since: DateTime!, $first: Int, $after: String) {
  changes(since: $since, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { kind entity id at facility { id name } } } }`;

const ROWS = [
  '{"type":"organization","id":"org-gql","name":"GQL NGO","sector":"SOCIAL","province_code":"22"}',
  '{"type":"location","id":"fac-gql","organization_id":"org-gql","name":"GQL point","sector":"SOCIAL","kind":"COUNSELLING_POINT","commune_code":"07015"}',
  '{"type":"service","id":"svc-gql","name":"Counselling","taxonomy_code":"SCR.DEV"}',
  '{"type":"service_at_location","id":"off-gql","service_id":"svc-gql","location_id":"fac-gql","capacity":4}',
].join('\n');

describe('importDirectory and changes: who may call them', () => {
  it.each([
    ['importDirectory', IMPORT, { n: ROWS, dry: true }],
    ['changes', CHANGES, { since: '2025-01-01T00:00:00Z' }],
  ])(
    '%s rejects a token-less call (UNAUTHENTICATED) and a planner (FORBIDDEN)',
    async (name, query, vars) => {
      const anonymous = await t.run(query, vars);
      expect(anonymous.errors?.[0]).toMatchObject({
        message: 'Sign in to use directory.import',
        extensions: { code: 'UNAUTHENTICATED' },
      });
      const planner = await t.run(query, vars, viewer('planner'));
      expect(planner.errors?.[0]).toMatchObject({
        message: 'The planner role may not use directory.import',
        extensions: { code: 'FORBIDDEN' },
      });
      expect(planner.data?.[name] ?? null).toBeNull();
      for (const role of ['integrator', 'admin'] as const) {
        expect((await t.run(query, vars, viewer(role))).errors).toBeUndefined();
      }
    },
  );
});

describe('importDirectory', () => {
  it('runs a dry run, then imports with the old commune code resolved and the steps timed', async () => {
    const dry = await t.run(IMPORT, { n: ROWS, dry: true }, viewer('integrator'));
    expect(dry.data!.importDirectory).toMatchObject({
      dryRun: true,
      committed: false,
      created: { organizations: 1, facilities: 1, offerings: 1 },
    });
    expect(await t.store.facilitiesById(['fac-gql'])).toEqual([null]);

    const r = await t.run(IMPORT, { n: ROWS }, viewer('integrator'));
    const report = r.data!.importDirectory;
    expect(report).toMatchObject({ committed: true, received: 4, skippedRows: [] });
    expect(report.problems).toEqual([
      {
        file: 'ndjson',
        line: 2,
        field: 'commune_code',
        severity: 'WARNING',
        message:
          'old commune code 07015 (Xã Đông Xá, Huyện Vân Đồn) resolved to its 2025 successor 06994 (Đặc khu Vân Đồn)',
      },
    ]);
    expect(report.steps.map((s: any) => s.name)).toEqual([
      'load reference data',
      'validate',
      'compare with the directory',
      'write (one transaction)',
    ]);
    const facility = await t.run(
      `{ facility(id: "fac-gql") { commune { code } offerings { service { code } } } }`,
    );
    expect(facility.data!.facility).toEqual({
      commune: { code: '06994' },
      offerings: [{ service: { code: 'SCR.DEV' } }],
    });
  });

  it('returns validation problems as data with file, line and field, and writes nothing', async () => {
    const n = [
      '{"type":"location","id":"bad id!","name":"x","sector":"HEALTH","kind":"CLINIC","commune_code":"06652"}',
      '{"type":"service_at_location","id":"off-bad","service_code":"SCR.DEV","location_id":"fac-a","schedule":"FREQ=WEEKLY;BYDAY=XX"}',
    ].join('\n');
    const r = await t.run(IMPORT, { n }, viewer('integrator'));
    expect(r.data!.importDirectory).toMatchObject({
      committed: false,
      problems: [
        { line: 1, field: 'id', severity: 'ERROR', message: 'id "bad id!" has the wrong form' },
        {
          line: 2,
          field: 'schedule',
          severity: 'ERROR',
          message: 'schedule is not an RRULE: BYDAY=XX is not a valid value',
        },
      ],
    });
    expect(t.app.readModel.offerings.has('off-bad')).toBe(false);
  });

  it('refuses NDJSON over the inline size cap', async () => {
    const n = `${'{"type":"organization"}\n'.repeat(Math.ceil(MAX_INLINE_BYTES / 24) + 1)}`;
    const r = await t.run(IMPORT, { n }, viewer('admin'));
    expect(r.errors?.[0]).toMatchObject({
      message: `ndjson is over ${MAX_INLINE_BYTES} bytes; use npm run cli -- import for large files`,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('changes', () => {
  it('lists what the import created, with the entity, oldest first', async () => {
    const r = await t.run(CHANGES, { since: '2025-09-30T00:00:00Z' }, viewer('integrator'));
    expect(
      r.data!.changes.nodes.map((n: any) => `${n.kind} ${n.entity} ${n.id} ${n.facility?.name ?? ''}`.trim()),
    ).toEqual([
      'CREATED Facility fac-gql GQL point',
      'CREATED Offering off-gql',
      'CREATED Organization org-gql',
    ]);
  });
});

describe('communesByOldName', () => {
  const Q = `query($n: String!, $d: String!, $p: String!) {
    communesByOldName(name: $n, district: $d, province: $p) { code name resolvedFrom { code name districtName } } }`;

  it('resolves an old commune by its names, for anyone, without diacritics or unit words', async () => {
    const r = await t.run(Q, { n: 'dong xa', d: 'Vân Đồn', p: 'Tỉnh Quảng Ninh' });
    expect(r.data!.communesByOldName).toEqual([
      {
        code: '06994',
        name: 'Đặc khu Vân Đồn',
        resolvedFrom: { code: '07015', name: 'Xã Đông Xá', districtName: 'Huyện Vân Đồn' },
      },
    ]);
  });

  it('gives an empty list for an unknown commune and refuses an empty name', async () => {
    expect((await t.run(Q, { n: 'Đông Xá', d: 'Hạ Long', p: 'Quảng Ninh' })).data!.communesByOldName).toEqual(
      [],
    );
    expect((await t.run(Q, { n: ' ', d: 'Vân Đồn', p: 'Quảng Ninh' })).errors?.[0]).toMatchObject({
      message: 'name must be 1 to 100 characters',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
