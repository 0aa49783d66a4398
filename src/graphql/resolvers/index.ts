/** Merges the per-type resolver maps with the scalars. */
import { DateScalar, DateTimeScalar } from '../scalars';
import type { Resolvers } from '../generated/resolvers';
import { Commune } from './Commune';
import { CommuneConnection, FacilityConnection } from './Connection';
import { Facility } from './Facility';
import { LegacyCommune } from './LegacyCommune';
import { Mutation } from './Mutation';
import { Offering } from './Offering';
import { Organization } from './Organization';
import { Province } from './Province';
import { ExcludedProvider, ProviderMatch, RemoteProvider } from './ProviderResult';
import {
  CommuneCoverage,
  CoverageDelta,
  CoverageQuery,
  CoverageReport,
  ProvinceCoverage,
  ProviderLoad,
  SuggestedSite,
} from './Coverage';
import { Query } from './Query';
import { CommuneRouting, RoutingQuery } from './Routing';
import { SearchResult } from './SearchResult';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  Query: { ...Query, ...RoutingQuery, ...CoverageQuery },
  Mutation,
  Province,
  Commune: { ...Commune, ...CommuneRouting },
  LegacyCommune,
  Organization,
  Facility,
  Offering,
  SearchResult,
  FacilityConnection,
  CommuneConnection,
  ProviderMatch,
  ExcludedProvider,
  RemoteProvider,
  CoverageReport,
  CommuneCoverage,
  ProvinceCoverage,
  ProviderLoad,
  CoverageDelta,
  SuggestedSite,
};
