/** What the bench ran on: cores, memory, CPU model, Node and OS versions (recorded with every result). */
import { execSync } from 'node:child_process';
import os from 'node:os';

export interface MachineInfo {
  nproc: number;
  cpuModel: string;
  totalMemGiB: number;
  freeG: string;
  node: string;
  os: string;
}

function run(command: string): string {
  try {
    return execSync(command, { encoding: 'utf8' }).trim();
  } catch {
    return 'unavailable';
  }
}

export function describeMachine(): MachineInfo {
  return {
    nproc: Number(run('nproc')) || os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    freeG: run('free -g'),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}
