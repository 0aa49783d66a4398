/**
 * A child's referral chain as a timeline across sectors: one card per referral, indented by depth,
 * with stalled, skipped-level, looping and dead-end steps highlighted; each card can print its slip.
 */
import { ApiError, gql } from './api.js';
import { bi, errorBox, fmt, h } from './dom.js';
import { sectorChip } from './providers.js';

export const CHAIN = `query Chain($caseId: ID!) {
  case(id: $caseId) { id label ageMonths sex commune { name } }
  referralChain(caseId: $caseId) {
    caseId sectorsCrossed openSteps completedSteps elapsedDays
    issues { code referralId message }
    steps {
      depth fromSector toSector levelChange hoursToAccept hoursToComplete daysOpen flags
      referral {
        id status urgency createdAt dueDate reason skipReason rejectReasonCode
        service { code nameVi }
        fromFacility { name } toFacility { name }
      }
    }
  }
}`;

const SLIP = `query Slip($id: ID!) { referral(id: $id) { id slip(format: HTML) } }`;

export const FLAG_VI = {
  STALLED: 'Trì trệ / quá hạn · stalled',
  SKIPPED_LEVEL: 'Vượt tuyến · skipped level',
  DEAD_END: 'Ngõ cụt · dead end',
  LOOP: 'Vòng lặp · loop',
  MISSING_PARENT: 'Thiếu bước trước · missing parent',
  UNKNOWN_FACILITY: 'Cơ sở không rõ · unknown facility',
};

const STATUS_VI = {
  REQUESTED: 'Đã gửi',
  ACCEPTED: 'Đã nhận',
  IN_PROGRESS: 'Đang thực hiện',
  COMPLETED: 'Hoàn thành',
  REJECTED: 'Bị từ chối',
  CANCELLED: 'Đã huỷ',
};

/**
 * Opens the family's slip in a new window and asks to print it. The window is opened before the request so
 * popup blockers see a click; the HTML is the server's own rendering of the slip (it escapes the case data),
 * and the console's Content-Security-Policy, which the blank window inherits, blocks any script in it.
 */
export async function printSlip(referralId) {
  const win = window.open('', '_blank');
  if (!win) throw new ApiError('POPUP_BLOCKED', 'Trình duyệt đã chặn cửa sổ in · The browser blocked the print window');
  win.document.title = 'Phiếu chuyển gửi…';
  try {
    const data = await gql(SLIP, { id: referralId });
    win.document.open();
    win.document.write(data.referral.slip);
    win.document.close();
    win.focus();
    win.print();
  } catch (err) {
    win.close();
    throw err;
  }
}

function timings(step) {
  const parts = [];
  if (step.hoursToAccept !== null) parts.push(`nhận sau ${fmt.number(step.hoursToAccept)} giờ`);
  if (step.hoursToComplete !== null) parts.push(`xong sau ${fmt.number(step.hoursToComplete)} giờ`);
  parts.push(`mở ${fmt.number(step.daysOpen)} ngày`);
  return parts.join(' · ');
}

function stepCard(step, issues, onError) {
  const r = step.referral;
  const flagged = step.flags.length > 0;
  return h(
    'li',
    {
      class: `step status-${r.status} ${flagged ? 'flagged' : ''} ${step.flags.map((f) => `flag-${f}`).join(' ')}`,
      style: `--depth: ${step.depth}`,
      'data-referral': r.id,
    },
    h('div', { class: 'step-head' },
      h('time', { datetime: r.createdAt }, fmt.date(r.createdAt)), ' ',
      h('span', { class: `status status-${r.status}` }, STATUS_VI[r.status] ?? r.status), ' ',
      sectorChip(step.fromSector), ' → ', sectorChip(step.toSector),
      step.levelChange ? h('span', { class: 'muted' }, ` tuyến ${step.levelChange > 0 ? '+' : ''}${step.levelChange}`) : null,
    ),
    h('div', { class: 'step-title' }, h('strong', {}, r.fromFacility.name), ' → ', h('strong', {}, r.toFacility.name)),
    h('div', {}, h('code', {}, r.service.code), ` ${r.service.nameVi}`),
    h('div', { class: 'reason' }, `Lý do: ${r.reason}`),
    h('div', { class: 'muted' }, timings(step), r.dueDate ? ` · hạn ${fmt.date(r.dueDate)}` : ''),
    r.skipReason ? h('div', {}, `Lý do vượt tuyến: ${r.skipReason}`) : null,
    r.rejectReasonCode ? h('div', {}, `Lý do từ chối: ${r.rejectReasonCode}`) : null,
    flagged ? h('div', { class: 'flags' }, step.flags.map((f) => h('span', { class: `flag flag-${f}` }, FLAG_VI[f] ?? f))) : null,
    issues.length ? h('ul', { class: 'issues' }, issues.map((i) => h('li', {}, i.message))) : null,
    h('button', { type: 'button', class: 'print-slip', onClick: () => printSlip(r.id).catch(onError) }, bi('In phiếu', 'Print slip')),
  );
}

/** Renders a ReferralChain (with the case header) into a section element. */
export function chainView(data, onError) {
  const chain = data.referralChain;
  const c = data.case;
  const issuesOf = (id) => chain.issues.filter((i) => i.referralId === id);
  return h(
    'section',
    { class: 'chain', id: 'chain', 'aria-label': 'Chuỗi chuyển gửi' },
    h('h3', {}, bi(`Chuỗi chuyển gửi của ${c.label}`, 'Referral chain'), h('span', { class: 'muted' }, ` · ${c.ageMonths} tháng · ${c.commune.name}`)),
    h('p', { class: 'summary' },
      `${chain.steps.length} bước · ${chain.completedSteps} hoàn thành · ${chain.openSteps} đang mở · ${fmt.number(chain.elapsedDays)} ngày · qua các ngành: `,
      chain.sectorsCrossed.map(sectorChip),
    ),
    chain.issues.length
      ? h('div', { class: 'issue-summary', role: 'status' }, h('strong', {}, `${chain.issues.length} vấn đề cần xem · issues to look at`))
      : null,
    chain.steps.length
      ? h('ol', { class: 'timeline' }, chain.steps.map((s) => stepCard(s, issuesOf(s.referral.id), onError)))
      : h('p', { class: 'muted' }, 'Chưa có chuyển gửi nào · No referrals yet'),
  );
}

/** Loads and renders the chain of one case into `target`. */
export async function showChain(target, caseId) {
  const onError = (err) => target.prepend(errorBox(err));
  const data = await gql(CHAIN, { caseId });
  target.replaceChildren(chainView(data, onError));
  return data;
}
