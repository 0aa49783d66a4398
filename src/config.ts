/** Environment → typed, validated configuration. Every setting has a default that works locally. */
export interface StoreConfig {
  dataFile: string | null;
  neo4jUri: string | null;
  neo4jUser: string;
  neo4jPassword: string;
  /** How long the Neo4j driver retries a transient failure or a lost server before STORE_UNAVAILABLE (ms). */
  neo4jMaxRetryMs: number;
}

export interface Config {
  port: number;
  host: string;
  production: boolean;
  store: StoreConfig;
  seedOnStart: boolean;
  jwtSecret: string;
  jwksUrl: string | null;
  maxDepth: number;
  maxComplexity: number;
  maxPageSize: number;
  requestTimeoutMs: number;
  /** A request body must arrive within this time, however slowly it trickles. */
  bodyTimeoutMs: number;
  /** Request headers must arrive within this time (slow-header attacks). */
  headersTimeoutMs: number;
  /** Requests per minute per address for callers without a token; 0 turns the limit off. */
  anonymousRequestsPerMinute: number;
  /** Worker threads for coverage, scenarios, suggested sites and exports; 0 runs them on the request thread. */
  plannerWorkers: number;
  /** Largest body POST /import/directory reads (bytes). */
  maxImportBytes: number;
  /**
   * How often the read model polls the store's change feed for other servers' writes (ms; 0 = never).
   * Default 200 on Neo4j, where several servers may share the store; 0 on the embedded file, which one
   * process owns.
   */
  followMs: number;
}

/** Local-only HS256 secret; production must set KETNOI_JWT_SECRET or KETNOI_JWKS_URL. */
export const DEV_JWT_SECRET = 'ket-noi-local-development-secret-change-me';

/** HS256 keys shorter than the hash output (32 bytes, RFC 7518 §3.2) are refused in production. */
export const MIN_SECRET_BYTES = 32;

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const jwtSecret = env.KETNOI_JWT_SECRET ?? (production ? '' : DEV_JWT_SECRET);
  const jwksUrl = env.KETNOI_JWKS_URL || null;
  if (production && !jwtSecret && !jwksUrl) {
    throw new Error('In production set KETNOI_JWT_SECRET or KETNOI_JWKS_URL');
  }
  // The development secret is published in this repository; a short HS256 secret can be brute-forced.
  if (production && !jwksUrl && jwtSecret === DEV_JWT_SECRET)
    throw new Error('KETNOI_JWT_SECRET is the published development secret; set a secret of your own');
  if (production && !jwksUrl && Buffer.byteLength(jwtSecret, 'utf8') < MIN_SECRET_BYTES)
    throw new Error(`KETNOI_JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes for HS256`);
  return {
    port: int(env, 'PORT', 4000),
    host: env.HOST ?? '127.0.0.1',
    production,
    store: {
      dataFile: env.KETNOI_DATA_FILE === ':memory:' ? null : (env.KETNOI_DATA_FILE ?? './data/ketnoi.grafeo'),
      neo4jUri: env.NEO4J_URI || null,
      neo4jUser: env.NEO4J_USER ?? 'neo4j',
      neo4jPassword: env.NEO4J_PASSWORD ?? '',
      neo4jMaxRetryMs: int(env, 'NEO4J_MAX_RETRY_MS', 15000),
    },
    seedOnStart: env.KETNOI_SEED !== 'false',
    jwtSecret,
    jwksUrl,
    maxDepth: int(env, 'KETNOI_MAX_DEPTH', 10),
    maxComplexity: int(env, 'KETNOI_MAX_COMPLEXITY', 20000),
    maxPageSize: int(env, 'KETNOI_MAX_PAGE_SIZE', 200),
    requestTimeoutMs: int(env, 'KETNOI_REQUEST_TIMEOUT_MS', 15000),
    bodyTimeoutMs: int(env, 'KETNOI_BODY_TIMEOUT_MS', 10000),
    headersTimeoutMs: int(env, 'KETNOI_HEADERS_TIMEOUT_MS', 10000),
    anonymousRequestsPerMinute: int(env, 'KETNOI_ANON_RATE_LIMIT', 120),
    plannerWorkers: int(env, 'KETNOI_PLANNER_WORKERS', 1),
    maxImportBytes: int(env, 'KETNOI_MAX_IMPORT_BYTES', 512 * 1024 * 1024),
    followMs: int(env, 'KETNOI_FOLLOW_MS', env.NEO4J_URI ? 200 : 0),
  };
}
