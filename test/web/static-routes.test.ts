import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createStaticRoutes, findWebRoot, listWebFiles } from '../../src/http/static-routes';
import type { RouteHandler } from '../../src/http/server';

/** A throwaway web folder beside a secret, so a traversal that worked would be visible. */
function makeSite(): { dir: string; root: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketnoi-static-'));
  const root = path.join(dir, 'web');
  fs.mkdirSync(path.join(root, 'img'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Kết Nối</title>');
  fs.writeFileSync(path.join(root, 'app.js'), 'export const x = 1;\n');
  fs.writeFileSync(path.join(root, 'styles.css'), 'body { color: black }\n');
  fs.writeFileSync(path.join(root, 'img', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(root, '.env'), 'SECRET=in-web');
  fs.writeFileSync(path.join(root, 'notes.md'), 'private notes');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'SECRET=outside');
  return { dir, root };
}

/** Serves the routes with the same lookup as createHttpServer (exact pathname, else 404). */
function serve(routes: Record<string, RouteHandler>): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handler = routes[url.pathname];
    if (!handler) {
      res.writeHead(404).end('not found');
      return;
    }
    handler(req, res, url).catch(() => res.writeHead(500).end());
  });
}

/** A raw request, so the client does not normalise `..` before the server sees it. */
function rawGet(port: number, target: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: target, method: 'GET', headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('createStaticRoutes', () => {
  const site = makeSite();
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    server = serve(createStaticRoutes(site.root));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(site.dir, { recursive: true, force: true });
  });

  it('serves index.html at / with an HTML content type, no-cache, an ETag and a CSP', async () => {
    const res = await rawGet(port, '/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('Kết Nối');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('gives scripts, styles and images their content types, nested folders included', async () => {
    expect((await rawGet(port, '/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await rawGet(port, '/styles.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await rawGet(port, '/img/logo.svg')).headers['content-type']).toBe('image/svg+xml');
  });

  it('answers 304 when the ETag still matches', async () => {
    const first = await rawGet(port, '/app.js');
    const again = await rawGet(port, '/app.js', { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
  });

  it('does not serve dotfiles or files of unknown types', async () => {
    expect((await rawGet(port, '/.env')).status).toBe(404);
    expect((await rawGet(port, '/notes.md')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/img/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/img/..%2f..%2fsecret.txt',
    '/%2fsecret.txt',
  ])('does not let %s climb out of the web folder', async (target) => {
    const res = await rawGet(port, target);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('SECRET');
  });

  it('reads //secret.txt as a host name (as createHttpServer does) and answers the index page, not the file', async () => {
    const res = await rawGet(port, '//secret.txt');
    expect(res.body).not.toContain('SECRET');
    expect(res.body).toContain('Kết Nối');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/app.js', method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(405);
  });

  it('lists only servable files, and is empty without a web folder', () => {
    expect(listWebFiles(site.root).sort()).toEqual(['app.js', 'img/logo.svg', 'index.html', 'styles.css']);
    expect(createStaticRoutes(null)).toEqual({});
    expect(findWebRoot([path.join(site.dir, 'missing'), site.root])).toBe(site.root);
  });

  it('finds the repository web folder with the console in it', () => {
    const root = findWebRoot();
    expect(root).not.toBeNull();
    expect(Object.keys(createStaticRoutes(root))).toEqual(
      expect.arrayContaining(['/', '/index.html', '/app.js', '/styles.css', '/api.js']),
    );
  });
});
