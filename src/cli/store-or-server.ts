/**
 * The CLI next to a running server. The embedded store is one file that a running `npm start` holds
 * locked, and @grafeo-db/js cannot open it even read-only while a writer holds it (docs/store.md). So a
 * command opens the store when it can; when the file is locked it talks to the server over HTTP instead,
 * with a token it signs with the same secret (KETNOI_JWT_SECRET, or the development default), or the
 * one in KETNOI_TOKEN. Commands that must own the store (seed) stop with a message that says what works.
 */
import { signToken } from '../auth/tokens';
import type { Role } from '../auth/viewer';
import type { Config } from '../config';
import { openStore } from '../store/open-store';

export type OpenedStore = Awaited<ReturnType<typeof openStore>>;

export interface ServerClient {
  base: string;
  request(path: string, init?: { method?: string; body?: string; contentType?: string }): Promise<Response>;
}

export type StoreOrServer = { kind: 'store'; store: OpenedStore } | { kind: 'server'; server: ServerClient };

/** Whether an error is the embedded store's "file is locked by another process". */
export function isStoreLocked(err: unknown): boolean {
  return err instanceof Error && /cannot be locked/i.test(err.message);
}

/** Where a running server would answer: KETNOI_SERVER_URL, or HOST and PORT of the configuration. */
export function serverUrl(config: Pick<Config, 'host' | 'port'>, env = process.env): string {
  if (env.KETNOI_SERVER_URL) return env.KETNOI_SERVER_URL.replace(/\/$/, '');
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}

async function answers(base: string): Promise<boolean> {
  try {
    const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

export class StoreBusyError extends Error {}

/**
 * Opens the store, or, when a running server holds it, a client for that server's HTTP API with a token
 * of `role`. Throws StoreBusyError with the way out when neither works.
 */
export async function openStoreOrServer(
  config: Config,
  role: Exclude<Role, 'anonymous'>,
): Promise<StoreOrServer> {
  try {
    return { kind: 'store', store: await openStore(config.store) };
  } catch (err) {
    if (!isStoreLocked(err)) throw err;
  }
  const base = serverUrl(config);
  if (!(await answers(base))) {
    throw new StoreBusyError(
      `The store ${config.store.dataFile} is locked by another process and no Kết Nối server answers at ${base}. ` +
        'Stop the other process, or set KETNOI_SERVER_URL to the running server.',
    );
  }
  const token =
    process.env.KETNOI_TOKEN ??
    (config.jwtSecret ? await signToken({ subject: 'cli', role }, config.jwtSecret) : null);
  if (!token) {
    throw new StoreBusyError(
      `The server at ${base} holds the store; set KETNOI_TOKEN to a ${role} token for it (this configuration has no KETNOI_JWT_SECRET to sign one).`,
    );
  }
  return {
    kind: 'server',
    server: {
      base,
      request: (path, init = {}) =>
        fetch(`${base}${path}`, {
          method: init.method ?? 'GET',
          headers: {
            authorization: `Bearer ${token}`,
            ...(init.contentType ? { 'content-type': init.contentType } : {}),
          },
          body: init.body,
        }),
    },
  };
}

/** A server answer that is not 2xx, as one line: status and the error message it carries. */
export async function describeHttpError(res: Response): Promise<string> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as { errors?: { message: string }[] };
    return `HTTP ${res.status}: ${body.errors?.map((e) => e.message).join('; ') ?? text}`;
  } catch {
    return `HTTP ${res.status}: ${text.slice(0, 200)}`;
  }
}
