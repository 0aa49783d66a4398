/**
 * Decides, synchronously (Jest collects describe blocks synchronously), where the Neo4j conformance
 * run goes: the server in NEO4J_URI, a Neo4j 5 container when a Docker engine answers, or a skip
 * with the reason. The Docker check never hangs: a socket file must exist before anything is asked of
 * it, and the question runs in a child process with a hard timeout.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Neo4jTarget =
  | { kind: 'server'; uri: string; user: string; password: string }
  | { kind: 'container' }
  | { kind: 'skip'; reason: string };

const PROBE_TIMEOUT_MS = 5_000;

/** Where testcontainers looks for an engine, in its order (DOCKER_HOST, properties file, sockets). */
function dockerCandidates(env: NodeJS.ProcessEnv): { hosts: string[]; sockets: string[] } {
  const hosts: string[] = [];
  if (env.DOCKER_HOST) hosts.push(env.DOCKER_HOST);
  const props = path.join(os.homedir(), '.testcontainers.properties');
  if (fs.existsSync(props)) {
    const line = fs.readFileSync(props, 'utf8').match(/^docker\.host\s*=\s*(.+)$/m);
    if (line?.[1]) hosts.push(line[1].trim());
  }
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const sockets = [
    '/var/run/docker.sock',
    env.XDG_RUNTIME_DIR ? path.join(env.XDG_RUNTIME_DIR, 'docker.sock') : '',
    path.join(os.homedir(), '.docker', 'run', 'docker.sock'),
    path.join(os.homedir(), '.docker', 'desktop', 'docker.sock'),
    uid === undefined ? '' : `/run/user/${uid}/docker.sock`,
  ].filter((s) => s !== '');
  return { hosts, sockets };
}

/** Asks testcontainers, in a child process, whether it can reach an engine. */
function probeDocker(): { ok: true } | { ok: false; why: string } {
  const script = `require('testcontainers').getContainerRuntimeClient()
    .then((c) => { console.log('engine ' + (c.info.engine.serverVersion || '?')); process.exit(0); },
          (e) => { console.error(e.message); process.exit(1); })`;
  const child = spawnSync(process.execPath, ['-e', script], {
    cwd: path.resolve(__dirname, '../..'),
    timeout: PROBE_TIMEOUT_MS,
    encoding: 'utf8',
  });
  if (child.error)
    return { ok: false, why: `the Docker check did not finish in ${PROBE_TIMEOUT_MS / 1000} s` };
  if (child.status !== 0)
    return { ok: false, why: `testcontainers found no engine: ${child.stderr.trim().split('\n')[0]}` };
  return { ok: true };
}

export function resolveNeo4jTarget(env: NodeJS.ProcessEnv = process.env): Neo4jTarget {
  if (env.NEO4J_URI) {
    return {
      kind: 'server',
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
    };
  }
  const { hosts, sockets } = dockerCandidates(env);
  const present = sockets.filter((s) => fs.existsSync(s));
  if (hosts.length === 0 && present.length === 0) {
    return {
      kind: 'skip',
      reason: `NEO4J_URI is not set and no Docker engine was found (DOCKER_HOST unset, no ~/.testcontainers.properties, no socket at ${sockets.join(', ')})`,
    };
  }
  const probe = probeDocker();
  if (!probe.ok) {
    return {
      kind: 'skip',
      reason: `NEO4J_URI is not set and Docker at ${[...hosts, ...present].join(', ')} did not answer: ${probe.why}`,
    };
  }
  return { kind: 'container' };
}
