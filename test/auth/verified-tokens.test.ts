/** A verified token is remembered until it expires; nothing else is ever taken on trust. */
import { createTokenVerifier, signToken, VERIFIED_TOKEN_MAX_MS } from '../../src/auth/tokens';

const SECRET = 'test-secret-for-the-token-cache';
const settings = { jwtSecret: SECRET, jwksUrl: null };

describe('token verifier cache', () => {
  let clock = Date.now();
  const now = () => clock;
  beforeEach(() => (clock = Date.now()));

  it('answers a repeated token with the same viewer', async () => {
    const verify = createTokenVerifier(settings, now);
    const token = await signToken({ subject: 'cw-1', role: 'caseworker', provinceCode: '15' }, SECRET);
    const first = await verify(`Bearer ${token}`);
    expect(first).toMatchObject({ subject: 'cw-1', role: 'caseworker', provinceCode: '15' });
    expect(await verify(`Bearer ${token}`)).toBe(first);
  });

  it('rejects a remembered token once it has expired', async () => {
    const verify = createTokenVerifier(settings, now);
    const token = await signToken({ subject: 'cw-1', role: 'caseworker' }, SECRET, '2m');
    await verify(`Bearer ${token}`);
    clock += 3 * 60_000;
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('checks the signature again after the longest remembered time', async () => {
    const verify = createTokenVerifier(settings, now);
    const token = await signToken({ subject: 'cw-1', role: 'caseworker' }, SECRET, '1h');
    const first = await verify(`Bearer ${token}`);
    clock += VERIFIED_TOKEN_MAX_MS + 1000;
    const again = await verify(`Bearer ${token}`);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });

  it('never remembers a token that failed, nor trusts a changed one', async () => {
    const verify = createTokenVerifier(settings, now);
    const forged = await signToken({ subject: 'x', role: 'planner' }, 'another-secret');
    await expect(verify(`Bearer ${forged}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(verify(`Bearer ${forged}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const token = await signToken({ subject: 'cw-1', role: 'caseworker' }, SECRET);
    await verify(`Bearer ${token}`);
    const [head, body, sig] = token.split('.');
    const tampered = `${head}.${body}.${sig!.slice(0, -2)}${sig!.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(verify(`Bearer ${tampered}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
