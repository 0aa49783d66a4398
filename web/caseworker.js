// @ts-check
/**
 * The caseworker page: 1. find a provider for a child, 2. refer the child (case, consent, referral),
 * 3. follow the child's referrals: each one's latest status, who acted and their note, unread outcomes,
 * the chain's issues, and the next steps of the pathway with the nearest providers.
 */
import { gql } from './api.js';
import { markOutcomesSeen, showChain } from './chain.js';
import { communePicker } from './commune-picker.js';
import { bi, field, fmt, h, replace, select, withStatus } from './dom.js';
import { lang, t } from './i18n.js';
import { NEAREST, providerResults } from './providers.js';
import { referralPanel } from './referral-panel.js';
import { showCaseworkerMap } from './caseworker-map.js';

const SERVICES = `{ serviceTypes { code name nameVi category } }`;
const LANGUAGES_QUERY = `{ languages { code name displayName } }`;
const MY_CASES = `query MyCases {
  cases(first: 30) { totalCount nodes {
    id label ageMonths birthMonth sex createdAt languages needs commune { code name province { code name } }
    chainIssues { code referralId message }
    referrals { id status statusLabel feedbackNote outcomeUnread service { code } toFacility { name }
      latestEvent { action actionLabel side at actorFacility { name } } }
  } }
}`;

/** Shown until the server's language list arrives (the same codes the demo data uses). */
const LANGUAGE_FALLBACK = [['vie', 'Tiếng Việt · Vietnamese'], ['hmn', "Tiếng H'Mông · Hmong"]];
const MODES = [['MOTORBIKE', 'Xe máy', 'Motorbike'], ['WALK', 'Đi bộ', 'On foot'], ['CAR', 'Ô tô', 'Car']];
const SEASONS = [['DRY', 'Mùa khô', 'Dry season'], ['RAINY', 'Mùa mưa', 'Rainy season']];
const HIGHLIGHTED = ['STALLED', 'SKIPPED_LEVEL', 'DEAD_END', 'LOOP'];

function referralLine(r, issues) {
  const e = r.latestEvent;
  const flags = issues.filter((i) => i.referralId === r.id);
  return h(
    'li',
    { class: `referral-line status-${r.status}${r.outcomeUnread ? ' unread' : ''}${flags.length ? ' flagged' : ''}`, 'data-referral': r.id },
    r.outcomeUnread ? h('span', { class: 'unread-badge' }, t('Có kết quả mới', 'New outcome')) : null,
    h('code', {}, r.service.code), ` → ${r.toFacility.name} `,
    h('span', { class: `status status-${r.status}` }, r.statusLabel),
    e && e.side === 'RECEIVER'
      ? h('div', { class: 'acted muted' }, `${e.actionLabel} · ${e.actorFacility?.name ?? ''} · ${fmt.date(e.at)}`)
      : null,
    r.feedbackNote ? h('div', { class: 'feedback' }, `“${r.feedbackNote}”`) : null,
    flags.map((i) => h('div', { class: `case-issue case-issue-${i.code}` }, i.message)),
  );
}

function casesTable(cases, onChain, onUse) {
  if (!cases.length) return h('p', { class: 'muted' }, t('Chưa có ca nào', 'No cases yet'));
  return h(
    'ul',
    { class: 'case-list', id: 'cases' },
    cases.map((c) => {
      const issues = c.chainIssues.filter((i) => HIGHLIGHTED.includes(i.code));
      const unread = c.referrals.filter((r) => r.outcomeUnread).length;
      return h('li', { class: `case-card${unread ? ' has-unread' : ''}${issues.length ? ' has-issues' : ''}`, 'data-case': c.id },
        h('div', { class: 'case-head' },
          h('strong', {}, c.label), ` · ${t(`${c.ageMonths} tháng`, `${c.ageMonths} months`)} · ${c.commune.name}`,
          unread ? h('span', { class: 'unread-count' }, t(` ${unread} kết quả chưa xem`, ` ${unread} unread`)) : null),
        c.referrals.length
          ? h('ul', { class: 'referral-lines' }, c.referrals.map((r) => referralLine(r, issues)))
          : h('p', { class: 'muted' }, t('Chưa chuyển gửi', 'Not referred yet')),
        h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'show-chain', onClick: () => onChain(c) }, t('Xem chuỗi và bước tiếp', 'Chain and next steps')),
          h('button', { type: 'button', class: 'link use-case', onClick: () => onUse(c) }, t('Dùng ca này', 'Use this case'))));
    }),
  );
}

