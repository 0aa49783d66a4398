import type { Season, TravelMode } from '../model';
import { InvalidRoutingInputError, UnknownCommuneError } from './errors';
import { toTravelTimeKey, type TravelEdge } from './travel-edge';

/**
 * A compressed adjacency (CSR) for one mode and season: node i's outgoing slots are
 * offsets[i] .. offsets[i+1]-1, each with a target, minutes and road km. Nodes are communes sorted by code,
 * and each node's slots are sorted by (target, minutes), so results never depend on input order.
 */
export interface Adjacency {
  readonly mode: TravelMode;
  readonly season: Season;
  readonly codes: readonly string[];
  readonly indexByCode: ReadonlyMap<string, number>;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly minutes: Float64Array;
  readonly km: Float64Array;
}

/** Builds the adjacency of the undirected edges for one mode and season; `communeCodes` adds isolated nodes. */
export function buildAdjacency(input: {
  edges: readonly TravelEdge[];
  mode: TravelMode;
  season: Season;
  communeCodes?: readonly string[];
}): Adjacency {
  const { edges, mode, season, communeCodes = [] } = input;
  const key = toTravelTimeKey(mode, season);
  const codeSet = new Set(communeCodes);
  for (const e of edges) codeSet.add(e.from).add(e.to);
  const codes = [...codeSet].sort();
  const indexByCode = new Map(codes.map((code, i) => [code, i]));
  const n = codes.length;
  const degree = new Int32Array(n + 1);
  for (const e of edges) {
    const m = e.minutes[key];
    if (!Number.isFinite(m) || m < 0)
      throw new InvalidRoutingInputError(`Edge ${e.from}–${e.to} has ${key} minutes ${m}`);
    degree[indexByCode.get(e.from)! + 1]! += 1;
    degree[indexByCode.get(e.to)! + 1]! += 1;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i += 1) offsets[i + 1] = offsets[i]! + degree[i + 1]!;
  const targets = new Int32Array(offsets[n]!);
  const minutes = new Float64Array(offsets[n]!);
  const km = new Float64Array(offsets[n]!);
  const fill = offsets.slice(0, n);
  const place = (from: number, to: number, e: TravelEdge): void => {
    // Insertion into the node's sorted run: degrees are small (≈6), so this beats a global sort.
    let at = fill[from]!;
    fill[from] = at + 1;
    while (
      at > offsets[from]! &&
      (targets[at - 1]! > to || (targets[at - 1] === to && minutes[at - 1]! > e.minutes[key]))
    ) {
      targets[at] = targets[at - 1]!;
      minutes[at] = minutes[at - 1]!;
      km[at] = km[at - 1]!;
      at -= 1;
    }
    targets[at] = to;
    minutes[at] = e.minutes[key];
    km[at] = e.km;
  };
  for (const e of edges) {
    const a = indexByCode.get(e.from)!;
    const b = indexByCode.get(e.to)!;
    place(a, b, e);
    place(b, a, e);
  }
  return { mode, season, codes, indexByCode, offsets, targets, minutes, km };
}

/** The node index of a commune, or UnknownCommuneError naming its role (e.g. 'origin commune'). */
export function requireCommuneIndex(adjacency: Adjacency, code: string, role = 'commune'): number {
  const index = adjacency.indexByCode.get(code);
  if (index === undefined) throw new UnknownCommuneError(code, role);
  return index;
}
