import type { CommuneConnectionResolvers, FacilityConnectionResolvers } from '../generated/resolvers';
import { connection } from '../pagination';

export const FacilityConnection: FacilityConnectionResolvers = {
  edges: (c) => connection(c).edges,
  nodes: (c) => c.page.items,
  totalCount: (c) => c.page.totalCount,
  pageInfo: (c) => connection(c).pageInfo,
};

export const CommuneConnection: CommuneConnectionResolvers = {
  edges: (c) => connection(c).edges,
  nodes: (c) => c.page.items,
  totalCount: (c) => c.page.totalCount,
  pageInfo: (c) => connection(c).pageInfo,
};
