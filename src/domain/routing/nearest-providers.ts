import type { FacilityLevel, Season, Sector, TravelMode } from '../model';
import { requireCommuneIndex } from './adjacency';
import { checkEligibility } from './check-eligibility';
import { InvalidRoutingInputError } from './errors';
import { compareCodes } from './group-by';
import type { Exclusion, MatchReason, ProviderCandidate, ProviderNeed } from './provider-types';
import { groupCandidates, rankByTravel, type RankedCandidate } from './rank-by-travel';
import { traceRoute } from './shortest-paths';
import { walkShortestPaths } from './walk-shortest-paths';
import { withinMinutesOf } from './within-commune';
import type { TravelGraph } from './travel-graph';

/** Where the child lives: the commune (for the travel graph) and its point (for straight-line tie-breaks). */
export interface ProviderOrigin {
  communeCode: string;
  lat: number;
  lon: number;
}

/** An in-person offering that passed every check, with how to get there. */
export interface ProviderMatch {
  offeringId: string;
  facilityId: string;
  facilityName: string;
  sector: Sector;
  level: FacilityLevel;
  communeCode: string;
  serviceCode: string;
  travelMinutes: number;
  /** Road km along the route. */
  distanceKm: number;
  /** Straight-line km from the child's commune point to the facility point. */
  straightKm: number;
  /** Commune codes from the child's commune to the facility's. */
  route: string[];
  availableCapacity: number | null;
  waitDays: number | null;
  reasons: MatchReason[];
}

/** A near candidate that failed, and every check it failed. */
export interface ExcludedProvider {
  offeringId: string;
  facilityId: string;
  facilityName: string;
  communeCode: string;
  /** Null when the facility cannot be reached. */
  travelMinutes: number | null;
  straightKm: number;
  why: Exclusion[];
}

/** A telehealth offering that passed the checks; travel does not apply. */
export interface RemoteMatch {
  offeringId: string;
  facilityId: string;
  facilityName: string;
  sector: Sector;
  level: FacilityLevel;
  serviceCode: string;
  availableCapacity: number | null;
  waitDays: number | null;
  reasons: MatchReason[];
}

export interface NearestProviders {
  matches: ProviderMatch[];
  excluded: ExcludedProvider[];
  remote: RemoteMatch[];
}

const MODE_WORDS: Record<TravelMode, string> = { WALK: 'on foot', MOTORBIKE: 'by motorbike', CAR: 'by car' };
const SEASON_WORDS: Record<Season, string> = { DRY: 'dry', RAINY: 'rainy' };
const MODE_WORDS_VI: Record<TravelMode, string> = { WALK: 'đi bộ', MOTORBIKE: 'đi xe máy', CAR: 'đi ô tô' };
const SEASON_WORDS_VI: Record<Season, string> = { DRY: 'khô', RAINY: 'mưa' };

/**
 * Past this many minutes one way a trip is flagged LONG_TRIP when the caller set no limit: two hours by
 * motorbike or car, an hour and a half on foot, is a morning's journey for a family with a small child
 * and a lost day's work. A working default for the pilot, not a figure from a regulation.
 */
export const LONG_TRIP_MINUTES: Record<TravelMode, number> = { WALK: 90, MOTORBIKE: 120, CAR: 120 };

function validateNeed(need: ProviderNeed, maxExcluded: number): void {
  const { childAgeMonths, maxMinutes, first } = need;
  if (childAgeMonths !== undefined && !(Number.isFinite(childAgeMonths) && childAgeMonths >= 0)) {
    throw new InvalidRoutingInputError(`childAgeMonths must be ≥ 0, got ${childAgeMonths}`);
  }
  if (maxMinutes !== undefined && !(maxMinutes >= 0))
    throw new InvalidRoutingInputError(`maxMinutes must be ≥ 0, got ${maxMinutes}`);
  if (first !== undefined && !(Number.isInteger(first) && first > 0))
    throw new InvalidRoutingInputError(`first must be a positive integer, got ${first}`);
  if (!(Number.isInteger(maxExcluded) && maxExcluded >= 0))
    throw new InvalidRoutingInputError(`maxExcluded must be ≥ 0, got ${maxExcluded}`);
}

/**
 * Ranks offerings of a service for one child: in-person ones by shortest-path minutes from the child's commune
 * (plus the travel inside the child's own commune), then straight-line km, then facility id; telehealth ones by wait days. Also returns
 * the nearest in-person candidates that failed a check (at most `maxExcluded`, default 5) and why.
 */
