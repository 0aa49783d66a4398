/** The one table from an error code to the HTTP status every route answers with. */
import type { ErrorCode } from '../domain/errors';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONSENT_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  STORE_UNAVAILABLE: 503,
  TIMEOUT: 503,
};

/** Codes the HTTP front raises itself, outside the domain's union. */
export type HttpOnlyCode =
  | 'BAD_REQUEST'
  | 'GRAPHQL_PARSE_FAILED'
  | 'OPERATION_TOO_LARGE'
  | 'QUERY_TOO_DEEP'
  | 'REQUEST_TIMEOUT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

const HTTP_ONLY: Record<HttpOnlyCode, number> = {
  BAD_REQUEST: 400,
  GRAPHQL_PARSE_FAILED: 400,
  OPERATION_TOO_LARGE: 400,
  QUERY_TOO_DEEP: 400,
  REQUEST_TIMEOUT: 408,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
};

/** The status for a code; unknown codes are a server fault. */
export function httpStatusFor(code: ErrorCode | HttpOnlyCode): number {
  return (
    (STATUS_BY_CODE as Record<string, number>)[code] ?? (HTTP_ONLY as Record<string, number>)[code] ?? 500
  );
}
