/** Builds the Apollo server: schema, error policy and query-safety plugins. */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { App } from '../app';
import type { GraphQLContext } from './context';
import { createFormatError } from './errors';
import { localizeErrorsPlugin } from './localize-errors';
import { queryLimitsPlugin } from './query-limits';
import { DEFAULT_DOCUMENT_LIMITS } from './screen-document';
import { buildSchema } from './schema';

export function createApolloServer(
  app: App,
  log: (e: unknown) => void = console.error,
): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    schema: buildSchema(),
    formatError: createFormatError(log),
    includeStacktraceInErrorResponses: false,
    introspection: !app.config.production,
    // main.ts drains, saves the read model and closes the store on SIGTERM; Apollo's own handler would
    // stop it meanwhile and send the signal again.
    stopOnTerminationSignals: false,
    // With introspection off, "Did you mean …" suggestions would still spell the schema out.
    hideSchemaDetailsFromClientErrors: app.config.production,
    // Apollo parses again after the HTTP route's screening; the same token cap bounds that parse.
    parseOptions: { maxTokens: DEFAULT_DOCUMENT_LIMITS.maxTokens },
    // We serve our own landing page at / (the web console); Apollo's would fetch from a CDN.
    plugins: [
      // No field sets a cache hint; left on, Apollo wraps every field resolver to collect hints, which
      // measured 35% of a nearestProviders request's time in Apollo (docs/performance.md).
      ApolloServerPluginCacheControlDisabled(),
      localizeErrorsPlugin<GraphQLContext>(),
      queryLimitsPlugin({
        maxDepth: app.config.maxDepth,
        maxComplexity: app.config.maxComplexity,
        maxQueryBytes: DEFAULT_DOCUMENT_LIMITS.maxQueryBytes,
        maxPageSize: app.config.maxPageSize,
      }),
    ],
  });
}
