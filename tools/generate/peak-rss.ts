/** Peak resident set size of this process in MiB (VmHWM on Linux, else the current RSS). */
import fs from 'node:fs';

export function peakRssMb(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (match) return Math.round(Number(match[1]) / 1024);
  } catch {
    // Not Linux: fall through to the current RSS.
  }
  return Math.round(process.memoryUsage().rss / 1048576);
}
