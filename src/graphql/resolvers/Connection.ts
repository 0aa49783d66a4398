/** Every connection resolves the same way from a page and a cursor key. */
import type { CaseRecord, ChangeRecord, FacilityRecord, ReferralRecord } from '../../store/port';
import type { CommuneParent, ConnectionParent } from '../mappers';
import { connection } from '../pagination';

function connectionResolvers<T>() {
  return {
    edges: (c: ConnectionParent<T>) => connection(c).edges,
    nodes: (c: ConnectionParent<T>) => c.page.items,
    totalCount: (c: ConnectionParent<T>) => c.page.totalCount,
    pageInfo: (c: ConnectionParent<T>) => connection(c).pageInfo,
  };
}

export const FacilityConnection = connectionResolvers<FacilityRecord>();
export const CommuneConnection = connectionResolvers<CommuneParent>();
export const CaseConnection = connectionResolvers<CaseRecord>();
export const ReferralConnection = connectionResolvers<ReferralRecord>();
export const ChangeConnection = connectionResolvers<ChangeRecord>();
