// @ts-check
/**
 * The planner page: coverage of one service within a travel-time limit, as a map of the real commune
 * shapes, the key figures, a table of the worst gaps, the province's own providers (cross-border ones apart),
 * suggested sites, what-if sites added by clicking the map, CSV/GeoJSON downloads and a print layout
 * (styles.css @media print: map, key figures, worst gaps and assumptions on one or two A4 pages).
 */
import { downloadWithToken, gql } from './api.js';
import { bi, errorBox, field, fmt, h, replace, select, withStatus } from './dom.js';
import { coverageMap, legend } from './map.js';
import { loadBoundaries } from './boundaries.js';
import { whatIfPanel } from './what-if.js';

const COMMUNE_FIELDS = `commune { code name lat lon } minutes covered children childrenRounded`;
const PROVIDER_FIELDS = `facility { id name lat lon commune { name province { name } } } capacity demand loadRatio overloaded communesServed`;
export const COVERAGE = `query Coverage($input: CoverageInput!) {
  coverage(input: $input) {
    serviceCode mode season maxMinutes ageFromMonths ageToMonths prevalence children coveredChildren shareCovered demand unservedDemand assumptions
    province { code name } delivery remoteProviders { facility { id name } }
    communes(first: 500) { ${COMMUNE_FIELDS} childrenSource demand overloaded nearestFacility { name } }
    providers { ${PROVIDER_FIELDS} }
    crossBorderProviders { ${PROVIDER_FIELDS} }
  }
}`;
const SUGGEST = `query Suggest($input: SuggestSitesInput!) {
  suggestSites(input: $input) { commune { code name lat lon } addedChildren newlyCoveredCommunes { code name } cumulativeShareCovered }
}`;
const SETUP = `{ provinces { code name } serviceTypes { code nameVi } }`;

const MODE_WORDS = { MOTORBIKE: 'xe máy · motorbike', WALK: 'đi bộ · on foot', CAR: 'ô tô · car' };
const SEASON_WORDS = { DRY: 'mùa khô · dry season', RAINY: 'mùa mưa · rainy season' };

/** One line saying what the page shows, for the screen and the printed copy. */
function reportHeading(report) {
  const where = report.province ? report.province.name : 'Tất cả các tỉnh · all provinces';
  return h('p', { class: 'report-meta', id: 'report-meta' },
    `${report.serviceCode} · ≤ ${report.maxMinutes} phút · ${MODE_WORDS[report.mode]} · ${SEASON_WORDS[report.season]} · ${report.ageFromMonths}–${report.ageToMonths} tháng · ${where} · in ngày ${new Date().toLocaleDateString('vi-VN')}`);
}

function summary(report) {
  const uncovered = report.communes.filter((c) => !c.covered).length;
  const card = (value, vi, en, id) => h('div', { class: 'card', id }, h('div', { class: 'value' }, value), h('div', {}, vi, h('span', { class: 'en' }, ` · ${en}`)));
  if (report.delivery === 'REMOTE_ONLY') {
    return h('div', { class: 'cards-row', id: 'remote-only' },
      card(fmt.whole(report.children), `Trẻ ${report.ageFromMonths}–${report.ageToMonths} tháng`, 'children in the age band'),
      card(String(report.remoteProviders.length), 'nơi cung cấp từ xa (điện thoại, khám từ xa)', 'remote providers (phone, telehealth)'),
      h('p', { class: 'notice' }, bi('Dịch vụ từ xa: không tính độ bao phủ theo thời gian đi lại.', 'Remote service: travel coverage does not apply.')));
  }
  return h('div', { class: 'cards-row' },
    card(fmt.whole(report.children), `Trẻ ${report.ageFromMonths}–${report.ageToMonths} tháng`, 'children in the age band'),
    card(fmt.percent(report.shareCovered), `trong ${report.maxMinutes} phút`, 'share covered', 'share-covered'),
    card(fmt.whole(report.children - report.coveredChildren), 'trẻ chưa được bao phủ', 'uncovered children'),
    card(String(uncovered), 'xã/phường thiếu dịch vụ', 'communes with a gap'),
    card(fmt.whole(report.unservedDemand), 'nhu cầu chưa đáp ứng', 'unserved demand'));
}

