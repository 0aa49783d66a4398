/**
 * `npm run neo4j`: builds tools/neo4j if needed and runs Neo4j 5 Community on 127.0.0.1 with its data
 * in ./data/neo4j (or --data DIR), on port 7687 (or --port N, 0 for a free one), until Ctrl-C.
 * Prints the NEO4J_URI line to start Kết Nối against it. `--build-only` builds the jar and exits.
 */
import path from 'node:path';
import { buildLauncher, startNeo4jProcess } from './launcher';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main(): Promise<void> {
  const dataDir = path.resolve(option('data', './data/neo4j'));
  const port = Number(option('port', '7687'));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  buildLauncher({ log });
  if (process.argv.includes('--build-only')) return;
  log(`neo4j: starting Neo4j 5 Community, data in ${dataDir}`);
  const server = await startNeo4jProcess({
    dataDir,
    port,
    heap: option('heap', '1g'),
    pagecache: option('pagecache', '512m'),
    jvmArgs: [],
    log,
  });
  process.stdout.write(`NEO4J_URI=${server.uri}\n`);
  log(`neo4j: ready (pid ${server.pid}). In another shell:`);
  log(`  NEO4J_URI=${server.uri} npm start`);
  log('neo4j: Ctrl-C stops it (the data stays).');
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  server.child.once('exit', (code) => process.exit(code ?? 1));
}

main().catch((err: unknown) => {
  process.stderr.write(`neo4j: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