export function renderCaseworker(container, session) {
  const ctx = { commune: null, serviceCode: 'SCR.ASD', serviceName: '', ageMonths: 30, language: 'vie', match: null };
  const picker = communePicker({ id: 'commune', provinceCode: session.claims.province, onPick: (c) => ((ctx.commune = c), panel.refresh()) });
  const serviceNames = new Map();
  const service = select({ id: 'service' }, [[ctx.serviceCode, ctx.serviceCode]], ctx.serviceCode);
  const age = h('input', { id: 'age', type: 'number', min: 0, max: 216, value: String(ctx.ageMonths) });
  const language = select({ id: 'language' }, LANGUAGE_FALLBACK, 'vie');
  const mode = select({ id: 'mode' }, MODES.map(([v, vi, en]) => [v, t(vi, en)]), 'MOTORBIKE');
  const season = select({ id: 'season' }, SEASONS.map(([v, vi, en]) => [v, t(vi, en)]), 'DRY');
  const needCapacity = h('input', { id: 'need-capacity', type: 'checkbox', checked: true });
  const status = h('div', { class: 'status', 'aria-live': 'polite' });
  const results = h('div', { id: 'provider-results' });
  const chainStatus = h('div', { class: 'status', 'aria-live': 'polite' });
  const chainBox = h('div', { id: 'chain-box' });
  const casesBox = h('div', { id: 'cases-box' });

  const choose = (match, serviceCode) => {
    ctx.match = match;
    if (serviceCode) {
      ctx.serviceCode = serviceCode;
      ctx.serviceName = serviceNames.get(serviceCode) ?? serviceCode;
      service.value = serviceCode;
    }
    results.querySelectorAll('tr.match').forEach((tr) => tr.classList.toggle('chosen', tr.dataset.facility === match.facility.id));
    panel.refresh();
    panel.element.scrollIntoView({ block: 'start' });
  };
  /** Next-step prefill: the case, its commune and the suggested provider go into the referral panel. */
  const prefill = (caseRecord, match, serviceCode) => {
    ctx.commune = caseRecord.commune;
    picker.set(caseRecord.commune);
    panel.useCase(caseRecord); // reuses the case's active consent when it has one
    choose(match, serviceCode);
  };
  const openChain = async (caseRecord) => {
    const data = await withStatus(chainStatus, () => showChain(chainBox, caseRecord, { onPrefill: prefill }));
    if (!data) return;
    chainBox.scrollIntoView({ block: 'start' });
    // Opening the chain shows every outcome: they are no longer unread (recorded, and audited, as a read).
    if (await markOutcomesSeen(caseRecord)) await loadCases();
  };
  const loadCases = async () => {
    const data = await withStatus(chainStatus, () => gql(MY_CASES));
    if (data) replace(casesBox, h('p', { class: 'muted' }, t(`${data.cases.totalCount} ca`, `${data.cases.totalCount} cases`)), casesTable(data.cases.nodes, openChain, (c) => panel.useCase(c)));
  };
  const panel = referralPanel({ getContext: () => ctx, onReferred: async (caseRecord) => (await loadCases(), openChain(caseRecord)) });

  const search = async (event) => {
    event.preventDefault();
    ctx.commune = picker.get();
    if (!ctx.commune) return replace(status, h('p', { class: 'warn' }, t('Chọn xã/phường trong danh sách gợi ý', 'Pick a commune from the suggestions')));
    Object.assign(ctx, { serviceCode: service.value, serviceName: serviceNames.get(service.value) ?? service.value, ageMonths: Number(age.value), language: language.value, match: null });
    const input = {
      communeCode: ctx.commune.code,
      serviceCode: ctx.serviceCode,
      childAgeMonths: age.value === '' ? null : ctx.ageMonths,
      language: ctx.language,
      mode: mode.value,
      season: season.value,
      requireCapacity: needCapacity.checked,
      first: 8,
    };
    const data = await withStatus(status, () => gql(NEAREST, { input }), t('Đang tính thời gian đi lại…', 'Working out travel times…'));
    if (!data) return;
    replace(results, providerResults(data.nearestProviders, (match) => choose(match)));
    showCaseworkerMap(results.appendChild(h('div', { id: 'caseworker-map-box' })), data.nearestProviders);
    panel.refresh();
  };

  replace(
    container,
    h('h1', {}, bi('Tìm dịch vụ và chuyển gửi', 'Find a service and refer')),
    h('section', { class: 'panel', id: 'find' },
      h('h2', {}, bi('1. Tìm nơi cung cấp dịch vụ', 'Find a provider')),
      h('form', { class: 'grid-form', onSubmit: search },
        field(bi('Xã/phường của trẻ', 'Child’s commune'), picker.element, t('Gõ có hoặc không dấu', 'With or without diacritics')),
        field(bi('Dịch vụ', 'Service'), service, null, true),
        field(bi('Tuổi (tháng)', 'Age in months'), age),
        field(bi('Ngôn ngữ gia đình', 'Family language'), language),
        field(bi('Phương tiện', 'Travel mode'), mode),
        field(bi('Mùa', 'Season'), season),
        h('label', { class: 'check' }, needCapacity, ' ', bi('Chỉ nơi còn chỗ', 'Only with free places')),
        h('button', { type: 'submit', id: 'find-providers', class: 'primary' }, bi('Tìm', 'Find'))),
      status,
      results),
    panel.element,
    h('section', { class: 'panel', id: 'follow' },
      h('h2', {}, bi('3. Theo dõi chuyển gửi', 'Follow the referrals')),
      h('button', { type: 'button', id: 'load-cases', onClick: loadCases }, bi('Các ca của tôi', 'My cases')),
      chainStatus, casesBox, chainBox),
  );

  withStatus(status, () => gql(SERVICES)).then((data) => {
    if (!data) return;
    data.serviceTypes.forEach((s) => serviceNames.set(s.code, lang() === 'en' ? s.name : s.nameVi));
    replace(service, data.serviceTypes.map((s) => h('option', { value: s.code }, `${lang() === 'en' ? s.name : s.nameVi} (${s.code})`)));
    service.value = ctx.serviceCode;
  });
  gql(LANGUAGES_QUERY).then((data) => {
    const current = language.value;
    replace(language, data.languages.map((l) => h('option', { value: l.code }, l.displayName)));
    language.value = current;
  }, () => undefined);
  loadCases();
}
