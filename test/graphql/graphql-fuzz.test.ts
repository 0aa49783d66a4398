/**
 * Property-based fuzz of GraphQL documents and variables over HTTP: whatever is sent, the answer is
 * below 500, every error carries a known client code (never INTERNAL_SERVER_ERROR), and the store is
 * unchanged. Documents come from a grammar of real and wrong fields, arguments, aliases, fragments and
 * directives, or are arbitrary text; variables are arbitrary JSON.
 */
import fc from 'fast-check';
import { signToken } from '../../src/auth/tokens';
import { DEV_JWT_SECRET } from '../../src/config';
import { startHttpTestApp } from '../fixtures/http-test-app';
import type { TestApp } from '../fixtures/test-app';

const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_TOO_LARGE',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COMPLEX',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONSENT_REQUIRED',
  'CONFLICT',
]);

let t: TestApp;
let base: string;
let close: () => Promise<void>;
let plannerToken: string;

beforeAll(async () => {
  ({ t, base, close } = await startHttpTestApp({ KETNOI_ANON_RATE_LIMIT: '100000' }));
  plannerToken = await signToken({ subject: 'pl', role: 'planner', provinceCode: '22' }, DEV_JWT_SECRET);
});
afterAll(() => close());

const LEAVES = ['name', 'code', 'id', 'ok', '__typename', 'totalCount', 'nope', 'level', 'sector'];
const PARENTS = [
  'provinces',
  'province(code: "22")',
  'commune(code: $c)',
  'commune(code: "06652")',
  'facilities(first: $n)',
  'facilities(first: -7, after: "zz")',
  'communes(first: 3)',
  'nodes',
  'edges',
  'node',
  'pageInfo',
  'offerings',
  'facility',
  'search(text: $c)',
  'nearestProviders(input: $i)',
  'coverage(input: {serviceCode: "SCR.ASD", maxMinutes: 60})',
  'createCase(input: $i)',
  'referral(id: $c)',
  'x: provinces',
  'y: commune(code: "1")',
];
const DIRECTIVES = ['', '', '', ' @include(if: $b)', ' @skip(if: true)', ' @nope'];

const selection: fc.Arbitrary<string> = fc.letrec<{ sel: string }>((tie) => ({
  sel: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...LEAVES),
    fc
      .tuple(
        fc.constantFrom(...PARENTS),
        fc.constantFrom(...DIRECTIVES),
        fc.array(tie('sel'), { minLength: 1, maxLength: 4 }),
      )
      .map(([field, directive, inner]) => `${field}${directive} { ${inner.join(' ')} }`),
    fc
      .array(tie('sel'), { minLength: 1, maxLength: 3 })
      .map((inner) => `... on Province { ${inner.join(' ')} }`),
    fc.constant('...F'),
  ),
})).sel;

const document = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        'query',
        'mutation',
        'query Q($c: String, $n: Int, $b: Boolean!, $i: NearestProvidersInput)',
        '',
      ),
      fc.array(selection, { minLength: 1, maxLength: 4 }),
      fc.boolean(),
    )
    .map(
      ([head, sels, withFragment]) =>
        `${head} { ${sels.join(' ')} }${withFragment ? ' fragment F on Province { name code }' : ''}`,
    ),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
);

const variables = fc.oneof(
  fc.dictionary(fc.constantFrom('c', 'n', 'b', 'i'), fc.jsonValue({ maxDepth: 3 })),
  fc.jsonValue({ maxDepth: 2 }),
);

async function fingerprint(): Promise<string> {
  const [cases, referrals, provinces] = await Promise.all([
    t.store.cases({}, { first: 1000, after: null }),
    t.store.referrals({}, { first: 1000, after: null }),
    t.store.provinces(),
  ]);
  return JSON.stringify([cases, referrals, provinces, t.app.readModel.facilities.size]);
}

describe('GraphQL fuzz', () => {
  it('answers any document and variables with a client code, never a 5xx, and writes nothing', async () => {
    const before = await fingerprint();
    await fc.assert(
      fc.asyncProperty(document, variables, fc.boolean(), async (query, vars, signedIn) => {
        const res = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(signedIn ? { authorization: `Bearer ${plannerToken}` } : {}),
          },
          body: JSON.stringify({ query, variables: vars }),
        });
        expect(res.status).toBeLessThan(500);
        const body = (await res.json()) as { errors?: { extensions?: { code?: unknown } }[] };
        for (const error of body.errors ?? []) expect(CLIENT_CODES).toContain(error.extensions?.code);
      }),
      { numRuns: 200, seed: Number(process.env.KETNOI_FUZZ_SEED ?? 20261204) },
    );
    expect(await fingerprint()).toBe(before);
  }, 120_000);
});
