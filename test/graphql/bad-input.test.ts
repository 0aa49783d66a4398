/**
 * Hostile and malformed input: every string argument gets injection attempts, huge strings and unicode
 * edge cases; every answer must be a clear GraphQL error (or an empty, correct result) and the store
 * must be exactly as before, read back node by node.
 */
import type { Viewer } from '../../src/auth/viewer';
import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

let t: TestApp;
const caseworker: Viewer = {
  subject: 'cw-1',
  role: 'caseworker',
  organizationId: 'org-22-health',
  provinceCode: '22',
  facilityId: null,
};
const receiver: Viewer = {
  subject: 'staff-b',
  role: 'facility_staff',
  organizationId: null,
  provinceCode: '22',
  facilityId: 'fac-b',
};
let caseId = '';
let referralId = '';

const HOSTILE = [
  "' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n //',
  '`) DETACH DELETE n RETURN 1 //',
  '$where',
  'x'.repeat(100_000),
  '',
  '   ',
  '\u0000\u0001\u0002',
  'Hà\u0300 Tu\u0301', // stray combining marks
  'Ha\u0300 Tu', // NFD form of Hà Tu
  '\uD800', // lone surrogate
  '🧒🏽‍👧🏻 ẞ İ ǅ',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '٣٤٥',
];

const LABELS = [
  'Province',
  'Commune',
  'LegacyCommune',
  'Facility',
  'Offering',
  'ServiceType',
  'Case',
  'Consent',
  'Referral',
  'ReferralEvent',
  'Tombstone',
];

async function snapshot(): Promise<string> {
  const counts = await Promise.all(LABELS.map(async (l) => `${l}=${await t.store.countNodes(l)}`));
  const [referral] = await t.store.referralsById([referralId]);
  const [record] = await t.store.casesById([caseId]);
  const facilities = await t.store.facilitiesById(['fac-a', 'fac-b', 'fac-c', 'fac-d']);
  return JSON.stringify({ counts, referral, record, facilities });
}

beforeAll(async () => {
  t = await createTestApp();
  await seedTinyDirectory(t.app);
  const c = await t.run(
    `mutation { createCase(input: { label: "BAD-1", birthMonth: "2023-01", sex: F, communeCode: "06652" }) { id } }`,
    {},
    caseworker,
  );
  caseId = c.data!.createCase.id;
  await t.run(
    `mutation($c: ID!) { grantConsent(input: { caseId: $c, grantedBy: "MOTHER", scopeSectors: [HEALTH] }) { id } }`,
    { c: caseId },
    caseworker,
  );
  const r = await t.run(
    `mutation($c: ID!) { createReferral(input: { caseId: $c, fromFacilityId: "fac-a", toFacilityId: "fac-b", serviceCode: "SCR.ASD", reason: "screening" }) { id } }`,
    { c: caseId },
    caseworker,
  );
  referralId = r.data!.createReferral.id;
});
afterAll(() => t.close());

type Op = { name: string; query: string; vars: (s: string) => Record<string, unknown>; viewer?: Viewer };

