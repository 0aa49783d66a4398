/**
 * The repository port: the only view of storage that the GraphQL layer and the services have.
 * Records are plain JSON (strings, numbers, booleans, arrays of primitives); no driver types leak here.
 */
import type { FacilityLevel, ReferralStatus, Sector, Urgency } from '../domain/model';

export interface ProvinceRecord {
  code: string;
  name: string;
  fullName: string;
  type: string;
  lat: number | null;
  lon: number | null;
  population: number | null;
  areaKm2: number | null;
  updatedAt: string;
}

export interface CommuneRecord {
  code: string;
  name: string;
  shortName: string;
  type: string;
  provinceCode: string;
  lat: number | null;
  lon: number | null;
  areaKm2: number | null;
  areaEstimated: boolean;
  population: number | null;
  populationEstimated: boolean;
  /** Imported child population (ages 0-17) that overrides the age-structure estimate. */
  childPopulation: number | null;
  scheme: string;
  validFrom: string;
  flags: string[];
  updatedAt: string;
}

/** A pre-reform (VN63) commune and the 2025 commune that succeeded it. */
export interface LegacyCommuneRecord {
  key: string;
  code: string | null;
  name: string;
  districtName: string;
  provinceName: string;
  oldProvinceCode: string;
  successorCode: string;
  note: string;
}

export interface OrganizationRecord {
  id: string;
  name: string;
  sector: Sector;
  provinceCode: string;
  demo: boolean;
  updatedAt: string;
}

export interface FacilityRecord {
  id: string;
  name: string;
  organizationId: string | null;
  sector: Sector;
  kind: string;
  level: FacilityLevel;
  communeCode: string;
  provinceCode: string;
  lat: number | null;
  lon: number | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  /** `system|value` pairs of external identifiers (crosswalk). */
  identifiers: string[];
  /** REAL (named in a source document, or a commune health station that exists by law) or DEMO (generated). */
  provenance: 'REAL' | 'DEMO' | 'IMPORTED';
  source: string | null;
  updatedAt: string;
}

export interface ServiceTypeRecord {
  code: string;
  name: string;
  nameVi: string;
  category: string;
  sectors: Sector[];
  description: string;
}

export interface OfferingRecord {
  id: string;
  facilityId: string;
  serviceCode: string;
  minAgeMonths: number | null;
  maxAgeMonths: number | null;
  capacity: number | null;
  currentLoad: number | null;
  waitDays: number | null;
  languages: string[];
  schedule: string | null;
  remote: boolean;
  cost: string | null;
  updatedAt: string;
}

/** An estimated or imported travel edge between two communes (both directions). */
export interface RoadRecord {
  fromCode: string;
  toCode: string;
  km: number;
  straightKm: number;
  terrain: string;
  source: 'ESTIMATED' | 'IMPORTED';
  /** Minutes keyed `${mode}_${season}`, e.g. MOTORBIKE_RAINY. */
  minutes: Record<string, number>;
}

