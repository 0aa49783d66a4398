/** Case, consent, referral and audit operations over a CypherRunner (mixed into CypherGraphStore). */
import { col, groupByKey, inKeyOrder, readPage, type Raw } from './batch-results';
import type { CypherRunner, RunFn } from './cypher-runner';
import * as C from './cypher/cases';
import * as H from './cypher/history';
import { toAuditEvent, toCase, toConsent, toIdempotency, toReferral, toReferralEvent } from './case-records';
import type {
  CaseScope,
  CaseWriter,
  HistoryKind,
  OutcomeSeenRecord,
  Page,
  PageArgs,
  ReferralFilter,
} from './port';

/** The statements that load one batch of each kind, with the rows each takes. */
const HISTORY_STATEMENTS: Record<HistoryKind, (rows: Raw[]) => Array<[string, Raw[]]>> = {
  cases: (rows) => [[H.LOAD_CASES, rows]],
  consents: (rows) => [[H.LOAD_CONSENTS, rows]],
  referrals: (rows) => [
    [H.LOAD_REFERRALS, rows],
    [H.LINK_ONWARD_REFERRALS, rows.filter((r) => r.parentId != null)],
  ],
  'referral-events': (rows) => [[H.LOAD_REFERRAL_EVENTS, rows]],
};

function caseWriter(run: RunFn): CaseWriter {
  return {
    async createCase(row) {
      const created = await run(C.CREATE_CASE, { row });
      if (created.length === 0) throw new Error(`commune ${row.communeCode} not found while creating a case`);
    },
    async createConsent(row) {
      const created = await run(C.CREATE_CONSENT, { row });
      if (created.length === 0) throw new Error(`case ${row.caseId} not found while creating a consent`);
    },
    async withdrawConsent(id, at) {
      const rows = await run(C.WITHDRAW_CONSENT, { id, at });
      return rows[0] ? toConsent(rows[0].c as Raw) : null;
    },
    async consentsByCase(caseId) {
      return col(await run(C.LOCK_CONSENTS_BY_CASE, { caseId }), 'c').map(toConsent);
    },
    async createReferral(row) {
      const created = await run(C.CREATE_REFERRAL, { row });
      if (created.length === 0) throw new Error(`case or facility missing while creating referral ${row.id}`);
      if (row.parentId) await run(C.LINK_ONWARD, { id: row.id, parentId: row.parentId });
    },
    async referralById(id) {
      const rows = await run(C.REFERRALS_BY_ID, { keys: [id] });
      return rows[0] ? toReferral(rows[0].r as Raw) : null;
    },
    async updateReferral(row, expectedVersion) {
      return (await run(C.UPDATE_REFERRAL, { row, expectedVersion })).length > 0;
    },
    async appendReferralEvent(row) {
      await run(C.CREATE_REFERRAL_EVENT, { row });
    },
    async appendAudit(row) {
      await run(C.APPEND_AUDIT, { row });
    },
    async caseIdByLabel(organizationId, label) {
      const rows = await run(C.CASE_BY_LABEL, { organizationId, label });
      return rows[0] ? String(rows[0].id) : null;
    },
    async claimIdempotencyKey(row) {
      const [stored] = await run(C.CLAIM_IDEMPOTENCY_KEY, { row });
      if (!stored) throw new Error(`idempotency key ${row.id} was neither created nor found`);
      return toIdempotency(stored.i as Raw);
    },
  };
}

/** The case half of the store; CypherGraphStore delegates to it. */
export class CaseStore {
  constructor(private readonly runner: CypherRunner) {}

  transact<T>(work: (tx: CaseWriter) => Promise<T>): Promise<T> {
    return this.runner.write((run) => work(caseWriter(run)));
  }

  async casesById(ids: readonly string[]) {
    return inKeyOrder(
      ids,
      col(await this.runner.read(C.CASES_BY_ID, { keys: [...ids] }), 'k').map(toCase),
      (c) => c.id,
    );
  }

