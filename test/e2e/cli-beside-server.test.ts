/**
 * Every CLI command of the README, run as written while the server runs on the same store file (as
 * `npm start` does; the server here runs from source, which `npm start` builds). The commands are read
 * from README.md. `npm run cli --` / `npm run token --` become the node command those scripts run, so the
 * commands run in a scratch folder (their `--out directory.ndjson` lands there, not in the checkout).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

jest.setTimeout(240_000);

const ROOT = path.join(__dirname, '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');
const REGISTER = require.resolve('@swc-node/register');
const run = promisify(execFile);

/** The `npm run cli --` and `npm run token --` commands of the README's bash blocks and inline code. */
function readmeCommands(): string[] {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const found = [...readme.matchAll(/npm run(?: -s)? (cli|token)(?: -- ([^`\n#)"]*))?/g)].map((m) =>
    `${m[1]} ${(m[2] ?? '').trim()}`.trim().replace(/^cli /, ''),
  );
  // The architecture tree's `npm run cli -- token | seed | coverage | …` lists commands; it is no command.
  return [...new Set(found)].filter((c) => !c.includes('…'));
}

function split(command: string): string[] {
  return command.split(/\s+/).filter(Boolean);
}

let server: ChildProcess;
let base: string;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketnoi-cli-'));
  fs.symlinkSync(path.join(ROOT, 'seeds'), path.join(dir, 'seeds'));
  env = { ...process.env, PORT: '0', HOST: '127.0.0.1', KETNOI_DATA_FILE: path.join(dir, 'store.grafeo') };
  // The server runs in the checkout (its planner worker loads the TypeScript register from there).
  server = spawn(process.execPath, ['-r', REGISTER, path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stderr!.on('data', (d) => (output += d));
  base = await new Promise<string>((resolve, reject) => {
    server.stdout!.on('data', (d: Buffer) => {
      output += d;
      const m = /serving GraphQL at (http:\/\/[^\s]+)\/graphql/.exec(output);
      if (m) resolve(m[1]!);
    });
    server.on('exit', () => reject(new Error(`server exited early: ${output}`)));
  });
  // The CLI finds the server where the configuration says it listens.
  env = { ...env, KETNOI_SERVER_URL: base };
});

afterAll(() => {
  server?.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[]) =>
  run(process.execPath, ['-r', REGISTER, CLI, ...args], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 });

describe('the README’s CLI commands while the server runs', () => {
  const commands = readmeCommands();

  it('finds the README’s commands', () => {
    expect(commands).toEqual(
      expect.arrayContaining([
        'import seeds/example-import/directory.ndjson --dry-run',
        'import seeds/example-import/directory.ndjson',
        'export --format hsds --out directory.ndjson',
        'coverage --service SCR.ASD --minutes 60 --province 15 --format csv',
      ]),
    );
    expect(commands.some((c) => c.startsWith('token '))).toBe(true);
  });

  it.each(commands.map((c) => [c]))('npm run cli -- %s works', async (command) => {
    const { stdout, stderr } = await cli(split(command));
    const said = `${stdout}\n${stderr}`;
    expect(said).not.toMatch(/locked/);
    if (command.startsWith('token')) expect(stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(split(command)[0]).toMatch(/^(token|import|export|coverage|seed)$/);
    // The CSV opens with a block saying what it holds, then the commune table (Vietnamese headers by default).
    if (command.startsWith('coverage')) expect(stdout).toMatch(/Mã xã\/phường|Commune code/);
    if (command.startsWith('import')) expect(said).toContain('importing through it');
    if (command.startsWith('export')) {
      const rows = fs.readFileSync(path.join(dir, 'directory.ndjson'), 'utf8').trim().split('\n');
      expect(rows.length).toBeGreaterThan(3000);
      expect(said).toContain('through the running server');
    }
  });

  it('the import went into the running server’s directory', async () => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ facility(id: "fac-sapa-therapy") { name } }' }),
    });
    const body = (await res.json()) as { data: { facility: { name: string } | null } };
    expect(body.data.facility?.name).toBeTruthy();
  });

  it('seed stops with a message naming what works', async () => {
    const failed = await cli(['seed']).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/held by a running server \(npm start\).*stop the server/s);
  });
});

describe('--help', () => {
  it.each(['token', 'seed', 'import', 'export', 'coverage'])(
    '%s --help prints its usage and does nothing else',
    async (command) => {
      const { stdout } = await cli([command, '--help']);
      expect(stdout).toMatch(/^usage: npm run/);
      expect(stdout).toContain(command);
    },
  );

  it('npm run generate --help prints the generator’s usage (tools/generate, not the shipped CLI)', async () => {
    const { stdout } = await run(
      process.execPath,
      ['-r', REGISTER, path.join(ROOT, 'tools/generate/main.ts'), '--help'],
      {
        cwd: dir,
        env,
      },
    );
    expect(stdout).toMatch(/^usage: npm run generate -- --scale/);
    const general = await cli(['--help']);
    expect(general.stdout).not.toMatch(/^\s+generate\s/m);
    expect(general.stdout).toContain('npm run generate -- --help');
  });
});
