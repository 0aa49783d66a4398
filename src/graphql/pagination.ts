/** Relay cursors (opaque base64url of the sort key) and page-size rules shared by every connection. */
import { BadInputError } from '../domain/errors';
import type { PageArgs } from '../store/port';
import type { ConnectionParent } from './mappers';

const PREFIX = 'k:';

export function encodeCursor(key: string): string {
  return Buffer.from(PREFIX + key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX) || encodeCursor(text.slice(PREFIX.length)) !== cursor) {
    throw new BadInputError(`"${cursor.slice(0, 40)}" is not a cursor returned by this API`);
  }
  return text.slice(PREFIX.length);
}

/** Validates `first`/`after` against the configured cap. */
export function toPageArgs(
  args: { first?: number | null; after?: string | null },
  maxPageSize: number,
): PageArgs {
  const first = args.first ?? 50;
  if (!Number.isInteger(first) || first < 0 || first > maxPageSize) {
    throw new BadInputError(`first must be between 0 and ${maxPageSize}, got ${first}`);
  }
  return { first, after: args.after ? decodeCursor(args.after) : null };
}

export function connection<T>(parent: ConnectionParent<T>) {
  const { items, totalCount, hasNextPage } = parent.page;
  const edges = items.map((node) => ({ cursor: encodeCursor(parent.cursorOf(node)), node }));
  return {
    edges,
    nodes: items,
    totalCount,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
