/**
 * Makes every field resolver of the schema check the request's deadline before it runs, so a query
 * past its deadline stops resolving (and loading) the rest of its tree instead of finishing unseen.
 */
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { checkDeadline } from '../domain/deadline';
import type { GraphQLContext } from './context';

export function stopAtDeadline(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve as GraphQLFieldResolver<unknown, GraphQLContext> | undefined;
      if (!resolve) continue;
      field.resolve = (source, args, context, info) => {
        checkDeadline(context?.deadline);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