const OPERATIONS: Op[] = [
  { name: 'province(code)', query: 'query($s: ID!) { province(code: $s) { code } }', vars: (s) => ({ s }) },
  { name: 'commune(code)', query: 'query($s: ID!) { commune(code: $s) { code } }', vars: (s) => ({ s }) },
  { name: 'facility(id)', query: 'query($s: ID!) { facility(id: $s) { id } }', vars: (s) => ({ s }) },
  {
    name: 'facilityByIdentifier',
    query: 'query($s: String!) { facilityByIdentifier(system: $s, value: $s) { id } }',
    vars: (s) => ({ s }),
  },
  {
    name: 'facilities(where)',
    query: 'query($s: String) { facilities(where: { kind: $s, communeCode: $s }) { totalCount } }',
    vars: (s) => ({ s }),
  },
  {
    name: 'facilities(after)',
    query: 'query($s: String) { facilities(after: $s) { totalCount } }',
    vars: (s) => ({ s }),
  },
  {
    name: 'communes(where)',
    query: 'query($s: String) { communes(where: { provinceCode: $s, type: $s }) { totalCount } }',
    vars: (s) => ({ s }),
  },
  { name: 'search', query: 'query($s: String!) { search(text: $s) { id } }', vars: (s) => ({ s }) },
  {
    name: 'nearestProviders',
    query:
      'query($s: String!) { nearestProviders(input: { communeCode: $s, serviceCode: $s, language: $s }) { matches { facility { id } } } }',
    vars: (s) => ({ s }),
    viewer: caseworker,
  },
  {
    name: 'travelTime',
    query: 'query($s: String!) { travelTime(fromCommune: $s, toCommune: $s) { minutes } }',
    vars: (s) => ({ s }),
    viewer: caseworker,
  },
  {
    name: 'case(id)',
    query: 'query($s: ID!) { case(id: $s) { id } }',
    vars: (s) => ({ s }),
    viewer: caseworker,
  },
  {
    name: 'referralChain',
    query: 'query($s: ID!) { referralChain(caseId: $s) { openSteps } }',
    vars: (s) => ({ s }),
    viewer: caseworker,
  },
  {
    name: 'createCase',
    query:
      'mutation($s: String!) { createCase(input: { label: $s, birthMonth: $s, sex: F, communeCode: $s, languages: [$s], needs: [$s] }) { id } }',
    vars: (s) => ({ s }),
    viewer: caseworker,
  },
  {
    name: 'grantConsent',
    query:
      'mutation($s: String!, $c: ID!) { grantConsent(input: { caseId: $c, grantedBy: $s, purpose: $s, scopeOrganizationIds: [$s] }) { id } }',
    vars: (s) => ({ s, c: caseId }),
    viewer: caseworker,
  },
  {
    name: 'createReferral',
    query:
      'mutation($s: String!, $i: ID!, $c: ID!) { createReferral(input: { caseId: $c, fromFacilityId: $i, toFacilityId: "fac-b", serviceCode: $s, reason: $s }) { id } }',
    vars: (s) => ({ s, i: s, c: caseId }),
    viewer: caseworker,
  },
  {
    name: 'transitionReferral',
    query:
      'mutation($s: String!, $r: ID!) { transitionReferral(input: { referralId: $r, action: REJECT, reasonCode: $s, note: $s }) { id } }',
    vars: (s) => ({ s, r: referralId }),
    viewer: receiver,
  },
  {
    name: 'withdrawConsent',
    query: 'mutation($s: ID!) { withdrawConsent(consentId: $s) { id } }',
    vars: (s) => ({ s }),
    viewer: caseworker,
  },
];

const CLIENT_CODES = ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'CONSENT_REQUIRED', 'INVALID_TRANSITION'];

describe.each(OPERATIONS)('$name with hostile strings', (op) => {
  it('answers with a clear client error or a correct empty result, and leaves the store as it was', async () => {
    const before = await snapshot();
    for (const hostile of HOSTILE) {
      const r = await t.run(op.query, op.vars(hostile), op.viewer);
      for (const e of r.errors ?? []) {
        expect(CLIENT_CODES).toContain(e.extensions?.code);
        expect(e.message.length).toBeLessThan(400);
        expect(JSON.stringify(e)).not.toMatch(/at \w+ \(|node_modules|GRAFEO|Cypher/);
      }
    }
    expect(await snapshot()).toBe(before);
  });
});

describe('wrong types', () => {
  it('rejects a string where an Int is expected, and an unknown enum, before any resolver runs', async () => {
    const r = await t.run('query($n: Int) { facilities(first: $n) { totalCount } }', { n: 'ten' });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const e = await t.run('{ facilities(where: { sector: PIRATES }) { totalCount } }');
    expect(e.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('rejects a negative page size and age with messages that name the field', async () => {
    expect((await t.run('{ facilities(first: -1) { totalCount } }')).errors?.[0]?.message).toBe(
      'first must be between 0 and 200, got -1',
    );
    expect(
      (await t.run('{ facilities(where: { ageMonths: -3 }) { totalCount } }')).errors?.[0]?.message,
    ).toBe('ageMonths must be between 0 and 216 (under 18)');
  });

  it('finds Hà Tu whether the query is NFC or NFD', async () => {
    const nfd = await t.run('query($s: String!) { search(text: $s) { id } }', { s: 'Ha\u0300 Tu' });
    expect(nfd.data!.search[0].id).toBe('06652');
  });
});
