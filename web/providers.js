/** Ranked providers for a child: matches with travel time and reasons, excluded alternatives with why, telehealth. */
import { bi, fmt, h } from './dom.js';

export const NEAREST = `query Nearest($input: NearestProvidersInput!) {
  nearestProviders(input: $input) {
    origin { code name province { name } }
    matches {
      facility { id name sector level kind provenance phone commune { name } }
      offering { id languages schedule cost }
      travelMinutes distanceKm availableCapacity waitDays reasons { code text }
    }
    excluded { facility { id name sector level commune { name } } travelMinutes reasons { code text } }
    remote { facility { id name sector } offering { id languages } waitDays reasons { code text } }
  }
}`;

const SECTOR_VI = { HEALTH: 'Y tế', SOCIAL: 'Xã hội', EDUCATION: 'Giáo dục' };
const LEVEL_VI = { COMMUNE: 'xã', REGIONAL: 'khu vực', PROVINCIAL: 'tỉnh', CENTRAL: 'trung ương' };

export function sectorChip(sector) {
  return h('span', { class: `chip sector-${sector}` }, SECTOR_VI[sector] ?? sector);
}

function reasonList(reasons, kind) {
  return h('ul', { class: `reasons ${kind}` }, reasons.map((r) => h('li', { 'data-code': r.code }, h('code', {}, r.code), ' ', r.text)));
}

function matchRow(match, rank, onChoose) {
  const f = match.facility;
  return h(
    'tr',
    { class: 'match', 'data-facility': f.id },
    h('td', { class: 'rank' }, String(rank)),
    h(
      'td',
      {},
      h('strong', {}, f.name),
      f.provenance === 'DEMO' ? h('span', { class: 'tag demo' }, 'DEMO') : null,
      h('div', { class: 'muted' }, sectorChip(f.sector), ` tuyến ${LEVEL_VI[f.level] ?? f.level} · ${f.commune.name}`, f.phone ? ` · ☎ ${f.phone}` : ''),
      reasonList(match.reasons, 'ok'),
    ),
    h('td', { class: 'num travel' }, fmt.minutes(match.travelMinutes)),
    h('td', { class: 'num' }, fmt.km(match.distanceKm)),
    h('td', { class: 'num' }, match.availableCapacity === null ? '?' : String(match.availableCapacity)),
    h('td', { class: 'num' }, match.waitDays === null ? '?' : `${match.waitDays} ngày`),
    h('td', {}, match.offering.languages.join(', ')),
    h('td', {}, h('button', { type: 'button', class: 'choose', onClick: () => onChoose(match) }, bi('Chọn', 'Choose'))),
  );
}

/** Renders a NearestProvidersResult; `onChoose(match)` picks the provider to refer to. */
export function providerResults(result, onChoose) {
  const matches = result.matches.length
    ? h(
        'table',
        { class: 'results', id: 'matches' },
        h('caption', {}, bi(`Nơi phù hợp gần ${result.origin.name} nhất`, 'Nearest matching providers')),
        h('thead', {}, h('tr', {}, ['#', 'Cơ sở · Provider', 'Thời gian · Time', 'Khoảng cách · Distance', 'Còn chỗ · Free', 'Chờ · Wait', 'Ngôn ngữ', ''].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, result.matches.map((m, i) => matchRow(m, i + 1, onChoose))),
      )
    : h('p', { class: 'warn', id: 'matches' }, 'Không có nơi nào đáp ứng đủ điều kiện. Xem các lựa chọn bị loại bên dưới. · No provider meets every condition; see the excluded ones below.');
  const excluded = h(
    'section',
    { class: 'excluded', id: 'excluded' },
    h('h3', {}, bi('Lựa chọn bị loại và lý do', 'Excluded alternatives and why')),
    result.excluded.length
      ? h('ul', { class: 'cards' }, result.excluded.map((x) =>
          h('li', {}, h('strong', {}, x.facility.name), h('span', { class: 'muted' }, ` · ${x.facility.commune.name} · ${fmt.minutes(x.travelMinutes)}`), reasonList(x.reasons, 'why-not'))))
      : h('p', { class: 'muted' }, 'Không có · None'),
  );
  const remote = h(
    'section',
    { class: 'remote', id: 'remote' },
    h('h3', {}, bi('Tư vấn từ xa', 'Telehealth options')),
    result.remote.length
      ? h('ul', { class: 'cards' }, result.remote.map((r) =>
          h('li', {}, h('strong', {}, r.facility.name), ` · chờ ${fmt.number(r.waitDays)} ngày · ${r.offering.languages.join(', ')}`, reasonList(r.reasons, 'ok'))))
      : h('p', { class: 'muted' }, 'Không có dịch vụ từ xa cho nhu cầu này · No telehealth option for this need'),
  );
  return h('div', { class: 'provider-results' }, matches, h('div', { class: 'two-col' }, excluded, remote));
}
