/**
 * The HTTP route screens each operation text once: a text that passed is remembered and not screened
 * again, a rejected one is screened (and rejected) every time.
 */
import * as screening from '../../src/graphql/screen-document';
import { startHttpTestApp } from '../fixtures/http-test-app';

// Counts the calls while keeping the real screening.
jest.mock('../../src/graphql/screen-document', () => {
  const actual = jest.requireActual('../../src/graphql/screen-document');
  return { ...actual, screenDocument: jest.fn(actual.screenDocument) };
});
const spy = screening.screenDocument as jest.Mock;

let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ base, close } = await startHttpTestApp({ KETNOI_ANON_RATE_LIMIT: '1000' }));
});
afterAll(() => close());
beforeEach(() => spy.mockClear());

const post = async (query: string) => {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as any };
};

describe('screened documents', () => {
  it('screens a repeated accepted text once and answers it the same every time', async () => {
    const query = '{ provinces { code name } }';
    const first = await post(query);
    const second = await post(query);
    expect(first.status).toBe(200);
    expect(second).toEqual(first);
    expect(spy).toHaveBeenCalledTimes(1);
    // Another text is screened on its own.
    await post('{ provinces { code } }');
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('screens and rejects a rejected text every time', async () => {
    const hostile = `{ ${Array.from({ length: 20 }, (_, i) => `x: commune(code: "${i}") { name }`).join(' ')} }`;
    for (let i = 0; i < 3; i += 1) {
      const r = await post(hostile);
      expect(r.status).toBe(400);
      expect(r.body.errors[0].extensions.code).toBe('OPERATION_TOO_LARGE');
    }
    expect(spy).toHaveBeenCalledTimes(3);
  });
});
