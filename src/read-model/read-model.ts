/**
 * The in-memory read model that routing, ranking and coverage run on: communes, travel edges,
 * facilities and offerings, loaded once from the store and updated by every directory write
 * (src/services/directory-writer.ts) before that write returns, so no query sees stale data.
 */
import { buildAdjacency, type Adjacency } from '../domain/routing/adjacency';
import { toTravelTimeKey, type TravelEdge, type TravelMinutes } from '../domain/routing/travel-edge';
import { withinCommuneMinutesOf } from './commune-terrain';
import type { EdgeTerrain } from '../domain/routing/travel-constants';
import type { Season, TravelMode } from '../domain/model';
import type { TravelGraph } from '../domain/routing/travel-graph';
import type {
  CommuneRecord,
  FacilityRecord,
  GraphStore,
  OfferingRecord,
  RoadRecord,
  ServiceTypeRecord,
} from '../store/port';

export function roadToEdge(road: RoadRecord): TravelEdge {
  const [from, to] =
    road.fromCode < road.toCode ? [road.fromCode, road.toCode] : [road.toCode, road.fromCode];
  return {
    from,
    to,
    km: road.km,
    straightKm: road.straightKm,
    terrain: road.terrain as EdgeTerrain,
    source: road.source,
    minutes: road.minutes as TravelMinutes,
  };
}

export function edgeToRoad(edge: TravelEdge): RoadRecord {
  return {
    fromCode: edge.from,
    toCode: edge.to,
    km: edge.km,
    straightKm: edge.straightKm,
    terrain: edge.terrain,
    source: edge.source,
    minutes: { ...edge.minutes },
  };
}

/** Everything the read model holds, as plain rows: what a worker's copy or a saved snapshot is built from. */
export interface ReadModelRows {
  communes: CommuneRecord[];
  serviceTypes: ServiceTypeRecord[];
  roads: RoadRecord[];
  facilities: FacilityRecord[];
  offerings: OfferingRecord[];
}

/** One change, as the method call that made it: replaying the calls in order rebuilds the same model. */
export type ReadModelChange =
  | { op: 'applyCommunes'; rows: CommuneRecord[] }
  | { op: 'applyServiceTypes'; rows: ServiceTypeRecord[] }
  | { op: 'applyRoads'; rows: RoadRecord[] }
  | { op: 'applyFacilities'; rows: FacilityRecord[] }
  | { op: 'applyOfferings'; rows: OfferingRecord[] }
  | { op: 'removeFacility'; id: string }
  | { op: 'removeOffering'; id: string };

export class ReadModel implements TravelGraph {
  readonly communes = new Map<string, CommuneRecord>();
  readonly serviceTypes = new Map<string, ServiceTypeRecord>();
  readonly facilities = new Map<string, FacilityRecord>();
  readonly offerings = new Map<string, OfferingRecord>();
  /** serviceCode → offering id → offering: nearest-provider calls touch one service only. */
  private readonly byService = new Map<string, Map<string, OfferingRecord>>();
  private readonly edges = new Map<string, TravelEdge>();
  private readonly adjacencies = new Map<string, Adjacency>();
  private readonly withinCommune = new Map<string, TravelMinutes | null>();
  /** Bumped on every change; caches keyed on it (coverage baselines) invalidate themselves. */
  version = 0;

  /** Called with every change after it is applied (a worker's copy is patched from these, in order). */
  private readonly listeners: Array<(change: ReadModelChange) => void> = [];

  static async load(store: Pick<GraphStore, 'loadRoutingSnapshot' | 'serviceTypes'>): Promise<ReadModel> {
    const [snapshot, serviceTypes] = await Promise.all([store.loadRoutingSnapshot(), store.serviceTypes()]);
    return ReadModel.fromRows({ ...snapshot, serviceTypes });
  }

  static fromRows(rows: ReadModelRows): ReadModel {
    const model = new ReadModel();
    model.applyServiceTypes(rows.serviceTypes);
    model.applyCommunes(rows.communes);
    model.applyRoads(rows.roads);
    model.applyFacilities(rows.facilities);
    model.applyOfferings(rows.offerings);
    return model;
  }

  /** The model as plain rows (records are shared, not copied; structured clone copies them). */
  toRows(): ReadModelRows {
    return {
      communes: [...this.communes.values()],
      serviceTypes: [...this.serviceTypes.values()],
      roads: this.travelEdges().map(edgeToRoad),
      facilities: [...this.facilities.values()],
      offerings: [...this.offerings.values()],
    };
  }

