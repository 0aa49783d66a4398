import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { KETNOI_MAX_DEPTH: '6', KETNOI_MAX_COMPLEXITY: '3000' } });
  await seedTinyDirectory(t.app);
});
afterAll(() => t.close());

describe('query limits', () => {
  it('rejects an operation deeper than the limit with QUERY_TOO_DEEP', async () => {
    const r = await t.run(
      `{ facilities { nodes { commune { province { communes { nodes { province { name } } } } } } } }`,
    );
    expect(r.errors?.[0]).toMatchObject({
      message: 'The operation is 8 levels deep; the limit is 6',
      extensions: { code: 'QUERY_TOO_DEEP' },
    });
  });

  it('rejects an operation whose estimated cost is over the limit with QUERY_TOO_COMPLEX', async () => {
    const r = await t.run(
      `{ facilities(first: 200) { nodes { offerings { facility { offerings { id } } } } } }`,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(r.errors?.[0]?.message).toContain('the limit is 3000');
  });

  it('prices variables in first', async () => {
    const q = `query($n: Int) { facilities(first: $n) { nodes { offerings { facility { offerings { id } } } } } }`;
    expect((await t.run(q, { n: 2 })).errors).toBeUndefined();
    expect((await t.run(q, { n: 200 })).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('rejects an oversized operation with OPERATION_TOO_LARGE', async () => {
    const r = await t.run(`{ ok ${' '.repeat(25_000)} }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('OPERATION_TOO_LARGE');
  });

  it('counts fragments', async () => {
    const r =
      await t.run(`fragment F on Facility { commune { province { communes { nodes { province { name } } } } } }
      { facilities { nodes { ...F } } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
  });
});

describe('the cost limit cannot be talked down', () => {
  // 30 facilities' worth of this shape costs under 3000; the page sizes below can fetch 200.
  const shape = 'nodes { offerings { facility { offerings { id } } } }';
  const tooComplex = async (query: string, variables?: Record<string, unknown>) =>
    expect((await t.run(query, variables)).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');

  it('prices a negative page size at the cap', () => tooComplex(`{ facilities(first: -5) { ${shape} } }`));
  it('prices a missing page size at the schema default (50), not less', () =>
    tooComplex(`{ facilities { ${shape} } }`));
  it('prices a variable left out at its default in the operation', () =>
    tooComplex(`query($n: Int = 200) { facilities(first: $n) { ${shape} } }`));
  it('prices a null or non-integer variable at the cap', async () => {
    await tooComplex(`query($n: Int) { facilities(first: $n) { ${shape} } }`, { n: null });
    await tooComplex(`query($n: Int) { facilities(first: $n) { ${shape} } }`, { n: -1 });
  });
  it('prices a page size inside an input object', () =>
    tooComplex(
      `query($i: NearestProvidersInput!) { nearestProviders(input: $i) { matches { facility { id name phone email address commune { name code province { name code } } } offering { id waitDays } reasons { code text } travelMinutes distanceKm } excluded { facility { id name phone email address commune { name code province { name code } } } } remote { facility { id name phone email address commune { name code province { name code } } } waitDays } } }`,
      { i: { communeCode: '06652', serviceCode: 'SCR.ASD', first: 50 } },
    ));
  it('prices an unpaged list at its cap', () =>
    tooComplex(
      `{ provinces { communes(first: 8) { nodes { facilities(first: 4) { nodes { id name } } } } } }`,
    ));
  it('lets a small honest page through', async () => {
    expect((await t.run(`{ facilities(first: 2) { ${shape} } }`)).errors).toBeUndefined();
  });
});
