import type { SearchResultResolvers } from '../generated/resolvers';

export const SearchResult: SearchResultResolvers = {
  facility: (h, _a, { loaders }) => (h.kind === 'FACILITY' ? loaders.facility.load(h.id) : null),
  commune: (h, _a, { loaders }) =>
    h.kind === 'COMMUNE' || h.kind === 'OLD_COMMUNE' ? loaders.commune.load(h.id) : null,
  service: (h, _a, { loaders }) => (h.kind === 'SERVICE' ? loaders.serviceType.load(h.id) : null),
};
