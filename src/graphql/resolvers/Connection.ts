/** Every connection resolves the same way from a page and a cursor key. */
import type { ConnectionParent } from '../mappers';
import { connection } from '../pagination';

function connectionResolvers<T>() {
  return {
    edges: (c: ConnectionParent<T>) => connection(c).edges,
    nodes: (c: ConnectionParent<T>) => c.page.items,
    totalCount: (c: ConnectionParent<T>) => c.page.totalCount,
    pageInfo: (c: ConnectionParent<T>) => connection(c).pageInfo,
  };
}

export const FacilityConnection = connectionResolvers<import('../../store/port').FacilityRecord>();
export const CommuneConnection = connectionResolvers<import('../mappers').CommuneParent>();
export const CaseConnection = connectionResolvers<import('../../store/port').CaseRecord>();
export const ReferralConnection = connectionResolvers<import('../../store/port').ReferralRecord>();
