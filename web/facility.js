// @ts-check
/**
 * The receiving facility's page (facility_staff): the inbox of referrals to the facility (new, due soon,
 * overdue, in progress), and the actions on each: accept, reject with a reason, start, complete with an
 * outcome note, refer onward. Everything comes from the API, which applies the consent rules; the page only
 * offers the actions the status allows.
 */
import { gql } from './api.js';
import { bi, field, fmt, h, replace, select, withStatus } from './dom.js';
import { REJECT_REASONS, lang, t } from './i18n.js';
import { onwardPanel } from './onward-referral.js';

export const INBOX = `query Inbox($where: InboxFilter, $after: String) {
  referralInbox(where: $where, first: 20, after: $after) {
    totalCount counts { new dueSoon overdue inProgress }
    pageInfo { hasNextPage endCursor }
    nodes { bucket bucketLabel dueInDays referral {
      id status statusLabel urgency urgencyLabel reason dueDate createdAt
      service { code name nameVi }
      fromFacility { id name phone sectorLabel }
      case { id label ageMonths needs languages commune { code name } }
    } }
  }
}`;

const MOVE = `mutation Move($input: TransitionReferralInput!) {
  transitionReferral(input: $input) { id status statusLabel }
}`;

const BUCKETS = [
  ['', 'Tất cả', 'All', null],
  ['OVERDUE', 'Quá hạn', 'Overdue', 'overdue'],
  ['DUE_SOON', 'Sắp đến hạn', 'Due soon', 'dueSoon'],
  ['NEW', 'Mới', 'New', 'new'],
  ['IN_PROGRESS', 'Đang thực hiện', 'In progress', 'inProgress'],
];

function dueText(item) {
  if (item.dueInDays === null) return t('không có hạn', 'no due date');
  if (item.dueInDays < 0) return t(`quá hạn ${-item.dueInDays} ngày`, `${-item.dueInDays} days overdue`);
  if (item.dueInDays === 0) return t('hạn hôm nay', 'due today');
  return t(`còn ${item.dueInDays} ngày`, `due in ${item.dueInDays} days`);
}

/** The action buttons the status allows, each running `act(action, extra)`. */
function actions(referral, act, openOnward) {
  const note = h('textarea', { class: 'action-note', rows: 2, maxlength: 2000, 'aria-label': t('Ghi chú', 'Note') });
  const reason = select({ class: 'reject-reason', 'aria-label': t('Lý do từ chối', 'Reason for rejecting') },
    REJECT_REASONS.map(([code, vi, en]) => [code, t(vi, en)]), 'NO_CAPACITY');
  const button = (cls, vi, en, onClick, primary = false) =>
    h('button', { type: 'button', class: `${cls}${primary ? ' primary' : ''}`, onClick }, t(vi, en));
  const reject = () => act('REJECT', { reasonCode: reason.value, note: note.value });
  const buttons = [];
  if (referral.status === 'REQUESTED') buttons.push(button('act-accept', 'Nhận', 'Accept', () => act('ACCEPT', { note: note.value }), true));
  if (referral.status === 'ACCEPTED') buttons.push(button('act-start', 'Bắt đầu thực hiện', 'Start', () => act('START', { note: note.value }), true));
  if (referral.status === 'IN_PROGRESS')
    buttons.push(button('act-complete', 'Hoàn thành', 'Complete', () => {
      if (!note.value.trim()) return act(null, { warn: t('Ghi kết quả cho bên chuyển gửi trước khi hoàn thành', 'Write the outcome for the referring side before completing') });
      return act('COMPLETE', { note: note.value });
    }, true));
  if (referral.status !== 'IN_PROGRESS') buttons.push(reason, button('act-reject', 'Từ chối', 'Reject', reject));
  if (referral.status !== 'REQUESTED') buttons.push(button('act-onward', 'Chuyển gửi tiếp', 'Refer onward', openOnward));
  const noteLabel = referral.status === 'IN_PROGRESS'
    ? t('Kết quả gửi lại bên chuyển gửi', 'Outcome for the referring side')
    : t('Ghi chú (bắt buộc khi từ chối với “Lý do khác”)', 'Note (needed to reject as “Other”)');
  return h('div', { class: 'inbox-actions' }, field(noteLabel, note, null, true), h('div', { class: 'buttons' }, buttons));
}

