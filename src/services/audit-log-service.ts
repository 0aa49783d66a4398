/** The audit trail of a case, for admins; reading it is itself audited. */
import { authorize } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import { BadInputError } from '../domain/errors';
import { LIMITS } from '../domain/input-limits';
import type { AuditEventRecord, CaseStore } from '../store/port';
import { auditEvent } from './audit';

export class AuditLogService {
  constructor(
    private readonly store: Pick<CaseStore, 'appendAudit' | 'auditEvents'>,
    private readonly now: () => string,
  ) {}

  async readAuditLog(viewer: Viewer, caseId: string, first: number): Promise<AuditEventRecord[]> {
    authorize(viewer, 'audit.read');
    if (!Number.isInteger(first) || first < 1 || first > LIMITS.auditPage)
      throw new BadInputError(`first must be between 1 and ${LIMITS.auditPage}`);
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
}
