/**
 * The `x-ketnoi-bookmark` header: an opaque token (base64url of a JSON list of Neo4j bookmarks) that a
 * response carries after a write, and that a later request carries back, to any server, so that request
 * sees that write (docs/deploy.md#read-your-own-writes). Bounded, since it arrives from the caller.
 */
import { BadInputError } from '../domain/errors';

export const BOOKMARK_HEADER = 'x-ketnoi-bookmark';

const MAX_TOKEN_CHARS = 4096;
const MAX_BOOKMARKS = 16;
const MAX_BOOKMARK_CHARS = 512;

/** The header value for these bookmarks, or null when there are none. */
export function encodeBookmarkHeader(bookmarks: readonly string[]): string | null {
  if (bookmarks.length === 0) return null;
  return Buffer.from(JSON.stringify(bookmarks), 'utf8').toString('base64url');
}

function refuse(why: string): never {
  throw new BadInputError(
    `The ${BOOKMARK_HEADER} header ${why}: send back the value a response gave you, unchanged`,
  );
}

/** The bookmarks of a request's header value (none when absent); malformed values are BAD_USER_INPUT. */
export function decodeBookmarkHeader(value: string | string[] | undefined): string[] {
  if (value === undefined || value === '') return [];
  if (Array.isArray(value)) refuse('was sent more than once');
  if (value.length > MAX_TOKEN_CHARS) refuse(`is longer than ${MAX_TOKEN_CHARS} characters`);
  if (!/^[A-Za-z0-9_-]+$/.test(value)) refuse('is not a bookmark token');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    refuse('is not a bookmark token');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length > MAX_BOOKMARKS ||
    !parsed.every((b) => typeof b === 'string' && b.length > 0 && b.length <= MAX_BOOKMARK_CHARS)
  )
    refuse('is not a bookmark token');
  return parsed as string[];
}
