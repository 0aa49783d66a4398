import { NotFoundError } from '../../domain/errors';
import type { FacilityResolvers } from '../generated/resolvers';

const TECHNICAL = {
  COMMUNE: 'INITIAL',
  REGIONAL: 'BASIC',
  PROVINCIAL: 'SPECIALISED',
  CENTRAL: 'SPECIALISED',
} as const;

export const Facility: FacilityResolvers = {
  technicalLevel: (f) => (f.sector === 'HEALTH' ? TECHNICAL[f.level] : null),
  commune: async (f, _a, { loaders }) => {
    const commune = await loaders.commune.load(f.communeCode);
    if (!commune) throw new NotFoundError('Commune', f.communeCode);
    return commune;
  },
  province: async (f, _a, { loaders }) => {
    const province = await loaders.province.load(f.provinceCode);
    if (!province) throw new NotFoundError('Province', f.provinceCode);
    return province;
  },
  organization: (f, _a, { loaders }) =>
    f.organizationId ? loaders.organization.load(f.organizationId) : null,
  identifiers: (f) =>
    f.identifiers.map((key) => {
      const at = key.indexOf('|');
      return { system: key.slice(0, at), value: key.slice(at + 1) };
    }),
  offerings: async (f, { serviceCode }, { loaders }) => {
    const offerings = await loaders.offeringsByFacility.load(f.id);
    return serviceCode ? offerings.filter((o) => o.serviceCode === serviceCode) : offerings;
  },
};
