/**
 * Referrals: create (with the consent, level and service checks), move through the status machine
 * (atomically, with an event and an audit record), and read a child's chain and next steps.
 */
import {
  actingSides,
  assertAllowed,
  authorize,
  consentHolds,
  listScopeIsOwned,
  maySeeReferral,
  maySendFrom,
  ownsCase,
  referralListScope,
} from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import { findCoveringConsent, isConsentActive } from '../domain/consent/consent';
import { readConsentRow } from '../domain/consent/read-consent-row';
import {
  BadInputError,
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  quoteInput,
} from '../domain/errors';
import { LIMITS } from '../domain/input-limits';
import type { Urgency } from '../domain/model';
import { checkReferralRequest } from '../domain/referral/check-referral-request';
import { renderReferralSlip } from '../domain/referral/referral-slip';
import { transitionReferral, type ReferralAction } from '../domain/referral/referral-status';
import type { ReadModel } from '../read-model/read-model';
import type {
  CaseStore,
  ConsentRecord,
  FacilityRecord,
  Page,
  PageArgs,
  ReferralEventRecord,
  ReferralRecord,
} from '../store/port';
import { auditEvent, newId } from './audit';
import { createOnce, type ClaimKey } from './create-once';

export interface CreateReferralInput {
  caseId: string;
  fromFacilityId: string;
  toFacilityId: string;
  serviceCode: string;
  reason: string;
  urgency?: Urgency | null;
  dueDate?: string | null;
  parentId?: string | null;
  skipReason?: string | null;
  idempotencyKey?: string | null;
}

