/**
 * The HTTP front: GraphQL at /graphql through Apollo's framework-neutral entry point, plus /health,
 * /ready and extra routes (exports, static console). Plain node:http keeps the dependency list short.
 */
import http from 'node:http';
import { HeaderMap } from '@apollo/server';
import type { ApolloServer } from '@apollo/server';
import type { App } from '../app';
import { createTokenVerifier } from '../auth/tokens';
import { DomainError } from '../domain/errors';
import { pickLocale } from '../domain/i18n/locale';
import { createContext, type GraphQLContext } from '../graphql/context';
import { localizeError } from '../graphql/localize-errors';
import { DEFAULT_DOCUMENT_LIMITS, DocumentRejectedError, screenDocument } from '../graphql/screen-document';
import { bookmarksToReturn, currentCausalScope, runInCausalScope } from '../store/causal-scope';
import { LruMap } from '../support/lru-map';
import { BOOKMARK_HEADER, decodeBookmarkHeader, encodeBookmarkHeader } from './bookmark-header';
import { createRateLimiter } from './rate-limit';
import { BodyTimeoutError, readBody } from './read-body';
import { serveExplorer, wantsExplorer } from './graphql-explorer';
import { httpStatusFor, type HttpOnlyCode } from './http-status';

/** Operation texts remembered as having passed screening (each at most maxQueryBytes). */
const SCREENED_DOCUMENTS_KEPT = 500;

export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<void>;

const MAX_BODY_BYTES = 1_000_000;

export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function sendError(
  res: http.ServerResponse,
  code: HttpOnlyCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, httpStatusFor(code), { errors: [{ message, extensions: { code } }] }, headers);
}

/** The operation text of a GraphQL request, when there is exactly one to screen. */
function queryOf(body: unknown, url: URL): string | null {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const query = (body as { query?: unknown }).query;
    return typeof query === 'string' ? query : null;
  }
  return url.searchParams.get('query');
}

const TIMED_OUT = Symbol('timed out');

/** Resolves to TIMED_OUT after `ms`; the work itself stops at the context's deadline (stop-at-deadline.ts). */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** A route registered as `/prefix/*` answers every path under `/prefix/` (e.g. `/fhir/*`). */
function prefixRoute(table: Record<string, RouteHandler>, pathname: string): RouteHandler | undefined {
  const slash = pathname.indexOf('/', 1);
  return slash > 0 ? table[`${pathname.slice(0, slash)}/*`] : undefined;
}

export interface HttpOptions {
  app: App;
  apollo: ApolloServer<GraphQLContext>;
  routes?: Record<string, RouteHandler>;
}

