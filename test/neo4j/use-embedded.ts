/**
 * Jest `embedded` project: a user's NEO4J_URI must not turn a server these tests spawn (or load a
 * config for) into a Neo4j one; the `neo4j` project is where Neo4j runs.
 */
delete process.env.NEO4J_URI;
