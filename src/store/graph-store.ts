/**
 * The GraphStore port implemented once over a CypherRunner: both adapters share every query here
 * and differ only in how statements run (src/store/embedded, src/store/neo4j).
 */
import { READ_WRITE_SESSION } from './cypher/write-session';
import { runInCausalScope } from './causal-scope';
import { AWAIT_BOOKMARKS } from './cypher/causal';
import { col, groupByKey, inKeyOrder, readPage, type Raw } from './batch-results';
import { CaseStore } from './case-store';
import type { CypherRunner } from './cypher-runner';
import * as R from './cypher/directory-reads';
import * as W from './cypher/directory-writes';
import * as S from './cypher/sync';
import { EMBEDDED_SCHEMA, NEO4J_SCHEMA } from './cypher/schema';
import type {
  ChangeCursor,
  ChangeRecord,
  CommuneFilter,
  CommuneRecord,
  DirectoryBatch,
  FacilityFilter,
  FacilityRecord,
  GraphStore,
  LegacyCommuneRecord,
  OfferingRecord,
  OrganizationRecord,
  Page,
  PageArgs,
  ProvinceRecord,
  RoadRecord,
  SearchHit,
  ServiceTypeRecord,
} from './port';
import {
  roadProps,
  toCommune,
  toFacility,
  toLegacyCommune,
  toOffering,
  toOrganization,
  toProvince,
  toRoad,
  toServiceType,
  toTombstone,
  withSearch,
} from './records';

/** Labels of the change feed, in the feed's tie-break order. */
const SYNC_LABELS: readonly S.SyncLabel[] = ['Facility', 'Offering', 'Organization'];

/** Rows per UNWIND batch: large enough to amortise a statement, small enough to keep memory flat. */
const BATCH = 2000;

interface WriteStage {
  queries: readonly string[];
  rows: (records: never[]) => Raw[];
}

const asRaw = (rows: readonly object[]) => rows as unknown as Raw[];
const searchable = (rows: readonly { name: string }[]) => asRaw(rows.map(withSearch));

/** Dependency order of a directory batch: what each entity's MATCHes need is written before it. */
export const DIRECTORY_ORDER = [
  'provinces',
  'communes',
  'legacyCommunes',
  'serviceTypes',
  'organizations',
  'facilities',
  'offerings',
  'roads',
] as const satisfies readonly (keyof DirectoryBatch)[];

/** The statements each entity's upsert runs, stage by stage, with the rows each stage takes. */
const WRITE_PLAN: Record<keyof DirectoryBatch, WriteStage[]> = {
  provinces: [{ queries: [W.UPSERT_PROVINCES], rows: searchable }],
  communes: [{ queries: [W.UNLINK_MOVED_COMMUNES, W.UPSERT_COMMUNES], rows: searchable }],
  legacyCommunes: [{ queries: [W.UPSERT_LEGACY_COMMUNES], rows: searchable }],
  serviceTypes: [{ queries: [W.UPSERT_SERVICE_TYPES], rows: searchable }],
  organizations: [{ queries: [W.UPSERT_ORGANIZATIONS], rows: searchable }],
  facilities: [
    { queries: [W.UNLINK_MOVED_FACILITIES, W.UPSERT_FACILITIES, W.DROP_STALE_IDENTIFIERS], rows: searchable },
    {
      queries: [W.LINK_FACILITY_ORGANIZATIONS],
      rows: (f: FacilityRecord[]) => asRaw(f.filter((x) => x.organizationId)),
    },
    {
      queries: [W.UNLINK_REASSIGNED_IDENTIFIERS, W.UPSERT_IDENTIFIERS],
      rows: (f: FacilityRecord[]) =>
        f.flatMap((x) => x.identifiers.map((key) => ({ key, facilityId: x.id }))),
    },
  ],
  offerings: [{ queries: [W.UPSERT_OFFERINGS], rows: asRaw }],
  roads: [
    {
      queries: [W.UPSERT_ROADS],
      rows: (r: RoadRecord[]) =>
        r.map((x) => ({ fromCode: x.fromCode, toCode: x.toCode, props: roadProps(x) })),
    },
  ],
};

export class CypherGraphStore implements GraphStore {
  private readonly caseStore: CaseStore;

  constructor(readonly runner: CypherRunner) {
    this.caseStore = new CaseStore(runner);
  }