function itemCard(item, { act, openOnward }) {
  const r = item.referral;
  const c = r.case;
  const service = lang() === 'en' ? r.service.name : r.service.nameVi;
  return h(
    'li',
    { class: `inbox-item bucket-${item.bucket}`, 'data-referral': r.id, 'data-bucket': item.bucket },
    h('div', { class: 'item-head' },
      h('span', { class: `bucket bucket-${item.bucket}` }, item.bucketLabel), ' ',
      h('span', { class: `status status-${r.status}` }, r.statusLabel), ' ',
      r.urgency !== 'ROUTINE' ? h('span', { class: 'urgency' }, r.urgencyLabel) : null),
    h('div', { class: 'item-title' }, h('strong', { class: 'case-label' }, c.label), ` · ${t(`${c.ageMonths} tháng`, `${c.ageMonths} months`)} · ${c.commune.name}`),
    h('div', {}, h('code', {}, r.service.code), ` ${service}`),
    h('dl', { class: 'facts' },
      h('dt', {}, t('Nơi chuyển', 'From')), h('dd', { class: 'sender' }, r.fromFacility.name, r.fromFacility.phone ? ` · ☎ ${r.fromFacility.phone}` : ''),
      h('dt', {}, t('Nhu cầu', 'Needs')), h('dd', {}, c.needs.join(', ') || '—'),
      h('dt', {}, t('Lý do', 'Reason')), h('dd', {}, r.reason),
      h('dt', {}, t('Hạn', 'Due')), h('dd', { class: 'due' }, r.dueDate ? `${fmt.date(r.dueDate)} · ` : '', dueText(item)),
      h('dt', {}, t('Gửi lúc', 'Sent')), h('dd', {}, fmt.date(r.createdAt))),
    actions(r, (action, extra) => act(item, action, extra), () => openOnward(item)),
  );
}

export function renderFacility(container, session) {
  let bucket = '';
  const status = h('div', { class: 'status', 'aria-live': 'polite' });
  const tabs = h('div', { class: 'tabs', role: 'tablist' });
  const list = h('ol', { class: 'inbox', id: 'inbox' });
  const more = h('div', {});
  const onward = h('div', { id: 'onward-box' });

  const act = async (item, action, extra) => {
    if (!action) return replace(status, h('p', { class: 'warn' }, extra.warn));
    const input = { referralId: item.referral.id, action, note: extra.note?.trim() || null };
    if (action === 'REJECT') input.reasonCode = extra.reasonCode;
    const data = await withStatus(status, () => gql(MOVE, { input }));
    if (!data) return;
    await load();
    replace(status, h('p', { class: 'done', id: 'last-action' },
      t(`✓ ${item.referral.case.label}: ${data.transitionReferral.statusLabel}`, `✓ ${item.referral.case.label}: ${data.transitionReferral.statusLabel}`)));
  };
  const openOnward = (item) => {
    replace(onward, onwardPanel({ item, facilityId: session.claims.facility, onDone: load }));
    onward.scrollIntoView({ block: 'start' });
  };

  async function load(after = null, append = false) {
    const data = await withStatus(status, () => gql(INBOX, { where: bucket ? { bucket } : null, after }));
    if (!data) return;
    const inbox = data.referralInbox;
    replace(tabs, BUCKETS.map(([code, vi, en, key]) =>
      h('button', { type: 'button', role: 'tab', class: `tab${code === bucket ? ' active' : ''}`, 'data-bucket': code || 'ALL', 'aria-selected': String(code === bucket),
        onClick: () => ((bucket = code), load()) },
      t(vi, en), key ? h('span', { class: `count count-${code}` }, ` ${inbox.counts[key]}`) : null)));
    const cards = inbox.nodes.map((item) => itemCard(item, { act, openOnward }));
    if (append) list.append(...cards);
    else replace(list, cards.length ? cards : h('li', { class: 'muted empty' }, t('Không có chuyển gửi nào đang chờ', 'No referral is waiting')));
    replace(more, inbox.pageInfo.hasNextPage
      ? h('button', { type: 'button', id: 'inbox-more', onClick: () => load(inbox.pageInfo.endCursor, true) }, t('Xem thêm', 'Show more'))
      : null);
  }

  replace(
    container,
    h('h1', {}, bi('Chuyển gửi đến cơ sở', 'Referrals to this facility')),
    h('section', { class: 'panel', id: 'facility-inbox' },
      h('p', { class: 'muted' }, t(
        'Trẻ được giới thiệu đến cơ sở của bạn. Chỉ hiện những ca gia đình đã đồng ý chia sẻ; mã ca là bí danh.',
        'Children referred to your facility. Only cases the family agreed to share are shown; case labels are pseudonyms.')),
      tabs, status, list, more),
    onward,
  );
  load();
}
