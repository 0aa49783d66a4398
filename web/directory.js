// @ts-check
/** Directory search, open to everyone: facilities, communes and services by name, with or without diacritics. */
import { gql } from './api.js';
import { bi, field, fmt, h, replace, withStatus } from './dom.js';

const SEARCH = `query Search($text: String!) {
  search(text: $text, first: 20) {
    kind id name
    facility { id name sector level kind provenance phone address commune { name } province { name }
      offerings { id service { code nameVi } minAgeMonths maxAgeMonths languages availableCapacity waitDays remote } }
    commune { code name type province { name } population populationEstimated }
    service { code name nameVi description }
  }
}`;

const KIND_VI = { FACILITY: 'Cơ sở', COMMUNE: 'Xã/phường', SERVICE: 'Dịch vụ' };

function ageRange(o) {
  if (o.minAgeMonths === null && o.maxAgeMonths === null) return 'mọi lứa tuổi';
  return `${o.minAgeMonths ?? 0}–${o.maxAgeMonths ?? '…'} tháng`;
}

function facilityDetails(f) {
  return h(
    'div',
    { class: 'details' },
    h('div', {}, `${f.sector} · ${f.level} · ${f.kind} · ${f.commune.name}, ${f.province.name}`, f.provenance === 'DEMO' ? h('span', { class: 'tag demo' }, 'DEMO') : null),
    f.address ? h('div', {}, f.address) : null,
    f.phone ? h('div', {}, `☎ ${f.phone}`) : null,
    h(
      'ul',
      { class: 'offerings' },
      f.offerings.map((o) =>
        h(
          'li',
          {},
          h('code', {}, o.service.code),
          ` ${o.service.nameVi} · ${ageRange(o)} · ngôn ngữ ${o.languages.join(', ')} · còn ${fmt.number(o.availableCapacity)} chỗ · chờ ${fmt.number(o.waitDays)} ngày`,
          o.remote ? h('span', { class: 'tag remote' }, 'từ xa') : null,
        ),
      ),
    ),
  );
}

function hitRow(hit) {
  const extra =
    hit.commune ? `${hit.commune.province.name} · ${fmt.whole(hit.commune.population)} dân${hit.commune.populationEstimated ? ' (ước tính)' : ''}`
    : hit.service ? `${hit.service.code} · ${hit.service.name}`
    : hit.facility ? `${hit.facility.commune.name}, ${hit.facility.province.name}`
    : '';
  return h(
    'li',
    { class: `hit hit-${hit.kind.toLowerCase()}` },
    h('span', { class: 'tag' }, KIND_VI[hit.kind] ?? hit.kind),
    ' ',
    h('strong', {}, hit.name),
    ' ',
    h('small', {}, extra),
    hit.facility ? facilityDetails(hit.facility) : null,
  );
}

export function renderDirectory(container, session) {
  const input = h('input', { type: 'search', id: 'directory-text', placeholder: 'vd. ha tu, san nhi, SCR.ASD', autocomplete: 'off' });
  const status = h('div', { class: 'status', 'aria-live': 'polite' });
  const results = h('ul', { class: 'hits', id: 'directory-results' });
  const run = async (event) => {
    event?.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    const data = await withStatus(status, () => gql(SEARCH, { text }));
    if (!data) return;
    replace(results, data.search.length ? data.search.map(hitRow) : h('li', {}, 'Không có kết quả · No results'));
  };
  replace(
    container,
    h('h1', {}, bi('Danh bạ dịch vụ', 'Service directory')),
    session.role === 'anonymous'
      ? h('p', { class: 'lead' }, 'Ai cũng tra cứu được danh bạ. Đăng nhập bằng token để tìm đường tới dịch vụ, chuyển gửi hoặc xem độ bao phủ.', h('span', { class: 'en' }, ' · Anyone can search the directory; sign in to route, refer or plan.'))
      : null,
    h('form', { class: 'row', onSubmit: run }, field(bi('Tìm theo tên (có hoặc không dấu)', 'Search by name, with or without diacritics'), input), h('button', { type: 'submit' }, bi('Tìm', 'Search'))),
    status,
    results,
  );
}
