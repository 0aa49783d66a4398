/**
 * Every statement of the shared Cypher modules must be valid on both stores: Neo4j 5 (linted with
 * Neo4j's own language support, Cypher 5, built-in functions and procedures) and Grafeo (EXPLAINed,
 * or applied for DDL, on an in-memory database). Portability rules cover what neither check sees:
 * constructs both accept that behave differently (grafeo-cypher-notes.md §1).
 */
import { GrafeoDB } from '@grafeo-db/js';
import { isNotParamError, lintCypherQuery, testData, type DbSchema } from '@neo4j-cypher/language-support';
import { buildCommunesQuery, buildFacilitiesQuery } from '../../src/store/cypher/directory-reads';
import { EMBEDDED_SCHEMA, NEO4J_SCHEMA } from '../../src/store/cypher/schema';
import { AWAIT_INDEXES } from '../../src/store/neo4j/neo4j-runner';
import { normalizeParams } from '../../src/store/normalize';
import { isSchemaStatement, loadCypherCatalogue, type CatalogueEntry } from './cypher-catalogue';

/** Neo4j 5's built-ins, from the server catalogue the package ships as test data, without APOC or GDS. */
function neo4jBuiltIns<T>(registry: Record<string, T> | undefined): Record<string, T> {
  return Object.fromEntries(Object.entries(registry ?? {}).filter(([k]) => !/^(apoc|gds)\./.test(k)));
}

const NEO4J_5: DbSchema = {
  defaultLanguage: 'CYPHER 5',
  functions: { 'CYPHER 5': neo4jBuiltIns(testData.mockSchema.functions?.['CYPHER 5']) },
  procedures: { 'CYPHER 5': neo4jBuiltIns(testData.mockSchema.procedures?.['CYPHER 5']) },
};

/** Warnings accepted on purpose, with the reason; any other warning fails. */
const ACCEPTED_WARNINGS: Record<string, string> = {
  'CALL subquery without a variable scope clause is deprecated':
    'SEARCH_NAMES: `CALL () {}` needs Neo4j 5.23+; the unscoped form runs on every 5.x and on Grafeo',
};

function neo4jDiagnostics(entry: CatalogueEntry): string[] {
  const schema = entry.params ? { ...NEO4J_5, parameters: entry.params } : NEO4J_5;
  // A constant's parameters are supplied at run time, so only builder outputs are checked for them.
  const all = lintCypherQuery(entry.query, schema).diagnostics.map((d) => ({
    severity: d.severity,
    at: d.offsets.start,
    message: typeof d.message === 'string' ? d.message : d.message.value,
  }));
  return all
    .filter((d) => entry.params || isNotParamError(d))
    .filter((d) => !Object.keys(ACCEPTED_WARNINGS).some((w) => d.severity === 2 && d.message.startsWith(w)))
    .map((d) => `${d.severity === 1 ? 'error' : 'warning'} at ${d.at}: ${d.message}`);
}

