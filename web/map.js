// @ts-check
/**
 * A small offline map on inline SVG: commune polygons (the project's simplified 2025 boundaries, from
 * /geo/boundaries.json) coloured by minutes to the nearest provider, province outlines on top, names on
 * hover; circles at commune points when no shapes are given. A local equirectangular projection (longitude
 * scaled by cos of the mid latitude, so shapes are not stretched at 22°N). No tiles, no library, no CDN.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element; text goes in as a text node. */
function s(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== null && value !== undefined) el.setAttribute(key, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Fits lat/lon points into width × height with padding; returns ([lat, lon]) => [x, y]. */
export function makeProjection(points, width, height, pad = 16) {
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * kx, 1e-6);
  const spanY = Math.max(maxLat - minLat, 1e-6);
  const scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
  const offX = (width - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  return (lat, lon) => [offX + (lon - minLon) * kx * scale, offY + (maxLat - lat) * scale];
}

/** Colour classes by travel minutes against the threshold t. */
export const BANDS = [
  { id: 'near', color: '#1a9850', vi: 'Trong ½ ngưỡng', en: 'within half the limit', test: (m, t) => m !== null && m <= t / 2 },
  { id: 'covered', color: '#91cf60', vi: 'Trong ngưỡng', en: 'within the limit', test: (m, t) => m !== null && m <= t },
  { id: 'gap', color: '#fc8d59', vi: 'Quá ngưỡng, dưới 2 lần', en: 'over the limit, under twice', test: (m, t) => m !== null && m <= 2 * t },
  { id: 'far', color: '#d73027', vi: 'Quá 2 lần ngưỡng / không tới được', en: 'over twice / unreachable', test: () => true },
];

export function bandOf(minutes, limit) {
  return BANDS.find((b) => b.test(minutes, limit));
}

/**
 * Draws communes (coloured by band, sized by children), providers (squares), what-if sites (blue rings) and
 * suggested sites (numbered). `onPick(commune)` runs on click or Enter on a commune.
 */
export function coverageMap({ communes, shapes = null, providers = [], sites = [], suggestions = [], highlight = new Set(), maxMinutes, onPick, width = 640, height = 560 }) {
  const placed = communes.filter((c) => c.commune.lat !== null && c.commune.lon !== null);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'map', role: 'group', 'aria-label': 'Bản đồ độ bao phủ · coverage map' });
  if (!placed.length && !shapes?.features?.length) {
    svg.append(s('text', { x: 20, y: 40 }, 'Không có toạ độ · no coordinates'));
    return svg;
  }
  const outline = shapes?.features?.length ? shapePoints(shapes) : placed.map((c) => c.commune);
  const project = makeProjection(outline, width, height);
  svg.append(s('rect', { x: 0, y: 0, width, height, class: 'map-bg' }));
  if (shapes?.features?.length) {
    drawShapes(svg, { communes, shapes, project, maxMinutes, highlight, onPick });
    drawMarks(svg, { providers, sites, suggestions, project });
    return svg;
  }
  const maxChildren = Math.max(1, ...placed.map((c) => c.children));

  const dots = s('g', { class: 'communes' });
  for (const c of [...placed].sort((a, b) => b.children - a.children)) {
    const [x, y] = project(c.commune.lat, c.commune.lon);
    const band = bandOf(c.minutes, maxMinutes);
    const circle = s('circle', {
      cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 9 * Math.sqrt(c.children / maxChildren)).toFixed(1),
      fill: band.color, class: `commune band-${band.id}${highlight.has(c.commune.code) ? ' newly' : ''}`,
      tabindex: 0, role: 'button', 'data-code': c.commune.code,
      'aria-label': `${c.commune.name}: ${c.minutes === null ? 'không tới được' : `${Math.round(c.minutes)} phút`}`,
    });
    const minutes = c.minutes === null ? 'không tới được' : `${Math.round(c.minutes)} phút`;
    circle.append(s('title', {}, `${c.commune.name} · ${minutes} · ${Math.round(c.children)} trẻ — bấm để thêm điểm dịch vụ giả định`));
    circle.addEventListener('click', () => onPick?.(c.commune));
    circle.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onPick?.(c.commune)));
    dots.append(circle);
  }
  svg.append(dots);
  drawMarks(svg, { providers, sites, suggestions, project });
  return svg;
}

/** Every vertex of the shapes as { lat, lon }, for fitting the projection. */
function shapePoints(shapes) {
  const out = [];
  for (const f of [...shapes.features, ...(shapes.provinces?.features ?? [])])
    for (const polygon of f.geometry.coordinates) for (const [lon, lat] of polygon[0]) out.push({ lat, lon });
  return out;
}