export function findNearestProviders(input: {
  origin: ProviderOrigin;
  need: ProviderNeed;
  graph: TravelGraph;
  candidates: readonly ProviderCandidate[];
  maxExcluded?: number;
}): NearestProviders {
  const { origin, need, graph, candidates, maxExcluded = 5 } = input;
  validateNeed(need, maxExcluded);
  const first = need.first ?? 10;
  const adjacency = graph.adjacencyFor(need.mode, need.season);
  const originIndex = requireCommuneIndex(adjacency, origin.communeCode, 'origin commune');
  const walk = walkShortestPaths(adjacency, originIndex);
  const tree = walk.tree;
  const groups = groupCandidates(adjacency, candidates, need.serviceCode);

  // Candidates come in travel order (rank-by-travel.ts) and are checked only until the page of matches and
  // of exclusions is full: the same result as checking and sorting every candidate first.
  const ranked = rankByTravel({ groups, walk, origin });
  // Travel inside the child's own commune is the same for every candidate, so it shifts minutes, not order.
  const within = withinMinutesOf(graph, origin.communeCode, need.mode, need.season);

  const assess = ({ candidate, index, minutes: roadMinutes }: RankedCandidate) => {
    const minutes = roadMinutes + within;
    const { passed, failed, availableCapacity } = checkEligibility(candidate, need);
    if (index === undefined)
      failed.push({
        code: 'UNREACHABLE',
        text: `Facility commune ${candidate.communeCode} is not in the travel graph`,
        textVi: `Xã/phường của cơ sở (mã ${candidate.communeCode}) chưa có trong mạng đường đi`,
      });
    else if (minutes === Infinity)
      failed.push({
        code: 'UNREACHABLE',
        text: `No road or ferry link from commune ${origin.communeCode}`,
        textVi: 'Không có đường bộ hay đò từ xã/phường của trẻ tới đây',
      });
    else if (need.maxMinutes !== undefined && minutes > need.maxMinutes) {
      failed.push({
        code: 'BEYOND_MAX_MINUTES',
        text: `About ${Math.round(minutes)} min away, over the ${need.maxMinutes}-minute limit`,
        textVi: `Cách khoảng ${Math.round(minutes)} phút, quá giới hạn ${need.maxMinutes} phút`,
      });
    } else if (index === originIndex)
      passed.unshift({
        code: 'SAME_COMMUNE',
        text:
          within > 0
            ? `In the child's own commune, about ${Math.round(minutes)} min from home to the commune seat`
            : "In the child's own commune",
        textVi:
          within > 0
            ? `Ngay tại xã/phường của trẻ, khoảng ${Math.round(minutes)} phút từ nhà tới trung tâm xã`
            : 'Ngay tại xã/phường của trẻ',
      });
    else {
      const how = `${MODE_WORDS[need.mode]} in the ${SEASON_WORDS[need.season]} season`;
      const howVi = `${MODE_WORDS_VI[need.mode]} vào mùa ${SEASON_WORDS_VI[need.season]}`;
      const km = tree.km[index]!.toFixed(1);
      passed.unshift({
        code: 'TRAVEL',
        text: `About ${Math.round(minutes)} min ${how} (${km} km by road)`,
        textVi: `Khoảng ${Math.round(minutes)} phút ${howVi} (${km.replace('.', ',')} km đường bộ)`,
      });
      // Without a caller's limit, a trip past the default one is still a match, flagged for the caseworker.
      if (need.maxMinutes === undefined && minutes > LONG_TRIP_MINUTES[need.mode])
        passed.push({
          code: 'LONG_TRIP',
          text: `A long trip: over ${LONG_TRIP_MINUTES[need.mode]} min ${MODE_WORDS[need.mode]}`,
          textVi: `Đường xa: hơn ${LONG_TRIP_MINUTES[need.mode]} phút ${MODE_WORDS_VI[need.mode]}`,
        });
    }
    return { passed, failed, availableCapacity };
  };

  const matches: ProviderMatch[] = [];
  const excluded: ExcludedProvider[] = [];
  for (const entry of ranked) {
    if (matches.length >= first && excluded.length >= maxExcluded) break;
    const { candidate: c, index, minutes, straightKm } = entry;
    const { passed, failed, availableCapacity } = assess(entry);
    if (failed.length === 0) {
      if (matches.length >= first) continue;
      matches.push({
        offeringId: c.offeringId,
        facilityId: c.facilityId,
        facilityName: c.facilityName,
        sector: c.sector,
        level: c.level,
        communeCode: c.communeCode,
        serviceCode: c.serviceCode,
        travelMinutes: minutes + within,
        distanceKm: tree.km[index!]!,
        straightKm,
        route: traceRoute(adjacency, tree, index!)!,
        availableCapacity,
        waitDays: c.waitDays ?? null,
        reasons: passed,
      });
    } else if (excluded.length < maxExcluded) {
      excluded.push({
        offeringId: c.offeringId,
        facilityId: c.facilityId,
        facilityName: c.facilityName,
        communeCode: c.communeCode,
        travelMinutes: minutes === Infinity ? null : minutes + within,
        straightKm,
        why: failed,
      });
    }
  }

  return { matches, excluded, remote: rankRemote(groups.remote, need, first) };
}

function rankRemote(
  candidates: readonly ProviderCandidate[],
  need: ProviderNeed,
  first: number,
): RemoteMatch[] {
  return candidates
    .filter((c) => c.remote)
    .map((c) => ({ c, ...checkEligibility(c, need) }))
    .filter((e) => e.failed.length === 0)
    .sort(
      (a, b) =>
        (a.c.waitDays ?? Infinity) - (b.c.waitDays ?? Infinity) ||
        compareCodes(a.c.facilityId, b.c.facilityId) ||
        compareCodes(a.c.offeringId, b.c.offeringId),
    )
    .slice(0, first)
    .map(({ c, passed, availableCapacity }) => ({
      offeringId: c.offeringId,
      facilityId: c.facilityId,
      facilityName: c.facilityName,
      sector: c.sector,
      level: c.level,
      serviceCode: c.serviceCode,
      availableCapacity,
      waitDays: c.waitDays ?? null,
      reasons: [
        { code: 'REMOTE', text: 'Telehealth: no travel needed', textVi: 'Tư vấn từ xa: không phải đi lại' },
        ...passed,
      ],
    }));
}
