/**
 * The change feed: entities touched after a (time, id) cursor, per label, oldest first. Creation time
 * falls back to updatedAt for records written without createdAt (the demo seed): they were created when
 * they were written. Counts include changes stamped exactly at `since` (the feed's `since` is inclusive).
 */
/** The labels the feed covers (src/store/graph-store.ts lists them; only Cypher is exported here). */
export type SyncLabel = 'Facility' | 'Offering' | 'Organization';

export const CHANGED_AFTER = (label: SyncLabel) => `
MATCH (n:${label})
WHERE n.updatedAt > $at OR (n.updatedAt = $at AND n.id > $id)
RETURN n.id AS id, n.updatedAt AS at, coalesce(n.createdAt, n.updatedAt) AS createdAt
ORDER BY at, id LIMIT $limit`;

/** Tombstones carry their entity as a property, so the (at, entity, id) tie-break is done here. */
export const DELETED_AFTER = `
MATCH (t:Tombstone)
WHERE t.deletedAt > $at
   OR (t.deletedAt = $at AND (t.entity > $entity OR (t.entity = $entity AND t.id > $id)))
RETURN t.id AS id, t.entity AS entity, t.deletedAt AS at
ORDER BY at, entity, id LIMIT $limit`;

export const COUNT_CHANGED_SINCE = (label: SyncLabel) => `
MATCH (n:${label}) WHERE n.updatedAt >= $since RETURN count(n) AS n`;

export const COUNT_DELETED_SINCE = `MATCH (t:Tombstone) WHERE t.deletedAt >= $since RETURN count(t) AS n`;
