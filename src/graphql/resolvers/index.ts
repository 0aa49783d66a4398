/** Merges the per-type resolver maps with the scalars. */
import { DateScalar, DateTimeScalar } from '../scalars';
import type { Resolvers } from '../generated/resolvers';
import { Commune } from './Commune';
import {
  CaseConnection,
  ChangeConnection,
  CommuneConnection,
  FacilityConnection,
  ReferralConnection,
} from './Connection';
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
  RemoteCoverageProvider,
  SuggestedSite,
} from './Coverage';
import {
  ChainIssue,
  ChainQuery,
  ChainStep,
  ReferralChain,
  SuggestedStep as SuggestedPathwayStep,
} from './Chain';
import { Change, IntegrationMutation, IntegrationQuery } from './Integration';
import {
  CaseIssues,
  InboxItem,
  InboxMutation,
  InboxQuery,
  ReferralEventLabels,
  ReferralInbox,
  ReferralOutcome,
} from './Inbox';
import {
  ChainIssueText,
  ChainStepLabels,
  FacilityLabels,
  LabelQuery,
  Language,
  OfferingLabels,
  ProviderMatchTravel,
  Reason,
  SuggestedStepText,
} from './Labels';
import { Query } from './Query';
import { Case, Consent, Referral, ReferralMutation, ReferralQuery } from './Referral';
import { CommuneRouting, RoutingQuery } from './Routing';
import { SearchResult } from './SearchResult';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  Query: {
    ...Query,
    ...RoutingQuery,
    ...CoverageQuery,
    ...ReferralQuery,
    ...ChainQuery,
    ...IntegrationQuery,
    ...InboxQuery,
    ...LabelQuery,
  },
  Mutation: { ...Mutation, ...ReferralMutation, ...IntegrationMutation, ...InboxMutation },
  Province,
  Commune: { ...Commune, ...CommuneRouting },
  LegacyCommune,
  Organization,
  Facility: { ...Facility, ...FacilityLabels },
  Offering: { ...Offering, ...OfferingLabels },
  SearchResult,
  FacilityConnection,
  CommuneConnection,
  ProviderMatch: { ...ProviderMatch, ...ProviderMatchTravel },
  Reason,
  Language,
  ExcludedProvider,
  RemoteProvider,
  CoverageReport,
  CommuneCoverage,
  ProvinceCoverage,
  ProviderLoad,
  RemoteCoverageProvider,
  CoverageDelta,
  SuggestedSite,
  Case: { ...Case, ...CaseIssues },
  Consent,
  Referral: { ...Referral, ...ReferralOutcome },
  ReferralEvent: ReferralEventLabels,
  ReferralInbox,
  InboxItem,
  ReferralChain,
  ChainStep: { ...ChainStep, ...ChainStepLabels },
  ChainIssue: { ...ChainIssue, ...ChainIssueText },
  SuggestedStep: { ...SuggestedPathwayStep, ...SuggestedStepText },
  ReferralConnection,
  CaseConnection,
  ChangeConnection,
  Change,
};