  onChange(listener: (change: ReadModelChange) => void): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** Applies a change recorded by another model's listener. */
  apply(change: ReadModelChange): void {
    if (change.op === 'removeFacility' || change.op === 'removeOffering') this[change.op](change.id);
    else this[change.op](change.rows as never);
  }

  applyCommunes(rows: readonly CommuneRecord[]): void {
    for (const c of rows) this.communes.set(c.code, c);
    this.changed(true, { op: 'applyCommunes', rows: [...rows] });
  }

  applyServiceTypes(rows: readonly ServiceTypeRecord[]): void {
    for (const s of rows) this.serviceTypes.set(s.code, s);
    this.changed(false, { op: 'applyServiceTypes', rows: [...rows] });
  }

  applyRoads(rows: readonly RoadRecord[]): void {
    for (const r of rows) {
      const edge = roadToEdge(r);
      this.edges.set(`${edge.from}|${edge.to}`, edge);
    }
    this.changed(true, { op: 'applyRoads', rows: [...rows] });
  }

  applyFacilities(rows: readonly FacilityRecord[]): void {
    for (const f of rows) this.facilities.set(f.id, f);
    this.changed(false, { op: 'applyFacilities', rows: [...rows] });
  }

  applyOfferings(rows: readonly OfferingRecord[]): void {
    for (const o of rows) {
      const previous = this.offerings.get(o.id);
      if (previous) this.byService.get(previous.serviceCode)?.delete(o.id);
      this.offerings.set(o.id, o);
      let bucket = this.byService.get(o.serviceCode);
      if (!bucket) this.byService.set(o.serviceCode, (bucket = new Map()));
      bucket.set(o.id, o);
    }
    this.changed(false, { op: 'applyOfferings', rows: [...rows] });
  }

  removeFacility(id: string): void {
    this.facilities.delete(id);
    for (const o of [...this.offerings.values()]) if (o.facilityId === id) this.dropOffering(o.id);
    this.changed(false, { op: 'removeFacility', id });
  }

  removeOffering(id: string): void {
    this.dropOffering(id);
    this.changed(false, { op: 'removeOffering', id });
  }

  private dropOffering(id: string): void {
    const o = this.offerings.get(id);
    if (o) this.byService.get(o.serviceCode)?.delete(id);
    this.offerings.delete(id);
  }

  /** The edge joining two communes, stored in either direction; undefined when they are not neighbours. */
  edgeBetween(a: string, b: string): TravelEdge | undefined {
    return this.edges.get(`${a}|${b}`) ?? this.edges.get(`${b}|${a}`);
  }

  travelEdges(): TravelEdge[] {
    return [...this.edges.values()];
  }

  get communeCodes(): string[] {
    return [...this.communes.keys()].sort();
  }

  /** The adjacency for a mode and season, built on first use and kept until the graph changes. */
  adjacencyFor(mode: TravelMode, season: Season): Adjacency {
    const key = `${mode}_${season}`;
    let adjacency = this.adjacencies.get(key);
    if (!adjacency) {
      adjacency = buildAdjacency({
        edges: this.travelEdges(),
        mode,
        season,
        communeCodes: [...this.communes.keys()],
      });
      this.adjacencies.set(key, adjacency);
    }
    return adjacency;
  }

  /** Minutes from a home to the commune's point (docs/travel-model.md §1), cached until communes change. */
  withinCommuneMinutes(code: string, mode: TravelMode, season: Season): number {
    let minutes = this.withinCommune.get(code);
    if (minutes === undefined) {
      const commune = this.communes.get(code);
      minutes = (commune && withinCommuneMinutesOf(commune)) ?? null;
      this.withinCommune.set(code, minutes);
    }
    return minutes?.[toTravelTimeKey(mode, season)] ?? 0;
  }

  /** In-person and remote offerings of one service, joined with their facility. */
  offeringsOf(serviceCode: string): Array<{ offering: OfferingRecord; facility: FacilityRecord }> {
    const out: Array<{ offering: OfferingRecord; facility: FacilityRecord }> = [];
    for (const offering of this.byService.get(serviceCode)?.values() ?? []) {
      const facility = this.facilities.get(offering.facilityId);
      if (facility) out.push({ offering, facility });
    }
    return out;
  }

  private changed(graph: boolean, change: ReadModelChange): void {
    this.version += 1;
    if (graph) {
      this.adjacencies.clear();
      this.withinCommune.clear();
    }
    for (const listener of this.listeners) listener(change);
  }
}
