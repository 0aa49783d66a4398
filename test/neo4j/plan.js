/* eslint-disable @typescript-eslint/no-require-imports -- loaded by jest.config.js, before any transform */
/**
 * Decides, once per Jest run and synchronously (Jest reads its configuration synchronously), where the
 * Neo4j-backed suites get their server:
 *   1. NEO4J_URI, when set;
 *   2. a Neo4j 5 container through testcontainers, when a Docker engine answers;
 *   3. the launcher in tools/neo4j (Neo4j Community in a JVM, built with Maven), when java and mvn exist;
 *   4. none: the Neo4j suites are left out and test/store/neo4j.int.test.ts reports a named skip.
 * The Docker check never hangs: a socket or DOCKER_HOST must exist before anything is asked, and the
 * question runs in a child process with a hard timeout.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const PROBE_TIMEOUT_MS = 5000;

/** Where testcontainers looks for an engine, in its order (DOCKER_HOST, properties file, sockets). */
function dockerCandidates(env) {
  const hosts = [];
  if (env.DOCKER_HOST) hosts.push(env.DOCKER_HOST);
  const props = path.join(os.homedir(), '.testcontainers.properties');
  if (fs.existsSync(props)) {
    const line = fs.readFileSync(props, 'utf8').match(/^docker\.host\s*=\s*(.+)$/m);
    if (line && line[1]) hosts.push(line[1].trim());
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
function probeDocker() {
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
  if (child.status !== 0) {
    return { ok: false, why: `testcontainers found no engine: ${child.stderr.trim().split('\n')[0]}` };
  }
  return { ok: true };
}

/** An executable named `name` on PATH (looked up, not run: this is on every Jest start). */
function onPath(name, env) {
  return (env.PATH || '')
    .split(path.delimiter)
    .filter((dir) => dir !== '')
    .some((dir) => {
      try {
        fs.accessSync(path.join(dir, name), fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ kind: 'uri' | 'docker' | 'launcher' | 'none', reason: string }}
 */
function planNeo4j(env = process.env) {
  if (env.NEO4J_URI) return { kind: 'uri', reason: `NEO4J_URI=${env.NEO4J_URI}` };
  const { hosts, sockets } = dockerCandidates(env);
  const present = sockets.filter((s) => fs.existsSync(s));
  let docker;
  if (hosts.length === 0 && present.length === 0) {
    docker = `no Docker engine (DOCKER_HOST unset, no ~/.testcontainers.properties, no socket at ${sockets.join(', ')})`;
  } else {
    const probe = probeDocker();
    if (probe.ok) return { kind: 'docker', reason: `Docker at ${[...hosts, ...present].join(', ')}` };
    docker = `Docker at ${[...hosts, ...present].join(', ')} did not answer (${probe.why})`;
  }
  const missing = ['java', 'mvn'].filter((c) => !onPath(c, env));
  if (missing.length === 0) return { kind: 'launcher', reason: `${docker}; java and mvn found: tools/neo4j` };
  return {
    kind: 'none',
    reason: `NEO4J_URI is not set, ${docker}, and ${missing.join(' and ')} not on PATH for tools/neo4j`,
  };
}

module.exports = { planNeo4j };
