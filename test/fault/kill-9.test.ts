/**
 * The embedded store survives `kill -9` in the middle of a stream of writes: every referral whose
 * transaction returned before the kill is there after reopening, each with its event and audit record
 * (no partial writes), and at most one more (committed but not yet reported) exists.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedRunner } from '../../src/store/embedded/embedded-runner';
import { CypherGraphStore } from '../../src/store/graph-store';

jest.setTimeout(60_000);

function runUntilKilled(file: string, commits: number): Promise<{ caseId: string; committed: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join(__dirname, 'referral-writer.ts'), file],
      {
        cwd: path.join(__dirname, '../..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let caseId = '';
    const committed: string[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('READY ')) caseId = line.slice(6);
        if (line.startsWith('COMMITTED ')) committed.push(line.slice(10));
      }
      if (committed.length >= commits && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve({ caseId, committed });
      else reject(new Error(`writer exited without being killed: ${stderr}`));
    });
  });
}

describe('kill -9 during writes', () => {
  it('keeps every committed referral whole and no partial one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketnoi-kill-'));
    const file = path.join(dir, 'store.grafeo');
    try {
      const { caseId, committed } = await runUntilKilled(file, 40);
      expect(committed.length).toBeGreaterThanOrEqual(40);
      const store = new CypherGraphStore(openEmbeddedRunner({ path: file }));
      try {
        const [referrals = []] = await store.referralsByCase([caseId]);
        const ids = new Set(referrals.map((r) => r.id));
        for (const id of committed) expect(ids.has(id)).toBe(true);
        expect(referrals.length - committed.length).toBeLessThanOrEqual(1);
        const events = await store.eventsByReferral(referrals.map((r) => r.id));
        expect(events.every((list) => list.length === 1)).toBe(true);
        const audit = await store.auditEvents(caseId, 10_000);
        const audited = new Set(audit.filter((a) => a.entity === 'Referral').map((a) => a.entityId));
        for (const r of referrals) expect(audited.has(r.id)).toBe(true);
        expect(await store.countNodes('Referral')).toBe(referrals.length);
      } finally {
        await store.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
