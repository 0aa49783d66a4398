/**
 * Idempotency keys on the mutations that create case data (createCase, createReferral): a client that
 * retries a submission it is unsure about (a dropped connection, a double tap) gets the first result back
 * instead of a second record. A key is scoped to the caller and the operation; its fingerprint is a hash of
 * the input as given, so reusing a key for a different input is refused rather than silently replayed.
 */
import { createHash } from 'node:crypto';
import { BadInputError, ConflictError } from '../errors';

export type IdempotentOperation = 'createCase' | 'createReferral';

const KEY = /^[A-Za-z0-9._:-]{1,128}$/;

/** What a creating transaction stores beside its record (src/store/port.ts IdempotencyRecord). */
export interface IdempotencyClaim {
  /** A hash of operation, caller and key: the stored node's id, so a caller's key never names another's. */
  id: string;
  operation: IdempotentOperation;
  fingerprint: string;
}

/** The claim for this submission, or null without a key; BAD_USER_INPUT for a malformed key. */
export function claimFor(input: {
  operation: IdempotentOperation;
  subject: string;
  key: string | null | undefined;
  payload: Record<string, unknown>;
}): IdempotencyClaim | null {
  if (input.key === null || input.key === undefined) return null;
  if (!KEY.test(input.key))
    throw new BadInputError('idempotencyKey must be 1–128 letters, digits, - _ . or :', {
      field: 'idempotencyKey',
    });
  const id = `idem-${sha256([input.operation, input.subject, input.key].join('\n'))}`;
  const { idempotencyKey: _ignored, ...payload } = input.payload;
  return { id, operation: input.operation, fingerprint: sha256(canonicalJson(payload)) };
}

/**
 * What to do with a key already stored: replay the record it created when the input is the same, CONFLICT
 * when it differs (the client reused a key by mistake, and a replay would answer a question it did not ask).
 */
export function replayedEntity(
  claim: IdempotencyClaim,
  stored: { fingerprint: string; entityId: string },
): string {
  if (stored.fingerprint !== claim.fingerprint)
    throw new ConflictError(
      'This idempotencyKey was already used for a different request; use a new key for a new submission',
    );
  return stored.entityId;
}

/** JSON with object keys sorted and null/undefined members dropped: equal inputs hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
