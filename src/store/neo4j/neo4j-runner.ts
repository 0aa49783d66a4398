/**
 * Neo4j 5 adapter on neo4j-driver 6. What it absorbs (grafeo-cypher-notes.md §5, §6):
 * the driver sends every JS number as FLOAT, so whole numbers go out as INTEGER like Grafeo types
 * them (LIMIT needs an integer); driver values come back as the embedded runner's plain JSON; a
 * unit of work is one managed transaction that the driver rolls back on error and retries when transient.
 */
import neo4j from 'neo4j-driver';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { StoreUnavailableError } from '../../domain/errors';
import { currentCausalScope } from '../causal-scope';
import type { CypherRunner, Params, Row, RunFn } from '../cypher-runner';
import { mapStoreError } from '../map-error';
import { normalizeParams } from '../normalize';
import { mapRecord } from './map-record';

export interface Neo4jOptions {
  uri: string;
  user: string;
  password: string;
  /** Database name; the user's home database when omitted. */
  database?: string;
  /** How long executeRead/executeWrite keep retrying transient failures (ms). */
  maxTransactionRetryTime?: number;
  /** Timeout of the connectivity check behind ping() (ms). */
  pingTimeoutMs?: number;
  /** How long opening waits for the server to answer (ms). */
  connectTimeoutMs?: number;
}

/** Neo4j only (Grafeo has no such procedure): wait until every index is online. Linted in cypher-lint.test. */
export const AWAIT_INDEXES = 'CALL db.awaitIndexes(300)';

/** Whole, safe JS numbers → neo4j.int, recursively; everything else as normalizeParams left it. */
export function toDriverValue(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toDriverValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toDriverValue(v);
    return out;
  }
  return value;
}

/** Parameters as the store expects them: NFC strings, checked types, integers typed as INTEGER. */
export function toDriverParams(params: Params | undefined): Params {
  return toDriverValue(normalizeParams(params)) as Params;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreUnavailableError(`Neo4j did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Opens a driver and checks that the server answers; the runner speaks only through managed transactions. */
export async function openNeo4jRunner(options: Neo4jOptions): Promise<CypherRunner> {
  const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    maxTransactionRetryTime: options.maxTransactionRetryTime ?? 15_000,
    connectionTimeout: 5_000,
    connectionAcquisitionTimeout: 10_000,
    userAgent: 'ket-noi',
  });
  try {
    // The driver's connectionTimeout does not cover a server that accepts TCP and never answers.
    await withTimeout(
      driver.verifyConnectivity({ database: options.database }),
      options.connectTimeoutMs ?? 10_000,
    );
  } catch (err) {
    await driver.close();
    throw mapStoreError(err);
  }
  return createNeo4jRunner(driver, options);
}

/** The runner over an existing driver, which it owns and closes. */
export function createNeo4jRunner(
  driver: Driver,
  options: Pick<Neo4jOptions, 'database' | 'pingTimeoutMs'> = {},
): CypherRunner {
  const pingTimeoutMs = options.pingTimeoutMs ?? 2_000;
  let statements = 0;
  let closed = false;

  // Sessions share the driver's bookmark manager, so a read sees the writes that completed before it
  // in this process; a request's causal scope adds the bookmarks of writes made through other servers.
  const session = (mode: 'READ' | 'WRITE') =>
    driver.session({
      database: options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: driver.executeQueryBookmarkManager,
      bookmarks: [...(currentCausalScope()?.after ?? [])],
    });

  const runIn = async (tx: ManagedTransaction, query: string, params?: Params): Promise<Row[]> => {
    statements += 1;
    try {
      const result = await tx.run(query, toDriverParams(params));
      return result.records.map(mapRecord);
    } catch (err) {
      // Transient errors go back to executeRead/executeWrite untouched: their retry checks the driver's
      // error class. Anything else is mapped here, so work() sees the same errors as on the embedded store.
      if (neo4j.isRetryableError(err)) throw err;
      throw mapStoreError(err);
    }
  };

  const inSession = async <T>(
    mode: 'READ' | 'WRITE',
    task: (s: ReturnType<typeof session>) => Promise<T>,
  ) => {
    const s = session(mode);
    try {
      return await task(s);
    } catch (err) {
      // Driver errors are mapped; an error thrown by the caller's own work passes through unchanged.
      throw err instanceof neo4j.Neo4jError ? mapStoreError(err) : err;
    } finally {
      await s.close().catch(() => undefined);
    }
  };

  return {
    kind: 'neo4j',
    get statementCount() {
      return statements;
    },
    read: (query, params) => inSession('READ', (s) => s.executeRead((tx) => runIn(tx, query, params))),
    write: <T>(work: (run: RunFn) => Promise<T>) =>
      inSession('WRITE', async (s) => {
        const result = await s.executeWrite((tx) => work((q, p) => runIn(tx, q, p)));
        // The commit's bookmark, for the caller to pass to another server (causal-scope.ts).
        currentCausalScope()?.written.push(...s.lastBookmarks());
        return result;
      }),
    async applySchema(ddl) {
      await inSession('WRITE', async (s) => {
        // Schema and data changes may not share a transaction in Neo4j: one statement per transaction.
        for (const statement of ddl) await s.executeWrite((tx) => runIn(tx, statement));
      });
      // Neo4j-only: indexes populate in the background; wait so the first queries use them.
      await inSession('READ', (s) => s.executeRead((tx) => runIn(tx, AWAIT_INDEXES)));
    },
    async ping() {
      if (closed) return false;
      try {
        await withTimeout(driver.verifyConnectivity({ database: options.database }), pingTimeoutMs);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await driver.close();
    },
  };
}
