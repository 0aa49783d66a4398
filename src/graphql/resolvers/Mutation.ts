import type { MutationResolvers } from '../generated/resolvers';

export const Mutation: MutationResolvers = {
  ping: () => true,
};
