/**
 * Bearer tokens: HS256 with a shared secret for local use, or a JWKS URL in production (jose).
 * Claims: sub, role, org, province, facility.
 */
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { UnauthenticatedError } from '../domain/errors';
import { LruMap } from '../support/lru-map';
import { ANONYMOUS, ROLES, type Role, type Viewer } from './viewer';

export const ISSUER = 'ket-noi';
export const AUDIENCE = 'ket-noi-api';

export interface TokenSettings {
  jwtSecret: string;
  jwksUrl: string | null;
}

export interface TokenClaims {
  subject: string;
  role: Exclude<Role, 'anonymous'>;
  organizationId?: string | null;
  provinceCode?: string | null;
  facilityId?: string | null;
}

/** Signs a local HS256 token (npm run token). */
export async function signToken(claims: TokenClaims, secret: string, ttl = '8h'): Promise<string> {
  return new SignJWT({
    role: claims.role,
    org: claims.organizationId ?? null,
    province: claims.provinceCode ?? null,
    facility: claims.facilityId ?? null,
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.subject)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(secret));
}

function toViewer(payload: JWTPayload): Viewer {
  const role = payload.role;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role) || role === 'anonymous') {
    throw new UnauthenticatedError('The token has no valid role claim');
  }
  // A claim of the wrong type is refused, not read as "none": an empty or numeric org must not widen
  // or narrow a scope silently. Absent and null mean none.
  const text = (name: string, v: unknown): string | null => {
    if (v === undefined || v === null) return null;
    if (typeof v === 'string' && v.trim().length > 0 && v.length <= 128) return v;
    throw new UnauthenticatedError(`The token's ${name} claim must be a non-empty string`);
  };
  if (typeof payload.sub !== 'string' || payload.sub.length === 0)
    throw new UnauthenticatedError('The token has no subject (sub) claim');
  return {
    subject: payload.sub,
    role: role as Role,
    organizationId: text('org', payload.org),
    provinceCode: text('province', payload.province),
    facilityId: text('facility', payload.facility),
  };
}

/** How many verified tokens a verifier remembers, and for how long at most (a JWKS key may rotate). */
export const VERIFIED_TOKENS_KEPT = 10_000;
export const VERIFIED_TOKEN_MAX_MS = 5 * 60_000;

/**
 * Returns a verifier: header value → viewer (anonymous without a header, an error for a bad token).
 * A token that verified is remembered, by its exact text, until it expires (at most
 * VERIFIED_TOKEN_MAX_MS): a caseworker's client sends the same token with every request, and the
 * signature check and claim parsing were a measurable share of a fast request (docs/performance.md).
 */
export function createTokenVerifier(settings: TokenSettings, now: () => number = Date.now) {
  const key = settings.jwksUrl
    ? createRemoteJWKSet(new URL(settings.jwksUrl))
    : new TextEncoder().encode(settings.jwtSecret);
  const verified = new LruMap<string, { viewer: Viewer; untilMs: number }>(VERIFIED_TOKENS_KEPT);
  return async (authorization: string | undefined | null): Promise<Viewer> => {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) throw new UnauthenticatedError('Authorization must be "Bearer <token>"');
    const token = match[1];
    const known = verified.get(token);
    if (known && now() < known.untilMs) return known.viewer;
    if (known) verified.delete(token);
    try {
      const { payload } = await jwtVerify(token, key as Uint8Array, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: settings.jwksUrl ? undefined : ['HS256'],
        currentDate: new Date(now()),
        // A token without an expiry would be valid forever once leaked.
        requiredClaims: ['exp', 'sub'],
      });
      const viewer = toViewer(payload);
      const expiresMs = typeof payload.exp === 'number' ? payload.exp * 1000 : Infinity;
      verified.set(token, { viewer, untilMs: Math.min(expiresMs, now() + VERIFIED_TOKEN_MAX_MS) });
      return viewer;
    } catch (err) {
      if (err instanceof UnauthenticatedError) throw err;
      throw new UnauthenticatedError('The bearer token is invalid or has expired');
    }
  };
}