function gapTable(report) {
  if (report.delivery === 'REMOTE_ONLY') return h('p', { id: 'gaps' }, bi('Không áp dụng cho dịch vụ từ xa', 'Not applicable to a remote service'));
  const gaps = report.communes.filter((c) => !c.covered).slice(0, 15);
  if (!gaps.length) return h('p', { id: 'gaps' }, 'Mọi xã/phường đều trong ngưỡng · Every commune is within the limit');
  return h('table', { class: 'results', id: 'gaps' },
    h('caption', {}, bi('Khoảng trống lớn nhất: nhiều trẻ chưa được bao phủ nhất', 'Worst gaps: most uncovered children')),
    h('thead', {}, h('tr', {}, ['Xã/phường · Commune', 'Trẻ · Children', 'Đi tới nơi gần nhất · To nearest', 'Nơi gần nhất · Nearest provider'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, gaps.map((c) => h('tr', { 'data-code': c.commune.code },
      h('td', {}, c.commune.name), h('td', { class: 'num' }, fmt.whole(c.childrenRounded), c.childrenSource === 'IMPUTED' ? h('small', { class: 'muted imputed', title: 'Dân số ước tính bù · imputed population (docs/data.md)' }, ' ước tính bù · imputed') : null),
      h('td', { class: 'num' }, c.minutes === null ? fmt.minutes(null) : `${fmt.number(c.minutes)} phút`), h('td', {}, c.nearestFacility?.name ?? '—')))));
}

function providerTable(report) {
  const busy = report.providers.filter((p) => p.overloaded);
  const line = (p) => h('li', {}, `${p.facility.name} (${p.facility.commune.name}) · nhu cầu ${fmt.number(p.demand)} / sức chứa ${fmt.number(p.capacity)} · ${p.communesServed} xã`);
  const where = report.province ? report.province.name : 'cả nước · all';
  return h('div', { class: 'provider-lists' },
    h('details', { class: 'providers', id: 'own-providers' },
      h('summary', {}, bi(`Nơi cung cấp quá tải (${where}): ${busy.length}/${report.providers.length}`, 'Overloaded providers of this province')),
      h('ul', {}, busy.map(line))),
    report.crossBorderProviders.length
      ? h('details', { class: 'providers', id: 'cross-border-providers' },
        h('summary', {}, bi(`Nơi cung cấp ở tỉnh khác phục vụ tỉnh này: ${report.crossBorderProviders.length}`, 'Providers in other provinces serving this one')),
        h('ul', {}, report.crossBorderProviders.map((p) => h('li', {}, `${p.facility.name} (${p.facility.commune.name}, ${p.facility.commune.province?.name ?? ''}) · ${p.communesServed} xã`))))
      : null,
    report.remoteProviders.length
      ? h('details', { class: 'providers', id: 'remote-providers' },
        h('summary', {}, bi(`Nơi cung cấp từ xa: ${report.remoteProviders.length}`, 'Remote providers (phone, telehealth)')),
        h('ul', {}, report.remoteProviders.map((p) => h('li', {}, p.facility.name))))
      : null);
}

/** The assumptions as a list that prints (a closed <details> would print empty). */
function assumptions(report) {
  return h('section', { class: 'assumptions', id: 'assumptions' },
    h('h3', {}, bi('Giả định', 'Assumptions')),
    h('ul', {}, report.assumptions.map((a) => h('li', {}, a))));
}

export function renderPlanner(container, session) {
  const service = select({ id: 'cov-service' }, [['SCR.ASD', 'SCR.ASD']], 'SCR.ASD');
  const minutes = h('input', { id: 'cov-minutes', type: 'number', min: 5, max: 600, step: 5, value: '60' });
  const mode = select({ id: 'cov-mode' }, [['MOTORBIKE', 'Xe máy · motorbike'], ['WALK', 'Đi bộ · walk'], ['CAR', 'Ô tô · car']], 'MOTORBIKE');
  const season = select({ id: 'cov-season' }, [['DRY', 'Mùa khô · dry'], ['RAINY', 'Mùa mưa · rainy']], 'DRY');
  const province = select({ id: 'cov-province' }, [[session.claims.province ?? '15', session.claims.province ?? '15']], session.claims.province ?? '15');
  const status = h('div', { class: 'status', 'aria-live': 'polite' });
  const out = h('div', { id: 'coverage-out' });

  const input = () => ({ serviceCode: service.value, maxMinutes: Number(minutes.value), mode: mode.value, season: season.value, provinceCode: province.value || null });

  const show = async (event) => {
    event?.preventDefault();
    const query = input();
    const data = await withStatus(status, () => gql(COVERAGE, { input: query }), 'Đang tính độ bao phủ… · Computing coverage…');
    if (!data) return;
    const report = data.coverage;
    const shapes = await loadBoundaries(query.provinceCode).catch(() => null);
    const mapBox = h('div', { class: 'map-box', id: 'map-box' });
    const suggestBox = h('div', { id: 'suggest-box' });
    const whatIf = whatIfPanel({ baseInput: query, redraw: (scenario) => draw(scenario) });
    let suggestions = [];
    const draw = (scenario) => {
      const communes = scenario?.report.communes ?? report.communes;
      replace(mapBox, coverageMap({ communes, shapes, providers: report.providers, sites: whatIf.sites(), suggestions, highlight: scenario?.newly ?? new Set(), maxMinutes: query.maxMinutes, onPick: (c) => whatIf.add(c) }));
    };
    draw(null);
    replace(out,
      reportHeading(report),
      summary(report),
      h('div', { class: 'map-layout' },
        h('figure', { class: 'map-figure' }, mapBox, h('figcaption', {}, legend(query.maxMinutes, h), h('small', { class: 'muted' }, 'Bấm vào một xã để thêm điểm dịch vụ giả định · Click a commune to add a what-if site'))),
        h('div', { class: 'side' }, whatIf.element, suggestBox)),
      gapTable(report),
      providerTable(report),
      assumptions(report));

    const sdata = await withStatus(suggestBox, () => gql(SUGGEST, { input: { ...query, count: 3 } }));
    if (!sdata) return;
    suggestions = sdata.suggestSites;
    replace(suggestBox, h('h3', {}, bi('Điểm đề xuất', 'Suggested sites')),
      h('ol', { id: 'suggestions' }, suggestions.map((site) => h('li', {},
        h('strong', {}, site.commune.name), ` · +${fmt.whole(site.addedChildren)} trẻ · ${site.newlyCoveredCommunes.length} xã · lũy kế ${fmt.percent(site.cumulativeShareCovered)} `,
        h('button', { type: 'button', class: 'link', onClick: () => whatIf.add(site.commune) }, bi('Thử', 'Try'))))));
    draw(whatIf.current());
  };

  const download = (path, ext) => async () => {
    const q = input();
    const lang = (document.documentElement.lang || 'vi').startsWith('en') ? 'en' : 'vi';
    const params = { serviceCode: q.serviceCode, minutes: String(q.maxMinutes), mode: q.mode, season: q.season, lang, ...(q.provinceCode ? { province: q.provinceCode } : {}) };
    try {
      await downloadWithToken(path, params, `coverage.${ext}`);
    } catch (err) {
      status.replaceChildren(errorBox(err));
    }
  };

  replace(container,
    h('h1', {}, bi('Độ bao phủ dịch vụ', 'Service coverage')),
    h('form', { class: 'grid-form panel', onSubmit: show },
      field(bi('Dịch vụ', 'Service'), service), field(bi('Ngưỡng (phút)', 'Limit in minutes'), minutes),
      field(bi('Phương tiện', 'Mode'), mode), field(bi('Mùa', 'Season'), season), field(bi('Tỉnh', 'Province'), province),
      h('button', { type: 'submit', id: 'show-coverage', class: 'primary' }, bi('Xem', 'Show')),
      h('div', { class: 'downloads' },
        h('button', { type: 'button', id: 'download-csv', onClick: download('/export/coverage.csv', 'csv') }, bi('Tải CSV', 'Download CSV')),
        h('button', { type: 'button', id: 'download-geojson', onClick: download('/export/coverage.geojson', 'geojson') }, bi('Tải GeoJSON', 'Download GeoJSON')),
        h('button', { type: 'button', id: 'print-report', onClick: () => window.print() }, bi('In báo cáo', 'Print report')))),
    status, out);

  withStatus(status, () => gql(SETUP)).then((data) => {
    if (!data) return;
    replace(service, data.serviceTypes.map((s) => h('option', { value: s.code }, `${s.nameVi} (${s.code})`)));
    service.value = 'SCR.ASD';
    const current = province.value;
    replace(province, h('option', { value: '' }, 'Tất cả · all'), data.provinces.map((p) => h('option', { value: p.code }, p.name)));
    province.value = current;
    show();
  });
}
