/**
 * A throw-away PostgreSQL cluster for the bench's pgRouting peer: found among the Debian packages
 * (/usr/lib/postgresql/<version>/bin, or KETNOI_PG_BIN), created with initdb in a temporary directory,
 * started with pg_ctl on a free 127.0.0.1 port, then stopped and removed. PostgreSQL refuses to run as
 * root, so as root the cluster belongs to `nobody` and every server command runs through runuser.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const INSTALL_HINT = 'apt-get update && apt-get install -y postgresql postgresql-15-pgrouting';

export interface PostgresInstall {
  binDir: string;
  /** Major version, e.g. 15. */
  version: number;
}

export interface PostgresCluster {
  port: number;
  user: string;
  database: string;
  /** `postgres --version` of the server binary. */
  serverVersion: string;
  stop(): void;
}

const SERVER_BINARIES = ['initdb', 'pg_ctl', 'postgres', 'pg_config'];

/** The newest PostgreSQL whose server binaries and pgRouting extension are installed, or why there is none. */
export function findPostgres(env: NodeJS.ProcessEnv = process.env): PostgresInstall | { missing: string } {
  const candidates = env.KETNOI_PG_BIN
    ? [env.KETNOI_PG_BIN]
    : (fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql') : [])
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`);
  const withServer = candidates.filter((dir) =>
    SERVER_BINARIES.every((b) => fs.existsSync(path.join(dir, b))),
  );
  if (withServer.length === 0)
    return {
      missing: `no PostgreSQL server binaries (${SERVER_BINARIES.join(', ')}) in ${candidates.join(', ') || '/usr/lib/postgresql/*/bin'}; install them with: ${INSTALL_HINT}`,
    };
  const versions: number[] = [];
  for (const binDir of withServer) {
    const config = (flag: string) =>
      execFileSync(path.join(binDir, 'pg_config'), [flag], { encoding: 'utf8' }).trim();
    const version = Number(/(\d+)/.exec(config('--version'))?.[1]);
    if (fs.existsSync(path.join(config('--sharedir'), 'extension', 'pgrouting.control')))
      return { binDir, version };
    versions.push(version);
  }
  return {
    missing: `PostgreSQL ${versions.join(', ')} is installed (${withServer.join(', ')}) but not the pgRouting extension (no extension/pgrouting.control); install it with: apt-get update && apt-get install -y ${versions.map((v) => `postgresql-${v}-pgrouting`).join(' ')}`,
  };
}

/** A port nothing listens on at the moment of asking (the cluster binds it a moment later). */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server binary, as `nobody` when this process is root; throws with its output on failure. */
function runAs(owner: string | null, cwd: string, bin: string, args: string[]): void {
  const [cmd, argv] = owner ? ['runuser', ['-u', owner, '--', bin, ...args]] : [bin, args];
  const result = spawnSync(cmd, argv, { cwd, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0)
    throw new Error(
      `${path.basename(bin)} failed (exit ${result.status ?? result.signal}): ${(result.stderr || result.stdout || String(result.error)).trim().slice(-800)}`,
    );
}

/** initdb + pg_ctl start in a fresh temporary directory; `stop()` stops the server and removes the directory. */
export async function startPostgresCluster(install: PostgresInstall): Promise<PostgresCluster> {
  const isRoot = process.getuid?.() === 0;
  const owner = isRoot ? 'nobody' : null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketnoi-pgrouting-'));
  const dataDir = path.join(dir, 'data');
  const bin = (name: string) => path.join(install.binDir, name);
  let started = false;
  const stop = () => {
    try {
      if (started) runAs(owner, dir, bin('pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    } finally {
      started = false;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    if (owner) {
      const uid = Number(execFileSync('id', ['-u', owner], { encoding: 'utf8' }));
      const gid = Number(execFileSync('id', ['-g', owner], { encoding: 'utf8' }));
      fs.chownSync(dir, uid, gid);
    }
    const user = 'ketnoi';
    runAs(owner, dir, bin('initdb'), [
      '-D',
      dataDir,
      '-U',
      user,
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    // The port is free when asked; another process may take it before the server binds, so try a few.
    for (let attempt = 1; ; attempt += 1) {
      const port = await findFreePort();
      // fsync off only speeds up the load; the timed queries write nothing.
      const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off`;
      try {
        runAs(owner, dir, bin('pg_ctl'), [
          '-D',
          dataDir,
          '-l',
          path.join(dir, 'server.log'),
          '-o',
          options,
          '-w',
          '-t',
          '60',
          'start',
        ]);
        started = true;
        const serverVersion = execFileSync(bin('postgres'), ['--version'], { encoding: 'utf8' }).trim();
        return { port, user, database: 'postgres', serverVersion, stop };
      } catch (err) {
        if (attempt >= 3) {
          const logFile = path.join(dir, 'server.log');
          const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-800) : '';
          throw new Error(`${String(err)}\n${tail}`);
        }
      }
    }
  } catch (err) {
    stop();
    throw err;
  }
}
