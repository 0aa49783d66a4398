/**
 * Builds and starts the Neo4j 5 Community launcher in tools/neo4j (a JVM running Neo4j with Bolt on
 * 127.0.0.1), without Docker. The jar is built once with Maven and reused until its sources change;
 * the first build downloads Neo4j (about 130 MB) from Maven Central into ~/.m2.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const LAUNCHER_DIR = path.resolve(__dirname, '../../tools/neo4j');
export const LAUNCHER_JAR = path.join(LAUNCHER_DIR, 'target', 'ketnoi-neo4j.jar');
const SOURCES = [path.join(LAUNCHER_DIR, 'pom.xml'), path.join(LAUNCHER_DIR, 'src')];

/** The line the launcher prints once Bolt accepts connections. */
export const URI_LINE = /^NEO4J_URI=(bolt:\/\/\S+)$/m;

function newestMtime(p: string): number {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** True when `command` runs (`java -version`, `mvn -v`) within a few seconds. */
export function hasCommand(command: string, versionFlag: string): boolean {
  const r = spawnSync(command, [versionFlag], { stdio: 'ignore', timeout: 20_000 });
  return !r.error && r.status === 0;
}

/** Whether the jar exists and is newer than the pom and the Java sources. */
export function launcherIsBuilt(): boolean {
  if (!fs.existsSync(LAUNCHER_JAR) || !fs.existsSync(path.join(LAUNCHER_DIR, 'target', 'lib'))) return false;
  const built = fs.statSync(LAUNCHER_JAR).mtimeMs;
  return SOURCES.every((s) => newestMtime(s) <= built);
}

/**
 * Builds the jar unless it is up to date: offline first (quick when ~/.m2 already holds Neo4j), then
 * online. The first online build on a new machine downloads Neo4j, hence the long default timeout.
 */
export function buildLauncher(options: { timeoutMs?: number; log?: (line: string) => void } = {}): void {
  if (launcherIsBuilt()) return;
  const log = options.log ?? (() => undefined);
  const timeout = options.timeoutMs ?? 20 * 60_000;
  const mvn = (extra: string[]) =>
    spawnSync('mvn', ['-B', '-q', ...extra, '-f', path.join(LAUNCHER_DIR, 'pom.xml'), 'package'], {
      encoding: 'utf8',
      timeout,
      maxBuffer: 64 * 1024 * 1024,
    });
  log('neo4j: building tools/neo4j (offline)');
  let r = mvn(['-o']);
  if (r.status !== 0) {
    log('neo4j: offline build failed; building online (the first build downloads Neo4j from Maven Central)');
    r = mvn([]);
  }
  if (r.error || r.status !== 0) {
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`mvn package in tools/neo4j failed (${r.error?.message ?? `exit ${r.status}`}):\n${out}`);
  }
}

export interface Neo4jProcessOptions {
  /** Data directory; created if missing and kept after the server stops. */
  dataDir: string;
  /** 0 (default) lets Neo4j pick a free port. */
  port?: number;
  heap?: string;
  pagecache?: string;
  /** Extra JVM flags; the default, the serial collector, keeps a test server small on 2 cores. */
  jvmArgs?: string[];
  /** How long to wait for the URI line (ms). */
  startTimeoutMs?: number;
  /** Where the server's own log lines go (its stderr). */
  log?: (line: string) => void;
}

export interface Neo4jProcess {
  uri: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** SIGTERM, then wait for the clean shutdown (SIGKILL after `graceMs`). */
  stop: (graceMs?: number) => Promise<void>;
  /** SIGKILL, as a crash would; resolves when the process is gone. */
  kill: () => Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts Neo4j and resolves once it accepts Bolt connections. Standard input is a pipe the server
 * watches: if this Node process dies, the pipe closes and the server stops too.
 */
export function startNeo4jProcess(options: Neo4jProcessOptions): Promise<Neo4jProcess> {
  if (!fs.existsSync(LAUNCHER_JAR)) throw new Error(`${LAUNCHER_JAR} is missing: run buildLauncher() first`);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const args = [
    `-Xmx${options.heap ?? '768m'}`,
    ...(options.jvmArgs ?? ['-XX:+UseSerialGC']),
    '-jar',
    LAUNCHER_JAR,
    '--data',
    options.dataDir,
    '--port',
    String(options.port ?? 0),
    '--pagecache',
    options.pagecache ?? '256m',
    '--stop-on-stdin-close',
  ];
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const log = options.log ?? (() => undefined);
  const timeoutMs = options.startTimeoutMs ?? 180_000;
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Neo4j did not start within ${timeoutMs / 1000} s:\n${err.slice(-2000)}`));
    }, timeoutMs);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      for (const line of d.toString().split('\n')) if (line.trim()) log(line);
    });
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(URI_LINE);
      if (!m) return;
      clearTimeout(timer);
      const uri = m[1]!;
      const handle: Neo4jProcess = {
        uri,
        port: Number(new URL(uri.replace(/^bolt:/, 'http:')).port),
        pid: child.pid!,
        child,
        stop: async (graceMs = 30_000) => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const gone = exited(child);
          child.kill('SIGTERM');
          const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
          await gone;
          clearTimeout(force);
        },
        kill: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const gone = exited(child);
          child.kill('SIGKILL');
          await gone;
        },
      };
      resolve(handle);
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!URI_LINE.test(out)) reject(new Error(`Neo4j exited (${signal ?? code}) before starting:\n${err}`));
    });
  });
}
