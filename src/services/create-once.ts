/**
 * Runs a creating unit of work at most once per idempotency key (src/domain/idempotency): a key seen
 * before replays the record it created; a new key is claimed inside the same transaction as the record,
 * so a key never points at a record that was rolled back, and two concurrent submissions of one key
 * leave one record.
 */
import { ConflictError } from '../domain/errors';
import { claimFor, replayedEntity, type IdempotentOperation } from '../domain/idempotency/idempotency-key';
import type { CaseStore, CaseWriter, IdempotencyRecord } from '../store/port';

/** Claims the key for `entityId` inside the caller's transaction, or rolls it back if taken. */
export type ClaimKey = (tx: CaseWriter, entityId: string) => Promise<void>;

/** Thrown inside the transaction (so it rolls back) when another submission holds the key. */
class KeyClaimedBefore extends ConflictError {
  constructor(readonly stored: IdempotencyRecord) {
    super('This idempotencyKey is held by an earlier submission');
  }
}

export async function createOnce<T>(input: {
  store: Pick<CaseStore, 'idempotencyKey'>;
  operation: IdempotentOperation;
  /** Who submits: keys are the caller's own. */
  subject: string;
  /** The mutation's input as given; its idempotencyKey (if any) names the claim. */
  submitted: { idempotencyKey?: string | null };
  at: string;
  /** The first submission's answer, read as the caller may see it now (and audited as a read). */
  replay: (entityId: string) => Promise<T>;
  create: (claimKey: ClaimKey) => Promise<T>;
}): Promise<T> {
  const { store, at, replay, create } = input;
  const claim = claimFor({
    operation: input.operation,
    subject: input.subject,
    key: input.submitted.idempotencyKey,
    payload: { ...input.submitted },
  });
  if (!claim) return create(async () => {});
  const stored = await store.idempotencyKey(claim.id);
  if (stored) return replay(replayedEntity(claim, stored));
  try {
    return await create(async (tx, entityId) => {
      const kept = await tx.claimIdempotencyKey({ ...claim, entityId, createdAt: at });
      if (kept.entityId !== entityId) throw new KeyClaimedBefore(kept);
    });
  } catch (error) {
    if (error instanceof KeyClaimedBefore) return replay(replayedEntity(claim, error.stored));
    // A concurrent first submission can also surface as a unique-key CONFLICT (Neo4j refusing the second
    // MERGE) or as the case-label check: if the key is stored now, that submission won.
    if (error instanceof ConflictError) {
      const winner = await store.idempotencyKey(claim.id);
      if (winner) return replay(replayedEntity(claim, winner));
    }
    throw error;
  }
}
