import type { FacilityLevel, Season, Sector, TravelMode } from '../model';

/** What the child needs, as a caseworker asks it. */
export interface ProviderNeed {
  serviceCode: string;
  childAgeMonths?: number;
  /** Language code the family needs (ISO 639-3, e.g. 'hmn'). */
  language?: string;
  sector?: Sector;
  mode: TravelMode;
  season: Season;
  maxMinutes?: number;
  /** Exclude offerings with no free place (default true); unknown capacity never excludes. */
  requireCapacity?: boolean;
  /** How many matches to return (default 10). */
  first?: number;
}

/** An offering joined with its facility. Optional numbers are null or absent when not reported. */
export interface ProviderCandidate {
  offeringId: string;
  facilityId: string;
  facilityName: string;
  sector: Sector;
  level: FacilityLevel;
  communeCode: string;
  lat: number;
  lon: number;
  serviceCode: string;
  minAgeMonths?: number | null;
  maxAgeMonths?: number | null;
  capacity?: number | null;
  currentLoad?: number | null;
  waitDays?: number | null;
  languages: readonly string[];
  remote: boolean;
}

/** Why a candidate failed; each code is stable for clients to branch on. */
export type ExclusionCode =
  | 'TOO_YOUNG'
  | 'TOO_OLD'
  | 'FULL'
  | 'LANGUAGE'
  | 'BEYOND_MAX_MINUTES'
  | 'UNREACHABLE'
  | 'SECTOR';

/** A reason shown beside a match or an exclusion: a stable machine code and a sentence in English and Vietnamese. */
export interface MatchReason {
  code:
    | ExclusionCode
    | 'AGE_OK'
    | 'LANGUAGE_OK'
    | 'SECTOR_OK'
    | 'CAPACITY_OK'
    | 'CAPACITY_UNKNOWN'
    | 'NO_FREE_PLACE'
    | 'WAIT_DAYS'
    | 'SAME_COMMUNE'
    | 'TRAVEL'
    | 'REMOTE'
    | 'LONG_TRIP';
  text: string;
  /** The same sentence in Vietnamese (the API picks one by Accept-Language). */
  textVi: string;
}

/** A failed check. */
export interface Exclusion extends MatchReason {
  code: ExclusionCode;
}
