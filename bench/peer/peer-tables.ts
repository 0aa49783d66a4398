/**
 * The read model as the pgRouting peer's three tables, column by column (so each loads with one
 * `INSERT … SELECT FROM unnest(…)`): communes with their within-commune minutes, the travel edges with
 * their minutes for every mode and season, and every offering joined with its facility's commune.
 * Pure: the same rows the in-process routing reads, nothing re-derived.
 */
import { TRAVEL_TIME_KEYS, type TravelEdge, type TravelTimeKey } from '../../src/domain/routing/travel-edge';
import type { Season, TravelMode } from '../../src/domain/model';
import type { CommuneRecord, FacilityRecord, OfferingRecord } from '../../src/store/port';

/** What the export reads from the read model. */
export interface PeerSource {
  communes: ReadonlyMap<string, CommuneRecord>;
  facilities: ReadonlyMap<string, FacilityRecord>;
  offerings: ReadonlyMap<string, OfferingRecord>;
  travelEdges(): TravelEdge[];
  withinCommuneMinutes(code: string, mode: TravelMode, season: Season): number;
}

export interface PeerTables {
  communes: { id: number[]; code: string[]; within: Record<TravelTimeKey, number[]> };
  /** Undirected: pgRouting reads each row both ways (reverse_cost = cost). */
  edges: { id: number[]; source: number[]; target: number[]; minutes: Record<TravelTimeKey, number[]> };
  providers: {
    offeringId: string[];
    communeId: number[];
    serviceCode: string[];
    minAgeMonths: Array<number | null>;
    maxAgeMonths: Array<number | null>;
    capacity: Array<number | null>;
    currentLoad: Array<number | null>;
    remote: boolean[];
  };
}

/** pgRouting wants integer vertex ids: a 5-digit commune code is its own id (leading zeros restored on the way back). */
export function toVertexId(code: string): number {
  if (!/^\d{5}$/.test(code)) throw new Error(`Commune code ${JSON.stringify(code)} is not 5 digits`);
  return Number(code);
}

export function toCommuneCode(id: number): string {
  if (!(Number.isInteger(id) && id >= 0 && id <= 99_999)) throw new Error(`No commune has vertex id ${id}`);
  return String(id).padStart(5, '0');
}

const perKey = (): Record<TravelTimeKey, number[]> =>
  Object.fromEntries(TRAVEL_TIME_KEYS.map((k) => [k, [] as number[]])) as Record<TravelTimeKey, number[]>;

const splitKey = (key: TravelTimeKey) => key.split('_') as [TravelMode, Season];

/** The three tables of the peer, from the read model's communes, edges and offerings. */
export function exportPeerTables(source: PeerSource): PeerTables {
  const communes: PeerTables['communes'] = { id: [], code: [], within: perKey() };
  for (const code of [...source.communes.keys()].sort()) {
    communes.id.push(toVertexId(code));
    communes.code.push(code);
    for (const key of TRAVEL_TIME_KEYS)
      communes.within[key].push(source.withinCommuneMinutes(code, ...splitKey(key)));
  }
  const edges: PeerTables['edges'] = { id: [], source: [], target: [], minutes: perKey() };
  source.travelEdges().forEach((e, i) => {
    edges.id.push(i + 1);
    edges.source.push(toVertexId(e.from));
    edges.target.push(toVertexId(e.to));
    for (const key of TRAVEL_TIME_KEYS) edges.minutes[key].push(e.minutes[key]);
  });
  const providers: PeerTables['providers'] = {
    offeringId: [],
    communeId: [],
    serviceCode: [],
    minAgeMonths: [],
    maxAgeMonths: [],
    capacity: [],
    currentLoad: [],
    remote: [],
  };
  for (const o of source.offerings.values()) {
    // As the read model joins them: an offering without its facility is never a candidate.
    const facility = source.facilities.get(o.facilityId);
    if (!facility) continue;
    providers.offeringId.push(o.id);
    providers.communeId.push(toVertexId(facility.communeCode));
    providers.serviceCode.push(o.serviceCode);
    providers.minAgeMonths.push(o.minAgeMonths);
    providers.maxAgeMonths.push(o.maxAgeMonths);
    providers.capacity.push(o.capacity);
    providers.currentLoad.push(o.currentLoad);
    providers.remote.push(o.remote);
  }
  return { communes, edges, providers };
}
