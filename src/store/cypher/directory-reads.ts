/** Directory reads. Batch lookups use `IN $keys` (index-backed on both stores); callers restore key order. */
import type { CommuneFilter, FacilityFilter } from '../port';

export const PROVINCES = `MATCH (p:Province) RETURN p{.*} AS p ORDER BY p.code`;
export const PROVINCES_BY_CODE = `MATCH (p:Province) WHERE p.code IN $keys RETURN p{.*} AS p`;
export const COMMUNES_BY_CODE = `MATCH (c:Commune) WHERE c.code IN $keys RETURN c{.*} AS c`;
export const LEGACY_BY_CODE = `MATCH (l:LegacyCommune) WHERE l.code IN $keys RETURN l{.*} AS l ORDER BY l.key`;
export const LEGACY_BY_SEARCH = `MATCH (l:LegacyCommune) WHERE l.search IN $keys RETURN l{.*} AS l ORDER BY l.key`;
export const ALL_ORGANIZATIONS = `MATCH (o:Organization) RETURN o{.*} AS o ORDER BY o.id`;
export const PREDECESSORS = `MATCH (l:LegacyCommune) WHERE l.successorCode IN $keys RETURN l{.*} AS l ORDER BY l.key`;
export const SERVICE_TYPES = `MATCH (s:ServiceType) RETURN s{.*} AS s ORDER BY s.code`;
export const ORGANIZATIONS_BY_ID = `MATCH (o:Organization) WHERE o.id IN $keys RETURN o{.*} AS o`;
export const FACILITIES_BY_ID = `MATCH (f:Facility) WHERE f.id IN $keys RETURN f{.*} AS f`;
export const OFFERINGS_BY_ID = `MATCH (o:Offering) WHERE o.id IN $keys RETURN o{.*} AS o`;
export const OFFERINGS_BY_FACILITY = `
MATCH (o:Offering) WHERE o.facilityId IN $keys
RETURN o{.*} AS o ORDER BY o.serviceCode, o.id`;
export const FACILITY_BY_IDENTIFIER = `
MATCH (i:Identifier {key: $key})-[:IDENTIFIES]->(f:Facility)
RETURN f{.*} AS f`;
export const ROADS_FROM = `
MATCH (a:Commune)-[r:ROAD_TO]-(b:Commune) WHERE a.code IN $keys
RETURN a.code AS fromCode, b.code AS toCode, r{.*} AS r ORDER BY fromCode, toCode`;

export const ALL_COMMUNES = `MATCH (c:Commune) RETURN c{.*} AS c ORDER BY c.code`;
export const ALL_ROADS = `
MATCH (a:Commune)-[r:ROAD_TO]->(b:Commune)
RETURN a.code AS fromCode, b.code AS toCode, r{.*} AS r`;
export const ALL_FACILITIES = `MATCH (f:Facility) RETURN f{.*} AS f`;
export const ALL_OFFERINGS = `MATCH (o:Offering) RETURN o{.*} AS o`;

export const COUNT_LABEL = (label: string) => `MATCH (n:\`${label}\`) RETURN count(n) AS n`;

/** Name search over folded names (`search` property); each token must be contained. */
export const SEARCH_NAMES = `
CALL {
  MATCH (f:Facility) WHERE all(t IN $tokens WHERE f.search CONTAINS t)
  RETURN 'FACILITY' AS kind, f.id AS id, f.name AS name, f.search AS folded
  UNION ALL
  MATCH (c:Commune) WHERE all(t IN $tokens WHERE c.search CONTAINS t)
  RETURN 'COMMUNE' AS kind, c.code AS id, c.name AS name, c.search AS folded
  UNION ALL
  MATCH (l:LegacyCommune) WHERE all(t IN $tokens WHERE l.search CONTAINS t)
  RETURN 'OLD_COMMUNE' AS kind, l.successorCode AS id, l.name + ' (' + l.districtName + ', ' + l.provinceName + ')' AS name, l.search AS folded
  UNION ALL
  MATCH (s:ServiceType) WHERE all(t IN $tokens WHERE s.search CONTAINS t)
  RETURN 'SERVICE' AS kind, s.code AS id, s.name AS name, s.search AS folded
}
RETURN kind, id, name, folded LIMIT $limit`;

