/** Match, exclusion and telehealth rows of nearestProviders: facilities and offerings come from the read model. */
import { NotFoundError } from '../../domain/errors';
import type { GraphQLContext } from '../context';
import type {
  ExcludedProviderResolvers,
  ProviderMatchResolvers,
  RemoteProviderResolvers,
} from '../generated/resolvers';

function facilityOf({ app }: GraphQLContext, id: string) {
  const facility = app.readModel.facilities.get(id);
  if (!facility) throw new NotFoundError('Facility', id);
  return facility;
}

function offeringOf({ app }: GraphQLContext, id: string) {
  const offering = app.readModel.offerings.get(id);
  if (!offering) throw new NotFoundError('Offering', id);
  return offering;
}

export const ProviderMatch: ProviderMatchResolvers = {
  facility: (m, _a, ctx) => facilityOf(ctx, m.facilityId),
  offering: (m, _a, ctx) => offeringOf(ctx, m.offeringId),
};

export const ExcludedProvider: ExcludedProviderResolvers = {
  facility: (m, _a, ctx) => facilityOf(ctx, m.facilityId),
  offering: (m, _a, ctx) => offeringOf(ctx, m.offeringId),
  reasons: (m) => m.why,
};

export const RemoteProvider: RemoteProviderResolvers = {
  facility: (m, _a, ctx) => facilityOf(ctx, m.facilityId),
  offering: (m, _a, ctx) => offeringOf(ctx, m.offeringId),
};
