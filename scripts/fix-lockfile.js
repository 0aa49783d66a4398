#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a plain Node script, run without a build */
// Drops optional dependencies that the registry here does not serve (other platforms' native builds)
// from the lock's package entries, so `npm ci` accepts the lock on this platform.
const fs = require('fs');
const file = process.argv[2];
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
let dropped = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  if (!entry.optionalDependencies) continue;
  for (const dep of Object.keys(entry.optionalDependencies)) {
    const base = key ? `${key}/node_modules/${dep}` : `node_modules/${dep}`;
    if (!lock.packages[base] && !lock.packages[`node_modules/${dep}`]) {
      delete entry.optionalDependencies[dep];
      dropped += 1;
    }
  }
  if (Object.keys(entry.optionalDependencies).length === 0) delete entry.optionalDependencies;
}
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`dropped ${dropped} unavailable optional dependencies`);
