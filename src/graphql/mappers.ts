/** The parent objects resolvers receive for types that are not plain store records. */
import type {
  ExcludedProvider,
  NearestProviders,
  ProviderMatch,
  RemoteMatch,
} from '../domain/routing/nearest-providers';
import type {
  CommuneCoverage,
  CoverageReport,
  ProvinceCoverage,
  ProviderLoad,
  RemoteOffering,
} from '../domain/coverage/coverage-types';
import type { CoverageDelta, CoverageScenario } from '../domain/coverage/run-coverage-scenario';
import type { SuggestedSite } from '../domain/coverage/suggest-sites';
import type { ChainIssue, ChainStep, ReferralChain } from '../domain/referral/referral-chain';
import type { ImportReport } from '../import/import-directory';
import type { ChangeRecord } from '../store/port';
import type { ResolvedCommune } from '../services/resolve-commune';
import type { NextStepSuggestion } from '../domain/referral/suggest-next-steps';
import type { CaseRecord, ReferralRecord, CommuneRecord, FacilityRecord, Page } from '../store/port';

/** A commune, plus the old unit it was resolved from when looked up by a pre-2025 code. */
export type CommuneParent = ResolvedCommune;

/** A page of records with the key used for cursors. */
export interface ConnectionParent<T> {
  page: Page<T>;
  cursorOf: (item: T) => string;
}

export type FacilityConnectionParent = ConnectionParent<FacilityRecord>;
export type CommuneConnectionParent = ConnectionParent<CommuneParent>;

export interface SearchResultParent {
  kind: 'FACILITY' | 'COMMUNE' | 'OLD_COMMUNE' | 'SERVICE';
  id: string;
  name: string;
  score: number;
}

export type NearestProvidersParent = NearestProviders & { origin: CommuneRecord };
export type ProviderMatchParent = ProviderMatch;
export type ExcludedProviderParent = ExcludedProvider;
export type RemoteProviderParent = RemoteMatch;

export type CoverageReportParent = CoverageReport;
export type CommuneCoverageParent = CommuneCoverage & { overloaded: boolean };
export type ProvinceCoverageParent = ProvinceCoverage;
export type ProviderLoadParent = ProviderLoad;
export type RemoteCoverageProviderParent = RemoteOffering;
export type CoverageScenarioParent = CoverageScenario;
export type CoverageDeltaParent = CoverageDelta;
export type SuggestedSiteParent = SuggestedSite;

export type ReferralChainParent = ReferralChain;
export type ChainStepParent = ChainStep;
export type ChainIssueParent = ChainIssue;
export interface SuggestedStepParent {
  pathwayId: string | null;
  step: NextStepSuggestion;
  providers: ProviderMatch[];
}
export type ReferralConnectionParent = ConnectionParent<ReferralRecord>;
export type CaseConnectionParent = ConnectionParent<CaseRecord>;
export type ChangeConnectionParent = ConnectionParent<ChangeRecord>;
export type ImportReportParent = ImportReport;