export interface CaseRecord {
  id: string;
  /** A pseudonymous label chosen by the caseworker; never a name. */
  label: string;
  birthMonth: string;
  sex: 'F' | 'M' | 'X';
  communeCode: string;
  provinceCode: string;
  languages: string[];
  needs: string[];
  organizationId: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface ConsentRecord {
  id: string;
  caseId: string;
  purpose: string;
  scopeOrganizationIds: string[];
  scopeSectors: string[];
  grantedBy: string;
  grantedAt: string;
  expiresAt: string | null;
  withdrawnAt: string | null;
}

export interface ReferralRecord {
  id: string;
  caseId: string;
  parentId: string | null;
  fromFacilityId: string;
  toFacilityId: string;
  fromOrganizationId: string | null;
  toOrganizationId: string | null;
  serviceCode: string;
  reason: string;
  urgency: Urgency;
  dueDate: string | null;
  status: ReferralStatus;
  skipReason: string | null;
  rejectReasonCode: string | null;
  consentId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ReferralEventRecord {
  id: string;
  referralId: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  by: string;
  at: string;
  note: string | null;
  reasonCode: string | null;
}

export interface AuditEventRecord {
  id: string;
  at: string;
  actor: string;
  role: string;
  action: string;
  entity: string;
  entityId: string;
  caseId: string | null;
  purpose: string | null;
}

export interface TombstoneRecord {
  id: string;
  entity: string;
  deletedAt: string;
}

/** One entry of the change feed: an entity created, updated or deleted at `at`. */
export interface ChangeRecord {
  kind: 'CREATED' | 'UPDATED' | 'DELETED';
  entity: 'Facility' | 'Offering' | 'Organization';
  id: string;
  at: string;
}

/** Position in the change feed: after (at, entity, id). */
export interface ChangeCursor {
  at: string;
  entity: string;
  id: string;
}

export interface PageArgs {
  first: number;
  /** Exclusive lower bound on the sort key (decoded cursor). */
  after: string | null;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
}

export interface CommuneFilter {
  provinceCode?: string | null;
  type?: string | null;
  updatedAfter?: string | null;
}

export interface FacilityFilter {
  provinceCode?: string | null;
  communeCode?: string | null;
  sector?: Sector | null;
  kind?: string | null;
  level?: FacilityLevel | null;
  serviceCode?: string | null;
  ageMonths?: number | null;
  language?: string | null;
  updatedAfter?: string | null;
  provenance?: string | null;
}

export interface SearchHit {
  /** OLD_COMMUNE: a pre-2025 commune; `id` is its 2025 successor's code. */
  kind: 'FACILITY' | 'COMMUNE' | 'OLD_COMMUNE' | 'SERVICE';
  id: string;
  name: string;
  folded: string;
}

/** Directory records of every kind, written together (dependency order is the store's business). */
export interface DirectoryBatch {
  provinces?: ProvinceRecord[];
  communes?: CommuneRecord[];
  legacyCommunes?: LegacyCommuneRecord[];
  serviceTypes?: ServiceTypeRecord[];
  organizations?: OrganizationRecord[];
  facilities?: FacilityRecord[];
  offerings?: OfferingRecord[];
  roads?: RoadRecord[];
}

/** A snapshot of everything routing and coverage read, loaded in one go to build the read model. */
export interface RoutingSnapshot {
  communes: CommuneRecord[];
  roads: RoadRecord[];
  facilities: FacilityRecord[];
  offerings: OfferingRecord[];
}

export interface CaseScope {
  organizationId?: string | null;
  provinceCode?: string | null;
}

export interface ReferralFilter {
  toFacilityId?: string | null;
  /** Referrals of cases owned by this organisation (or, below, in this province). */
  caseOrganizationId?: string | null;
  caseProvinceCode?: string | null;
  status?: string | null;
}

/** Writes of case data, all inside one transaction (audit included), rolled back on any error. */
export interface CaseWriter {
  createCase(row: CaseRecord): Promise<void>;
  createConsent(row: ConsentRecord): Promise<void>;
  withdrawConsent(id: string, at: string): Promise<ConsentRecord | null>;
  /**
   * The case's consents, under their write locks until the unit of work ends: a decision taken on them
   * (a referral, a transition) cannot commit after a concurrent withdrawal of one of them committed.
   */
  consentsByCase(caseId: string): Promise<ConsentRecord[]>;
  createReferral(row: ReferralRecord): Promise<void>;
  referralById(id: string): Promise<ReferralRecord | null>;
  /** Applies the update only if the stored version equals `expectedVersion`; false otherwise. */
  updateReferral(row: ReferralRecord, expectedVersion: number): Promise<boolean>;
  appendReferralEvent(row: ReferralEventRecord): Promise<void>;
  appendAudit(row: AuditEventRecord): Promise<void>;
  /** The id of the organisation's case with this label, if any (checked inside the write that adds one). */
  caseIdByLabel(organizationId: string, label: string): Promise<string | null>;
  /**
   * Stores the idempotency key unless one with its id exists, and returns the stored one: `row` itself, or
   * the earlier claim (whose entityId then differs). Concurrent claims of one id queue on its unique key.
   */
  claimIdempotencyKey(row: IdempotencyRecord): Promise<IdempotencyRecord>;
}

/** An idempotency key of a creating mutation (src/domain/idempotency): which record it created. */
export interface IdempotencyRecord {
  id: string;
  operation: string;
  fingerprint: string;
  entityId: string;
  createdAt: string;
}

/** When a viewer last opened a referral's outcome (from the audit trail's OUTCOME_SEEN reads). */
export interface OutcomeSeenRecord {
  caseId: string;
  referralId: string;
  at: string;
}

/** Lifecycle and health: start-up, /ready, the CLI and the seed's "is it empty" check. */
export interface StoreAdmin {
  readonly kind: 'embedded' | 'neo4j';
  /** Creates constraints and indexes; idempotent. */
  ensureSchema(): Promise<void>;
  isHealthy(): Promise<boolean>;
  /**
   * Resolves once the store holds the writes these bookmarks name (Neo4j causal consistency, for a
   * caller that wrote through another server); at once on the embedded store, which has none.
   */
  awaitBookmarks(bookmarks: readonly string[]): Promise<void>;
  close(): Promise<void>;
  countNodes(label: string): Promise<number>;
  /**
   * The store's last change marker (src/store/cypher/write-session.ts): a token that every process
   * replaces with its first committed write. `ensure` sets one on a store that has none. Null where the
   * marker is not kept (Neo4j, which several processes write to).
   */
  writeSession(ensure?: boolean): Promise<string | null>;
}

/** Directory writes (batched, idempotent by key): the seed, the importer and the directory writer. */
export interface DirectoryWrites {
  upsertProvinces(rows: ProvinceRecord[]): Promise<void>;
  upsertCommunes(rows: CommuneRecord[]): Promise<void>;
  upsertLegacyCommunes(rows: LegacyCommuneRecord[]): Promise<void>;
  upsertServiceTypes(rows: ServiceTypeRecord[]): Promise<void>;
  upsertOrganizations(rows: OrganizationRecord[]): Promise<void>;
  upsertFacilities(rows: FacilityRecord[]): Promise<void>;
  upsertOfferings(rows: OfferingRecord[]): Promise<void>;
  upsertRoads(rows: RoadRecord[]): Promise<void>;
  /** Writes a whole batch in one transaction: all of it or none. */
  writeDirectoryBatch(batch: DirectoryBatch): Promise<void>;
  deleteFacility(id: string, at: string): Promise<boolean>;
  deleteOffering(id: string, at: string): Promise<boolean>;
}

/** Directory reads: loaders, resolvers, the importer's look-ups, exports and the read model's load. */
export interface DirectoryReads {
  provinces(): Promise<ProvinceRecord[]>;
  provincesByCode(codes: readonly string[]): Promise<(ProvinceRecord | null)[]>;
  communesByCode(codes: readonly string[]): Promise<(CommuneRecord | null)[]>;
  communes(filter: CommuneFilter, page: PageArgs): Promise<Page<CommuneRecord>>;
  legacyCommunesByCode(codes: readonly string[]): Promise<LegacyCommuneRecord[]>;
  predecessorsOf(codes: readonly string[]): Promise<LegacyCommuneRecord[][]>;
  /** Old communes whose folded name is one of `folded` (several districts may share a name). */
  legacyCommunesByName(folded: readonly string[]): Promise<LegacyCommuneRecord[]>;
  allOrganizations(): Promise<OrganizationRecord[]>;
  serviceTypes(): Promise<ServiceTypeRecord[]>;
  organizationsById(ids: readonly string[]): Promise<(OrganizationRecord | null)[]>;
  facilitiesById(ids: readonly string[]): Promise<(FacilityRecord | null)[]>;
  facilities(filter: FacilityFilter, page: PageArgs): Promise<Page<FacilityRecord>>;
  facilityByIdentifier(identifier: string): Promise<FacilityRecord | null>;
  offeringsByFacility(facilityIds: readonly string[]): Promise<OfferingRecord[][]>;
  offeringsById(ids: readonly string[]): Promise<(OfferingRecord | null)[]>;
  searchNames(foldedTokens: string[], limit: number): Promise<SearchHit[]>;
  loadRoutingSnapshot(): Promise<RoutingSnapshot>;
}

/** The change feed integrators mirror the directory from. */
export interface ChangeFeed {
  /**
   * Changes strictly after `cursor`, oldest first, at most `limit`; CREATED when the record was created
   * at or after `since`, UPDATED when it was created before.
   */
  changesAfter(cursor: ChangeCursor, since: string, limit: number): Promise<ChangeRecord[]>;
  countChangesSince(since: string): Promise<number>;
}

/** Cases, consents, referrals and their audit trail. */
export interface CaseStore {
  transact<T>(work: (tx: CaseWriter) => Promise<T>): Promise<T>;
  casesById(ids: readonly string[]): Promise<(CaseRecord | null)[]>;
  cases(scope: CaseScope, page: PageArgs): Promise<Page<CaseRecord>>;
  consentsByCase(caseIds: readonly string[]): Promise<ConsentRecord[][]>;
  referralsById(ids: readonly string[]): Promise<(ReferralRecord | null)[]>;
  referralsByCase(caseIds: readonly string[]): Promise<ReferralRecord[][]>;
  referrals(filter: ReferralFilter, page: PageArgs): Promise<Page<ReferralRecord>>;
  eventsByReferral(referralIds: readonly string[]): Promise<ReferralEventRecord[][]>;
  auditEvents(caseId: string, limit: number): Promise<AuditEventRecord[]>;
  /** Appends audit events of reads (writes audit inside their own transaction). */
  appendAudit(rows: AuditEventRecord[]): Promise<void>;
  /** Per case, the referrals `actor` opened the outcome of, each with the last time (grouped in key order). */
  outcomesSeen(actor: string, caseIds: readonly string[]): Promise<OutcomeSeenRecord[][]>;
  /** The idempotency key stored under this id, if any. */
  idempotencyKey(id: string): Promise<IdempotencyRecord | null>;
}

/** The kinds of generated case history, in load order (parents before children). */
export type HistoryKind = 'cases' | 'consents' | 'referrals' | 'referral-events';

/** Bulk loading of generated case history (tools/generate): first loads of large data sets. */
export interface HistoryBulkLoad {
  /**
   * Writes one batch of new rows of one kind in one transaction (referrals with their ONWARD_OF links);
   * the whole batch is refused, and rolled back, if any row names a case, commune, facility or parent
   * that is not stored.
   */
  loadHistoryBatch(kind: HistoryKind, rows: Record<string, unknown>[]): Promise<void>;
}

/** Read-backs no application code needs: the conformance suite checks raw roads and tombstones with them. */
export interface StoreInspection {
  roadsFrom(codes: readonly string[]): Promise<RoadRecord[][]>;
  tombstonesSince(since: string, limit: number): Promise<TombstoneRecord[]>;
}

/**
 * The whole store, as the composition root (app.ts, open-store.ts) holds it. Batch reads return results in
 * key order. Everything else takes the part it uses: one of the interfaces above, or a Pick of one.
 */
export interface GraphStore
  extends StoreAdmin,
    DirectoryWrites,
    DirectoryReads,
    ChangeFeed,
    CaseStore,
    HistoryBulkLoad,
    StoreInspection {}
