/**
 * Cases: pseudonymous records, owned by an organisation, every read and write audited. A receiving
 * facility sees a case only through a referral addressed to it with a consent still valid. Consents live
 * in consent-service.ts, the audit log's reader in audit-log-service.ts.
 */
import { assertAllowed, authorize, caseListScope, maySeeCase, ownsCase } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import { checkCaseInput } from '../domain/case/check-case-input';
import { ConflictError, ForbiddenError, NotFoundError } from '../domain/errors';
import type { CaseRecord, CaseStore, Page, PageArgs } from '../store/port';
import { auditEvent, newId } from './audit';
import { createOnce, type ClaimKey } from './create-once';
import type { RoutingService } from './routing-service';

export interface CreateCaseInput {
  label: string;
  birthMonth: string;
  sex: CaseRecord['sex'];
  communeCode: string;
  languages?: string[] | null;
  needs?: string[] | null;
  idempotencyKey?: string | null;
}

export class CaseService {
  constructor(
    private readonly store: Pick<
      CaseStore,
      | 'appendAudit'
      | 'cases'
      | 'casesById'
      | 'consentsByCase'
      | 'idempotencyKey'
      | 'referralsByCase'
      | 'transact'
    >,
    private readonly routing: RoutingService,
    private readonly now: () => string,
  ) {}

  /** A new case; with an idempotencyKey, a retry returns the first submission's case (src/services/create-once.ts). */
  async createCase(viewer: Viewer, input: CreateCaseInput): Promise<CaseRecord> {
    authorize(viewer, 'case.write');
    const organizationId = viewer.organizationId;
    if (!organizationId)
      throw new ForbiddenError('A caseworker token needs an organisation (org claim) to own cases');
    const at = this.now();
    return createOnce({
      store: this.store,
      operation: 'createCase',
      subject: viewer.subject,
      submitted: input,
      at,
      replay: (id) => this.readCase(viewer, id, 'IDEMPOTENT_REPLAY'),
      create: (claimKey) => this.insertCase(viewer, organizationId, input, at, claimKey),
    });
  }

  private async insertCase(
    viewer: Viewer,
    organizationId: string,
    input: CreateCaseInput,
    at: string,
    claimKey: ClaimKey,
  ): Promise<CaseRecord> {
    const checked = checkCaseInput(input, at);
    const commune = await this.routing.requireCommune(input.communeCode);
    const record: CaseRecord = {
      ...checked,
      id: newId('case'),
      sex: input.sex,
      communeCode: commune.code,
      provinceCode: commune.provinceCode,
      organizationId,
      createdBy: viewer.subject,
      createdAt: at,
      updatedAt: at,
    };
    await this.store.transact(async (tx) => {
      await claimKey(tx, record.id);
      // Checked inside the write, so two caseworkers typing the same label cannot both create it.
      if (await tx.caseIdByLabel(record.organizationId, record.label))
        throw new ConflictError(
          `A case labelled "${record.label}" already exists in this organisation; choose another pseudonymous label`,
        );
      await tx.createCase(record);
      await tx.appendAudit(
        auditEvent({ viewer, action: 'CREATE', entity: 'Case', entityId: record.id, caseId: record.id, at }),
      );
    });
    return record;
  }

  /** Loads a case the viewer may see, or throws NOT_FOUND / FORBIDDEN. Audits the read. */
  async readCase(viewer: Viewer, caseId: string, purpose = 'CASE_VIEW'): Promise<CaseRecord> {
    authorize(viewer, 'case.read');
    const [record] = await this.store.casesById([caseId]);
    if (!record) throw new NotFoundError('Case', caseId);
    await this.assertCanSee(viewer, record);
    await this.store.appendAudit([
      auditEvent({
        viewer,
        action: 'READ',
        entity: 'Case',
        entityId: caseId,
        caseId,
        at: this.now(),
        purpose,
      }),
    ]);
    return record;
  }

  /** Owners see their cases; facility staff only through a referral they may see (consent still holding). */
  async assertCanSee(viewer: Viewer, record: CaseRecord): Promise<void> {
    if (ownsCase(viewer, record)) return;
    const [[referrals = []], [consents = []]] = await Promise.all([
      this.store.referralsByCase([record.id]),
      this.store.consentsByCase([record.id]),
    ]);
    assertAllowed(
      maySeeCase({ viewer, record, referrals, consents, at: this.now() }),
      'This case belongs to another organisation and no valid consent shares it with you',
    );
  }

  /** Cases a caseworker's organisation (or, without one, province) owns; all for an admin. Audited. */
  async listCases(viewer: Viewer, page: PageArgs): Promise<Page<CaseRecord>> {
    authorize(viewer, 'case.read');
    const result = await this.store.cases(caseListScope(viewer), page);
    const at = this.now();
    await this.store.appendAudit(
      result.items.map((c) =>
        auditEvent({
          viewer,
          action: 'READ',
          entity: 'Case',
          entityId: c.id,
          caseId: c.id,
          at,
          purpose: 'CASE_LIST',
        }),
      ),
    );
    return result;
  }

  async readOwnedCase(viewer: Viewer, caseId: string): Promise<CaseRecord> {
    const [record] = await this.store.casesById([caseId]);
    if (!record) throw new NotFoundError('Case', caseId);
    assertAllowed(ownsCase(viewer, record), 'Only the caseworker who owns the case can do this');
    return record;
  }
}
