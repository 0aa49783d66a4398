/** The change feed for integrators: cursor encoding and one page of changes after `since`. */
import { BadInputError } from '../domain/errors';
import type { ChangeCursor, ChangeRecord, GraphStore, Page } from '../store/port';

/** The cursor key of a change: at, entity and id, joined by a separator no id contains. */
export function changeKey(c: Pick<ChangeRecord, 'at' | 'entity' | 'id'>): string {
  return `${c.at}\u001f${c.entity}\u001f${c.id}`;
}

function parseKey(key: string): ChangeCursor {
  const [at, entity, id] = key.split('\u001f');
  if (!at || !entity || id === undefined) throw new BadInputError('after is not a change-feed cursor');
  return { at, entity, id };
}

export const MAX_CHANGES_PAGE = 1000;

export async function listChanges(
  store: Pick<GraphStore, 'changesAfter' | 'countChangesSince'>,
  input: { since: string; first: number; afterKey: string | null },
): Promise<Page<ChangeRecord>> {
  if (!Number.isInteger(input.first) || input.first < 1 || input.first > MAX_CHANGES_PAGE) {
    throw new BadInputError(`first must be between 1 and ${MAX_CHANGES_PAGE}`);
  }
  // `since` is inclusive: an empty entity sorts before every real one, so changes stamped exactly at
  // `since` (the seed's instant, one import's rows) are on the first page.
  const cursor = input.afterKey ? parseKey(input.afterKey) : { at: input.since, entity: '', id: '' };
  if (cursor.at < input.since) throw new BadInputError('after points before since');
  const [rows, totalCount] = await Promise.all([
    store.changesAfter(cursor, input.since, input.first + 1),
    store.countChangesSince(input.since),
  ]);
  return { items: rows.slice(0, input.first), totalCount, hasNextPage: rows.length > input.first };
}
