/** Jest `neo4j` project: test apps open the Neo4j server instead of the embedded store (test-store.ts). */
process.env.KETNOI_TEST_STORE = 'neo4j';
