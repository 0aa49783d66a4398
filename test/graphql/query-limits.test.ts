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