/** SVG path data of a GeoJSON MultiPolygon (holes filled out by the even-odd rule). */
export function pathOf(geometry, project) {
  let d = '';
  for (const polygon of geometry.coordinates) {
    for (const ring of polygon) {
      ring.forEach(([lon, lat], i) => {
        const [x, y] = project(lat, lon);
        d += `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
      });
      d += 'Z';
    }
  }
  return d;
}

function minutesText(minutes) {
  return minutes === null || minutes === undefined ? 'không tới được · unreachable' : `${Math.round(minutes)} phút · min`;
}

function drawShapes(svg, { communes, shapes, project, maxMinutes, highlight, onPick }) {
  const byCode = new Map(communes.map((c) => [c.commune.code, c]));
  const hover = s('text', { x: 10, y: 20, class: 'map-hover', 'pointer-events': 'none' }, '');
  const layer = s('g', { class: 'communes shapes' });
  for (const f of shapes.features) {
    const c = byCode.get(f.properties.code);
    const band = c ? bandOf(c.minutes, maxMinutes) : null;
    const label = c ? `${f.properties.name} · ${minutesText(c.minutes)} · ${Math.round(c.children)} trẻ · children` : `${f.properties.name} · ngoài báo cáo · not in this report`;
    const path = s('path', {
      d: pathOf(f.geometry, project), 'fill-rule': 'evenodd',
      fill: band ? band.color : '#e5e5e5',
      class: `commune shape${band ? ` band-${band.id}` : ' outside'}${highlight.has(f.properties.code) ? ' newly' : ''}`,
      'data-code': f.properties.code,
      ...(c ? { tabindex: 0, role: 'button', 'aria-label': `${f.properties.name}: ${minutesText(c.minutes)}` } : {}),
    });
    path.append(s('title', {}, c ? `${label} — bấm để thêm điểm dịch vụ giả định · click to add a what-if site` : label));
    path.addEventListener('mouseenter', () => (hover.textContent = label));
    path.addEventListener('focus', () => (hover.textContent = label));
    if (c) {
      const commune = { ...c.commune };
      path.addEventListener('click', () => onPick?.(commune));
      path.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onPick?.(commune)));
    }
    layer.append(path);
  }
  svg.append(layer);
  const outlines = s('g', { class: 'province-outlines', 'pointer-events': 'none' });
  for (const f of shapes.provinces?.features ?? [])
    outlines.append(s('path', { d: pathOf(f.geometry, project), class: 'province-outline', 'data-province': f.properties.code }));
  svg.append(outlines, hover);
}

function drawMarks(svg, { providers, sites, suggestions, project }) {
  const marks = s('g', { class: 'marks', 'pointer-events': 'none' });
  for (const p of providers) {
    if (p.facility.lat === null || p.facility.lon === null) continue;
    const [x, y] = project(p.facility.lat, p.facility.lon);
    marks.append(s('rect', { x: x - 3.5, y: y - 3.5, width: 7, height: 7, class: `provider${p.overloaded ? ' overloaded' : ''}` }));
  }
  suggestions.forEach((site, i) => {
    if (site.commune.lat === null) return;
    const [x, y] = project(site.commune.lat, site.commune.lon);
    marks.append(s('circle', { cx: x, cy: y, r: 13, class: 'suggested' }), s('text', { x: x + 12, y: y - 10, class: 'suggested-label' }, String(i + 1)));
  });
  for (const site of sites) {
    const [x, y] = project(site.commune.lat, site.commune.lon);
    marks.append(s('circle', { cx: x, cy: y, r: 10, class: 'what-if' }), s('path', { d: `M${x - 5} ${y}h10M${x} ${y - 5}v10`, class: 'what-if-cross' }));
  }
  svg.append(marks);
}

/** The legend for the map, as plain HTML. */
export function legend(maxMinutes, h) {
  return h(
    'ul',
    { class: 'legend' },
    BANDS.map((b) => h('li', {}, h('span', { class: 'swatch', style: `background:${b.color}` }), `${b.vi} (${b.id === 'near' ? `≤ ${maxMinutes / 2}` : b.id === 'covered' ? `≤ ${maxMinutes}` : b.id === 'gap' ? `≤ ${maxMinutes * 2}` : `> ${maxMinutes * 2}`} phút)`, h('span', { class: 'en' }, ` · ${b.en}`))),
    h('li', {}, h('span', { class: 'swatch provider' }), 'Nơi cung cấp hiện có', h('span', { class: 'en' }, ' · existing provider (red edge: overloaded)')),
    h('li', {}, h('span', { class: 'swatch what-if' }), 'Điểm giả định', h('span', { class: 'en' }, ' · what-if site')),
    h('li', {}, h('span', { class: 'swatch suggested' }), 'Điểm đề xuất', h('span', { class: 'en' }, ' · suggested site')),
    h('li', {}, h('span', { class: 'swatch province' }), 'Ranh giới tỉnh', h('span', { class: 'en' }, ' · province border')),
    h('li', {}, h('small', { class: 'muted' }, 'Ranh giới 2025 đơn giản hoá 5 % · 2025 boundaries simplified to 5 % (thanglequoc/vietnamese-provinces-database, MIT; sapnhap.bando.com.vn)')),
  );
}
