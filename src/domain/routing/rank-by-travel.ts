/**
 * The in-person candidates of one service in travel order from an origin, produced lazily: candidates are
 * grouped once by commune (memoised on the candidate list and the adjacency, both immutable), communes come
 * in the order a Dijkstra walk settles them, and only the candidates of the communes a caller actually reaches
 * get a straight-line distance and a place in the order. The order equals a full sort of every candidate by
 * (minutes, straight-line km, facility id, offering id), with every unreachable candidate last.
 */
import type { Adjacency } from './adjacency';
import { compareCodes } from './group-by';
import { measureGreatCircleKm } from './measure-great-circle-km';
import type { ProviderCandidate } from './provider-types';
import type { ShortestPathWalk } from './walk-shortest-paths';

export interface RankedCandidate {
  candidate: ProviderCandidate;
  /** Node of the candidate's commune; undefined when the commune is not in the travel graph. */
  index: number | undefined;
  minutes: number;
  straightKm: number;
}

interface ServiceGroups {
  /** Commune node → in-person candidates there. */
  byIndex: Map<number, ProviderCandidate[]>;
  /** In-person candidates whose commune is not in the graph. */
  outside: ProviderCandidate[];
  remote: ProviderCandidate[];
}

const memo = new WeakMap<Adjacency, WeakMap<readonly ProviderCandidate[], Map<string, ServiceGroups>>>();

/** The candidates of `serviceCode` split into in-person by commune node, outside the graph, and remote. */
export function groupCandidates(
  adjacency: Adjacency,
  candidates: readonly ProviderCandidate[],
  serviceCode: string,
): ServiceGroups {
  let byList = memo.get(adjacency);
  if (!byList) memo.set(adjacency, (byList = new WeakMap()));
  let byService = byList.get(candidates);
  if (!byService) byList.set(candidates, (byService = new Map()));
  let groups = byService.get(serviceCode);
  if (!groups) {
    groups = { byIndex: new Map(), outside: [], remote: [] };
    for (const c of candidates) {
      if (c.serviceCode !== serviceCode) continue;
      if (c.remote) {
        groups.remote.push(c);
        continue;
      }
      const index = adjacency.indexByCode.get(c.communeCode);
      if (index === undefined) groups.outside.push(c);
      else {
        const list = groups.byIndex.get(index);
        if (list) list.push(c);
        else groups.byIndex.set(index, [c]);
      }
    }
    byService.set(serviceCode, groups);
  }
  return groups;
}

const byDistanceThenIds = (a: RankedCandidate, b: RankedCandidate) =>
  a.straightKm - b.straightKm ||
  compareCodes(a.candidate.facilityId, b.candidate.facilityId) ||
  compareCodes(a.candidate.offeringId, b.candidate.offeringId);

/** Yields the in-person candidates in travel order, settling the walk only as far as the caller reads. */
export function* rankByTravel(input: {
  groups: ServiceGroups;
  walk: ShortestPathWalk;
  origin: { lat: number; lon: number };
}): Generator<RankedCandidate> {
  const { groups, walk, origin } = input;
  const rank = (
    candidate: ProviderCandidate,
    index: number | undefined,
    minutes: number,
  ): RankedCandidate => ({
    candidate,
    index,
    minutes,
    straightKm: measureGreatCircleKm(origin.lat, origin.lon, candidate.lat, candidate.lon),
  });
  const reached = new Set<number>();
  for (let u = walk.next(); u !== -1; u = walk.next()) {
    // Communes settled at equal minutes form one tie group, ordered by distance and ids.
    const minutes = walk.tree.minutes[u]!;
    const tie: RankedCandidate[] = [];
    for (;;) {
      const here = groups.byIndex.get(u);
      if (here) {
        reached.add(u);
        for (const c of here) tie.push(rank(c, u, minutes));
      }
      if (walk.peekMinutes() !== minutes) break;
      u = walk.next();
    }
    if (tie.length > 0) yield* tie.sort(byDistanceThenIds);
  }
  // Unreachable communes and communes outside the graph share Infinity: one group, by distance and ids.
  const rest: RankedCandidate[] = [];
  for (const [index, here] of groups.byIndex) {
    if (!reached.has(index)) for (const c of here) rest.push(rank(c, index, Infinity));
  }
  for (const c of groups.outside) rest.push(rank(c, undefined, Infinity));
  yield* rest.sort(byDistanceThenIds);
}
