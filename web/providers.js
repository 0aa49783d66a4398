// @ts-check
/** Ranked providers for a child: matches with travel time and reasons, excluded alternatives with why, telehealth. */
import { bi, fmt, h } from './dom.js';
import { SECTOR_LABELS, pick, t } from './i18n.js';

export const NEAREST = `query Nearest($input: NearestProvidersInput!) {
  nearestProviders(input: $input) {
    origin { code name province { name } }
    matches {
      facility { id name sector level levelLabel kind kindLabel provenance phone commune { name } }
      offering { id languages languageNames { code name } schedule cost }
      travelMinutes distanceKm longTrip estimated routeCommunes { code name }
      availableCapacity waitDays reasons { code text }
    }
    excluded { facility { id name sector level commune { name } } travelMinutes reasons { code text } }
    remote { facility { id name sector } offering { id languages languageNames { code name } } waitDays reasons { code text } }
  }
}`;

export function sectorChip(sector) {
  return h('span', { class: `chip sector-${sector}` }, pick(SECTOR_LABELS[sector], sector));
}

function reasonList(reasons, kind) {
  return h('ul', { class: `reasons ${kind}` }, reasons.map((r) => h('li', { 'data-code': r.code }, r.text)));
}

/** "Xã A → Xã B → Phường C"; a long route keeps its ends and the count between. */
function routeText(communes) {
  const names = communes.map((c) => c.name);
  if (names.length <= 4) return names.join(' → ');
  return `${names[0]} → ${t(`${names.length - 2} xã/phường`, `${names.length - 2} communes`)} → ${names.at(-1)}`;
}

function matchRow(match, rank, onChoose) {
  const f = match.facility;
  return h(
    'tr',
    { class: `match${match.longTrip ? ' long-trip' : ''}`, 'data-facility': f.id },
    h('td', { class: 'rank' }, String(rank)),
    h(
      'td',
      { class: 'provider' },
      h('strong', {}, f.name),
      f.provenance === 'DEMO' ? h('span', { class: 'tag demo' }, 'DEMO') : null,
      h('div', { class: 'muted' }, sectorChip(f.sector), ` ${f.kindLabel} · ${f.levelLabel} · ${f.commune.name}`, f.phone ? ` · ☎ ${f.phone}` : ''),
      match.routeCommunes.length > 1 ? h('div', { class: 'route muted' }, t('Đường đi: ', 'Route: '), routeText(match.routeCommunes)) : null,
      reasonList(match.reasons, 'ok'),
    ),
    h('td', { class: 'num travel' }, fmt.minutes(match.travelMinutes), match.estimated ? h('small', { class: 'estimate' }, t(' (ước tính)', ' (estimate)')) : null,
      match.longTrip ? h('span', { class: 'tag long-trip' }, t('đường xa', 'long trip')) : null),
    h('td', { class: 'num' }, fmt.km(match.distanceKm)),
    h('td', { class: 'num' }, match.availableCapacity === null ? '?' : String(match.availableCapacity)),
    h('td', { class: 'num' }, match.waitDays === null ? '?' : t(`${match.waitDays} ngày`, `${match.waitDays} days`)),
    h('td', {}, match.offering.languageNames.map((l) => l.name).join(', ')),
    h('td', {}, h('button', { type: 'button', class: 'choose', onClick: () => onChoose(match) }, bi('Chọn', 'Choose'))),
  );
}

/** Renders a NearestProvidersResult; `onChoose(match)` picks the provider to refer to. */
export function providerResults(result, onChoose) {
  const heads = [['#', '#'], ['Cơ sở', 'Provider'], ['Thời gian', 'Time'], ['Khoảng cách', 'Distance'], ['Còn chỗ', 'Free'], ['Chờ', 'Wait'], ['Ngôn ngữ', 'Languages'], ['', '']];
  const matches = result.matches.length
    ? h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'results', id: 'matches' },
          h('caption', {}, t(`Nơi phù hợp gần ${result.origin.name} nhất`, `Nearest matching providers to ${result.origin.name}`)),
          h('thead', {}, h('tr', {}, heads.map(([vi, en]) => h('th', { scope: 'col' }, t(vi, en))))),
          h('tbody', {}, result.matches.map((m, i) => matchRow(m, i + 1, onChoose))),
        ),
      )
    : h('p', { class: 'warn', id: 'matches' }, t('Không có nơi nào đáp ứng đủ điều kiện. Xem các lựa chọn bị loại bên dưới.', 'No provider meets every condition; see the excluded ones below.'));
  const excluded = h(
    'section',
    { class: 'excluded', id: 'excluded' },
    h('h3', {}, bi('Lựa chọn bị loại và lý do', 'Excluded alternatives and why')),
    result.excluded.length
      ? h('ul', { class: 'cards' }, result.excluded.map((x) =>
          h('li', {}, h('strong', {}, x.facility.name), h('span', { class: 'muted' }, ` · ${x.facility.commune.name} · ${fmt.minutes(x.travelMinutes)}`), reasonList(x.reasons, 'why-not'))))
      : h('p', { class: 'muted' }, t('Không có', 'None')),
  );
  const remote = h(
    'section',
    { class: 'remote', id: 'remote' },
    h('h3', {}, bi('Tư vấn từ xa', 'Telehealth options')),
    result.remote.length
      ? h('ul', { class: 'cards' }, result.remote.map((r) =>
          h('li', {}, h('strong', {}, r.facility.name), t(` · chờ ${fmt.number(r.waitDays)} ngày · `, ` · wait ${fmt.number(r.waitDays)} days · `), r.offering.languageNames.map((l) => l.name).join(', '), reasonList(r.reasons, 'ok'))))
      : h('p', { class: 'muted' }, t('Không có dịch vụ từ xa cho nhu cầu này', 'No telehealth option for this need')),
  );
  return h('div', { class: 'provider-results' }, matches, h('div', { class: 'two-col' }, excluded, remote));
}
