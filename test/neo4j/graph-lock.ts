/**
 * One Neo4j server serves every Neo4j-backed test file, and Community has one user database, so a file
 * that seeds fixed ids must have the graph to itself. A file takes this cross-process lock (a directory
 * created atomically, holding the owner's pid) before it clears and seeds the graph, and gives it back
 * when its last app closes or the file ends. Jest runs one file at a time per worker process, so a lock
 * still held by this pid is a leftover of an earlier file in the same worker and is taken over, as is
 * one whose owner has died.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const WAIT_MS = 100;
const GIVE_UP_MS = 20 * 60_000;

function lockDir(uri: string): string {
  const h = createHash('sha256').update(uri).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `ketnoi-neo4j-graph-${h}.lock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function owner(dir: string): number | null {
  try {
    return Number(fs.readFileSync(path.join(dir, 'pid'), 'utf8'));
  } catch {
    return null;
  }
}

let held: string | null = null;

export async function acquireGraphLock(uri: string): Promise<void> {
  const dir = lockDir(uri);
  if (held === dir) return;
  const deadline = Date.now() + GIVE_UP_MS;
  for (;;) {
    try {
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'pid'), String(process.pid));
      held = dir;
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const pid = owner(dir);
    // A lock without a pid file is being created right now; give its owner a moment.
    if (pid !== null && (pid === process.pid || !alive(pid)))
      fs.rmSync(dir, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`the Neo4j test graph stayed locked by pid ${pid} (${dir})`);
    await new Promise((r) => setTimeout(r, WAIT_MS));
  }
}

export function releaseGraphLock(): void {
  if (!held) return;
  if (owner(held) === process.pid) fs.rmSync(held, { recursive: true, force: true });
  held = null;
}
