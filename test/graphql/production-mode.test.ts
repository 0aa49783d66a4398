import { DEV_JWT_SECRET } from '../../src/config';
import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    env: { NODE_ENV: 'production', KETNOI_JWT_SECRET: 'a-production-secret-of-32-bytes-or-more' },
  });
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

  it('refuses the published development secret and an HS256 secret under 32 bytes', async () => {
    await expect(
      createTestApp({ env: { NODE_ENV: 'production', KETNOI_JWT_SECRET: DEV_JWT_SECRET } }),
    ).rejects.toThrow('published development secret');
    await expect(
      createTestApp({ env: { NODE_ENV: 'production', KETNOI_JWT_SECRET: 'x'.repeat(31) } }),
    ).rejects.toThrow('at least 32 bytes');
  });

  it('gives no "Did you mean" suggestions', async () => {
    const r = await t.run('{ provincs { name } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(r.errors)).not.toMatch(/Did you mean|provinces/);
  });
});
