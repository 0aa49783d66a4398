/**
 * Shared vocabulary of the domain: plain types only, no I/O.
 * Store records (src/store/port.ts) and GraphQL types map onto these.
 */

export const SECTORS = ['HEALTH', 'SOCIAL', 'EDUCATION'] as const;
export type Sector = (typeof SECTORS)[number];

/**
 * Where a facility sits in its sector's hierarchy. For HEALTH these follow the post-2025 tiers
 * (commune station → regional centre → provincial hospital → central hospital); Law 15/2023's
 * technical levels map as COMMUNE=INITIAL, REGIONAL=BASIC, PROVINCIAL/CENTRAL=SPECIALISED.
 */
export const FACILITY_LEVELS = ['COMMUNE', 'REGIONAL', 'PROVINCIAL', 'CENTRAL'] as const;
export type FacilityLevel = (typeof FACILITY_LEVELS)[number];

/** Rank of a level, used to detect referrals that skip a level (1 = commune). */
export function levelRank(level: FacilityLevel): number {
  return FACILITY_LEVELS.indexOf(level) + 1;
}

export const TRAVEL_MODES = ['WALK', 'MOTORBIKE', 'CAR'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

export const SEASONS = ['DRY', 'RAINY'] as const;
export type Season = (typeof SEASONS)[number];

export const REFERRAL_STATUSES = [
  'REQUESTED',
  'ACCEPTED',
  'IN_PROGRESS',
  'COMPLETED',
  'REJECTED',
  'CANCELLED',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const URGENCIES = ['ROUTINE', 'PRIORITY', 'EMERGENCY'] as const;
export type Urgency = (typeof URGENCIES)[number];
