/** The receiving facility's inbox, and what the referring side sees of the outcome. */
import DataLoader from 'dataloader';
import { labelOf } from '../../domain/i18n/labels';
import { NotFoundError } from '../../domain/errors';
import { isReceiverEvent } from '../../services/inbox-service';
import type { OutcomeSeenRecord } from '../../store/port';
import type { GraphQLContext } from '../context';
import type {
  CaseResolvers,
  InboxItemResolvers,
  MutationResolvers,
  QueryResolvers,
  ReferralEventResolvers,
  ReferralInboxResolvers,
  ReferralResolvers,
} from '../generated/resolvers';
import { encodeCursor, toPageArgs } from '../pagination';

const seenLoaders = new WeakMap<object, DataLoader<string, OutcomeSeenRecord[]>>();

/** Per request: the viewer's OUTCOME_SEEN reads, batched by case. */
function outcomesSeen(ctx: GraphQLContext): DataLoader<string, OutcomeSeenRecord[]> {
  let loader = seenLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader((caseIds) => ctx.app.inbox.outcomesSeen(ctx.viewer, caseIds));
    seenLoaders.set(ctx.loaders, loader);
  }
  return loader;
}

export const InboxQuery: Pick<QueryResolvers, 'referralInbox'> = {
  referralInbox: (_p, args, { app, viewer }) =>
    app.inbox.inbox(
      viewer,
      { bucket: args.where?.bucket ?? null, facilityId: args.facilityId ?? null },
      toPageArgs(args, app.config.maxPageSize),
    ),
};

export const InboxMutation: Pick<MutationResolvers, 'markReferralSeen'> = {
  markReferralSeen: (_p, { referralId }, { app, viewer }) => app.inbox.markSeen(viewer, referralId),
};

export const ReferralInbox: ReferralInboxResolvers = {
  edges: (p) => p.items.map((node) => ({ cursor: encodeCursor(node.referral.id), node })),
  nodes: (p) => p.items,
  totalCount: (p) => p.totalCount,
  pageInfo: (p) => ({
    hasNextPage: p.hasNextPage,
    hasPreviousPage: false,
    startCursor: p.items[0] ? encodeCursor(p.items[0].referral.id) : null,
    endCursor: p.items.length ? encodeCursor(p.items[p.items.length - 1]!.referral.id) : null,
  }),
  counts: (p) => ({
    new: p.counts.NEW,
    dueSoon: p.counts.DUE_SOON,
    overdue: p.counts.OVERDUE,
    inProgress: p.counts.IN_PROGRESS,
  }),
};

const BUCKET_LABELS = {
  NEW: ['Mới', 'New'],
  DUE_SOON: ['Sắp đến hạn', 'Due soon'],
  OVERDUE: ['Quá hạn', 'Overdue'],
  IN_PROGRESS: ['Đang thực hiện', 'In progress'],
} as const;

export const InboxItem: InboxItemResolvers = {
  bucketLabel: (i, _a, { locale }) => BUCKET_LABELS[i.bucket][locale === 'vi' ? 0 : 1],
};

export const ReferralOutcome: Pick<
  ReferralResolvers,
  'statusLabel' | 'urgencyLabel' | 'rejectReasonLabel' | 'latestEvent' | 'feedbackNote' | 'outcomeUnread'
> = {
  statusLabel: (r, _a, { locale }) => labelOf('status', r.status, locale),
  urgencyLabel: (r, _a, { locale }) => labelOf('urgency', r.urgency, locale),
  rejectReasonLabel: (r, _a, { locale }) =>
    r.rejectReasonCode ? labelOf('rejectReason', r.rejectReasonCode, locale) : null,
  latestEvent: async (r, _a, { loaders }) => (await loaders.eventsByReferral.load(r.id)).at(-1) ?? null,
  feedbackNote: async (r, _a, { loaders }) =>
    (await loaders.eventsByReferral.load(r.id)).filter((e) => isReceiverEvent(e) && e.note).at(-1)?.note ??
    null,
  outcomeUnread: async (r, _a, ctx) => {
    const [record, events, seen] = await Promise.all([
      ctx.loaders.caseRecord.load(r.caseId),
      ctx.loaders.eventsByReferral.load(r.id),
      outcomesSeen(ctx).load(r.caseId),
    ]);
    const lastSeenAt = seen.find((s) => s.referralId === r.id)?.at ?? null;
    return ctx.app.inbox.isOutcomeUnread({ viewer: ctx.viewer, record, events, lastSeenAt });
  },
};

export const ReferralEventLabels: Pick<
  ReferralEventResolvers,
  'actionLabel' | 'reasonLabel' | 'side' | 'actorFacility'
> = {
  actionLabel: (e, _a, { locale }) => labelOf('action', e.action, locale),
  reasonLabel: (e, _a, { locale }) => (e.reasonCode ? labelOf('rejectReason', e.reasonCode, locale) : null),
  side: (e) => (isReceiverEvent(e) ? 'RECEIVER' : 'REFERRER'),
  actorFacility: async (e, _a, { app, loaders }) => {
    const referral = await loaders.referral.load(e.referralId);
    if (!referral) throw new NotFoundError('Referral', e.referralId);
    const id = isReceiverEvent(e) ? referral.toFacilityId : referral.fromFacilityId;
    return app.readModel.facilities.get(id) ?? null;
  },
};

export const CaseIssues: Pick<CaseResolvers, 'chainIssues'> = {
  chainIssues: async (c, _a, { app, viewer }) => (await app.chains.referralChain(viewer, c.id)).issues,
};
