#!/usr/bin/env node
/**
 * Makes a fresh clone runnable: installs dependencies when they are missing or older than the
 * lockfile, then builds every package (incremental, so a second run takes seconds). Runs before
 * `npm start` and `npm test`, which is why the README needs no separate install step.
 */
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const marker = path.join(root, 'node_modules', '.package-lock.json');
const lock = path.join(root, 'package-lock.json');

function run(cmd) {
  execSync(cmd, { cwd: root, stdio: 'inherit', env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' } });
}

const stale = !fs.existsSync(marker) || (fs.existsSync(lock) && fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs);
if (stale) {
  process.stderr.write('[hotello] installing dependencies (first run only)…\n');
  // `npm install`, not `npm ci`: npm 11 leaves platform-specific optional packages of other
  // systems out of the lockfile, and `npm ci` then refuses it as out of sync.
  run('npm install --no-audit --no-fund');
}
run('npx tsc -b tsconfig.build.json');

// npm links a package's `bin` only if its target exists at install time, and on a fresh clone
// `core/dist/cli/main.js` is built after the install: link it now, so `npx hotello …` works
// right after `npm start` or `npm test`.
const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'hotello.cmd' : 'hotello');
if (!fs.existsSync(bin)) run('npm rebuild @hotello/core --no-audit --no-fund');
