/**
 * Runs the statements behind the dialect table of docs/store.md ("What a live Neo4j showed") against a
 * Neo4j server and prints what it answers: `node -r @swc-node/register scripts/neo4j/probe-dialect.ts
 * bolt://127.0.0.1:7687`. It writes only ProbeX/ProbeY nodes and a probe constraint, and removes them.
 */
import neo4j from 'neo4j-driver';
(async () => {
  const d = neo4j.driver(process.argv[2] ?? 'bolt://127.0.0.1:7687', neo4j.auth.basic('neo4j', ''));
  const q = async (label: string, cypher: string, params: Record<string, unknown> = {}) => {
    try {
      const r = await d.executeQuery(cypher, params);
      const notes = (r.summary.gqlStatusObjects ?? [])
        .filter((n: any) => !/^0[02]/.test(n.gqlStatus))
        .map((n: any) => `${n.gqlStatus} ${n.statusDescription}`);
      console.log(
        label,
        '=>',
        JSON.stringify(
          r.records.map((x) => x.toObject()),
          (_k, v) => (neo4j.isInt(v) ? `int:${v}` : v),
        ),
        notes.length ? 'NOTES ' + notes.join(' | ') : '',
      );
    } catch (e: any) {
      console.log(
        label,
        '=> ERROR code=',
        e.code,
        'gqlStatus=',
        e.gqlStatus,
        'msg=',
        (String(e.message).split('\n')[0] ?? '').slice(0, 200),
      );
    }
  };
  await q('version', 'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition');
  await q('constraint', 'CREATE CONSTRAINT probe_unique IF NOT EXISTS FOR (n:ProbeX) REQUIRE n.id IS UNIQUE');
  await q('dup1', 'CREATE (:ProbeX {id: "a"})');
  await q('dup2', 'CREATE (:ProbeX {id: "a"})');
  await q('emptylist', 'CREATE (n:ProbeY {xs: $xs}) RETURN n.xs AS xs', { xs: [] });
  await q('nestedmap', 'CREATE (n:ProbeY) SET n.m = $m RETURN n', { m: { a: 1 } });
  await q('float div', 'RETURN $n / 2 AS half', { n: 5 });
  await q('int div', 'RETURN $n / 2 AS half', { n: neo4j.int(5) });
  await q('unscoped call', 'CALL { RETURN 1 AS one } RETURN one');
  await q('bad date', "RETURN date('2025-02-30') AS d");
  await q('sum empty', 'MATCH (n:Nope) RETURN sum(n.x) AS s');
  await q('size pattern', 'MATCH (n:ProbeX) RETURN size((n)--()) AS s');
  await q('await', 'CALL db.awaitIndexes(300)');
  await q('lock', 'MATCH (n:ProbeX) SET n._lock = true REMOVE n._lock RETURN n{.*} AS n');
  await q('string concat', "RETURN 1 + '2' AS x");
  await q('duration', 'RETURN toString(duration({seconds: 1.5})) AS d');
  await q('cleanup', 'MATCH (n) WHERE n:ProbeX OR n:ProbeY DETACH DELETE n');
  await q('drop', 'DROP CONSTRAINT probe_unique IF EXISTS');
  await d.close();
})();
