// @ts-check
/**
 * A child's referral chain as a timeline across sectors: one card per referral, indented by depth, with
 * stalled, skipped-level, looping and dead-end steps highlighted, each card with its latest event, the
 * receiver's note and its slip; below it, the pathway's next steps with the nearest providers.
 */
import { ApiError, gql } from './api.js';
import { bi, errorBox, fmt, h, replace } from './dom.js';
import { t } from './i18n.js';
import { nextStepsView, NEXT_STEPS } from './next-steps.js';
import { sectorChip } from './providers.js';

export const CHAIN = `query Chain($caseId: ID!) {
  case(id: $caseId) { id label ageMonths sex commune { name } }
  referralChain(caseId: $caseId) {
    caseId sectorsCrossed openSteps completedSteps elapsedDays
    issues { code referralId message }
    steps {
      depth fromSector toSector levelChange hoursToAccept hoursToComplete daysOpen flags flagLabels
      referral {
        id status statusLabel urgency createdAt dueDate reason skipReason rejectReasonCode rejectReasonLabel
        outcomeUnread feedbackNote
        latestEvent { actionLabel side at actorFacility { name } }
        service { code nameVi name }
        fromFacility { name } toFacility { name }
      }
    }
  }
}`;

const SLIP = `query Slip($id: ID!) { referral(id: $id) { id slip(format: HTML) } }`;
const SEEN = `mutation Seen($id: ID!) { markReferralSeen(referralId: $id) { id } }`;

/** Marks the case's unread outcomes as seen; true when there were any. */
export async function markOutcomesSeen(caseRecord) {
  const unread = (caseRecord.referrals ?? []).filter((r) => r.outcomeUnread);
  for (const r of unread) await gql(SEEN, { id: r.id });
  return unread.length > 0;
}

/**
 * Opens the family's slip in a new window and asks to print it. The window is opened before the request so
 * popup blockers see a click; the HTML is the server's own rendering of the slip (it escapes the case data),
 * and the console's Content-Security-Policy, which the blank window inherits, blocks any script in it.
 */
export async function printSlip(referralId) {
  const win = window.open('', '_blank');
  if (!win) throw new ApiError('POPUP_BLOCKED', t('Trình duyệt đã chặn cửa sổ in', 'The browser blocked the print window'));
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
  if (step.hoursToAccept !== null) parts.push(t(`nhận sau ${fmt.number(step.hoursToAccept)} giờ`, `accepted after ${fmt.number(step.hoursToAccept)} h`));
  if (step.hoursToComplete !== null) parts.push(t(`xong sau ${fmt.number(step.hoursToComplete)} giờ`, `done after ${fmt.number(step.hoursToComplete)} h`));
  parts.push(t(`mở ${fmt.number(step.daysOpen)} ngày`, `open ${fmt.number(step.daysOpen)} days`));
  return parts.join(' · ');
}

function stepCard(step, issues, onError) {
  const r = step.referral;
  const e = r.latestEvent;
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
      h('span', { class: `status status-${r.status}` }, r.statusLabel), ' ',
      sectorChip(step.fromSector), ' → ', sectorChip(step.toSector),
      step.levelChange ? h('span', { class: 'muted' }, t(` tuyến ${step.levelChange > 0 ? '+' : ''}${step.levelChange}`, ` level ${step.levelChange > 0 ? '+' : ''}${step.levelChange}`)) : null,
    ),
    h('div', { class: 'step-title' }, h('strong', {}, r.fromFacility.name), ' → ', h('strong', {}, r.toFacility.name)),
    h('div', {}, h('code', {}, r.service.code), ` ${t(r.service.nameVi, r.service.name)}`),
    h('div', { class: 'reason' }, t(`Lý do: ${r.reason}`, `Reason: ${r.reason}`)),
    h('div', { class: 'muted' }, timings(step), r.dueDate ? t(` · hạn ${fmt.date(r.dueDate)}`, ` · due ${fmt.date(r.dueDate)}`) : ''),
    e && e.side === 'RECEIVER' ? h('div', { class: 'acted' }, `${e.actionLabel} · ${e.actorFacility?.name ?? ''} · ${fmt.date(e.at)}`) : null,
    r.feedbackNote ? h('div', { class: 'feedback' }, t(`Phản hồi: “${r.feedbackNote}”`, `Feedback: “${r.feedbackNote}”`)) : null,
    r.skipReason ? h('div', {}, t(`Lý do vượt tuyến: ${r.skipReason}`, `Skip reason: ${r.skipReason}`)) : null,
    r.rejectReasonCode ? h('div', {}, t(`Lý do từ chối: ${r.rejectReasonLabel}`, `Rejected because: ${r.rejectReasonLabel}`)) : null,
    flagged ? h('div', { class: 'flags' }, step.flags.map((f, i) => h('span', { class: `flag flag-${f}` }, step.flagLabels[i] ?? f))) : null,
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
    { class: 'chain', id: 'chain', 'aria-label': t('Chuỗi chuyển gửi', 'Referral chain') },
    h('h3', {}, t(`Chuỗi chuyển gửi của ${c.label}`, `Referral chain of ${c.label}`), h('span', { class: 'muted' }, ` · ${t(`${c.ageMonths} tháng`, `${c.ageMonths} months`)} · ${c.commune.name}`)),
    h('p', { class: 'summary' },
      t(
        `${chain.steps.length} bước · ${chain.completedSteps} hoàn thành · ${chain.openSteps} đang mở · ${fmt.number(chain.elapsedDays)} ngày · qua các ngành: `,
        `${chain.steps.length} steps · ${chain.completedSteps} completed · ${chain.openSteps} open · ${fmt.number(chain.elapsedDays)} days · sectors: `,
      ),
      chain.sectorsCrossed.map(sectorChip),
    ),
    chain.issues.length
      ? h('div', { class: 'issue-summary', role: 'status' }, h('strong', {}, t(`${chain.issues.length} vấn đề cần xem`, `${chain.issues.length} issues to look at`)))
      : null,
    chain.steps.length
      ? h('ol', { class: 'timeline' }, chain.steps.map((s) => stepCard(s, issuesOf(s.referral.id), onError)))
      : h('p', { class: 'muted' }, t('Chưa có chuyển gửi nào', 'No referrals yet')),
  );
}

/**
 * Loads and renders the chain of one case into `target`, with its next steps beside it;
 * `onPrefill(caseRecord, match, serviceCode)` fills the referral form from a suggested provider.
 * @param {HTMLElement} target
 * @param {{ id: string }} caseRecord
 * @param {{ onPrefill?: (caseRecord: object, match: object, serviceCode: string) => void }} [options]
 */
export async function showChain(target, caseRecord, { onPrefill } = {}) {
  const onError = (err) => target.prepend(errorBox(err));
  // The chain is shown even when the next steps cannot be had; their error takes their place.
  const [data, next] = await Promise.all([
    gql(CHAIN, { caseId: caseRecord.id }),
    gql(NEXT_STEPS, { caseId: caseRecord.id }).catch((err) => err),
  ]);
  const nextView = next instanceof Error
    ? errorBox(next)
    : nextStepsView(next.suggestNextSteps, (match, serviceCode) => onPrefill?.(caseRecord, match, serviceCode));
  replace(target, h('div', { class: 'chain-and-next' }, chainView(data, onError), nextView));
  return data;
}
