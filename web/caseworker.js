/**
 * The caseworker page: 1. find a provider for a child, 2. refer the child (case, consent, referral),
 * 3. follow the child's referral chain.
 */
import { gql } from './api.js';
import { showChain } from './chain.js';
import { communePicker } from './commune-picker.js';
import { bi, field, h, replace, select, withStatus } from './dom.js';
import { NEAREST, providerResults } from './providers.js';
import { referralPanel } from './referral-panel.js';

const SERVICES = `{ serviceTypes { code name nameVi category } }`;
const MY_CASES = `query MyCases {
  cases(first: 30) { totalCount nodes {
    id label ageMonths birthMonth sex createdAt commune { code name }
    referrals { id status service { code } toFacility { name } }
  } }
}`;

export const LANGUAGES = [['vie', 'Tiếng Việt (vie)'], ['hmn', 'H’Mông (hmn)'], ['dao', 'Dao (dao)'], ['tay', 'Tày (tay)'], ['nun', 'Nùng (nun)'], ['gio', 'Giáy (gio)']];
const MODES = [['MOTORBIKE', 'Xe máy · motorbike'], ['WALK', 'Đi bộ · walk'], ['CAR', 'Ô tô · car']];
const SEASONS = [['DRY', 'Mùa khô · dry'], ['RAINY', 'Mùa mưa · rainy']];

function casesTable(cases, onChain, onUse) {
  if (!cases.length) return h('p', { class: 'muted' }, 'Chưa có ca nào · No cases yet');
  return h(
    'table',
    { class: 'results', id: 'cases' },
    h('thead', {}, h('tr', {}, ['Ca · Case', 'Tuổi · Age', 'Xã · Commune', 'Chuyển gửi · Referrals', ''].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, cases.map((c) =>
      h('tr', { 'data-case': c.id },
        h('td', {}, h('strong', {}, c.label)),
        h('td', {}, `${c.ageMonths} tháng`),
        h('td', {}, c.commune.name),
        h('td', {}, c.referrals.map((r) => `${r.service.code} → ${r.toFacility.name} (${r.status})`).join('; ') || '—'),
        h('td', { class: 'actions' },
          h('button', { type: 'button', class: 'show-chain', onClick: () => onChain(c.id) }, bi('Xem chuỗi', 'View chain')),
          h('button', { type: 'button', class: 'link', onClick: () => onUse(c) }, bi('Dùng ca này', 'Use this case'))),
      ))),
  );
}

export function renderCaseworker(container, session) {
  const ctx = { commune: null, serviceCode: 'SCR.ASD', serviceName: '', ageMonths: 30, language: 'vie', match: null };
  const picker = communePicker({ id: 'commune', provinceCode: session.claims.province, onPick: (c) => ((ctx.commune = c), panel.refresh()) });
  const serviceNames = new Map();
  const service = select({ id: 'service' }, [[ctx.serviceCode, ctx.serviceCode]], ctx.serviceCode);
  const age = h('input', { id: 'age', type: 'number', min: 0, max: 216, value: String(ctx.ageMonths) });
  const language = select({ id: 'language' }, LANGUAGES, 'vie');
  const mode = select({ id: 'mode' }, MODES, 'MOTORBIKE');
  const season = select({ id: 'season' }, SEASONS, 'DRY');
  const needCapacity = h('input', { id: 'need-capacity', type: 'checkbox', checked: true });
  const status = h('div', { class: 'status', 'aria-live': 'polite' });
  const results = h('div', { id: 'provider-results' });
  const chainStatus = h('div', { class: 'status', 'aria-live': 'polite' });
  const chainBox = h('div', { id: 'chain-box' });
  const casesBox = h('div', { id: 'cases-box' });

  const openChain = async (caseId) => {
    await withStatus(chainStatus, () => showChain(chainBox, caseId));
    chainBox.scrollIntoView({ block: 'start' });
  };
  const loadCases = async () => {
    const data = await withStatus(chainStatus, () => gql(MY_CASES));
    if (data) replace(casesBox, h('p', { class: 'muted' }, `${data.cases.totalCount} ca`), casesTable(data.cases.nodes, openChain, (c) => panel.useCase(c)));
  };
  const panel = referralPanel({ getContext: () => ctx, onReferred: async (caseId) => (await loadCases(), openChain(caseId)) });

  const search = async (event) => {
    event.preventDefault();
    ctx.commune = picker.get();
    if (!ctx.commune) return replace(status, h('p', { class: 'warn' }, 'Chọn xã/phường trong danh sách gợi ý · Pick a commune from the suggestions'));
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
    const data = await withStatus(status, () => gql(NEAREST, { input }), 'Đang tính thời gian đi lại… · Routing…');
    if (!data) return;
    replace(results, providerResults(data.nearestProviders, (match) => {
      ctx.match = match;
      results.querySelectorAll('tr.match').forEach((tr) => tr.classList.toggle('chosen', tr.dataset.facility === match.facility.id));
      panel.refresh();
      panel.element.scrollIntoView({ block: 'start' });
    }));
    panel.refresh();
  };

  replace(
    container,
    h('h1', {}, bi('Tìm dịch vụ và chuyển gửi', 'Find a service and refer')),
    h('section', { class: 'panel', id: 'find' },
      h('h2', {}, bi('1. Tìm nơi cung cấp dịch vụ', 'Find a provider')),
      h('form', { class: 'grid-form', onSubmit: search },
        field(bi('Xã/phường của trẻ', 'Child’s commune'), picker.element, 'Gõ có hoặc không dấu · with or without diacritics'),
        field(bi('Dịch vụ', 'Service'), service, null, true),
        field(bi('Tuổi (tháng)', 'Age in months'), age),
        field(bi('Ngôn ngữ gia đình', 'Family language'), language),
        field(bi('Phương tiện', 'Travel mode'), mode),
        field(bi('Mùa', 'Season'), season),
        h('label', { class: 'check' }, needCapacity, bi(' Chỉ nơi còn chỗ', 'Only with free places')),
        h('button', { type: 'submit', id: 'find-providers', class: 'primary' }, bi('Tìm', 'Find'))),
      status,
      results),
    panel.element,
    h('section', { class: 'panel', id: 'follow' },
      h('h2', {}, bi('3. Theo dõi chuỗi chuyển gửi', 'Follow the referral chain')),
      h('button', { type: 'button', id: 'load-cases', onClick: loadCases }, bi('Các ca của tôi', 'My cases')),
      chainStatus, casesBox, chainBox),
  );

  withStatus(status, () => gql(SERVICES)).then((data) => {
    if (!data) return;
    data.serviceTypes.forEach((s) => serviceNames.set(s.code, s.nameVi));
    replace(service, data.serviceTypes.map((s) => h('option', { value: s.code }, `${s.nameVi} (${s.code})`)));
    service.value = ctx.serviceCode;
  });
  loadCases();
}
