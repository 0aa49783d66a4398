/**
 * The web console's static files (web/): one exact route per file, listed once at start-up, so a request
 * path can only ever name a file that was in the folder (no `..`, no encoded separators, no dotfiles).
 * Files are read on each request and revalidated by ETag: the console has no build step and no hashed
 * names, so browsers must check before reusing a copy.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RouteHandler } from './server';

/** Extensions served, with their content types; anything else in web/ stays private. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Scripts only from this origin; inline styles are allowed because the printable referral slip carries its
 * own <style>. No frames, plugins or foreign connections.
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** The first candidate folder that holds index.html: web/ beside src/ (dev, tests) or beside dist/ (npm start). */
export function findWebRoot(
  candidates = [
    path.resolve(__dirname, '../../web'),
    path.resolve(__dirname, '../../../web'),
    path.resolve('web'),
  ],
): string | null {
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? null;
}

/** Relative paths (with `/`) of the servable files under root, skipping dotfiles, symlinks and unknown types. */
export function listWebFiles(root: string, sub = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, sub), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listWebFiles(root, rel));
    else if (entry.isFile() && CONTENT_TYPES[path.extname(entry.name).toLowerCase()]) out.push(rel);
  }
  return out;
}

function serveFile(file: string, contentType: string): RouteHandler {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed');
      return;
    }
    const body = await fs.promises.readFile(file);
    const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
    const headers = { ...SECURITY_HEADERS, etag, 'cache-control': 'no-cache' };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': contentType, 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** Routes for every file in the web folder, plus index.html at `/`. Empty when there is no web folder. */
export function createStaticRoutes(root: string | null = findWebRoot()): Record<string, RouteHandler> {
  if (!root) return {};
  const routes: Record<string, RouteHandler> = {};
  for (const rel of listWebFiles(root)) {
    const type = CONTENT_TYPES[path.extname(rel).toLowerCase()] as string;
    routes[`/${rel}`] = serveFile(path.join(root, rel), type);
  }
  if (routes['/index.html']) routes['/'] = routes['/index.html'];
  return routes;
}
