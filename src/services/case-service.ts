/**
 * Cases and consents: pseudonymous records, owned by an organisation, every read and write audited.
 * A receiving facility sees a case only through a referral addressed to it with a consent still valid.
 */
import { assertAllowed, authorize, ownsCase, receivesReferral } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import { CONSENT_GRANTORS, CONSENT_PURPOSES } from '../domain/consent/consent';
import { BadInputError, ForbiddenError, NotFoundError } from '../domain/errors';
import { SECTORS, type Sector } from '../domain/model';
import type { CaseRecord, ConsentRecord, GraphStore, ReferralRecord } from '../store/port';
import { auditEvent, newId } from './audit';
import type { RoutingService } from './routing-service';

const LABEL = /^[\p{L}\p{N}][\p{L}\p{N} _\-#.]{0,39}$/u;
const LANGUAGE = /^[a-z]{3}$/;
const SERVICE = /^[A-Z]{2,4}\.[A-Z]{2,12}$/;

/** True while a consent has been neither withdrawn nor expired at `at`. */
export function isConsentActive(consent: ConsentRecord, at: string): boolean {
  return !consent.withdrawnAt && (!consent.expiresAt || consent.expiresAt > at);
}

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
}

export class CaseService {
  constructor(
    private readonly store: GraphStore,
    private readonly routing: RoutingService,
    private readonly now: () => string,
  ) {}

  async createCase(viewer: Viewer, input: CreateCaseInput): Promise<CaseRecord> {
    authorize(viewer, 'case.write');
    if (!viewer.organizationId)
      throw new ForbiddenError('A caseworker token needs an organisation (org claim) to own cases');
    const label = input.label.trim();
    if (!LABEL.test(label)) {
      throw new BadInputError(
        'label must be a short pseudonymous code (1–40 letters, digits, spaces, - _ # .), never a name',
      );
    }
    const at = this.now();
    if (
      !/^\d{4}-(0[1-9]|1[0-2])$/.test(input.birthMonth) ||
      input.birthMonth > at.slice(0, 7) ||
      input.birthMonth < '2000-01'
    ) {
      throw new BadInputError('birthMonth must be YYYY-MM, not in the future, and describe a child');
    }
    const languages = input.languages ?? ['vie'];
    const needs = input.needs ?? [];
    if (languages.length > 10 || !languages.every((l) => LANGUAGE.test(l)))
      throw new BadInputError('languages must be ISO 639-3 codes such as vie, hmn');
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
      organizationId: viewer.organizationId,
      createdBy: viewer.subject,
      createdAt: at,
      updatedAt: at,
    };
    await this.store.transact(async (tx) => {
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

  /** Owners see their cases; receiving staff only through a referral to them with a valid consent. */
  async assertCanSee(viewer: Viewer, record: CaseRecord): Promise<void> {
    if (ownsCase(viewer, record)) return;
    if (viewer.role === 'facility_staff') {
      const [[referrals = []], [consents = []]] = await Promise.all([
        this.store.referralsByCase([record.id]),
        this.store.consentsByCase([record.id]),
      ]);
      if (referrals.some((r) => this.staffMaySee(viewer, r, consents))) return;
    }
    throw new ForbiddenError(
      'This case belongs to another organisation and no valid consent shares it with you',
    );
  }

  /** Receiving staff see a referral while it is addressed to them and its consent is still active. */
  staffMaySee(viewer: Viewer, referral: ReferralRecord, consents: ConsentRecord[]): boolean {
    const consent = referral.consentId ? consents.find((c) => c.id === referral.consentId) : undefined;
    const sameOrganisation = referral.consentId === null;
    const valid = sameOrganisation || (!!consent && isConsentActive(consent, this.now()));
    return receivesReferral(viewer, referral, valid);
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
    const sectors = input.scopeSectors ?? [];
    if (!sectors.every((s) => (SECTORS as readonly string[]).includes(s)))
      throw new BadInputError('scopeSectors must be sectors');
    const at = this.now();
    if (input.expiresAt && input.expiresAt <= at) throw new BadInputError('expiresAt must be in the future');
    const consent: ConsentRecord = {
      id: newId('consent'),
      caseId: record.id,
      purpose,
      scopeOrganizationIds: input.scopeOrganizationIds ?? [],
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
      if (!consent) throw new NotFoundError('Active consent', consentId);
      const [record] = await this.store.casesById([consent.caseId]);
      // Thrown inside the transaction, so a withdrawal by someone else's caseworker is rolled back.
      assertAllowed(
        !!record && ownsCase(viewer, record),
        'Only the caseworker who owns the case can withdraw its consent',
      );
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
