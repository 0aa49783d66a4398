/** Maps driver errors of either store to domain errors; everything else stays internal. */
import { BadInputError, ConflictError, DomainError, StoreUnavailableError } from '../domain/errors';

/** A store error that carries its GQLSTATUS (Grafeo) or Neo4j status code. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly status: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

const NEO4J_TRANSIENT = /^Neo\.TransientError\./;
const NEO4J_CONNECTION_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

function isNeo4jCode(code: unknown): code is string {
  return typeof code === 'string' && (code.startsWith('Neo.') || NEO4J_CONNECTION_CODES.has(code));
}

interface DriverError {
  message?: string;
  gqlStatus?: string;
  code?: string;
  cause?: { message?: unknown };
}

const GRAFEO_STATUS_CAUSE = /^GQLSTATUS (\S+)$/;

/**
 * Grafeo's wrapper moves the status from `cause.message` (`GQLSTATUS G2000`) to `gqlStatus`, but only
 * for an Error of its own realm: under Jest's VM sandbox it stays in the cause, so read both.
 */
function gqlStatusOf(e: DriverError): string | undefined {
  if (typeof e.gqlStatus === 'string') return e.gqlStatus;
  const cause = typeof e.cause?.message === 'string' ? GRAFEO_STATUS_CAUSE.exec(e.cause.message) : null;
  return cause?.[1];
}

export function mapStoreError(err: unknown): Error {
  if (err instanceof DomainError || err instanceof StoreError) return err;
  const e: DriverError = typeof err === 'object' && err !== null ? err : {};
  // A Neo4jError carries both: its `code` is the stable classification, while servers before 5.26
  // leave gqlStatus as the driver's generic polyfill (50N42). Grafeo's `code` is always GenericFailure.
  const status = (isNeo4jCode(e.code) ? e.code : gqlStatusOf(e)) ?? e.code ?? 'UNKNOWN';
  const message = e.message ?? String(err);
  if (status === 'G2000' || status === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('That identifier is already in use');
  }
  if (NEO4J_CONNECTION_CODES.has(status)) return new StoreUnavailableError();
  // Bookmarks arrive from callers (causal-scope.ts): one this store never gave is their mistake, and
  // one it has not reached in time (a lagging cluster member) is worth a retry.
  if (status.startsWith('Neo.ClientError.Transaction.InvalidBookmark'))
    return new BadInputError('A bookmark the request carried is not one this store gave');
  if (status === 'Neo.TransientError.Transaction.BookmarkTimeout')
    return new StoreUnavailableError(
      'The store has not yet reached the write the bookmark names; try again shortly',
    );
  const transient = status === '40000' || NEO4J_TRANSIENT.test(status);
  return new StoreError(message, status, transient);
}

export function isTransientStoreError(err: unknown): boolean {
  return err instanceof StoreError && err.transient;
}
