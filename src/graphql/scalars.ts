/**
 * DateTime and Date as validated strings. graphql-scalars' resolvers parse inputs into JS Dates,
 * but the stores compare ISO strings, so inputs are normalised to the exact stored format instead.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function bad(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function parseDateTime(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(Date.parse(value))) {
    throw bad(
      `DateTime must be an ISO-8601 timestamp such as 2025-07-01T00:00:00Z, got ${JSON.stringify(value)}`,
    );
  }
  return new Date(Date.parse(value)).toISOString();
}

function parseDate(value: unknown): string {
  const ok =
    typeof value === 'string' &&
    DATE.test(value) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!ok) throw bad(`Date must be a calendar date such as 2025-07-01, got ${JSON.stringify(value)}`);
  return value as string;
}

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  serialize: (v) => (v instanceof Date ? v.toISOString() : String(v)),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
});

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  serialize: (v) => String(v),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
});
