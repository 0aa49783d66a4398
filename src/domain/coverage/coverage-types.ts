import type { Season, TravelMode } from '../model';
import type { TravelGraph } from '../routing/travel-graph';
import type { AgeBand, ImportedChildPopulation } from './child-population';

/** A commune as coverage reads it; a null population is imputed (and flagged). */
export interface CoverageCommune {
  code: string;
  provinceCode: string;
  type?: string;
  population: number | null;
  /** Read by the one imputation rule when the population is blank (docs/data.md § Imputation). */
  areaKm2?: number | null;
  /** The population was itself imputed upstream (the seed fills blanks and flags them). */
  populationImputed?: boolean;
}

/** An offering of the service at a facility, where it is and what it can take. */
export interface CoverageProvider {
  offeringId: string;
  facilityId: string;
  communeCode: string;
  serviceCode: string;
  minAgeMonths?: number | null;
  maxAgeMonths?: number | null;
  capacity?: number | null;
  currentLoad?: number | null;
  /** Province of the provider's commune, so a province's report can tell its own providers apart. */
  provinceCode?: string | null;
  /** Phone or telehealth: no travel, reported apart from the travel coverage. */
  remote?: boolean;
}

/** The planner's question: which children of this band are within maxMinutes of the service? */
export interface CoverageNeed {
  serviceCode: string;
  mode: TravelMode;
  season: Season;
  maxMinutes: number;
  /** Defaults to the band of the service's prevalence figure, else 0–215 months (ages 0–17). */
  ageBand?: AgeBand;
  /** Count only providers with a free place (unknown capacity counts); default false. */
  requireCapacity?: boolean;
  /** Share of band children needing the service (0–1); defaults to the service's documented figure. */
  prevalence?: number;
}

export interface CoverageInput {
  graph: TravelGraph;
  communes: readonly CoverageCommune[];
  providers: readonly CoverageProvider[];
  need: CoverageNeed;
  importedChildren?: readonly ImportedChildPopulation[];
  /** The province the report is for: its providers are ranked, others that serve it are listed apart. */
  provinceCode?: string | null;
}

export interface CommuneCoverage {
  communeCode: string;
  provinceCode: string;
  /** Children of the age band: imported, estimated from population, or estimated from an imputed population. */
  children: number;
  childrenSource: 'IMPORTED' | 'ESTIMATED' | 'IMPUTED';
  /** Minutes to the nearest eligible provider; null when none can be reached. */
  minutes: number | null;
  covered: boolean;
  nearestSiteCommune: string | null;
  nearestOfferingId: string | null;
  nearestFacilityId: string | null;
  /** Expected children needing the service (children × prevalence); null without a prevalence. */
  demand: number | null;
}

export interface ProvinceCoverage {
  provinceCode: string;
  communes: number;
  uncoveredCommunes: number;
  children: number;
  coveredChildren: number;
  uncoveredChildren: number;
  /** coveredChildren / children (population-weighted); null when there are no children. */
  shareCovered: number | null;
}

export interface ProviderLoad {
  offeringId: string;
  facilityId: string;
  communeCode: string;
  provinceCode: string | null;
  capacity: number | null;
  /** Demand of the covered communes for which this provider's site is nearest, split by capacity at the site. */
  demand: number;
  /** demand / capacity; null when capacity is unknown or 0. */
  loadRatio: number | null;
  /** More demand than capacity (any demand at all when capacity is 0). */
  overloaded: boolean;
  communesServed: number;
}

export interface OverloadedCommune {
  communeCode: string;
  provinceCode: string;
  demand: number;
  overloadedOfferingIds: string[];
}

export interface CoverageTotals {
  communes: number;
  children: number;
  coveredChildren: number;
  uncoveredChildren: number;
  shareCovered: number | null;
  demand: number | null;
  unservedDemand: number | null;
}

/** An eligible phone or telehealth offering: reaches every commune, so it is not part of travel coverage. */
export interface RemoteOffering {
  offeringId: string;
  facilityId: string;
  provinceCode: string | null;
}

/**
 * How the service reaches children: IN_PERSON when an eligible in-person provider exists (travel coverage
 * applies), REMOTE_ONLY when only phone or telehealth offerings do (no travel coverage: share is null),
 * NONE when nothing is eligible.
 */
export type CoverageDelivery = 'IN_PERSON' | 'REMOTE_ONLY' | 'NONE';

export interface CoverageReport {
  need: Required<Omit<CoverageNeed, 'prevalence'>> & { prevalence: number | null };
  /** The province asked about, or null for every commune given. */
  provinceCode: string | null;
  delivery: CoverageDelivery;
  /** Eligible remote offerings, listed apart from the in-person providers. */
  remoteProviders: RemoteOffering[];
  totals: CoverageTotals;
  /** Every commune, by code. */
  communes: CommuneCoverage[];
  provinces: ProvinceCoverage[];
  /** Uncovered communes with children, most children first. */
  mostUncovered: CommuneCoverage[];
  /** Eligible in-person providers in the report's province (all, without one), most loaded first. */
  providers: ProviderLoad[];
  /** Providers outside the report's province that are nearest for at least one of its communes. */
  crossBorderProviders: ProviderLoad[];
  /** Communes whose demand lands on an overloaded provider, most demand first. */
  overloadedCommunes: OverloadedCommune[];
}
