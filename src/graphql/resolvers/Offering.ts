import { NotFoundError } from '../../domain/errors';
import type { OfferingResolvers } from '../generated/resolvers';

export const Offering: OfferingResolvers = {
  facility: async (o, _a, { loaders }) => {
    const facility = await loaders.facility.load(o.facilityId);
    if (!facility) throw new NotFoundError('Facility', o.facilityId);
    return facility;
  },
  service: async (o, _a, { loaders }) => {
    const service = await loaders.serviceType.load(o.serviceCode);
    if (!service) throw new NotFoundError('ServiceType', o.serviceCode);
    return service;
  },
  availableCapacity: (o) => (o.capacity == null ? null : Math.max(0, o.capacity - (o.currentLoad ?? 0))),
};
