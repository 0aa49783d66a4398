/**
 * Cases and consents: pseudonymous records, owned by an organisation, every read and write audited.
 * A receiving facility sees a case only through a referral addressed to it with a consent still valid.
 */
import { assertAllowed, authorize, caseListScope, maySeeCase, ownsCase } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import { CONSENT_GRANTORS, CONSENT_PURPOSES } from '../domain/consent/consent';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../domain/errors';
import { readLanguageCode } from '../domain/language/language-table';
import { SECTORS, type Sector } from '../domain/model';
import type { AuditEventRecord, CaseRecord, ConsentRecord, CaseStore, Page, PageArgs } from '../store/port';
import { claimFor } from '../domain/idempotency/idempotency-key';
import { auditEvent, newId } from './audit';
import { createOnce, type ClaimKey } from './create-once';
import type { RoutingService } from './routing-service';

const LABEL = /^[\p{L}\p{N}][\p{L}\p{N} _\-#.]{0,39}$/u;
const SERVICE = /^[A-Z]{2,4}\.[A-Z]{2,12}$/;

/** Whole months between a YYYY-MM birth month and `at`. */
export function ageInMonths(birthMonth: string, at: string): number {
  const [y, m] = birthMonth.split('-').map(Number) as [number, number];
  const now = new Date(at);
  return Math.max(0, (now.getUTCFullYear() - y) * 12 + (now.getUTCMonth() + 1 - m));
}

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
      | 'auditEvents'
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
      claim: claimFor({
        operation: 'createCase',
        subject: viewer.subject,
        key: input.idempotencyKey,
        payload: { ...input },
      }),
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
    const label = input.label.trim();
    if (!LABEL.test(label)) {
      throw new BadInputError(
        'label must be a short pseudonymous code (1–40 letters, digits, spaces, - _ # .), never a name',
      );
    }
    if (
      !/^\d{4}-(0[1-9]|1[0-2])$/.test(input.birthMonth) ||
      input.birthMonth > at.slice(0, 7) ||
      input.birthMonth < '2000-01'
    ) {
      throw new BadInputError('birthMonth must be YYYY-MM, not in the future, and describe a child');
    }
    const languages = readCaseLanguages(input.languages ?? ['vie']);
    const needs = input.needs ?? [];
    if (needs.length > 20 || !needs.every((n) => SERVICE.test(n)))
      throw new BadInputError('needs must be service codes such as SCR.ASD');
    const commune = await this.routing.requireCommune(input.communeCode);
    const record: CaseRecord = {
      id: newId('case'),
      label,
      birthMonth: input.birthMonth,
      sex: input.sex,
      communeCode: commune.code,
      provinceCode: commune.provinceCode,
      languages,
      needs,
      organizationId,
      createdBy: viewer.subject,
      createdAt: at,
      updatedAt: at,
    };
    await this.store.transact(async (tx) => {
      await claimKey(tx, record.id);
      // Checked inside the write, so two caseworkers typing the same label cannot both create it.
      if (await tx.caseIdByLabel(record.organizationId, label))
        throw new ConflictError(
          `A case labelled "${label}" already exists in this organisation; choose another pseudonymous label`,
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

  /** The audit trail of a case, for admins; reading it is itself audited. */
  async readAuditLog(viewer: Viewer, caseId: string, first: number): Promise<AuditEventRecord[]> {
    authorize(viewer, 'audit.read');
    if (!Number.isInteger(first) || first < 1 || first > 1000)
      throw new BadInputError('first must be between 1 and 1000');
    const events = await this.store.auditEvents(caseId, first);
    await this.store.appendAudit([
      auditEvent({
        viewer,
        action: 'READ',
        entity: 'AuditLog',
        entityId: caseId,
        caseId,
        at: this.now(),
        purpose: 'AUDIT',
      }),
    ]);
    return events;
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

  async grantConsent(
    viewer: Viewer,
    input: {
      caseId: string;
      purpose?: string | null;
      scopeOrganizationIds?: string[] | null;
      scopeSectors?: Sector[] | null;
      grantedBy: string;
      expiresAt?: string | null;
    },
  ): Promise<ConsentRecord> {
    authorize(viewer, 'consent.write');
    const record = await this.readOwnedCase(viewer, input.caseId);
    const purpose = input.purpose ?? 'REFERRAL';
    if (!(CONSENT_PURPOSES as readonly string[]).includes(purpose))
      throw new BadInputError(`purpose must be one of ${CONSENT_PURPOSES.join(', ')}`);
    if (!(CONSENT_GRANTORS as readonly string[]).includes(input.grantedBy))
      throw new BadInputError(`grantedBy must be one of ${CONSENT_GRANTORS.join(', ')}`);
    const organizations = input.scopeOrganizationIds ?? [];
    if (organizations.length > 50 || !organizations.every((id) => /^[\w.:-]{1,64}$/.test(id))) {
      throw new BadInputError(
        'scopeOrganizationIds takes at most 50 organisation ids of up to 64 characters',
      );
    }
    const sectors = input.scopeSectors ?? [];
    if (!sectors.every((s) => (SECTORS as readonly string[]).includes(s)))
      throw new BadInputError('scopeSectors must be sectors');
    const at = this.now();
    if (input.expiresAt && input.expiresAt <= at) throw new BadInputError('expiresAt must be in the future');
    const consent: ConsentRecord = {
      id: newId('consent'),
      caseId: record.id,
      purpose,
      scopeOrganizationIds: organizations,
      scopeSectors: sectors,
      grantedBy: input.grantedBy,
      grantedAt: at,
      expiresAt: input.expiresAt ?? null,
      withdrawnAt: null,
    };
    await this.store.transact(async (tx) => {
      await tx.createConsent(consent);
      await tx.appendAudit(
        auditEvent({
          viewer,
          action: 'CREATE',
          entity: 'Consent',
          entityId: consent.id,
          caseId: record.id,
          at,
          purpose,
        }),
      );
    });
    return consent;
  }

  async withdrawConsent(viewer: Viewer, consentId: string): Promise<ConsentRecord> {
    authorize(viewer, 'consent.write');
    const at = this.now();
    return this.store.transact(async (tx) => {
      const consent = await tx.withdrawConsent(consentId, at);
      const [record] = consent ? await this.store.casesById([consent.caseId]) : [];
      // Someone else's consent answers like a missing one (no existence oracle); thrown inside the
      // transaction, so the withdrawal is rolled back.
      if (!consent || !record || !ownsCase(viewer, record))
        throw new NotFoundError('Active consent', consentId);
      await tx.appendAudit(
        auditEvent({
          viewer,
          action: 'WITHDRAW',
          entity: 'Consent',
          entityId: consentId,
          caseId: consent.caseId,
          at,
        }),
      );
      return consent;
    });
  }

  async readOwnedCase(viewer: Viewer, caseId: string): Promise<CaseRecord> {
    const [record] = await this.store.casesById([caseId]);
    if (!record) throw new NotFoundError('Case', caseId);
    assertAllowed(ownsCase(viewer, record), 'Only the caseworker who owns the case can do this');
    return record;
  }
}

/** ISO 639-3 codes of the language table (old codes mapped), at most 10, or BAD_USER_INPUT naming close ones. */
function readCaseLanguages(given: readonly string[]): string[] {
  if (given.length > 10) throw new BadInputError('languages has more than 10 entries');
  const codes: string[] = [];
  for (const input of given) {
    const r = readLanguageCode(input.slice(0, 40));
    if ('error' in r) throw new BadInputError(`languages: ${r.error}`);
    if (!codes.includes(r.code)) codes.push(r.code);
  }
  return codes;
}