  // Case data lives in CaseStore (src/store/case-store.ts); these delegate to it.
  transact: CaseStore['transact'] = (work) => this.caseStore.transact(work);
  casesById: CaseStore['casesById'] = (ids) => this.caseStore.casesById(ids);
  cases: CaseStore['cases'] = (scope, page) => this.caseStore.cases(scope, page);
  consentsByCase: CaseStore['consentsByCase'] = (ids) => this.caseStore.consentsByCase(ids);
  referralsById: CaseStore['referralsById'] = (ids) => this.caseStore.referralsById(ids);
  referralsByCase: CaseStore['referralsByCase'] = (ids) => this.caseStore.referralsByCase(ids);
  referrals: CaseStore['referrals'] = (filter, page) => this.caseStore.referrals(filter, page);
  eventsByReferral: CaseStore['eventsByReferral'] = (ids) => this.caseStore.eventsByReferral(ids);
  auditEvents: CaseStore['auditEvents'] = (caseId, limit) => this.caseStore.auditEvents(caseId, limit);
  appendAudit: CaseStore['appendAudit'] = (rows) => this.caseStore.appendAudit(rows);
  outcomesSeen: CaseStore['outcomesSeen'] = (actor, ids) => this.caseStore.outcomesSeen(actor, ids);
  idempotencyKey: CaseStore['idempotencyKey'] = (id) => this.caseStore.idempotencyKey(id);
  loadHistoryBatch: CaseStore['loadHistoryBatch'] = (kind, rows) =>
    this.caseStore.loadHistoryBatch(kind, rows);

  get kind() {
    return this.runner.kind;
  }

  async ensureSchema(): Promise<void> {
    await this.runner.applySchema(this.runner.kind === 'neo4j' ? NEO4J_SCHEMA : EMBEDDED_SCHEMA);
  }

  async isHealthy(): Promise<boolean> {
    try {
      return await this.runner.ping();
    } catch {
      return false;
    }
  }

  async awaitBookmarks(bookmarks: readonly string[]): Promise<void> {
    if (bookmarks.length === 0) return;
    await runInCausalScope(bookmarks, () => this.runner.read(AWAIT_BOOKMARKS));
  }

  close(): Promise<void> {
    return this.runner.close();
  }

