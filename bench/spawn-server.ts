/**
 * Starts the real server (src/main.ts) as a child process on a store file and a free loopback port, and
 * measures the time from spawning the process to the first 200 from /ready.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { waitForReady } from './http-client';

export interface RunningServer {
  port: number;
  readyMs: number;
  pid: number;
  /** SIGTERM, then SIGKILL if the process has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Stops a child: SIGTERM, and SIGKILL after `graceMs`; resolves once it has exited. */
async function stopChild(child: ChildProcess, exited: Promise<void>, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function spawnServer(
  dataFile: string,
  log: (line: string) => void,
  nodeFlags: readonly string[] = [],
  /** `ts`: src/main.ts through @swc-node/register (npm run dev); `dist`: the build (npm start, after npm run build). */
  entry: 'ts' | 'dist' = 'ts',
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const port = await freePort();
  const root = path.resolve(__dirname, '..');
  const started = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    entry === 'dist'
      ? [...nodeFlags, path.join(root, 'dist/src/main.js')]
      : [...nodeFlags, '-r', '@swc-node/register', path.join(root, 'src/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        KETNOI_DATA_FILE: dataFile,
        KETNOI_SEED: 'false',
        // The bench measures the service, not the anonymous limiter (120 a minute would refuse its page calls).
        KETNOI_ANON_RATE_LIMIT: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (b: Buffer) => log(`server: ${b.toString().trim()}`));
  child.stderr?.on('data', (b: Buffer) => log(`server (stderr): ${b.toString().trim()}`));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const readyMs = await Promise.race([
      waitForReady(port, started, 120_000),
      exited.then(() => Promise.reject(new Error('the server exited before it was ready'))),
    ]);
    return {
      port,
      readyMs,
      pid: child.pid!,
      stop: (graceMs = 15_000) => stopChild(child, exited, graceMs),
    };
  } catch (err) {
    await stopChild(child, exited, 5_000);
    throw err;
  }
}
