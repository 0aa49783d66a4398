/**
 * NDJSON in and out. The writer buffers lines, writes them synchronously (the generator is CPU-bound and a
 * sync write keeps the order fixed) and hashes what it writes; the reader streams a file in batches of rows.
 */
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';

const FLUSH_BYTES = 1 << 20;

export class NdjsonWriter {
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private buffer: string[] = [];
  private size = 0;
  lines = 0;

  constructor(readonly path: string) {
    this.fd = fs.openSync(path, 'w');
  }

  write(row: unknown): void {
    const line = `${JSON.stringify(row)}\n`;
    this.buffer.push(line);
    this.size += line.length;
    this.lines += 1;
    if (this.size >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.hash.update(chunk);
    fs.writeSync(this.fd, chunk);
    this.buffer = [];
    this.size = 0;
  }

  /** Closes the file; returns its line count and SHA-256. */
  close(): { lines: number; sha256: string } {
    this.flush();
    fs.closeSync(this.fd);
    return { lines: this.lines, sha256: this.hash.digest('hex') };
  }
}

/** Streams an NDJSON file as arrays of at most `size` parsed rows. */
export async function* readNdjsonBatches<T>(path: string, size: number): AsyncGenerator<T[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(path), crlfDelay: Infinity });
  let batch: T[] = [];
  for await (const line of lines) {
    if (line === '') continue;
    batch.push(JSON.parse(line) as T);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Counts the lines of a file without parsing them. */
export async function countLines(path: string): Promise<number> {
  let n = 0;
  for await (const chunk of fs.createReadStream(path)) {
    const buf = chunk as Buffer;
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n += 1;
  }
  return n;
}
