// @ts-check
/** What-if sites: communes added on the map become new sites in Query.coverageScenario; shows the deltas. */
import { gql } from './api.js';
import { bi, fmt, h, replace, withStatus } from './dom.js';

const SCENARIO = `query Scenario($input: CoverageScenarioInput!) {
  coverageScenario(input: $input) {
    baseline { coveredChildren shareCovered unservedDemand }
    scenario { coveredChildren shareCovered unservedDemand communes(first: 500) { commune { code name lat lon } minutes covered children } }
    delta { coveredChildren shareCovered unservedDemand overloadedProviders newlyCoveredCommunes { code name } lostCommunes { code name } }
  }
}`;

const DEFAULT_CAPACITY = 20;

/**
 * `baseInput` is the coverage input; `redraw(scenario | null)` repaints the map. Returns
 * { element, add(commune), sites(), current() }.
 */
export function whatIfPanel({ baseInput, redraw }) {
  const sites = [];
  let scenario = null;
  const list = h('ul', { class: 'sites', id: 'what-if-sites' });
  const result = h('div', { id: 'what-if-result', 'aria-live': 'polite' });
  const status = h('div', { class: 'status' });

  const run = async () => {
    renderSites();
    if (!sites.length) {
      scenario = null;
      replace(result, h('p', { class: 'muted' }, 'Chưa có điểm giả định · No what-if site yet'));
      return redraw(null);
    }
    const input = { ...baseInput, addSites: sites.map((s) => ({ communeCode: s.commune.code, capacity: s.capacity })) };
    const data = await withStatus(status, () => gql(SCENARIO, { input }), 'Đang tính kịch bản… · Computing…');
    if (!data) return;
    const { baseline, scenario: after, delta } = data.coverageScenario;
    scenario = { report: after, newly: new Set(delta.newlyCoveredCommunes.map((c) => c.code)) };
    replace(
      result,
      h('dl', { class: 'deltas' },
        h('dt', {}, bi('Trẻ được bao phủ', 'Children covered')),
        h('dd', { id: 'delta-children' }, `${fmt.whole(baseline.coveredChildren)} → ${fmt.whole(after.coveredChildren)} (${fmt.signed(delta.coveredChildren)})`),
        h('dt', {}, bi('Tỷ lệ bao phủ', 'Share covered')),
        h('dd', {}, `${fmt.percent(baseline.shareCovered)} → ${fmt.percent(after.shareCovered)}`),
        h('dt', {}, bi('Nhu cầu chưa đáp ứng', 'Unserved demand')),
        h('dd', {}, `${fmt.whole(baseline.unservedDemand)} → ${fmt.whole(after.unservedDemand)}`),
        h('dt', {}, bi('Nơi quá tải', 'Overloaded providers')),
        h('dd', {}, fmt.signed(delta.overloadedProviders)),
        h('dt', {}, bi(`Xã mới được bao phủ (${delta.newlyCoveredCommunes.length})`, 'Newly covered communes')),
        h('dd', { id: 'delta-newly' }, delta.newlyCoveredCommunes.map((c) => c.name).join(', ') || '—'),
        delta.lostCommunes.length ? [h('dt', {}, bi('Xã mất bao phủ', 'Communes losing coverage')), h('dd', {}, delta.lostCommunes.map((c) => c.name).join(', '))] : null,
      ),
    );
    redraw(scenario);
  };

  function renderSites() {
    replace(list, sites.map((site, i) =>
      h('li', {}, h('strong', {}, site.commune.name), ' · sức chứa ',
        h('input', { type: 'number', min: 1, max: 500, value: String(site.capacity), class: 'capacity', 'aria-label': `Sức chứa ${site.commune.name}`,
          onChange: (e) => ((site.capacity = Math.max(1, Number(e.target.value) || DEFAULT_CAPACITY)), run()) }),
        h('button', { type: 'button', class: 'link', onClick: () => (sites.splice(i, 1), run()) }, bi('Bỏ', 'Remove')))));
  }

  const element = h('section', { class: 'what-if', id: 'what-if' },
    h('h3', {}, bi('Kịch bản giả định', 'What-if')),
    h('p', { class: 'muted' }, 'Bấm một xã trên bản đồ để đặt thêm một điểm dịch vụ ở đó. · Click a commune on the map to add a site there.'),
    list, status, result,
    h('button', { type: 'button', class: 'link', onClick: () => (sites.splice(0), run()) }, bi('Xoá kịch bản', 'Clear')));
  replace(result, h('p', { class: 'muted' }, 'Chưa có điểm giả định · No what-if site yet'));

  return {
    element,
    add: (commune) => {
      if (!sites.some((s) => s.commune.code === commune.code)) sites.push({ commune, capacity: DEFAULT_CAPACITY });
      run();
    },
    sites: () => sites,
    current: () => scenario,
  };
}
