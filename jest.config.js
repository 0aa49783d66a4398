/* eslint-disable @typescript-eslint/no-require-imports -- Jest reads this file as plain CommonJS */
/**
 * Two projects run the same suites on each store:
 * - `embedded`: every test, on the embedded store (in memory).
 * - `neo4j`: the store conformance suite and every suite that builds an app through
 *   test/fixtures/test-app.ts, on a Neo4j 5 server (test/neo4j/plan.js says which one; the global
 *   setup starts it). Where no Neo4j can be had, only test/store/neo4j.int.test.ts runs here, as a
 *   skip whose name gives the reason.
 * Jest runs TypeScript through SWC (type checking is `npm run typecheck`).
 */
const { planNeo4j } = require('./test/neo4j/plan');

const plan = planNeo4j(process.env);
// Read by the global setup and by test/store/neo4j-target.ts in the workers, which inherit it.
process.env.KETNOI_NEO4J_PLAN = JSON.stringify(plan);

const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

/** Tests that only make sense on Neo4j. */
const NEO4J_ONLY = [
  '<rootDir>/test/store/neo4j.int.test.ts',
  '<rootDir>/test/fault/neo4j-*.test.ts',
  // Several server processes over one store: only a server store can be shared between processes.
  '<rootDir>/test/multi-server/**/*.test.ts',
];

/** Suites that run on both stores: they reach the store through test/fixtures/test-app.ts. */
const ON_BOTH = [
  '<rootDir>/test/graphql/**/*.test.ts',
  '<rootDir>/test/e2e/**/*.test.ts',
  '<rootDir>/test/sync/**/*.test.ts',
  '<rootDir>/test/export/**/*.test.ts',
  '<rootDir>/test/read-model/**/*.test.ts',
  '<rootDir>/test/services/**/*.test.ts',
  '<rootDir>/test/import/import-directory.test.ts',
  '<rootDir>/test/import/atomic-write.test.ts',
  '<rootDir>/test/import/old-communes.test.ts',
  '<rootDir>/test/import/validation.test.ts',
];

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: 'embedded',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: [
        '/node_modules/',
        '/test/store/neo4j\\.int\\.test\\.ts$',
        '/test/fault/neo4j-',
        '/test/multi-server/',
      ],
      setupFiles: ['<rootDir>/test/neo4j/use-embedded.ts'],
    },
    {
      ...common,
      displayName: 'neo4j',
      testMatch: plan.kind === 'none' ? [NEO4J_ONLY[0]] : [...NEO4J_ONLY, ...ON_BOTH],
      globalSetup: '<rootDir>/test/neo4j/global-setup.ts',
      globalTeardown: '<rootDir>/test/neo4j/global-teardown.ts',
      setupFiles: ['<rootDir>/test/neo4j/use-neo4j.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/neo4j/after-each-file.ts'],
    },
  ],
};
