/**
 * Read-your-writes across servers: a read run in a session that starts from a caller's bookmarks
 * answers only once this server's Neo4j member holds those writes (src/store/causal-scope.ts). The
 * statement itself reads nothing; on the embedded store, which one process owns, it answers at once.
 */
export const AWAIT_BOOKMARKS = `RETURN 1 AS reached`;
