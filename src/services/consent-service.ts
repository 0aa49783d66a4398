/** The family's consents on a case: granted and withdrawn by the case's owner, each change audited. */
import { authorize, ownsCase } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import { checkConsentGrant, type ConsentGrantInput } from '../domain/consent/check-consent-grant';
import { NotFoundError } from '../domain/errors';
import type { CaseStore, ConsentRecord } from '../store/port';
import { auditEvent, newId } from './audit';
import type { CaseService } from './case-service';

export class ConsentService {
  constructor(
    private readonly store: Pick<CaseStore, 'casesById' | 'transact'>,
    private readonly cases: Pick<CaseService, 'readOwnedCase'>,
    private readonly now: () => string,
  ) {}

  async grantConsent(viewer: Viewer, input: ConsentGrantInput & { caseId: string }): Promise<ConsentRecord> {
    authorize(viewer, 'consent.write');
    const record = await this.cases.readOwnedCase(viewer, input.caseId);
    const at = this.now();
    const consent: ConsentRecord = {
      ...checkConsentGrant(input, at),
      id: newId('consent'),
      caseId: record.id,
      grantedAt: at,
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
          purpose: consent.purpose,
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
}
