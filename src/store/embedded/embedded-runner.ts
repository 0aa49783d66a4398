/**
 * Embedded adapter on @grafeo-db/js. Grafeo differs from Neo4j in ways this file absorbs:
 * an error inside a transaction does not roll it back (we roll back), concurrent writers to one
 * node fail with 40000 (we serialise our own writes and retry), and there is one handle per file.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { GrafeoDB } from '@grafeo-db/js';
import type { CypherRunner, Params, Row, RunFn } from '../cypher-runner';
import { normalizeParams, normalizeRow } from '../normalize';
import { mapStoreError, isTransientStoreError } from '../map-error';
import { createMutex } from '../mutex';
import { SET_WRITE_SESSION } from '../cypher/write-session';

const MAX_ATTEMPTS = 5;

export interface EmbeddedOptions {
  /** File path for persistence, or null for an in-memory database (tests). */
  path: string | null;
  /** Return unordered rows in random order, to catch code that relies on row order. */
  shuffleUnordered?: boolean;
}

export function openEmbeddedRunner(options: EmbeddedOptions): CypherRunner {
  if (options.path) fs.mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
  const db = GrafeoDB.create(options.path ?? null, { shuffleUnordered: options.shuffleUnordered ?? false });
  const lock = createMutex();
  let statements = 0;
  let closed = false;
  // Marks the store as changed by this process, once, with its first committed write (write-session.ts).
  const session = randomUUID();
  let sessionMarked = false;

  const exec = async (
    target: { executeCypher(q: string, p?: unknown): Promise<{ toArray(): Record<string, unknown>[] }> },
    query: string,
    params?: Params,
  ): Promise<Row[]> => {
    statements += 1;
    try {
      const result = await target.executeCypher(query, normalizeParams(params));
      return result.toArray().map(normalizeRow);
    } catch (err) {
      throw mapStoreError(err);
    }
  };

  return {
    kind: 'embedded',
    get statementCount() {
      return statements;
    },
    read: (query, params) => exec(db, query, params),
    write: <T>(work: (run: RunFn) => Promise<T>) =>
      lock.run(async () => {
        for (let attempt = 1; ; attempt += 1) {
          const tx = db.beginTransaction();
          try {
            if (!sessionMarked)
              await tx.executeCypher(SET_WRITE_SESSION, { token: session, at: new Date().toISOString() });
            const result = await work((q, p) => exec(tx, q, p));
            tx.commit();
            sessionMarked = true;
            return result;
          } catch (err) {
            // Grafeo keeps a transaction alive after a failed statement; never commit after an error.
            if (tx.isActive) tx.rollback();
            if (attempt < MAX_ATTEMPTS && isTransientStoreError(err)) {
              await new Promise((r) => setTimeout(r, 5 * 2 ** attempt));
              continue;
            }
            throw err;
          }
        }
      }),
    async applySchema(ddl) {
      for (const statement of ddl) await exec(db, statement);
    },
    async ping() {
      if (closed) return false;
      await exec(db, 'RETURN 1 AS ok');
      return true;
    },
    async close() {
      if (closed) return;
      await lock.run(async () => undefined);
      closed = true;
      db.close();
    },
  };
}
