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
import { httpStatusFor } from './http-status';

export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<void>;

const MAX_BODY_BYTES = 1_000_000;

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new DomainError('BAD_USER_INPUT', `Request body exceeds ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const TIMED_OUT = Symbol('timed out');

/** Resolves to TIMED_OUT after `ms`; the work itself is bounded by the query limits, not cancelled. */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

export interface HttpOptions {
  app: App;
  apollo: ApolloServer<GraphQLContext>;
  routes?: Record<string, RouteHandler>;
}

export function createHttpServer({ app, apollo, routes = {} }: HttpOptions): http.Server {
  const verify = createTokenVerifier(app.config);
  let draining = false;

  const graphql: RouteHandler = async (req, res, url) => {
    // Verified before Apollo runs, so a bad token is a 401 with UNAUTHENTICATED rather than a context failure.
    const viewer = await verify(req.headers.authorization);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const raw = req.method === 'POST' ? await readBody(req, MAX_BODY_BYTES) : '';
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
    const response = await withDeadline(
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => createContext(app, viewer, pickLocale(req.headers['accept-language'])),
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
      const healthy = !draining && (await app.store.isHealthy());
      sendJson(res, healthy ? 200 : 503, {
        status: healthy ? 'ready' : 'unavailable',
        store: app.store.kind,
      });
    },
    ...routes,
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handler = table[url.pathname] ?? table['*'];
    if (!handler) return sendJson(res, 404, { error: 'not found' });
    handler(req, res, url).catch((err: unknown) => {
      if (res.headersSent) return res.end();
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
  server.on('close', () => {
    draining = true;
  });
  return server;
}
