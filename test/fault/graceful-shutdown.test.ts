/**
 * SIGTERM while a request is in flight: the server stops taking new connections, answers the request
 * it has, closes the store and exits 0.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

jest.setTimeout(90_000);

describe('graceful shutdown', () => {
  it('finishes an in-flight request after SIGTERM, then exits 0', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketnoi-stop-'));
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: path.join(__dirname, '../..'),
      // Not Jest's NODE_ENV=test, under which Apollo would leave the signals alone anyway.
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: '0',
        KETNOI_DATA_FILE: path.join(dir, 'store.grafeo'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (d) => (output += d));
    try {
      const base = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          output += d;
          const m = /serving GraphQL at (http:\/\/[^\s]+)\/graphql/.exec(output);
          if (m) resolve(m[1]!);
        });
        child.on('exit', () => reject(new Error(`server exited early: ${output}`)));
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // A search over the whole directory is in flight when the signal arrives.
      const inFlight = fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            '{ a: search(text: "tram y te", first: 200) { id } b: facilities(first: 200) { totalCount } }',
        }),
      });
      await new Promise((r) => setTimeout(r, 5));
      child.kill('SIGTERM');
      const res = await inFlight;
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: { b: { totalCount: number } } };
      expect(body.data.b.totalCount).toBeGreaterThan(900);
      expect(await exited).toBe(0);
      expect(output).toContain('SIGTERM: draining requests and closing the store');
      // The read model is saved beside the store before it closes (Apollo's own signal handler is off).
      expect(output).toContain('read model saved');
      expect(fs.existsSync(path.join(dir, 'store.grafeo.read-model'))).toBe(true);
      await expect(fetch(`${base}/health`)).rejects.toThrow();
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