/** A REQUESTED referral, version 1, from checked input (its consent is decided in the write). */
function newReferral(input: {
  checked: ReturnType<typeof checkReferralRequest>;
  caseId: string;
  parent: ReferralRecord | null;
  from: FacilityRecord;
  to: FacilityRecord;
  input: CreateReferralInput;
  by: string;
  at: string;
}): ReferralRecord {
  const { from, to, at } = input;
  return {
    ...input.checked,
    id: newId('ref'),
    caseId: input.caseId,
    parentId: input.parent?.id ?? null,
    fromFacilityId: from.id,
    toFacilityId: to.id,
    fromOrganizationId: from.organizationId,
    toOrganizationId: to.organizationId,
    serviceCode: input.input.serviceCode,
    status: 'REQUESTED',
    rejectReasonCode: null,
    consentId: null,
    createdBy: input.by,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** The REQUEST event that opens a referral's history. */
function requestEvent(referral: ReferralRecord, by: string): ReferralEventRecord {
  return {
    id: newId('evt'),
    referralId: referral.id,
    action: 'REQUEST',
    fromStatus: null,
    toStatus: 'REQUESTED',
    by,
    at: referral.createdAt,
    note: referral.reason,
    reasonCode: null,
  };
}

/** The consent id a new referral shares the case under (null inside one organisation), or CONSENT_REQUIRED. */
function decideConsent(input: {
  consents: ConsentRecord[];
  receiver: FacilityRecord;
  senderOrganizationId: string;
  at: string;
}): string | null {
  const decision = findCoveringConsent({
    consents: input.consents.map(readConsentRow),
    receiverOrganizationId: input.receiver.organizationId,
    receiverSector: input.receiver.sector,
    purpose: 'REFERRAL',
    at: input.at,
    senderOrganizationId: input.senderOrganizationId,
  });
  if (!decision.covered) throw new ConsentRequiredError(decision.message, decision.reason);
  return decision.consent?.id ?? null;
}

export class ConsentRequiredError extends DomainError {
  constructor(message: string, reason: string) {
    super('CONSENT_REQUIRED', message, { reason });
  }
}

export class ReferralService {
  constructor(
    private readonly store: Pick<
      CaseStore,
      | 'appendAudit'
      | 'casesById'
      | 'consentsByCase'
      | 'idempotencyKey'
      | 'referrals'
      | 'referralsById'
      | 'transact'
    >,
    private readonly readModel: ReadModel,
    private readonly now: () => string,
  ) {}

  private facility(id: string, field: string): FacilityRecord {
    const facility = this.readModel.facilities.get(id);
    if (!facility)
      throw new BadInputError(`Unknown facility ${quoteInput(id)} in ${field}`, {
        field,
        id: quoteInput(id),
      });
    return facility;
  }

  /** A new referral; with an idempotencyKey, a retry returns the first submission's referral. */
  async createReferral(viewer: Viewer, input: CreateReferralInput): Promise<ReferralRecord> {
    authorize(viewer, 'referral.create');
    const at = this.now();
    return createOnce({
      store: this.store,
      operation: 'createReferral',
      subject: viewer.subject,
      submitted: input,
      at,
      replay: (id) => this.readReferral(viewer, id),
      create: (claimKey) => this.insertReferral(viewer, input, at, claimKey),
    });
  }

  /** Load → check the request → may the caller send it? → persist with its event and audit. */
  private async insertReferral(
    viewer: Viewer,
    input: CreateReferralInput,
    at: string,
    claimKey: ClaimKey,
  ): Promise<ReferralRecord> {
    const [record] = await this.store.casesById([input.caseId]);
    if (!record) throw new NotFoundError('Case', input.caseId);
    const from = this.facility(input.fromFacilityId, 'fromFacilityId');
    const to = this.facility(input.toFacilityId, 'toFacilityId');
    const checked = checkReferralRequest({
      request: input,
      from,
      to,
      serviceKnown: this.readModel.serviceTypes.has(input.serviceCode),
      receiverOffers: this.readModel.offeringsOf(input.serviceCode).some((o) => o.facility.id === to.id),
      at,
    });
    const parent = await this.parentOf(record.id, input.parentId);
    const [consents = []] = await this.store.consentsByCase([record.id]);
    assertAllowed(
      maySendFrom({ viewer, record, from, parent, consents, at }),
      'A referral leaves from a facility of your organisation (or one the family consented to), or onward from your facility after a referral to it',
    );
    const referral = newReferral({
      checked,
      caseId: record.id,
      parent,
      from,
      to,
      input,
      by: viewer.subject,
      at,
    });
    await this.store.transact(async (tx) => {
      await claimKey(tx, referral.id);
      // Consent is decided inside the write, so a withdrawal cannot slip between the check and the referral.
      referral.consentId = decideConsent({
        consents: await tx.consentsByCase(record.id),
        receiver: to,
        senderOrganizationId: record.organizationId,
        at,
      });
      await tx.createReferral(referral);
      await tx.appendReferralEvent(requestEvent(referral, viewer.subject));
      await tx.appendAudit(
        auditEvent({
          viewer,
          action: 'CREATE',
          entity: 'Referral',
          entityId: referral.id,
          caseId: record.id,
          at,
          purpose: 'REFERRAL',
        }),
      );
    });
    return referral;
  }

  /** The referral an onward one follows from, which must belong to the same case. */
  private async parentOf(
    caseId: string,
    parentId: string | null | undefined,
  ): Promise<ReferralRecord | null> {
    if (!parentId) return null;
    const [parent] = await this.store.referralsById([parentId]);
    if (!parent || parent.caseId !== caseId)
      throw new BadInputError(`parentId ${quoteInput(parentId)} is not a referral of this case`);
    return parent;
  }

  async transition(
    viewer: Viewer,
    input: { referralId: string; action: ReferralAction; note?: string | null; reasonCode?: string | null },
  ): Promise<ReferralRecord> {
    authorize(viewer, input.action === 'CANCEL' ? 'referral.cancel' : 'referral.respond');
    if (input.note && input.note.length > LIMITS.transitionNote)
      throw new BadInputError(`note must be at most ${LIMITS.transitionNote} characters`);
    const [current] = await this.store.referralsById([input.referralId]);
    if (!current) throw new NotFoundError('Referral', input.referralId);
    const [[record], [consents = []]] = await Promise.all([
      this.store.casesById([current.caseId]),
      this.store.consentsByCase([current.caseId]),
    ]);
    const at = this.now();
    const sides = record ? actingSides({ viewer, referral: current, record, consents, at }) : [];
    // The same answer whether the referral is someone else's or its consent was withdrawn: nothing leaks.
    assertAllowed(
      sides.length > 0,
      'You are on neither side of this referral (or its consent was withdrawn)',
    );
    const { referral, event } = transitionReferral({
      referral: current,
      action: input.action,
      actor: { id: viewer.subject, sides },
      at,
      note: input.note,
      reasonCode: input.reasonCode,
    });
    const next: ReferralRecord = { ...current, ...referral, version: current.version + 1 };
    await this.store.transact(async (tx) => {
      if (!record || !ownsCase(viewer, record)) {
        // Facility staff (either end) act only while the consent that shared the case holds, checked inside the write.
        const consents = await tx.consentsByCase(current.caseId);
        assertAllowed(
          consentHolds(current, consents, at),
          'The consent that shared this referral is no longer valid',
        );
      }
      // Optimistic concurrency: a concurrent transition bumps the version first and this one is refused.
      const applied = await tx.updateReferral(next, current.version);
      if (!applied)
        throw new ConflictError('The referral changed while you were working on it; reload and try again');
      await tx.appendReferralEvent({
        id: newId('evt'),
        ...event,
        fromStatus: event.fromStatus,
        reasonCode: event.reasonCode,
      });
      await tx.appendAudit(
        auditEvent({
          viewer,
          action: 'TRANSITION',
          entity: 'Referral',
          entityId: current.id,
          caseId: current.caseId,
          at,
          purpose: input.action,
        }),
      );
    });
    return next;
  }

  /** Referrals in the viewer's scope: sent by their organisation, or addressed to their facility. */
  async listReferrals(
    viewer: Viewer,
    where: { toFacilityId?: string | null; status?: string | null },
    page: PageArgs,
  ): Promise<Page<ReferralRecord>> {
    authorize(viewer, 'case.read');
    const filter = referralListScope(viewer, where);
    if (listScopeIsOwned(viewer)) {
      const result = await this.store.referrals(filter, page);
      const items = await this.visible(viewer, result.items, 'REFERRAL_LIST');
      return { ...result, items };
    }
    // Consent decides what staff see, so the page and totalCount are taken over the visible referrals.
    const all: ReferralRecord[] = [];
    for (let after: string | null = null; ; ) {
      const batch = await this.store.referrals(filter, { first: 500, after });
      all.push(...batch.items);
      if (!batch.hasNextPage || batch.items.length === 0) break;
      after = batch.items[batch.items.length - 1]!.id;
    }
    const seen = await this.visibleIds(viewer, all);
    const shown = all.filter((r) => seen.has(r.id));
    const start = page.after ? shown.findIndex((r) => r.id === page.after) + 1 : 0;
    const slice = shown.slice(start, start + page.first);
    const items = await this.visible(viewer, slice, 'REFERRAL_LIST');
    const hasNextPage = start + page.first < shown.length;
    return { items, totalCount: shown.length, hasNextPage };
  }

  /** Ids of the referrals of `referrals` the viewer may see (no audit: nothing is shown yet). */
  private async visibleIds(viewer: Viewer, referrals: readonly ReferralRecord[]): Promise<Set<string>> {
    if (referrals.length === 0) return new Set();
    const caseIds = [...new Set(referrals.map((r) => r.caseId))];
    const [records, consents] = await Promise.all([
      this.store.casesById(caseIds),
      this.store.consentsByCase(caseIds),
    ]);
    const at = this.now();
    const byCase = new Map(caseIds.map((id, i) => [id, { record: records[i], consents: consents[i] ?? [] }]));
    return new Set(
      referrals
        .filter((referral) => {
          const c = byCase.get(referral.caseId);
          return (
            !!c?.record && maySeeReferral({ viewer, referral, record: c.record, consents: c.consents, at })
          );
        })
        .map((r) => r.id),
    );
  }

  /** The referrals of `referrals` the viewer may see; each one returned is audited as read. */
  async visible(viewer: Viewer, referrals: ReferralRecord[], purpose: string): Promise<ReferralRecord[]> {
    if (referrals.length === 0) return [];
    const seen = await this.visibleIds(viewer, referrals);
    const shown = referrals.filter((r) => seen.has(r.id));
    const at = this.now();
    await this.store.appendAudit(
      shown.map((r) =>
        auditEvent({
          viewer,
          action: 'READ',
          entity: 'Referral',
          entityId: r.id,
          caseId: r.caseId,
          at,
          purpose,
        }),
      ),
    );
    return shown;
  }

  /** The family's slip for a referral the viewer already reached; reason details only while consent holds. */
  async renderSlip(viewer: Viewer, referral: ReferralRecord, format: 'text' | 'html'): Promise<string> {
    const to = this.facility(referral.toFacilityId, 'toFacilityId');
    const from = this.readModel.facilities.get(referral.fromFacilityId) ?? null;
    const commune = this.readModel.communes.get(to.communeCode);
    const service = this.readModel.serviceTypes.get(referral.serviceCode);
    const [consents = []] = await this.store.consentsByCase([referral.caseId]);
    const consent = consents.find((c) => c.id === referral.consentId);
    const at = this.now();
    const consentAllowsDetails = referral.consentId === null || (!!consent && isConsentActive(consent, at));
    await this.store.appendAudit([
      auditEvent({
        viewer,
        action: 'READ',
        entity: 'Referral',
        entityId: referral.id,
        caseId: referral.caseId,
        at,
        purpose: 'SLIP',
      }),
    ]);
    return renderReferralSlip({
      referral,
      toFacility: to,
      fromFacility: from,
      service: { code: referral.serviceCode, nameVi: service?.nameVi ?? referral.serviceCode },
      commune: commune ? { name: commune.name, provinceName: null } : null,
      consentAllowsDetails,
      format,
      offering: this.readModel.offeringsOf(referral.serviceCode).find(({ facility }) => facility.id === to.id)
        ?.offering,
    });
  }

  /** A referral the viewer may see (owner, either side, or receiving staff with valid consent); audited. */
  async readReferral(viewer: Viewer, id: string): Promise<ReferralRecord> {
    authorize(viewer, 'case.read');
    const [referral] = await this.store.referralsById([id]);
    if (!referral) throw new NotFoundError('Referral', id);
    const [shown] = await this.visible(viewer, [referral], 'REFERRAL_VIEW');
    if (!shown)
      throw new ForbiddenError('This referral is not shared with you (or its consent was withdrawn)');
    return shown;
  }
}
