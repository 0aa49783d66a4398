/** Stored properties → case, consent, referral, event and audit records (nulls filled back in). */
import type {
  AuditEventRecord,
  CaseRecord,
  ConsentRecord,
  IdempotencyRecord,
  ReferralEventRecord,
  ReferralRecord,
} from './port';

type Raw = Record<string, unknown>;

const s = (v: unknown): string => (v == null ? '' : String(v));
const n = (v: unknown): string | null => (v == null ? null : String(v));
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export function toCase(r: Raw): CaseRecord {
  return {
    id: s(r.id),
    label: s(r.label),
    birthMonth: s(r.birthMonth),
    sex: (r.sex as CaseRecord['sex']) ?? 'X',
    communeCode: s(r.communeCode),
    provinceCode: s(r.provinceCode),
    languages: list(r.languages),
    needs: list(r.needs),
    organizationId: s(r.organizationId),
    createdBy: s(r.createdBy),
    createdAt: s(r.createdAt),
    updatedAt: s(r.updatedAt),
  };
}

export function toConsent(r: Raw): ConsentRecord {
  return {
    id: s(r.id),
    caseId: s(r.caseId),
    purpose: s(r.purpose),
    scopeOrganizationIds: list(r.scopeOrganizationIds),
    scopeSectors: list(r.scopeSectors),
    grantedBy: s(r.grantedBy),
    grantedAt: s(r.grantedAt),
    expiresAt: n(r.expiresAt),
    withdrawnAt: n(r.withdrawnAt),
  };
}

export function toReferral(r: Raw): ReferralRecord {
  return {
    id: s(r.id),
    caseId: s(r.caseId),
    parentId: n(r.parentId),
    fromFacilityId: s(r.fromFacilityId),
    toFacilityId: s(r.toFacilityId),
    fromOrganizationId: n(r.fromOrganizationId),
    toOrganizationId: n(r.toOrganizationId),
    serviceCode: s(r.serviceCode),
    reason: s(r.reason),
    urgency: (r.urgency as ReferralRecord['urgency']) ?? 'ROUTINE',
    dueDate: n(r.dueDate),
    status: (r.status as ReferralRecord['status']) ?? 'REQUESTED',
    skipReason: n(r.skipReason),
    rejectReasonCode: n(r.rejectReasonCode),
    consentId: n(r.consentId),
    createdBy: s(r.createdBy),
    createdAt: s(r.createdAt),
    updatedAt: s(r.updatedAt),
    version: Number(r.version ?? 0),
  };
}

export function toReferralEvent(r: Raw): ReferralEventRecord {
  return {
    id: s(r.id),
    referralId: s(r.referralId),
    action: s(r.action),
    fromStatus: n(r.fromStatus),
    toStatus: s(r.toStatus),
    by: s(r.by),
    at: s(r.at),
    note: n(r.note),
    reasonCode: n(r.reasonCode),
  };
}

export function toAuditEvent(r: Raw): AuditEventRecord {
  return {
    id: s(r.id),
    at: s(r.at),
    actor: s(r.actor),
    role: s(r.role),
    action: s(r.action),
    entity: s(r.entity),
    entityId: s(r.entityId),
    caseId: n(r.caseId),
    purpose: n(r.purpose),
  };
}

export function toIdempotency(r: Raw): IdempotencyRecord {
  return {
    id: s(r.id),
    operation: s(r.operation),
    fingerprint: s(r.fingerprint),
    entityId: s(r.entityId),
    createdAt: s(r.createdAt),
  };
}
