/**
 * The x-ketnoi-bookmark header: its token round-trips, malformed values are BAD_USER_INPUT, and on the
 * embedded store (one process, no bookmarks) a request carrying one is served as usual and no bookmark
 * comes back. Across Neo4j servers: test/multi-server/two-servers.test.ts.
 */
import { signToken } from '../../src/auth/tokens';
import { DEV_JWT_SECRET } from '../../src/config';
import { BOOKMARK_HEADER, decodeBookmarkHeader, encodeBookmarkHeader } from '../../src/http/bookmark-header';
import { startHttpTestApp, type HttpTestApp } from '../fixtures/http-test-app';

describe('bookmark header token', () => {
  it('round-trips the bookmarks, and gives no header for none', () => {
    const bookmarks = ['FB:kcwQx+/=', 'FB:second'];
    expect(decodeBookmarkHeader(encodeBookmarkHeader(bookmarks)!)).toEqual(bookmarks);
    expect(encodeBookmarkHeader([])).toBeNull();
    expect(decodeBookmarkHeader(undefined)).toEqual([]);
    expect(decodeBookmarkHeader('')).toEqual([]);
  });

  it.each([
    ['not base64url', 'a b'],
    ['not JSON', Buffer.from('{').toString('base64url')],
    ['not a list', Buffer.from('"x"').toString('base64url')],
    ['an empty bookmark', Buffer.from('[""]').toString('base64url')],
    ['too many', encodeBookmarkHeader(Array.from({ length: 17 }, (_, i) => `b${i}`))!],
    ['too long', 'A'.repeat(5000)],
  ])('refuses %s with BAD_USER_INPUT', (_why, value) => {
    expect(() => decodeBookmarkHeader(value)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('refuses the header sent twice', () => {
    expect(() => decodeBookmarkHeader(['a', 'b'])).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });
});

describe('bookmarks on the embedded store', () => {
  let h: HttpTestApp;
  beforeAll(async () => {
    h = await startHttpTestApp({ KETNOI_ANON_RATE_LIMIT: '0' });
  });
  afterAll(() => h.close());

  const post = (query: string, headers: Record<string, string>) =>
    fetch(`${h.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });

  it('serves a request that carries a bookmark, and returns none after a write', async () => {
    const token = await signToken({ subject: 'int-bookmark', role: 'integrator' }, DEV_JWT_SECRET);
    const ndjson = JSON.stringify({
      type: 'location',
      id: 'fac-bookmark',
      name: 'Trạm thử dấu trang',
      sector: 'HEALTH',
      kind: 'COMMUNE_HEALTH_STATION',
      commune_code: '06652',
    });
    const res = await post(`mutation { importDirectory(ndjson: ${JSON.stringify(ndjson)}) { committed } }`, {
      authorization: `Bearer ${token}`,
      [BOOKMARK_HEADER]: encodeBookmarkHeader(['FB:from-another-server'])!,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { importDirectory: { committed: true } } });
    expect(res.headers.get(BOOKMARK_HEADER)).toBeNull();
  });

  it('still refuses a malformed bookmark, as every store does', async () => {
    const res = await post('{ serviceTypes { code } }', { [BOOKMARK_HEADER]: 'not a bookmark!' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });
});
