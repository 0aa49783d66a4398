#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a plain Node script, run before any build */
// `npm start` runs this first: it rebuilds (codegen + tsc) only when the build's inputs changed since the
// last successful build. The inputs are hashed by content (sources, schema, seeds, codegen and tsconfig
// files, the lock file), so a checkout, a touch or a clock skew cannot fool it the way mtimes can; hashing
// the ~2.5 MB of inputs takes a few tens of milliseconds. The hash is written beside the build only after
// the build succeeded, so a failed build is retried on the next start.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const INPUT_DIRS = ['src', 'schema', 'seeds'];
const INPUT_FILES = ['codegen.yml', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
// Written by codegen from schema/, so it is an output, not an input.
const GENERATED = path.join('src', 'graphql', 'generated');
const STAMP = path.join('dist', '.build-inputs.sha256');
const ENTRY = path.join('dist', 'src', 'main.js');

function listFiles(root, rel, out) {
  const abs = path.join(root, rel);
  if (!fs.existsSync(abs)) return;
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    const child = path.join(rel, entry.name);
    if (child === GENERATED) continue;
    if (entry.isDirectory()) listFiles(root, child, out);
    else if (entry.isFile()) out.push(child);
  }
}

/** SHA-256 over every input's path and content, in a fixed order. */
function inputsHash(root) {
  const files = [];
  for (const dir of INPUT_DIRS) listFiles(root, dir, files);
  for (const file of INPUT_FILES) if (fs.existsSync(path.join(root, file))) files.push(file);
  files.sort();
  const hash = crypto.createHash('sha256');
  for (const file of files) {
    // Paths with forward slashes, so the hash does not depend on the platform's separator.
    hash.update(`${file.split(path.sep).join('/')}\0`);
    hash.update(fs.readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Why a build is needed, or null when dist/ was built from exactly these inputs. */
function staleReason(root, hash = inputsHash(root)) {
  if (!fs.existsSync(path.join(root, ENTRY))) return `${ENTRY} is missing`;
  const stamp = path.join(root, STAMP);
  if (!fs.existsSync(stamp)) return 'no record of the inputs of the last build';
  if (fs.readFileSync(stamp, 'utf8').trim() !== hash) return 'sources changed since the last build';
  return null;
}

function recordBuild(root, hash) {
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(root, STAMP), `${hash}\n`);
}

function main() {
  const root = path.resolve(__dirname, '..');
  const hash = inputsHash(root);
  const reason = staleReason(root, hash);
  if (!reason) {
    console.log('build: dist/ is current, skipping the build');
    return 0;
  }
  console.log(`build: ${reason}; building`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) return result.status ?? 1;
  recordBuild(root, hash);
  return 0;
}

module.exports = { inputsHash, staleReason, recordBuild, STAMP, ENTRY };

if (require.main === module) process.exit(main());
