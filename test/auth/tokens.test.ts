import { SignJWT } from 'jose';
import { AUDIENCE, ISSUER, createTokenVerifier, signToken } from '../../src/auth/tokens';

const secret = 'a-test-secret-that-is-long-enough-32b';
const verify = createTokenVerifier({ jwtSecret: secret, jwksUrl: null });
const key = new TextEncoder().encode(secret);

/** Signs arbitrary claims, as an attacker with a stolen or guessed key's format would. */
function raw(claims: Record<string, unknown>, options: { exp?: boolean; sub?: string | null } = {}) {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt();
  if (options.sub !== null) jwt.setSubject(options.sub ?? 'someone');
  if (options.exp !== false) jwt.setExpirationTime('1h');
  return jwt.sign(key);
}

describe('token verification', () => {
  it('reads a well-formed token', async () => {
    const token = await signToken({ subject: 'cw', role: 'caseworker', organizationId: 'org-a' }, secret);
    await expect(verify(`Bearer ${token}`)).resolves.toMatchObject({
      role: 'caseworker',
      organizationId: 'org-a',
    });
  });

  it('refuses a token without an expiry', async () => {
    const token = await raw({ role: 'caseworker', org: 'org-a' }, { exp: false });
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a token without a subject', async () => {
    const token = await raw({ role: 'caseworker', org: 'org-a' }, { sub: null });
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it.each([
    ['an empty organisation', { org: '' }],
    ['a numeric organisation', { org: 15 }],
    ['an array organisation', { org: ['org-a'] }],
    ['a blank province', { province: '  ' }],
    ['an object facility', { facility: { id: 'fac-a' } }],
  ])('refuses %s instead of reading it as none', async (_n, claims) => {
    const token = await raw({ role: 'caseworker', ...claims });
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
