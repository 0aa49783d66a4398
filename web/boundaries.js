// @ts-check
/**
 * Commune and province shapes for the maps, from the server's /geo/boundaries.json (the project's copy of
 * the simplified 2025 boundaries; no tiles, no CDN). One request per province, kept for the session.
 */
const cache = new Map();

/** GeoJSON of the province's communes with its outline (all provinces when `provinceCode` is empty). */
export function loadBoundaries(provinceCode) {
  const key = provinceCode || '';
  if (!cache.has(key)) {
    const url = `/geo/boundaries.json${key ? `?province=${encodeURIComponent(key)}` : ''}`;
    cache.set(key, fetch(url).then((res) => {
      if (!res.ok) throw new Error(`boundaries: HTTP ${res.status}`);
      return res.json();
    }).catch((err) => {
      cache.delete(key);
      throw err;
    }));
  }
  return cache.get(key);
}