  async cases(scope: CaseScope, page: PageArgs): Promise<Page<ReturnType<typeof toCase>>> {
    const params = { organizationId: scope.organizationId ?? null, provinceCode: scope.provinceCode ?? null };
    return readPage({
      runner: this.runner,
      query: C.CASES_PAGE,
      count: C.CASES_COUNT,
      params: { ...params, after: page.after, limit: page.first + 1 },
      column: 'k',
      first: page.first,
      map: toCase,
    });
  }

  async consentsByCase(caseIds: readonly string[]) {
    const items = col(await this.runner.read(C.CONSENTS_BY_CASE, { keys: [...caseIds] }), 'c').map(toConsent);
    return groupByKey(caseIds, items, (c) => c.caseId);
  }

  async referralsById(ids: readonly string[]) {
    const items = col(await this.runner.read(C.REFERRALS_BY_ID, { keys: [...ids] }), 'r').map(toReferral);
    return inKeyOrder(ids, items, (r) => r.id);
  }

  async referralsByCase(caseIds: readonly string[]) {
    const items = col(await this.runner.read(C.REFERRALS_BY_CASE, { keys: [...caseIds] }), 'r').map(
      toReferral,
    );
    return groupByKey(caseIds, items, (r) => r.caseId);
  }

  async referrals(filter: ReferralFilter, page: PageArgs) {
    const params = {
      toFacilityId: filter.toFacilityId ?? null,
      caseOrganizationId: filter.caseOrganizationId ?? null,
      caseProvinceCode: filter.caseProvinceCode ?? null,
      status: filter.status ?? null,
    };
    return readPage({
      runner: this.runner,
      query: C.REFERRALS_PAGE,
      count: C.REFERRALS_COUNT,
      params: { ...params, after: page.after, limit: page.first + 1 },
      column: 'r',
      first: page.first,
      map: toReferral,
    });
  }

  async eventsByReferral(referralIds: readonly string[]) {
    const items = col(await this.runner.read(C.EVENTS_BY_REFERRAL, { keys: [...referralIds] }), 'e').map(
      toReferralEvent,
    );
    return groupByKey(referralIds, items, (e) => e.referralId);
  }

  async auditEvents(caseId: string, limit: number) {
    return col(await this.runner.read(C.AUDIT_BY_CASE, { caseId, limit }), 'a').map(toAuditEvent);
  }

  async outcomesSeen(actor: string, caseIds: readonly string[]): Promise<OutcomeSeenRecord[][]> {
    const rows = await this.runner.read(C.OUTCOMES_SEEN, { actor, caseIds: [...caseIds] });
    const items = rows.map((r) => ({
      caseId: String(r.caseId),
      referralId: String(r.referralId),
      at: String(r.at),
    }));
    return groupByKey(caseIds, items, (s) => s.caseId);
  }

  async idempotencyKey(id: string) {
    const [row] = await this.runner.read(C.IDEMPOTENCY_KEY, { id });
    return row ? toIdempotency(row.i as Raw) : null;
  }

  async loadHistoryBatch(kind: HistoryKind, rows: Raw[]): Promise<void> {
    await this.runner.write(async (run) => {
      for (const [query, batch] of HISTORY_STATEMENTS[kind](rows)) {
        if (batch.length === 0) continue;
        const n = Number((await run(query, { rows: batch }))[0]?.n ?? 0);
        if (n !== batch.length)
          throw new Error(
            `history load wrote ${n} of ${batch.length} ${kind} rows: a referenced node is missing`,
          );
      }
    });
  }

  async appendAudit(rows: Parameters<CaseWriter['appendAudit']>[0][]) {
    if (rows.length === 0) return;
    await this.runner.write(async (run) => {
      for (const row of rows) await run(C.APPEND_AUDIT, { row });
    });
  }
}
