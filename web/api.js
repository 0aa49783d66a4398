// @ts-check
/**
 * Talking to the server: GraphQL over fetch with the session's bearer token, and authenticated downloads.
 * Every failure becomes an ApiError carrying the server's code (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT…).
 */
import { lang, t } from './i18n.js';

const TOKEN_KEY = 'ketnoi.token';

export class ApiError extends Error {
  constructor(code, message, status = 0) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

/** The token pasted this session (sessionStorage: gone when the tab closes). */
export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** Reads the claims of a JWT without verifying it (the server verifies); null when it is not a JWT. */
export function decodeToken(token) {
  const part = String(token).split('.')[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === 'object' && claims !== null ? claims : null;
  } catch {
    return null;
  }
}

/** The bearer token, and the reader's language so the server answers in it. */
function authHeaders() {
  const token = getToken();
  const language = { 'accept-language': lang() === 'en' ? 'en' : 'vi' };
  return token ? { ...language, authorization: `Bearer ${token}` } : language;
}

async function errorFrom(res) {
  try {
    const body = await res.json();
    const first = body.errors?.[0];
    if (first) return new ApiError(first.extensions?.code ?? 'ERROR', first.message, res.status);
  } catch {
    /* not JSON: fall through to the status line */
  }
  return new ApiError(`HTTP_${res.status}`, `HTTP ${res.status} ${res.statusText}`, res.status);
}

async function send(url, init) {
  try {
    return await fetch(url, init);
  } catch {
    throw new ApiError('NETWORK_ERROR', t('Không kết nối được máy chủ', 'Cannot reach the server'));
  }
}

/** Runs a GraphQL operation; resolves to `data`, rejects with the first error's code and message. */
export async function gql(query, variables = {}) {
  const res = await send('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders() },
    body: JSON.stringify({ query, variables }),
  });
  let body;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`HTTP_${res.status}`, `HTTP ${res.status} ${res.statusText}`, res.status);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.extensions?.code ?? 'ERROR', first.message, res.status);
  return body.data;
}

/**
 * Idempotency keys for one form's submissions (createCase, createReferral): the same key goes with the
 * same input until the server has answered it, so a double click, or a retry after a dropped connection,
 * returns the first record instead of creating a second one. A changed input gets a new key.
 */
export function submissionKeys() {
  let lastInput = '';
  let key = '';
  return {
    /** @param {unknown} input */
    for(input) {
      const text = JSON.stringify(input);
      if (text !== lastInput || !key) {
        lastInput = text;
        key = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
      }
      return key;
    },
    done() {
      key = '';
    },
  };
}

/**
 * Downloads a protected file: a plain link cannot send the Authorization header, so fetch it and save the blob.
 * Returns the file name used.
 */
export async function downloadWithToken(path, params, fallbackName) {
  const url = `${path}?${new URLSearchParams(params)}`;
  const res = await send(url, { headers: authHeaders() });
  if (!res.ok) throw await errorFrom(res);
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}
