// @ts-check
/**
 * A small map beside the caseworker's results: the child's province with its communes, the child's commune
 * outlined, and the matched providers as numbered squares (their rank in the table). Same offline shapes as
 * the planner's map (boundaries.js); it fetches what the results table does not carry (points, province).
 */
import { gql } from './api.js';
import { bi, h } from './dom.js';
import { loadBoundaries } from './boundaries.js';
import { makeProjection, pathOf } from './map.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const s = (tag, attrs = {}, text) => {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
};

const ORIGIN = `query MapOrigin($code: ID!) { commune(code: $code) { code name province { code } } }`;
const PLACE = `query MapPlace($id: ID!) { facility(id: $id) { id name lat lon commune { code } } }`;

/**
 * Draws into `container` once the places are known; `result` is Query.nearestProviders (origin, matches).
 * Failures leave a short note: the table above is the answer, the map only helps to read it.
 */
export async function showCaseworkerMap(container, result, { width = 420, height = 360 } = {}) {
  container.replaceChildren();
  const ids = result.matches.map((m) => m.facility.id);
  try {
    const [origin, ...facilities] = await Promise.all([
      gql(ORIGIN, { code: result.origin.code }),
      ...ids.map((id) => gql(PLACE, { id })),
    ]);
    const places = { origin: origin.commune, ...Object.fromEntries(facilities.map((f, i) => [`f${i}`, f.facility])) };
    const shapes = await loadBoundaries(places.origin.province.code);
    const project = makeProjection(shapes.features.flatMap((f) => f.geometry.coordinates.flatMap((p) => p[0].map(([lon, lat]) => ({ lat, lon })))), width, height, 8);
    const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'map caseworker-map', id: 'caseworker-map', role: 'img', 'aria-label': `Bản đồ: ${places.origin.name} và nơi cung cấp` });
    svg.append(s('rect', { x: 0, y: 0, width, height, class: 'map-bg' }));
    const providerCommunes = new Set(ids.map((_, i) => places[`f${i}`]?.commune.code));
    for (const f of shapes.features) {
      const own = f.properties.code === places.origin.code;
      const path = s('path', { d: pathOf(f.geometry, project), 'fill-rule': 'evenodd', class: `commune shape${own ? ' child' : ''}`, fill: own ? '#c7dbf7' : providerCommunes.has(f.properties.code) ? '#e3f1d5' : '#f1f1ee', 'data-code': f.properties.code });
      path.append(s('title', {}, own ? `${f.properties.name} — xã của trẻ` : f.properties.name));
      svg.append(path);
    }
    for (const p of shapes.provinces.features) svg.append(s('path', { d: pathOf(p.geometry, project), class: 'province-outline' }));
    ids.forEach((_, i) => {
      const facility = places[`f${i}`];
      if (!facility || facility.lat === null) return;
      const [x, y] = project(facility.lat, facility.lon);
      const mark = s('g', { class: 'provider-mark', 'data-facility': facility.id });
      mark.append(s('rect', { x: x - 6, y: y - 6, width: 12, height: 12, class: 'provider' }), s('text', { x, y: y + 3.5, class: 'provider-rank', 'text-anchor': 'middle' }, String(i + 1)));
      mark.append(s('title', {}, `${i + 1}. ${facility.name}`));
      svg.append(mark);
    });
    container.append(h('figure', { class: 'map-figure small' }, svg,
      h('figcaption', {}, bi(`Xanh dương: ${places.origin.name} (xã của trẻ); ô vuông: nơi cung cấp theo thứ tự trong bảng`, "Blue: the child's commune; squares: providers, numbered as in the table"))));
  } catch {
    container.append(h('p', { class: 'muted' }, 'Không tải được bản đồ · The map could not be loaded'));
  }
}
