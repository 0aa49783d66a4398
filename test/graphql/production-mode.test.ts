import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { NODE_ENV: 'production', KETNOI_JWT_SECRET: 'prod-secret-for-tests' } });
  await seedTinyDirectory(t.app);
});
afterAll(() => t.close());

describe('production mode', () => {
  it('turns introspection off', async () => {
    const r = await t.run('{ __schema { types { name } } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors?.[0]?.message).toContain('introspection');
  });

  it('still answers ordinary queries', async () => {
    expect((await t.run('{ province(code: "22") { name } }')).data).toEqual({
      province: { name: 'Quảng Ninh' },
    });
  });

  it('refuses to start without a token secret or JWKS URL', async () => {
    await expect(createTestApp({ env: { NODE_ENV: 'production' } })).rejects.toThrow(
      'In production set KETNOI_JWT_SECRET or KETNOI_JWKS_URL',
    );
  });
});
