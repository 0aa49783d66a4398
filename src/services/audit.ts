/** Builds audit events: who (subject and role), did what, to which record, for which case, when. */
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../auth/viewer';
import type { AuditEventRecord } from '../store/port';

export function newId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

export function auditEvent(input: {
  viewer: Viewer;
  action: 'READ' | 'CREATE' | 'UPDATE' | 'TRANSITION' | 'WITHDRAW';
  entity: 'Case' | 'Consent' | 'Referral' | 'ReferralChain' | 'AuditLog';
  entityId: string;
  caseId: string | null;
  at: string;
  purpose?: string | null;
}): AuditEventRecord {
  return {
    id: newId('audit'),
    at: input.at,
    actor: input.viewer.subject,
    role: input.viewer.role,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    caseId: input.caseId,
    purpose: input.purpose ?? null,
  };
}