export const TOMBSTONES_SINCE = `
MATCH (t:Tombstone) WHERE t.deletedAt > $since
RETURN t{.*} AS t ORDER BY t.deletedAt, t.id LIMIT $limit`;

export interface BuiltQuery {
  query: string;
  count: string;
  params: Record<string, unknown>;
}

/**
 * Builds the facilities page query from fixed fragments: only the filters that are set appear, so an
 * indexed anchor (province or commune) is used when given and no `$x IS NULL OR` defeats the planner.
 */
export function buildFacilitiesQuery(
  filter: FacilityFilter,
  after: string | null,
  limit: number,
): BuiltQuery {
  const params: Record<string, unknown> = { limit };
  const anchor: string[] = [];
  const where: string[] = [];
  if (filter.communeCode) {
    anchor.push('communeCode: $communeCode');
    params.communeCode = filter.communeCode;
  } else if (filter.provinceCode) {
    anchor.push('provinceCode: $provinceCode');
    params.provinceCode = filter.provinceCode;
  }
  if (filter.communeCode && filter.provinceCode) {
    where.push('f.provinceCode = $provinceCode');
    params.provinceCode = filter.provinceCode;
  }
  const simple: Array<[keyof FacilityFilter, string]> = [
    ['sector', 'sector'],
    ['kind', 'kind'],
    ['level', 'level'],
    ['provenance', 'provenance'],
  ];
  for (const [key, prop] of simple) {
    if (filter[key] != null) {
      where.push(`f.${prop} = $${prop}`);
      params[prop] = filter[key];
    }
  }
  if (filter.updatedAfter) {
    where.push('f.updatedAt > $updatedAfter');
    params.updatedAfter = filter.updatedAfter;
  }
  const offering: string[] = [];
  if (filter.serviceCode) {
    offering.push('o.serviceCode = $serviceCode');
    params.serviceCode = filter.serviceCode;
  }
  if (filter.ageMonths != null) {
    offering.push('(o.minAgeMonths IS NULL OR o.minAgeMonths <= $ageMonths)');
    offering.push('(o.maxAgeMonths IS NULL OR o.maxAgeMonths >= $ageMonths)');
    params.ageMonths = filter.ageMonths;
  }
  if (filter.language) {
    offering.push('$language IN o.languages');
    params.language = filter.language;
  }
  // Offering filters expand from the anchored facilities rather than sit in EXISTS {}: Grafeo runs that
  // subquery over a scan of every node (235 ms for one province of the national set, 8 ms expanded).
  // The page is ordered and cut before the map projection, so only `limit` facilities are projected.
  where.push(...offering);
  const anchored = `(f:Facility${anchor.length ? ` {${anchor.join(', ')}}` : ''})`;
  const match = offering.length > 0 ? `MATCH ${anchored}-[:OFFERS]->(o:Offering)` : `MATCH ${anchored}`;
  const facilities = offering.length > 0 ? 'WITH DISTINCT f' : 'WITH f';
  const countWhere = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const pageWhere = [...where];
  if (after) {
    pageWhere.push('f.id > $after');
    params.after = after;
  }
  return {
    query: `${match} ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''} ${facilities} ORDER BY f.id LIMIT $limit RETURN f{.*} AS f`,
    count: `${match} ${countWhere} ${facilities} RETURN count(f) AS n`,
    params,
  };
}

export function buildCommunesQuery(filter: CommuneFilter, after: string | null, limit: number): BuiltQuery {
  const params: Record<string, unknown> = { limit };
  const where: string[] = [];
  const match = filter.provinceCode ? 'MATCH (c:Commune {provinceCode: $provinceCode})' : 'MATCH (c:Commune)';
  if (filter.provinceCode) params.provinceCode = filter.provinceCode;
  if (filter.type) {
    where.push('c.type = $type');
    params.type = filter.type;
  }
  if (filter.updatedAfter) {
    where.push('c.updatedAt > $updatedAfter');
    params.updatedAfter = filter.updatedAfter;
  }
  const pageWhere = [...where];
  if (after) {
    pageWhere.push('c.code > $after');
    params.after = after;
  }
  return {
    query: `${match} ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''} RETURN c{.*} AS c ORDER BY c.code LIMIT $limit`,
    count: `${match} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} RETURN count(c) AS n`,
    params,
  };
}
