/**
 * The one place that decides what a client sees of an error: domain errors keep their code and
 * message; GraphQL's own validation errors pass through; anything else becomes a generic
 * INTERNAL_SERVER_ERROR with no stack or internals.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError, type ErrorCode } from '../domain/errors';

const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
  'QUERY_TOO_DEEP',
  'OPERATION_TOO_LARGE',
  'TIMEOUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

const CLIENT_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'INVALID_TRANSITION',
  'CONSENT_REQUIRED',
  'STORE_UNAVAILABLE',
  'TIMEOUT',
]);

/** Domain errors, and the pure modules' own Error subclasses that carry one of our codes. */
function isClientError(e: unknown): e is Error & { code: ErrorCode; details?: Record<string, unknown> } {
  if (e instanceof DomainError) return true;
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && CLIENT_CODES.has(code);
}

export type ErrorLogger = (error: unknown) => void;

export function createFormatError(log: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isClientError(original)) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: original.code, ...(original.details ? { details: original.details } : {}) },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASS_THROUGH.has(code)) {
      return {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code },
      };
    }
    log(original);
    return {
      message: 'Something went wrong on our side; the error has been logged',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
