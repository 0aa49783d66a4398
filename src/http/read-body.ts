/** Reads a request body within a size cap and a deadline, so a trickling sender cannot hold a request open. */
import type http from 'node:http';
import { DomainError } from '../domain/errors';

export class BodyTimeoutError extends Error {
  readonly code = 'REQUEST_TIMEOUT';
  constructor(ms: number) {
    super(`The request body did not arrive within ${ms} ms`);
  }
}

/** Resolves to the body as UTF-8, or rejects with BAD_USER_INPUT (too large) or BodyTimeoutError. */
export function readBody(req: http.IncomingMessage, limit: number, deadlineMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (err: Error | null) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', finish);
      if (err) {
        // Stop reading what is left; the caller answers and the connection is closed after it.
        req.pause();
        reject(err);
      } else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish(new DomainError('BAD_USER_INPUT', `Request body exceeds ${limit} bytes`));
      else chunks.push(chunk);
    };
    const onEnd = () => finish(null);
    const timer = setTimeout(() => finish(new BodyTimeoutError(deadlineMs)), deadlineMs);
    req.on('data', onData).on('end', onEnd).on('error', finish);
  });
}
