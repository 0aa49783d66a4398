import type { OrganizationResolvers } from '../generated/resolvers';

export const Organization: OrganizationResolvers = {
  province: (o, _a, { loaders }) => (o.provinceCode ? loaders.province.load(o.provinceCode) : null),
};
