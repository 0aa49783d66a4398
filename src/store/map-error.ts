/** Maps driver errors of either store to domain errors; everything else stays internal. */
import { ConflictError, DomainError, StoreUnavailableError } from '../domain/errors';

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

export function mapStoreError(err: unknown): Error {
  if (err instanceof DomainError || err instanceof StoreError) return err;
  const e = err as { message?: string; gqlStatus?: string; code?: string };
  const status = e.gqlStatus ?? e.code ?? 'UNKNOWN';
  const message = e.message ?? String(err);
  if (status === 'G2000' || status === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('That identifier is already in use');
  }
  if (status === 'ServiceUnavailable' || status === 'SessionExpired') return new StoreUnavailableError();
  const transient = status === '40000' || NEO4J_TRANSIENT.test(status);
  return new StoreError(message, status, transient);
}

export function isTransientStoreError(err: unknown): boolean {
  return err instanceof StoreError && err.transient;
}
