/**
 * The receiving facility's inbox and the sender's "outcome came back" marker. Visibility is the API's own
 * rule (maySeeReferral: consent still holding); only the referrals shown on the page are audited as read.
 */
import { authorize, maySeeReferral, ownsCase } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import { BadInputError, ForbiddenError } from '../domain/errors';
import {
  compareInboxItems,
  placeInInbox,
  type InboxBucket,
  type InboxPlacement,
} from '../domain/referral/inbox-bucket';
import type {
  CaseRecord,
  CaseStore,
  OutcomeSeenRecord,
  Page,
  PageArgs,
  ReferralEventRecord,
  ReferralRecord,
} from '../store/port';
import { auditEvent } from './audit';
import type { ReferralService } from './referral-service';

const OPEN_STATUSES = ['REQUESTED', 'ACCEPTED', 'IN_PROGRESS'] as const;
/** Open referrals read per status; a facility with more than this many open is beyond what one inbox pages. */
const MAX_OPEN_PER_STATUS = 5000;

export type InboxEntry = InboxPlacement & { referral: ReferralRecord };

export interface InboxPage extends Page<InboxEntry> {
  counts: Record<InboxBucket, number>;
}

/** The receiving side acted: every event after the request except the referrer's own cancel. */
export function isReceiverEvent(event: ReferralEventRecord): boolean {
  return event.action !== 'REQUEST' && event.action !== 'CANCEL';
}

export class InboxService {
  constructor(
    private readonly store: Pick<
      CaseStore,
      'appendAudit' | 'casesById' | 'consentsByCase' | 'outcomesSeen' | 'referrals'
    >,
    private readonly referrals: ReferralService,
    private readonly now: () => string,
  ) {}

  /** Open referrals to the viewer's facility (an admin names one), most urgent first, paged by referral id. */
  async inbox(
    viewer: Viewer,
    input: { bucket?: InboxBucket | null; facilityId?: string | null },
    page: PageArgs,
  ): Promise<InboxPage> {
    authorize(viewer, 'referral.respond');
    const facilityId = viewer.role === 'admin' ? input.facilityId : viewer.facilityId;
    if (viewer.role !== 'admin' && viewer.role !== 'facility_staff')
      throw new ForbiddenError('The inbox is for the receiving facility’s staff');
    if (!facilityId) throw new BadInputError('The inbox needs a facility (facility claim in the token)');
    const at = this.now();
    const pages = await Promise.all(
      OPEN_STATUSES.map((status) =>
        this.store.referrals(
          { toFacilityId: facilityId, status },
          { first: MAX_OPEN_PER_STATUS, after: null },
        ),
      ),
    );
    const open = pages.flatMap((p) => p.items);
    const caseIds = [...new Set(open.map((r) => r.caseId))];
    const [records, consents] = await Promise.all([
      this.store.casesById(caseIds),
      this.store.consentsByCase(caseIds),
    ]);
    const byCase = new Map(caseIds.map((id, i) => [id, { record: records[i], consents: consents[i] ?? [] }]));
    const items: InboxEntry[] = [];
    for (const referral of open) {
      const c = byCase.get(referral.caseId);
      if (!c?.record || !maySeeReferral({ viewer, referral, record: c.record, consents: c.consents, at }))
        continue;
      const placement = placeInInbox(referral, at);
      if (placement) items.push({ ...placement, referral });
    }
    items.sort((a, b) => compareInboxItems({ ...a.referral, ...a }, { ...b.referral, ...b }));
    const counts: Record<InboxBucket, number> = { NEW: 0, DUE_SOON: 0, OVERDUE: 0, IN_PROGRESS: 0 };
    for (const item of items) counts[item.bucket] += 1;
    const wanted = input.bucket ? items.filter((i) => i.bucket === input.bucket) : items;
    const start = page.after ? wanted.findIndex((i) => i.referral.id === page.after) + 1 : 0;
    if (page.after && start === 0)
      throw new BadInputError('after names a referral that is no longer in this inbox');
    const shown = wanted.slice(start, start + page.first);
    await this.store.appendAudit(
      shown.map((i) =>
        auditEvent({
          viewer,
          action: 'READ',
          entity: 'Referral',
          entityId: i.referral.id,
          caseId: i.referral.caseId,
          at,
          purpose: 'INBOX',
        }),
      ),
    );
    return {
      items: shown,
      totalCount: wanted.length,
      hasNextPage: start + page.first < wanted.length,
      counts,
    };
  }

  /** The referring side opened the outcome: recorded as an OUTCOME_SEEN read in the audit trail. */
  async markSeen(viewer: Viewer, referralId: string): Promise<ReferralRecord> {
    const referral = await this.referrals.readReferral(viewer, referralId);
    await this.store.appendAudit([
      auditEvent({
        viewer,
        action: 'READ',
        entity: 'Referral',
        entityId: referral.id,
        caseId: referral.caseId,
        at: this.now(),
        purpose: 'OUTCOME_SEEN',
      }),
    ]);
    return referral;
  }

  /** Per case, when this viewer last opened each referral's outcome (batched by the GraphQL loader). */
  outcomesSeen(viewer: Viewer, caseIds: readonly string[]): Promise<OutcomeSeenRecord[][]> {
    return this.store.outcomesSeen(viewer.subject, caseIds);
  }

  /**
   * Unread for the case owner when the receiver's latest event is newer than the viewer's last OUTCOME_SEEN
   * read of this referral; never for anyone else (the receiver knows what they did).
   */
  isOutcomeUnread(input: {
    viewer: Viewer;
    record: CaseRecord | null;
    events: readonly ReferralEventRecord[];
    lastSeenAt: string | null;
  }): boolean {
    const { viewer, record, events, lastSeenAt } = input;
    if (!record || viewer.role !== 'caseworker' || !ownsCase(viewer, record)) return false;
    const latest = [...events].reverse().find(isReceiverEvent);
    return !!latest && (lastSeenAt === null || latest.at > lastSeenAt);
  }
}