export function createHttpServer({ app, apollo, routes = {} }: HttpOptions): http.Server {
  const verify = createTokenVerifier(app.config);
  const anonymousLimit = createRateLimiter({ perMinute: app.config.anonymousRequestsPerMinute });
  const documentLimits = { ...DEFAULT_DOCUMENT_LIMITS, maxDepth: app.config.maxDepth };
  const screened = new LruMap<string, true>(SCREENED_DOCUMENTS_KEPT);
  let draining = false;

  const graphql: RouteHandler = async (req, res, url) => {
    // A browser opening /graphql gets the offline explorer; GET queries and POSTs go to Apollo.
    if (wantsExplorer(req, url)) return serveExplorer(res);
    // Callers without a token are limited per address before anything else is spent on them.
    if (!req.headers.authorization) {
      const wait = anonymousLimit.take(req.socket.remoteAddress ?? 'unknown');
      if (wait > 0)
        return sendError(
          res,
          'RATE_LIMITED',
          `Too many requests without a token; try again in ${wait} s or sign in`,
          { 'retry-after': String(wait) },
        );
    }
    // Verified before Apollo runs, so a bad token is a 401 with UNAUTHENTICATED rather than a context failure.
    const viewer = await verify(req.headers.authorization);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const raw = req.method === 'POST' ? await readBody(req, MAX_BODY_BYTES, app.config.bodyTimeoutMs) : '';
    let body: unknown = raw;
    if (raw && headers.get('content-type')?.includes('application/json')) {
      try {
        body = JSON.parse(raw);
      } catch {
        return sendJson(res, httpStatusFor('BAD_REQUEST'), {
          errors: [{ message: 'Body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
        });
      }
    }
    // Cheap checks first: GraphQL validation is not linear in the document (screen-document.ts).
    // A text that passed once passes again (same text, same limits), so clients that repeat their
    // documents skip the parse and walks; Apollo's own cache then skips parse and validation.
    const query = queryOf(body, url);
    if (query !== null && !screened.get(query)) {
      try {
        screenDocument(query, documentLimits);
        screened.set(query, true);
      } catch (err) {
        if (err instanceof DocumentRejectedError)
          return sendError(res, err.extensions.code as HttpOnlyCode, err.message);
        throw err;
      }
    }
    const deadline = { expiresAt: Date.now() + app.config.requestTimeoutMs };
    const response = await withDeadline(
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => createContext(app, viewer, pickLocale(req.headers['accept-language']), deadline),
      }),
      app.config.requestTimeoutMs,
    );
    if (response === TIMED_OUT) {
      return sendJson(res, httpStatusFor('TIMEOUT'), {
        errors: [
          {
            message: `The request took longer than ${app.config.requestTimeoutMs} ms and was abandoned`,
            extensions: { code: 'TIMEOUT' },
          },
        ],
      });
    }
    for (const [key, value] of response.headers) res.setHeader(key, value);
    const scope = currentCausalScope();
    const bookmark =
      scope && app.storeAdmin.kind === 'neo4j' ? encodeBookmarkHeader(bookmarksToReturn(scope)) : null;
    if (bookmark) res.setHeader(BOOKMARK_HEADER, bookmark);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const table: Record<string, RouteHandler> = {
    '/graphql': graphql,
    '/health': async (_q, res) => sendJson(res, 200, { status: 'ok' }),
    '/ready': async (_q, res) => {
      const healthy = !draining && (await app.storeAdmin.isHealthy());
      sendJson(res, healthy ? 200 : 503, {
        status: healthy ? 'ready' : 'unavailable',
        store: app.storeAdmin.kind,
      });
    },
    ...routes,
  };

  // Checked every second (Node's default is 30 s), so header and request timeouts bite on time.
  const server = http.createServer({ connectionsCheckingInterval: 1000 }, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handler = table[url.pathname] ?? prefixRoute(table, url.pathname) ?? table['*'];
    if (!handler) return sendJson(res, 404, { error: 'not found' });
    // A request with a bookmark (a write made through any server) is served once this server has it:
    // the store's sessions start from it, and the read model has caught up past it (causal-scope.ts).
    const serve = async () => {
      const after = decodeBookmarkHeader(req.headers[BOOKMARK_HEADER]);
      // The embedded store has no bookmarks and one process: nothing to wait for or hand back.
      if (app.storeAdmin.kind !== 'neo4j') return handler(req, res, url);
      await runInCausalScope(after, async () => {
        if (after.length > 0) await (app.follower?.catchUp(after) ?? app.storeAdmin.awaitBookmarks(after));
        await handler(req, res, url);
      });
    };
    serve().catch((err: unknown) => {
      if (res.headersSent) return res.end();
      if (err instanceof BodyTimeoutError)
        return sendError(res, err.code, err.message, { connection: 'close' });
      if (err instanceof DomainError) {
        const error = { message: err.message, extensions: { code: err.code } };
        return sendJson(res, httpStatusFor(err.code), {
          errors: [localizeError(error, pickLocale(req.headers['accept-language']))],
        });
      }
      console.error(err);
      sendJson(res, httpStatusFor('INTERNAL_SERVER_ERROR'), {
        errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
    });
  });
  server.requestTimeout = app.config.requestTimeoutMs;
  server.headersTimeout = Math.min(app.config.headersTimeoutMs, app.config.requestTimeoutMs);
  server.on('close', () => {
    draining = true;
  });
  return server;
}
