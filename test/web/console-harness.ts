/**
 * The real server in-process for browser tests: an in-memory embedded store seeded with the demo provinces,
 * the same routes as src/main.ts, a clock the test can move forward, and Chromium from the system.
 */
import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createApp, type App } from '../../src/app';
import { signToken, type TokenClaims } from '../../src/auth/tokens';
import { DEV_JWT_SECRET, loadConfig } from '../../src/config';
import { createApolloServer } from '../../src/graphql/server';
import { createCoverageRoutes } from '../../src/http/coverage-routes';
import { createHttpServer } from '../../src/http/server';
import { createStaticRoutes } from '../../src/http/static-routes';
import { openEmbeddedRunner } from '../../src/store/embedded/embedded-runner';
import { CypherGraphStore } from '../../src/store/graph-store';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Where screenshots go: a temp folder by default, so a test run leaves the tree clean; refresh the docs'
 * images with KETNOI_SCREENSHOTS_DIR=docs/screenshots npx jest test/web.
 */
export const SCREENSHOTS = path.resolve(
  process.env.KETNOI_SCREENSHOTS_DIR ?? path.join(os.tmpdir(), 'ketnoi-screenshots'),
);

/** Flags for a quiet, offline, sandbox-free headless Chromium (CI runs as root in a container). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why the browser tests cannot run here, or null when they can. */
export function browserSkipReason(): string | null {
  if (!fs.existsSync(CHROMIUM_PATH))
    return `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (!fs.existsSync(path.resolve(__dirname, '../../seeds/seed.ts')))
    return 'seeds/seed.ts (seedDemo) is not in the tree yet';
  return null;
}

export interface ConsoleServer {
  app: App;
  base: string;
  /** A local HS256 token, as `npm run token` makes. */
  tokenFor: (claims: TokenClaims) => Promise<string>;
  /** GraphQL over HTTP as the given token; resolves to the JSON body. */
  gqlAs: (
    token: string,
    query: string,
    variables?: Record<string, unknown>,
  ) => Promise<{ data?: any; errors?: any[] }>;
  /** Moves the server's clock forward (stalled referrals). */
  advanceDays: (days: number) => void;
  /** Errors the GraphQL layer logged (printed when a test fails). */
  logged: unknown[];
  close: () => Promise<void>;
}

export async function startConsoleServer(): Promise<ConsoleServer> {
  const { seedDemo } = await import('../../seeds/seed');
  const store = new CypherGraphStore(openEmbeddedRunner({ path: null }));
  await store.ensureSchema();
  await seedDemo(store, { log: () => undefined });
  let offsetMs = 0;
  const app = await createApp(loadConfig({ KETNOI_DATA_FILE: ':memory:' }), store, () =>
    new Date(Date.now() + offsetMs).toISOString(),
  );
  const logged: unknown[] = [];
  const apollo = createApolloServer(app, (e) => logged.push(e));
  await apollo.start();
  const server: http.Server = createHttpServer({
    app,
    apollo,
    routes: { ...createCoverageRoutes(app), ...createStaticRoutes() },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    app,
    base,
    logged,
    tokenFor: (claims) => signToken(claims, DEV_JWT_SECRET),
    gqlAs: async (token, query, variables = {}) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as { data?: any; errors?: any[] };
    },
    advanceDays: (days) => {
      offsetMs += days * 86_400_000;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
      await store.close();
    },
  };
}

export interface ConsoleBrowser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Launches the system Chromium with a fresh, throwaway user-data dir. */
export async function launchChromium(): Promise<ConsoleBrowser> {
  const { chromium } = await import('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketnoi-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 1000 },
    acceptDownloads: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the page's body holds more than `chars` characters. Polled from Node: a string predicate
 * in waitForFunction is re-evaluated with eval, which the console's CSP (script-src 'self') refuses
 * whenever the first check comes before the page has its text.
 */
export async function waitForBodyText(page: Page, chars = 50): Promise<void> {
  for (let tries = 0; tries < 200; tries += 1) {
    if (((await page.textContent('body').catch(() => null)) ?? '').length > chars) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`The page's body did not reach ${chars} characters`);
}