  /** Writes rows in batches; each batch runs its statements in one transaction. */
  private async batched(queries: readonly string[], rows: Raw[]): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) {
      const slice = rows.slice(i, i + BATCH);
      await this.runner.write(async (run) => {
        for (const query of queries) await run(query, { rows: slice });
      });
    }
  }

  /** Runs one entity's write stages, each stage's statements over its rows in batches. */
  private async writeStages(
    entity: keyof DirectoryBatch,
    rows: readonly unknown[],
    exec: (queries: readonly string[], rows: Raw[]) => Promise<void>,
  ): Promise<void> {
    for (const stage of WRITE_PLAN[entity]) await exec(stage.queries, stage.rows(rows as never[]));
  }

  upsertProvinces(rows: ProvinceRecord[]) {
    return this.writeStages('provinces', rows, (q, r) => this.batched(q, r));
  }

  upsertCommunes(rows: CommuneRecord[]) {
    return this.writeStages('communes', rows, (q, r) => this.batched(q, r));
  }

  upsertLegacyCommunes(rows: LegacyCommuneRecord[]) {
    return this.writeStages('legacyCommunes', rows, (q, r) => this.batched(q, r));
  }

  upsertServiceTypes(rows: ServiceTypeRecord[]) {
    return this.writeStages('serviceTypes', rows, (q, r) => this.batched(q, r));
  }

  upsertOrganizations(rows: OrganizationRecord[]) {
    return this.writeStages('organizations', rows, (q, r) => this.batched(q, r));
  }

  upsertFacilities(rows: FacilityRecord[]) {
    return this.writeStages('facilities', rows, (q, r) => this.batched(q, r));
  }

  upsertOfferings(rows: OfferingRecord[]) {
    return this.writeStages('offerings', rows, (q, r) => this.batched(q, r));
  }

  upsertRoads(rows: RoadRecord[]) {
    return this.writeStages('roads', rows, (q, r) => this.batched(q, r));
  }

  /**
   * Writes a whole directory batch in ONE transaction, in dependency order: all of it commits or none
   * (imports rely on this). Statements still go in slices of BATCH rows to bound each statement.
   */
  async writeDirectoryBatch(batch: DirectoryBatch): Promise<void> {
    await this.runner.write(async (run) => {
      const exec = async (queries: readonly string[], rows: Raw[]) => {
        for (let i = 0; i < rows.length; i += BATCH) {
          const slice = rows.slice(i, i + BATCH);
          for (const query of queries) await run(query, { rows: slice });
        }
      };
      for (const entity of DIRECTORY_ORDER) {
        const rows = batch[entity];
        if (rows && rows.length > 0) await this.writeStages(entity, rows, exec);
      }
    });
  }

  async deleteFacility(id: string, at: string): Promise<boolean> {
    return this.runner.write(async (run) => {
      const offeringIds = (await run(W.FACILITY_OFFERING_IDS, { id })).map((r) => String(r.id));
      await run(W.DELETE_FACILITY_OFFERINGS, { id });
      await run(W.DELETE_FACILITY_IDENTIFIERS, { id });
      const rows = await run(W.DELETE_FACILITY, { id });
      if (rows.length === 0) return false;
      const tombstones = [
        { id, entity: 'Facility', deletedAt: at },
        ...offeringIds.map((o) => ({ id: o, entity: 'Offering', deletedAt: at })),
      ];
      await run(W.CREATE_TOMBSTONES, { rows: tombstones });
      return true;
    });
  }

  async deleteOffering(id: string, at: string): Promise<boolean> {
    return this.runner.write(async (run) => {
      const rows = await run(W.DELETE_OFFERING, { id });
      if (rows.length === 0) return false;
      await run(W.CREATE_TOMBSTONES, { rows: [{ id, entity: 'Offering', deletedAt: at }] });
      return true;
    });
  }

  async writeSession(ensure = false): Promise<string | null> {
    if (this.runner.kind !== 'embedded') return null;
    const read = async () => {
      const rows = await this.runner.read(READ_WRITE_SESSION);
      return typeof rows[0]?.token === 'string' ? rows[0].token : null;
    };
    const token = await read();
    if (token !== null || !ensure) return token;
    // The embedded runner sets the marker with a process's first write; an empty one is enough.
    await this.runner.write(async () => undefined);
    return read();
  }

  async countNodes(label: string): Promise<number> {
    const rows = await this.runner.read(R.COUNT_LABEL(label));
    return Number(rows[0]?.n ?? 0);
  }

  async provinces() {
    return col(await this.runner.read(R.PROVINCES), 'p').map(toProvince);
  }

  async provincesByCode(codes: readonly string[]) {
    const items = col(await this.runner.read(R.PROVINCES_BY_CODE, { keys: [...codes] }), 'p').map(toProvince);
    return inKeyOrder(codes, items, (p) => p.code);
  }

  async communesByCode(codes: readonly string[]) {
    const items = col(await this.runner.read(R.COMMUNES_BY_CODE, { keys: [...codes] }), 'c').map(toCommune);
    return inKeyOrder(codes, items, (c) => c.code);
  }

  async communes(filter: CommuneFilter, page: PageArgs) {
    const q = R.buildCommunesQuery(filter, page.after, page.first + 1);
    return this.page(q, 'c', page.first, toCommune);
  }

  async legacyCommunesByCode(codes: readonly string[]) {
    return col(await this.runner.read(R.LEGACY_BY_CODE, { keys: [...codes] }), 'l').map(toLegacyCommune);
  }

  async legacyCommunesByName(folded: readonly string[]) {
    if (folded.length === 0) return [];
    return col(await this.runner.read(R.LEGACY_BY_SEARCH, { keys: [...folded] }), 'l').map(toLegacyCommune);
  }

  async allOrganizations() {
    return col(await this.runner.read(R.ALL_ORGANIZATIONS), 'o').map(toOrganization);
  }

  async predecessorsOf(codes: readonly string[]) {
    const items = col(await this.runner.read(R.PREDECESSORS, { keys: [...codes] }), 'l').map(toLegacyCommune);
    return groupByKey(codes, items, (l) => l.successorCode);
  }

  async serviceTypes() {
    return col(await this.runner.read(R.SERVICE_TYPES), 's').map(toServiceType);
  }

  async organizationsById(ids: readonly string[]) {
    const items = col(await this.runner.read(R.ORGANIZATIONS_BY_ID, { keys: [...ids] }), 'o').map(
      toOrganization,
    );
    return inKeyOrder(ids, items, (o) => o.id);
  }

  async facilitiesById(ids: readonly string[]) {
    const items = col(await this.runner.read(R.FACILITIES_BY_ID, { keys: [...ids] }), 'f').map(toFacility);
    return inKeyOrder(ids, items, (f) => f.id);
  }

  async facilities(filter: FacilityFilter, page: PageArgs) {
    const q = R.buildFacilitiesQuery(filter, page.after, page.first + 1);
    return this.page(q, 'f', page.first, toFacility);
  }

  async facilityByIdentifier(identifier: string) {
    const rows = await this.runner.read(R.FACILITY_BY_IDENTIFIER, { key: identifier });
    return rows[0] ? toFacility(rows[0].f as Raw) : null;
  }

  async offeringsByFacility(facilityIds: readonly string[]) {
    const items = col(await this.runner.read(R.OFFERINGS_BY_FACILITY, { keys: [...facilityIds] }), 'o').map(
      toOffering,
    );
    return groupByKey(facilityIds, items, (o) => o.facilityId);
  }

  async offeringsById(ids: readonly string[]) {
    const items = col(await this.runner.read(R.OFFERINGS_BY_ID, { keys: [...ids] }), 'o').map(toOffering);
    return inKeyOrder(ids, items, (o) => o.id);
  }

  async roadsFrom(codes: readonly string[]) {
    const rows = await this.runner.read(R.ROADS_FROM, { keys: [...codes] });
    const roads = rows.map((r) => toRoad(String(r.fromCode), String(r.toCode), r.r as Raw));
    return groupByKey(codes, roads, (r) => r.fromCode);
  }

  async searchNames(foldedTokens: string[], limit: number) {
    const rows = await this.runner.read(R.SEARCH_NAMES, { tokens: foldedTokens, limit });
    return rows.map((r) => ({
      kind: r.kind as SearchHit['kind'],
      id: String(r.id),
      name: String(r.name),
      folded: String(r.folded),
    }));
  }

  async loadRoutingSnapshot() {
    const [communes, roads, facilities, offerings] = await Promise.all([
      this.runner.read(R.ALL_COMMUNES),
      this.runner.read(R.ALL_ROADS),
      this.runner.read(R.ALL_FACILITIES),
      this.runner.read(R.ALL_OFFERINGS),
    ]);
    return {
      communes: col(communes, 'c').map(toCommune),
      roads: roads.map((r) => toRoad(String(r.fromCode), String(r.toCode), r.r as Raw)),
      facilities: col(facilities, 'f').map(toFacility),
      offerings: col(offerings, 'o').map(toOffering),
    };
  }

  async changesAfter(cursor: ChangeCursor, since: string, limit: number): Promise<ChangeRecord[]> {
    // Order is (at, entity, id): for a label before the cursor's entity at the same instant, nothing at
    // that instant qualifies; after it, every id does.
    const idAfter = (entity: string) =>
      entity < cursor.entity ? '\uffff' : entity > cursor.entity ? '' : cursor.id;
    const live = await Promise.all(
      SYNC_LABELS.map(async (label) => {
        const rows = await this.runner.read(S.CHANGED_AFTER(label), {
          at: cursor.at,
          id: idAfter(label),
          limit,
        });
        return rows.map(
          (r): ChangeRecord => ({
            kind: String(r.createdAt) >= since ? 'CREATED' : 'UPDATED',
            entity: label,
            id: String(r.id),
            at: String(r.at),
          }),
        );
      }),
    );
    // Tombstones share one label; the query breaks ties on their entity property (a page of one
    // deletion's tombstones may all share one instant).
    const tombstones = (
      await this.runner.read(S.DELETED_AFTER, { at: cursor.at, entity: cursor.entity, id: cursor.id, limit })
    ).map(
      (r): ChangeRecord => ({
        kind: 'DELETED',
        entity: String(r.entity) as ChangeRecord['entity'],
        id: String(r.id),
        at: String(r.at),
      }),
    );
    const order = (a: ChangeRecord, b: ChangeRecord) =>
      a.at < b.at
        ? -1
        : a.at > b.at
          ? 1
          : a.entity < b.entity
            ? -1
            : a.entity > b.entity
              ? 1
              : a.id < b.id
                ? -1
                : a.id > b.id
                  ? 1
                  : a.kind === 'DELETED'
                    ? -1
                    : 1;
    return [...live.flat(), ...tombstones].sort(order).slice(0, limit);
  }

  async countChangesSince(since: string): Promise<number> {
    const counts = await Promise.all([
      ...SYNC_LABELS.map((label) => this.runner.read(S.COUNT_CHANGED_SINCE(label), { since })),
      this.runner.read(S.COUNT_DELETED_SINCE, { since }),
    ]);
    return counts.reduce((sum, rows) => sum + Number(rows[0]?.n ?? 0), 0);
  }

  async tombstonesSince(since: string, limit: number) {
    return col(await this.runner.read(R.TOMBSTONES_SINCE, { since, limit }), 't').map(toTombstone);
  }

  private page<T>(q: R.BuiltQuery, column: string, first: number, map: (raw: Raw) => T): Promise<Page<T>> {
    return readPage({
      runner: this.runner,
      query: q.query,
      count: q.count,
      params: q.params,
      column,
      first,
      map,
    });
  }
}