/** Constructs both stores accept but run differently, or that only some Neo4j 5 installs accept. */
const PORTABILITY_RULES: Array<[pattern: RegExp, why: string]> = [
  [
    /\*\s*(\d+\s*)?(\.\.\s*)?\]/,
    'variable-length pattern without an upper bound (Grafeo stops at a 256 MiB path budget)',
  ],
  [
    /(?<!coalesce\(\s*)\bsum\s*\(/i,
    'sum() over no rows is null on Grafeo and 0 on Neo4j: write coalesce(sum(x), 0)',
  ],
  [/\bCALL\s*\(/i, 'scoped CALL (x) { … } needs Neo4j 5.23 or later'],
  [/\bIS\s+(NODE\s+KEY|NOT\s+NULL)\b/i, 'Neo4j Community has no key or existence constraints'],
  [/\bexists\s*\(\s*\w+\.\w+\s*\)/i, 'exists(n.prop) was removed in Neo4j 5: use n.prop IS NOT NULL'],
];

const portabilityProblems = (query: string) =>
  PORTABILITY_RULES.filter(([re]) => re.test(query)).map(([, why]) => why);

const { entries, unsampled } = loadCypherCatalogue();

describe('the shared Cypher catalogue', () => {
  it('finds the statements of every module, builders included', () => {
    const modules = new Set(entries.map((e) => e.name.split(' › ')[0]));
    expect([...modules]).toEqual(
      expect.arrayContaining(['directory-reads.ts', 'directory-writes.ts', 'schema.ts']),
    );
    expect(entries.filter((e) => e.params).length).toBeGreaterThanOrEqual(20);
    expect(entries.length).toBeGreaterThan(60);
  });

  it('has sample arguments for every exported builder function', () => {
    expect(unsampled).toEqual([]);
  });
});

describe('Cypher lint for Neo4j 5', () => {
  it('reports the mistakes it is relied on to catch', () => {
    const bad = (query: string) => neo4jDiagnostics({ name: 'bad', query, params: {} });
    expect(bad('MATCH (a) RETURN size((a)<-[:T]-()) AS n')).toEqual([expect.stringContaining('COUNT {}')]);
    expect(bad('RETURN randomUuid2() AS id')).toEqual([
      expect.stringContaining('Function randomUuid2 is not present'),
    ]);
    expect(bad('MATCH (f:Facility) WHERE f.id = $id RETURN f')).toEqual([expect.stringContaining('$id')]);
    expect(bad('MATCH (f) RETRN f')).toEqual(
      expect.arrayContaining([expect.stringContaining("Invalid input 'RETRN'")]),
    );
  });

  it.each(entries.map((e) => [e.name, e] as const))(
    '%s has no errors or unexpected warnings',
    (_name, entry) => {
      expect(neo4jDiagnostics(entry)).toEqual([]);
    },
  );
});

describe('Neo4j-only statements of the Neo4j runner', () => {
  it('waits for indexes with a procedure Neo4j 5 has and Grafeo lacks', async () => {
    expect(neo4jDiagnostics({ name: 'AWAIT_INDEXES', query: AWAIT_INDEXES })).toEqual([]);
    const db = GrafeoDB.create(null);
    try {
      await expect(db.executeCypher(AWAIT_INDEXES)).rejects.toThrow(/procedure/i);
    } finally {
      db.close();
    }
  });
});

describe('Cypher accepted by Grafeo', () => {
  const db = GrafeoDB.create(null);
  afterAll(() => db.close());

  it('rejects a construct that only Neo4j accepts (a check that cannot fail proves nothing)', async () => {
    await expect(db.executeCypher(`EXPLAIN RETURN 'a' || 'b' AS s`)).rejects.toThrow(/syntax/i);
  });

  it.each(entries.filter((e) => !isSchemaStatement(e.query)).map((e) => [e.name, e] as const))(
    '%s is planned by Grafeo',
    async (_name, entry) => {
      // Without parameters Grafeo plans without checking them; with some, it wants all of them.
      const params = entry.params ? normalizeParams(entry.params) : undefined;
      const result = await db.executeCypher(`EXPLAIN ${entry.query}`, params);
      expect(result.toArray()).toHaveLength(1);
    },
  );

  it.each([
    ['EMBEDDED_SCHEMA', EMBEDDED_SCHEMA],
    ['NEO4J_SCHEMA', NEO4J_SCHEMA],
  ] as const)('applies %s twice (idempotent)', async (_name, ddl) => {
    const fresh = GrafeoDB.create(null);
    try {
      for (let round = 0; round < 2; round += 1)
        for (const statement of ddl) await fresh.executeCypher(statement);
    } finally {
      fresh.close();
    }
  });
});

describe('Cypher portability rules', () => {
  it.each([
    ['MATCH (a)-[:ROAD_TO*]->(b) RETURN b', 'upper bound'],
    ['MATCH (a)-[:ROAD_TO*2..]->(b) RETURN b', 'upper bound'],
    ['MATCH (o:Offering) RETURN sum(o.capacity) AS n', 'coalesce'],
    ['MATCH (c) CALL (c) { RETURN 1 AS x } RETURN x', '5.23'],
    ['CREATE CONSTRAINT k FOR (n:L) REQUIRE (n.a, n.b) IS NODE KEY', 'Community'],
    ['MATCH (n) WHERE exists(n.phone) RETURN n', 'IS NOT NULL'],
  ])('flags %s', (query, why) => {
    expect(portabilityProblems(query)).toEqual([expect.stringContaining(why)]);
  });

  it('accepts bounded patterns and coalesced sums', () => {
    expect(portabilityProblems('MATCH (a)-[:ROAD_TO*1..3]->(b) RETURN coalesce(sum(b.n), 0) AS n')).toEqual(
      [],
    );
  });

  it.each(entries.map((e) => [e.name, e.query] as const))(
    '%s follows the portability rules',
    (_name, query) => {
      expect(portabilityProblems(query)).toEqual([]);
    },
  );
});

describe('representative Cypher and parameters', () => {
  it('builds the facilities page anchored on a province, with offering filters expanded from it', () => {
    const built = buildFacilitiesQuery(
      { provinceCode: '22', sector: 'HEALTH', serviceCode: 'IMMUNISATION', ageMonths: 18, language: 'hmn' },
      'F-0100',
      11,
    );
    expect(built).toMatchInlineSnapshot(`
{
  "count": "MATCH (f:Facility {provinceCode: $provinceCode})-[:OFFERS]->(o:Offering) WHERE f.sector = $sector AND o.serviceCode = $serviceCode AND (o.minAgeMonths IS NULL OR o.minAgeMonths <= $ageMonths) AND (o.maxAgeMonths IS NULL OR o.maxAgeMonths >= $ageMonths) AND $language IN o.languages WITH DISTINCT f RETURN count(f) AS n",
  "params": {
    "after": "F-0100",
    "ageMonths": 18,
    "language": "hmn",
    "limit": 11,
    "provinceCode": "22",
    "sector": "HEALTH",
    "serviceCode": "IMMUNISATION",
  },
  "query": "MATCH (f:Facility {provinceCode: $provinceCode})-[:OFFERS]->(o:Offering) WHERE f.sector = $sector AND o.serviceCode = $serviceCode AND (o.minAgeMonths IS NULL OR o.minAgeMonths <= $ageMonths) AND (o.maxAgeMonths IS NULL OR o.maxAgeMonths >= $ageMonths) AND $language IN o.languages AND f.id > $after WITH DISTINCT f ORDER BY f.id LIMIT $limit RETURN f{.*} AS f",
}
`);
  });

  it('builds the communes page with only the filters that are set', () => {
    expect(buildCommunesQuery({ provinceCode: '22', type: 'đặc khu' }, null, 21)).toMatchInlineSnapshot(`
{
  "count": "MATCH (c:Commune {provinceCode: $provinceCode}) WHERE c.type = $type RETURN count(c) AS n",
  "params": {
    "limit": 21,
    "provinceCode": "22",
    "type": "đặc khu",
  },
  "query": "MATCH (c:Commune {provinceCode: $provinceCode}) WHERE c.type = $type RETURN c{.*} AS c ORDER BY c.code LIMIT $limit",
}
`);
  });

  it('renders one unique key per dialect: Grafeo adds the index its constraint lacks', () => {
    const forFacility = (ddl: readonly string[]) => ddl.filter((s) => s.includes('facility_id_'));
    expect({ embedded: forFacility(EMBEDDED_SCHEMA), neo4j: forFacility(NEO4J_SCHEMA) })
      .toMatchInlineSnapshot(`
{
  "embedded": [
    "CREATE CONSTRAINT facility_id_unique IF NOT EXISTS FOR (n:\`Facility\`) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX facility_id_idx IF NOT EXISTS FOR (n:\`Facility\`) ON (n.id)",
  ],
  "neo4j": [
    "CREATE CONSTRAINT facility_id_unique IF NOT EXISTS FOR (n:\`Facility\`) REQUIRE n.id IS UNIQUE",
  ],
}
`);
  });
});
