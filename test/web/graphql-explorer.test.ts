/**
 * GET /graphql in a browser serves the offline explorer: no request leaves the server (every other host is
 * blocked and counted), the bearer token from its field is sent, the schema is listed from introspection,
 * and a query runs. In production, introspection stays off and the page says so.
 */
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { signToken } from '../../src/auth/tokens';
import { DEV_JWT_SECRET } from '../../src/config';
import { createApolloServer } from '../../src/graphql/server';
import { createHttpServer } from '../../src/http/server';
import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp } from '../fixtures/test-app';
import { browserSkipReason, launchChromium, SCREENSHOTS, type ConsoleBrowser } from './console-harness';

async function serve(env?: Record<string, string>) {
  const t = await createTestApp(env ? { env } : {});
  await seedTinyDirectory(t.app);
  const apollo = createApolloServer(t.app, () => undefined);
  await apollo.start();
  const server = createHttpServer({ app: t.app, apollo });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    t,
    base,
    close: async () => {
      await new Promise((resolve) => (server as http.Server).close(resolve));
      await t.close();
    },
  };
}

describe('GET /graphql', () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    s = await serve();
  });
  afterAll(() => s.close());

  it('serves the explorer page to a browser, with nothing loaded from elsewhere', async () => {
    const res = await fetch(`${s.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const html = await res.text();
    expect(html).toContain('id="token"');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
  });

  it('still answers GET queries and POSTs as GraphQL', async () => {
    const get = await fetch(`${s.base}/graphql?query=${encodeURIComponent('{ serviceTypes { code } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(((await get.json()) as any).data.serviceTypes.length).toBeGreaterThan(0);
  });
});

describe('GET /graphql in production', () => {
  it('keeps introspection off', async () => {
    const s = await serve({
      NODE_ENV: 'production',
      KETNOI_JWT_SECRET: 'a-production-secret-of-32-bytes-or-more',
    });
    try {
      const page = await fetch(`${s.base}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      const res = await fetch(`${s.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
      });
      const body = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.message).toMatch(/introspection/i);
    } finally {
      await s.close();
    }
  });
});

const skipReason = browserSkipReason();
if (skipReason) {
  describe.skip(`graphql explorer in Chromium: skipped, ${skipReason}`, () => {
    it('lists the schema and runs a query with the bearer token', () => undefined);
  });
} else {
  describe('graphql explorer in Chromium', () => {
    let s: Awaited<ReturnType<typeof serve>>;
    let browser: ConsoleBrowser;
    beforeAll(async () => {
      [s, browser] = await Promise.all([serve(), launchChromium()]);
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      await s?.close();
    });

    it('lists the schema and runs a query with the bearer token, offline', async () => {
      const page = await browser.context.newPage();
      const elsewhere: string[] = [];
      await page.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.origin === s.base) return route.continue();
        elsewhere.push(url.href);
        return route.abort();
      });
      const sentAuth: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST') sentAuth.push(r.headers().authorization ?? '');
      });
      await page.goto(`${s.base}/graphql`);
      await page.waitForSelector('#types details');
      expect(await page.textContent('#schema')).toContain('object Facility');
      const token = await signToken({ subject: 'explorer', role: 'integrator' }, DEV_JWT_SECRET);
      await page.fill('#token', token);
      await page.dispatchEvent('#token', 'change');
      await page.fill('#query', '{ changes(since: "2025-01-01T00:00:00Z", first: 2) { totalCount } }');
      await page.click('#run');
      // A function, not a string: the page's CSP has no 'unsafe-eval'.
      await page.waitForFunction(() =>
        String((globalThis as any).document.querySelector('#result')?.textContent).includes('totalCount'),
      );
      expect(await page.textContent('#result')).toMatch(/"totalCount": \d+/);
      expect(sentAuth).toContain(`Bearer ${token}`);
      await page.screenshot({ path: `${SCREENSHOTS}/graphql-explorer.png` });
      expect(elsewhere).toEqual([]);
      await page.close();
    }, 60_000);
  });
}
