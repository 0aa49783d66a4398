/**
 * Where the Neo4j conformance run goes, decided synchronously (Jest collects describe blocks
 * synchronously): the server the `neo4j` project's global setup started (a container or the
 * tools/neo4j launcher, in KETNOI_TEST_NEO4J_URI) or the user's NEO4J_URI, or a skip that says why none could be had
 * (test/neo4j/plan.js made that decision when Jest read its configuration).
 */
import { neo4jServer } from '../fixtures/test-store';

export type Neo4jTarget =
  | { kind: 'server'; uri: string; user: string; password: string }
  | { kind: 'skip'; reason: string };

export function resolveNeo4jTarget(env: NodeJS.ProcessEnv = process.env): Neo4jTarget {
  if (env.KETNOI_TEST_NEO4J_URI || env.NEO4J_URI) return { kind: 'server', ...neo4jServer(env) };
  const plan = env.KETNOI_NEO4J_PLAN ? (JSON.parse(env.KETNOI_NEO4J_PLAN) as { reason?: string }) : {};
  return {
    kind: 'skip',
    reason: plan.reason ?? 'NEO4J_URI is not set and Jest was not started with jest.config.js',
  };
}
