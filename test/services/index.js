#!/usr/bin/env node
/**
 * Test services: a MongoDB-compatible server (FerretDB + SQLite, embedded in a tiny Go launcher)
 * and Redis (Debian `redis-server`) on loopback for the test suite. Node builtins only.
 *
 * See README.md next to this file and index.d.ts for the documented API.
 *
 * CLI: node test/services/index.js start|stop|status|build
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const net = require('node:net');
const crypto = require('node:crypto');
const { spawn, spawnSync } = require('node:child_process');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_CACHE_DIR = path.join(REPO_ROOT, '.cache', 'test-services');
// Overrides (mostly for isolating the self-test from a developer's running shared instances):
// TEST_SERVICES_CACHE_DIR moves state file, locks, logs and shared data; TEST_SERVICES_BIN_DIR the built launcher.
const CACHE_DIR = process.env.TEST_SERVICES_CACHE_DIR ? path.resolve(process.env.TEST_SERVICES_CACHE_DIR) : DEFAULT_CACHE_DIR;
const BIN_DIR = process.env.TEST_SERVICES_BIN_DIR ? path.resolve(process.env.TEST_SERVICES_BIN_DIR) : path.join(DEFAULT_CACHE_DIR, 'bin');
const STATE_FILE = path.join(CACHE_DIR, 'state.json');
const LOG_DIR = path.join(CACHE_DIR, 'logs');
const SHARED_MONGO_DATA = path.join(CACHE_DIR, 'shared-mongo-data');
const SHARED_REDIS_DIR = path.join(CACHE_DIR, 'shared-redis');
const LAUNCHER_SRC = path.join(__dirname, 'ferretdb-launcher');
const LAUNCHER_BIN = path.join(BIN_DIR, 'ferretdb-launcher');
const LAUNCHER_STAMP = `${LAUNCHER_BIN}.stamp`;
// PostgreSQL backend is not needed: skipping it makes the first build noticeably shorter.
const GO_BUILD_ARGS = ['build', '-trimpath', '-buildvcs=false', '-tags', 'ferretdb_no_postgresql'];
const MIN_GO = [1, 22];
const FERRET_GO = [1, 24]; // FerretDB v1.24.2's go.mod requires go 1.24
const FERRET_TOOLCHAIN = 'go1.24.3';

const MSG_NO_GO = 'Install Go ≥1.22 (apt-get install golang or https://go.dev/dl) or set MONGODB_URI to a MongoDB 6+ server';
const MSG_NO_REDIS = 'Install redis-server (apt-get install redis-server) or set REDIS_URL';

const START_TIMEOUT_MS = Number(process.env.TEST_SERVICES_START_TIMEOUT_MS) || 30_000;
const STOP_TIMEOUT_MS = 10_000;
const LOCK_TIMEOUT_MS = 20 * 60_000; // a first build on a slow machine can take minutes
const FERRET_LOG_LEVEL = process.env.TEST_SERVICES_FERRETDB_LOG_LEVEL || 'error';
// '0' lets clients reach FerretDB directly (concurrent commands; updates not atomic, see README).
const FERRET_SERIALIZE = !['0', 'false', 'no'].includes(String(process.env.TEST_SERVICES_FERRETDB_SERIALIZE || '').toLowerCase());

// ---------------------------------------------------------------------------------------------
// small helpers

class TestServicesError extends Error {
  constructor(message) {
    super(message);
    this.name = 'TestServicesError';
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function info(msg) {
  process.stderr.write(`[test-services] ${msg}\n`);
}

/** Absolute path of an executable found on PATH (or in extra dirs), or null. */
function which(cmd, extraDirs = []) {
  const dirs = [...(process.env.PATH || '').split(path.delimiter), ...extraDirs].filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, cmd);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (err.code !== 'EPERM') return false;
  }
  try {
    // a zombie (exited, not yet reaped) is not alive for our purposes
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/^\d+ \(.*\) Z /s.test(stat)) return false;
  } catch {
    // no /proc (macOS): trust kill(0)
  }
  return true;
}

/** Command line of a process, or '' if unknown. Used so we never kill a recycled pid. */
function commandLine(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    const r = spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : '';
  }
}

function isOurProcess(pid, marker) {
  return isAlive(pid) && commandLine(pid).includes(marker);
}

/** Sends `signal`, waits for the process to exit, escalates to SIGKILL after `timeoutMs`. */
async function terminate(pid, { signal = 'SIGTERM', timeoutMs = STOP_TIMEOUT_MS, child } = {}) {
  const exited = () => (child ? child.exitCode !== null || child.signalCode !== null : !isAlive(pid));
  if (!pid || exited()) return;
  try {
    process.kill(pid, signal);
  } catch (err) {
    if (err.code === 'ESRCH') return;
    throw err;
  }
  const deadline = Date.now() + timeoutMs;
  while (!exited()) {
    if (Date.now() > deadline) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
      const killDeadline = Date.now() + 5000;
      while (!exited() && Date.now() < killDeadline) await sleep(25);
      return;
    }
    await sleep(25);
  }
}

function readTail(file, fromOffset = 0, maxBytes = 4000) {
  try {
    const { size } = fs.statSync(file);
    const start = Math.max(fromOffset, size - maxBytes);
    if (size <= start) return '';
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(size - start);
      fs.readSync(fd, buf, 0, buf.length, start);
      return buf.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

function fileSize(file) {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function indent(text) {
  const t = text.trimEnd();
  return t ? `\n--- output (tail) ---\n${t}\n---------------------` : ' (no output)';
}

function versionAtLeast([major, minor], [wantMajor, wantMinor]) {
  return major > wantMajor || (major === wantMajor && minor >= wantMinor);
}

// ---------------------------------------------------------------------------------------------
// cross-process lock (several jest runs / CLI calls may race on the same .cache)

async function withLock(name, fn, { dir = CACHE_DIR, timeoutMs = LOCK_TIMEOUT_MS } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, `${name}.lock`);
  const token = `${process.pid}-${crypto.randomUUID()}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, JSON.stringify({ pid: process.pid, token, at: Date.now() }), { flag: 'wx' });
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    let holder = null;
    try {
      holder = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
    } catch {
      // being written right now, or garbage
    }
    const stale = holder ? !isAlive(holder.pid) : Date.now() - (fs.statSync(lockFile, { throwIfNoEntry: false })?.mtimeMs ?? 0) > 5000;
    if (stale) {
      fs.rmSync(lockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new TestServicesError(
        `Timed out waiting for ${lockFile} (held by pid ${holder && holder.pid}). Delete it if that process is gone.`,
      );
    }
    await sleep(100);
  }
  try {
    return await fn();
  } finally {
    try {
      if (JSON.parse(fs.readFileSync(lockFile, 'utf8')).token === token) fs.rmSync(lockFile, { force: true });
    } catch {
      // already gone
    }
  }
}

// ---------------------------------------------------------------------------------------------
// state file

function readState() {
  try {
    const state = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
    return state && typeof state === 'object' ? state : {};
  } catch {
    return {};
  }
}

function writeState(state) {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `${STATE_FILE}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(tmp, STATE_FILE);
}

// ---------------------------------------------------------------------------------------------
// network probes

function parseHostPort(uri, defaultPort) {
  // works for mongodb://host:port/..., redis://[user:pass@]host:port/... (first host only)
  const m = /^[a-z+]+:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/,?]+)(?::(\d+))?/i.exec(uri);
  if (!m) throw new TestServicesError(`Cannot parse host/port from ${JSON.stringify(uri)}`);
  return { host: m[1].replace(/^\[|\]$/g, ''), port: m[2] ? Number(m[2]) : defaultPort };
}

/** Connects, writes `payload`, resolves with the bytes read once `complete(buf)` is true; null on any failure. */
function tcpExchange(host, port, payload, complete, timeoutMs) {
  return new Promise((resolve) => {
    let buf = Buffer.alloc(0);
    let done = false;
    const socket = net.connect({ host, port });
    const finish = (result) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    socket.on('connect', () => {
      if (payload) socket.write(payload);
      else finish(Buffer.alloc(0));
    });
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      if (complete(buf)) finish(buf);
    });
    socket.on('error', () => finish(null));
    socket.on('close', () => finish(null));
  });
}

function tcpReachable(host, port, timeoutMs = 1000) {
  return tcpExchange(host, port, null, () => true, timeoutMs).then((r) => r !== null);
}

/** BSON { ping: 1, $db: 'admin' } in an OP_MSG. */
function mongoPingMessage() {
  const parts = [];
  const cstring = (s) => Buffer.from(`${s}\0`, 'utf8');
  const int32 = (n) => {
    const b = Buffer.alloc(4);
    b.writeInt32LE(n);
    return b;
  };
  parts.push(Buffer.from([0x10]), cstring('ping'), int32(1));
  const db = cstring('admin');
  parts.push(Buffer.from([0x02]), cstring('$db'), int32(db.length), db);
  const body = Buffer.concat(parts);
  const doc = Buffer.concat([int32(body.length + 5), body, Buffer.from([0])]);
  const header = Buffer.alloc(16);
  const payload = Buffer.concat([int32(0) /* flagBits */, Buffer.from([0]) /* section kind 0 */, doc]);
  header.writeInt32LE(16 + payload.length, 0);
  header.writeInt32LE(crypto.randomInt(1, 2 ** 31 - 1), 4);
  header.writeInt32LE(0, 8);
  header.writeInt32LE(2013, 12); // OP_MSG
  return Buffer.concat([header, payload]);
}

/** True if a MongoDB-wire server answers `ping` with ok: 1. */
async function pingMongo(uri, timeoutMs = 1000) {
  const { host, port } = parseHostPort(uri, 27017);
  const reply = await tcpExchange(host, port, mongoPingMessage(), (b) => b.length >= 4 && b.length >= b.readInt32LE(0), timeoutMs);
  if (!reply || reply.length < 21 || reply.readInt32LE(12) !== 2013) return false;
  const okAt = reply.indexOf(Buffer.from([0x01, 0x6f, 0x6b, 0x00]), 21); // double "ok"
  return okAt > 0 && okAt + 12 <= reply.length && reply.readDoubleLE(okAt + 4) === 1;
}

/** True if a Redis server answers PING with +PONG (no AUTH support: loopback test servers only). */
async function pingRedis(url, timeoutMs = 1000) {
  const { host, port } = parseHostPort(url, 6379);
  const reply = await tcpExchange(host, port, 'PING\r\n', (b) => b.includes('\r\n'), timeoutMs);
  return !!reply && reply.toString('latin1').startsWith('+PONG');
}

function getFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// child processes

/** Dedicated (non-shared) children still running: killed when this process exits. */
const liveChildren = new Set();
/** Temp dirs we created for dedicated instances: removed when this process exits. */
const ownedTempDirs = new Set();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of liveChildren) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    for (const dir of ownedTempDirs) {
      try {
        fs.rmSync(dir, { recursive: true, force: true });
      } catch {
        // best effort
      }
    }
  });
}

/**
 * Spawns a server process in its own process group with stdout+stderr appended to `logFile`
 * (files, not pipes: a detached child must survive our exit without SIGPIPE), then polls
 * `ready()` until it returns a truthy value. On failure the child is killed and the error
 * carries the tail of its output.
 */
async function spawnServer({ name, cmd, args, logFile, ready, dedicated, stdinWatch = false, truncateLog = false }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  if (truncateLog) fs.writeFileSync(logFile, '');
  const offset = fileSize(logFile);
  const fd = fs.openSync(logFile, 'a');
  let child;
  let spawnError = null;
  try {
    child = spawn(cmd, args, {
      detached: true,
      stdio: [stdinWatch ? 'pipe' : 'ignore', fd, fd],
      env: process.env,
    });
  } finally {
    fs.closeSync(fd);
  }
  child.on('error', (err) => {
    spawnError = err;
  });
  child.unref();
  if (child.stdin) {
    child.stdin.on('error', () => {});
    if (typeof child.stdin.unref === 'function') child.stdin.unref();
  }
  if (dedicated) {
    installExitHook();
    liveChildren.add(child);
    child.once('exit', () => liveChildren.delete(child));
  }

  const fail = async (why) => {
    if (child.pid) await terminate(child.pid, { child, signal: 'SIGKILL', timeoutMs: 2000 }).catch(() => {});
    const cmdline = [cmd, ...args].map((a) => (a === '' ? "''" : a)).join(' ');
    throw new TestServicesError(
      `${name} failed to start: ${why}\ncommand: ${cmdline}\nlog: ${logFile}${indent(readTail(logFile, offset))}`,
    );
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (spawnError) return fail(spawnError.message);
    if (child.exitCode !== null || child.signalCode !== null) {
      return fail(`process exited (${child.signalCode || `code ${child.exitCode}`})`);
    }
    const result = await ready(() => readTail(logFile, offset, 1 << 20));
    if (result) return { child, result };
    if (Date.now() > deadline) return fail(`not ready after ${START_TIMEOUT_MS} ms`);
    await sleep(50);
  }
}

// ---------------------------------------------------------------------------------------------
// Go / FerretDB launcher build

function goBinary() {
  return which('go', [
    '/usr/local/go/bin',
    '/usr/lib/go/bin',
    path.join(os.homedir(), 'go', 'bin'),
    path.join(os.homedir(), 'sdk', 'go', 'bin'),
  ]);
}

function goVersion(go) {
  const r = spawnSync(go, ['env', 'GOVERSION'], { encoding: 'utf8' });
  const m = /go(\d+)\.(\d+)/.exec(r.stdout || '');
  return m ? [Number(m[1]), Number(m[2])] : null;
}

function launcherSourceHash() {
  const hash = crypto.createHash('sha256');
  // go.mod, go.sum and every .go file of the launcher
  const files = fs
    .readdirSync(LAUNCHER_SRC)
    .filter((f) => f === 'go.mod' || f === 'go.sum' || (f.endsWith('.go') && !f.endsWith('_test.go')))
    .sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(LAUNCHER_SRC, file)));
    hash.update('\0');
  }
  hash.update(JSON.stringify({ GO_BUILD_ARGS, platform: process.platform, arch: process.arch }));
  return hash.digest('hex');
}

function launcherUpToDate(hash) {
  try {
    return fs.statSync(LAUNCHER_BIN).isFile() && fs.readFileSync(LAUNCHER_STAMP, 'utf8').trim() === hash;
  } catch {
    return false;
  }
}

async function buildFerretLauncher() {
  const hash = launcherSourceHash();
  if (launcherUpToDate(hash)) return LAUNCHER_BIN;

  return withLock('build', buildLocked.bind(null, hash), { dir: BIN_DIR });
}

async function buildLocked(hash) {
  if (launcherUpToDate(hash)) return LAUNCHER_BIN; // another process built it meanwhile

  const go = goBinary();
  if (!go) {
    if (fs.existsSync(LAUNCHER_BIN)) {
      info(`Go not found; using the existing (possibly outdated) ${LAUNCHER_BIN}`);
      return LAUNCHER_BIN;
    }
    throw new TestServicesError(`Cannot build the FerretDB launcher: \`go\` not found. ${MSG_NO_GO}`);
  }
  const version = goVersion(go);
  if (!version || !versionAtLeast(version, MIN_GO)) {
    throw new TestServicesError(
      `Cannot build the FerretDB launcher: ${go} is ${version ? `go${version.join('.')}` : 'of unknown version'}, too old. ${MSG_NO_GO}`,
    );
  }
  const env = { ...process.env };
  if (!versionAtLeast(version, FERRET_GO)) {
    // Go ≥1.21 fetches a newer toolchain from the Go proxy by itself when allowed to.
    env.GOTOOLCHAIN = FERRET_TOOLCHAIN;
  }

  fs.mkdirSync(BIN_DIR, { recursive: true });
  const tmp = `${LAUNCHER_BIN}.${process.pid}.tmp`;
  const started = Date.now();
  info(
    fs.existsSync(LAUNCHER_BIN) ? 'rebuilding FerretDB launcher (its sources changed)…' : 'building FerretDB launcher (first run only)…',
  );
  const output = [];
  let downloads = 0;
  const code = await new Promise((resolve) => {
    const child = spawn(go, [...GO_BUILD_ARGS, '-o', tmp, '.'], { cwd: LAUNCHER_SRC, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const heartbeat = setInterval(() => {
      const fetched = downloads ? `, ${downloads} Go modules downloaded` : '';
      info(`  still building… ${Math.round((Date.now() - started) / 1000)} s${fetched}`);
    }, 20_000);
    const onData = (chunk) => {
      const text = chunk.toString();
      output.push(text);
      for (const line of text.split('\n')) {
        if (!/^go: downloading /.test(line)) continue;
        if (downloads++ === 0) info('  downloading Go modules from the Go proxy…');
        if (/ go1\.\d+/.test(line)) info(`  ${line}`); // a toolchain download is worth naming
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (err) => {
      output.push(String(err));
      clearInterval(heartbeat);
      resolve(-1);
    });
    child.on('close', (c) => {
      clearInterval(heartbeat);
      resolve(c);
    });
  });
  if (code !== 0) {
    fs.rmSync(tmp, { force: true });
    throw new TestServicesError(
      `Building the FerretDB launcher failed (go build in ${LAUNCHER_SRC}, exit ${code}). ` +
        `The first build needs the Go module proxy (GOPROXY) to be reachable. ${MSG_NO_GO}${indent(output.join('').slice(-4000))}`,
    );
  }
  fs.renameSync(tmp, LAUNCHER_BIN);
  fs.writeFileSync(LAUNCHER_STAMP, `${hash}\n`);
  info(`FerretDB launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s → ${path.relative(REPO_ROOT, LAUNCHER_BIN)}`);
  return LAUNCHER_BIN;
}

// ---------------------------------------------------------------------------------------------
// redis-server discovery / installation

const REDIS_DIRS = ['/usr/bin', '/usr/local/bin', '/usr/sbin', '/opt/homebrew/bin'];

async function redisServerBinary() {
  const found = which('redis-server', REDIS_DIRS);
  if (found) return found;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const aptGet = which('apt-get', ['/usr/bin']);
  if (!isRoot || !aptGet) throw new TestServicesError(`redis-server not found. ${MSG_NO_REDIS}`);

  return withLock('apt', async () => {
    const again = which('redis-server', REDIS_DIRS);
    if (again) return again;
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const run = (cmd, args) =>
      new Promise((resolve) => {
        const out = [];
        const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.on('data', (c) => out.push(c));
        child.stderr.on('data', (c) => out.push(c));
        child.on('error', (err) => resolve({ code: -1, output: String(err) }));
        child.on('close', (code) => resolve({ code, output: Buffer.concat(out).toString() }));
      });
    const policy = spawnSync('apt-cache', ['policy', 'redis-server'], { encoding: 'utf8', env });
    const candidate = /Candidate:\s*(\S+)/.exec(policy.stdout || '');
    if (!candidate || candidate[1] === '(none)') {
      info('redis-server not found; running apt-get update…');
      const r = await run(aptGet, ['update']);
      if (r.code !== 0)
        throw new TestServicesError(`apt-get update failed (exit ${r.code}). ${MSG_NO_REDIS}${indent(r.output.slice(-3000))}`);
    }
    info('redis-server not found; installing it: apt-get install -y redis-server…');
    const r = await run(aptGet, ['install', '-y', 'redis-server']);
    if (r.code !== 0)
      throw new TestServicesError(`apt-get install redis-server failed (exit ${r.code}). ${MSG_NO_REDIS}${indent(r.output.slice(-3000))}`);
    const installed = which('redis-server', REDIS_DIRS);
    if (!installed) throw new TestServicesError(`redis-server still not found after apt-get install. ${MSG_NO_REDIS}`);
    info(`installed ${installed}`);
    return installed;
  });
}

// ---------------------------------------------------------------------------------------------
// launching

const READY_RE = /^READY (mongodb:\/\/\S+)\s*$/m;

async function launchMongo({ port = 0, dataDir, logFile, dedicated, truncateLog = false }) {
  const bin = await buildFerretLauncher();
  fs.mkdirSync(dataDir, { recursive: true });
  const args = [
    '-listen',
    `127.0.0.1:${port}`,
    '-data',
    dataDir,
    '-log-level',
    FERRET_LOG_LEVEL,
    '-shutdown-timeout',
    '300ms',
    `-serialize=${FERRET_SERIALIZE}`,
  ];
  if (dedicated) args.push('-exit-on-stdin-eof');
  const { child, result: uri } = await spawnServer({
    name: 'FerretDB (MongoDB-compatible server)',
    cmd: bin,
    args,
    logFile,
    dedicated,
    stdinWatch: dedicated,
    truncateLog,
    ready: async (log) => {
      const m = READY_RE.exec(log());
      return m ? m[1] : null;
    },
  });
  return { child, pid: child.pid, uri, port: parseHostPort(uri).port };
}

async function launchRedis({ port, dir, logFile, dedicated, truncateLog = false }) {
  const bin = await redisServerBinary();
  fs.mkdirSync(dir, { recursive: true });
  const fixedPort = !!port;
  for (let attempt = 1; ; attempt++) {
    const p = port || (await getFreePort());
    const url = `redis://127.0.0.1:${p}`;
    const args = [
      '--port',
      String(p),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--daemonize',
      'no',
      '--loglevel',
      'warning',
    ];
    try {
      const { child } = await spawnServer({
        name: 'redis-server',
        cmd: bin,
        args,
        logFile,
        dedicated,
        truncateLog: truncateLog && attempt === 1,
        ready: () => pingRedis(url, 500),
      });
      return { child, pid: child.pid, url, port: p };
    } catch (err) {
      // a free port picked by us may have been taken in between: try another one
      if (fixedPort || attempt >= 3 || !/Address already in use/i.test(err.message)) throw err;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// public API

async function startMongo(opts = {}) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'hotello-mongo-'));
  ownedTempDirs.add(home);
  installExitHook();
  const dataDir = opts.dataDir ? path.resolve(opts.dataDir) : path.join(home, 'data');
  const logFile = path.join(home, 'ferretdb.log');
  let current = await launchMongo({ port: opts.port || 0, dataDir, logFile, dedicated: true });

  const stop = async (stopOpts = {}) => {
    const proc = current;
    current = null;
    if (proc) await terminate(proc.pid, { child: proc.child, signal: stopOpts.signal || 'SIGTERM' });
  };
  const handle = {
    uri: current.uri,
    port: current.port,
    dataDir,
    logFile,
    get running() {
      return !!current && current.child.exitCode === null && current.child.signalCode === null;
    },
    stop,
    async restart() {
      await stop();
      current = await launchMongo({ port: handle.port, dataDir, logFile, dedicated: true });
    },
  };
  return handle;
}

async function startRedis(opts = {}) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'hotello-redis-'));
  ownedTempDirs.add(home);
  installExitHook();
  const logFile = path.join(home, 'redis.log');
  let current = await launchRedis({ port: opts.port, dir: home, logFile, dedicated: true });

  const stop = async (stopOpts = {}) => {
    const proc = current;
    current = null;
    if (proc) await terminate(proc.pid, { child: proc.child, signal: stopOpts.signal || 'SIGTERM' });
  };
  const handle = {
    url: current.url,
    port: current.port,
    logFile,
    get running() {
      return !!current && current.child.exitCode === null && current.child.signalCode === null;
    },
    stop,
    async restart() {
      await stop();
      current = await launchRedis({ port: handle.port, dir: home, logFile, dedicated: true });
    },
  };
  return handle;
}

/** Kills a recorded shared instance that is no longer answering (hung, or a recycled port). */
async function reapRecorded(entry, marker) {
  if (entry && entry.pid && isOurProcess(entry.pid, marker)) {
    await terminate(entry.pid, { signal: 'SIGKILL', timeoutMs: 2000 });
  }
}

async function ensureSharedServices() {
  let mongoUri = process.env.MONGODB_URI || '';
  let redisUrl = process.env.REDIS_URL || '';
  /** @type {{ kind: 'mongo' | 'redis', pid: number, child: import('node:child_process').ChildProcess }[]} */
  const started = [];

  const stopStarted = async () => {
    const toStop = started.splice(0);
    if (toStop.length === 0) return;
    await Promise.all(toStop.map((s) => terminate(s.pid, { child: s.child })));
    await withLock('state', async () => {
      const state = readState();
      for (const s of toStop) {
        if (state[s.kind] && state[s.kind].pid === s.pid) {
          if (s.kind === 'mongo') fs.rmSync(state.mongo.dataDir, { recursive: true, force: true });
          delete state[s.kind];
        }
      }
      writeState(state);
    });
  };

  if (!mongoUri || !redisUrl) {
    try {
      await withLock('state', async () => {
        const state = readState();

        if (!mongoUri) {
          if (state.mongo && (await pingMongo(state.mongo.uri))) {
            mongoUri = state.mongo.uri;
          } else {
            await reapRecorded(state.mongo, 'ferretdb-launcher');
            delete state.mongo;
            writeState(state);
            fs.rmSync(SHARED_MONGO_DATA, { recursive: true, force: true });
            const m = await launchMongo({
              port: 0,
              dataDir: SHARED_MONGO_DATA,
              logFile: path.join(LOG_DIR, 'shared-mongo.log'),
              dedicated: false,
              truncateLog: true,
            });
            started.push({ kind: 'mongo', pid: m.pid, child: m.child });
            state.mongo = {
              uri: m.uri,
              port: m.port,
              pid: m.pid,
              dataDir: SHARED_MONGO_DATA,
              logFile: path.join(LOG_DIR, 'shared-mongo.log'),
              startedAt: new Date().toISOString(),
            };
            writeState(state);
            mongoUri = m.uri;
          }
        }

        if (!redisUrl) {
          if (state.redis && (await pingRedis(state.redis.url))) {
            redisUrl = state.redis.url;
          } else {
            await reapRecorded(state.redis, 'redis-server');
            delete state.redis;
            writeState(state);
            const r = await launchRedis({
              dir: SHARED_REDIS_DIR,
              logFile: path.join(LOG_DIR, 'shared-redis.log'),
              dedicated: false,
              truncateLog: true,
            });
            started.push({ kind: 'redis', pid: r.pid, child: r.child });
            state.redis = {
              url: r.url,
              port: r.port,
              pid: r.pid,
              dir: SHARED_REDIS_DIR,
              logFile: path.join(LOG_DIR, 'shared-redis.log'),
              startedAt: new Date().toISOString(),
            };
            writeState(state);
            redisUrl = r.url;
          }
        }
      });
    } catch (err) {
      await stopStarted().catch(() => {});
      throw err;
    }
  }

  let stopping = null;
  return {
    mongoUri,
    redisUrl,
    stop() {
      stopping = stopping || stopStarted();
      return stopping;
    },
  };
}

/** Stops the shared instances recorded in the state file (whoever started them). */
async function stopSharedServices() {
  return withLock('state', async () => {
    const state = readState();
    const stopped = [];
    if (state.mongo) {
      if (isOurProcess(state.mongo.pid, 'ferretdb-launcher')) {
        await terminate(state.mongo.pid);
        stopped.push(`mongo ${state.mongo.uri} (pid ${state.mongo.pid})`);
      }
      if (state.mongo.dataDir) fs.rmSync(state.mongo.dataDir, { recursive: true, force: true });
      delete state.mongo;
    }
    if (state.redis) {
      if (isOurProcess(state.redis.pid, 'redis-server')) {
        await terminate(state.redis.pid);
        stopped.push(`redis ${state.redis.url} (pid ${state.redis.pid})`);
      }
      delete state.redis;
    }
    writeState(state);
    return stopped;
  });
}

async function status() {
  const state = readState();
  const lines = [];
  if (process.env.MONGODB_URI) lines.push(`MONGODB_URI is set (takes precedence): ${process.env.MONGODB_URI}`);
  if (process.env.REDIS_URL) lines.push(`REDIS_URL is set (takes precedence): ${process.env.REDIS_URL}`);
  if (state.mongo) {
    const ok = await pingMongo(state.mongo.uri);
    lines.push(`mongo  ${state.mongo.uri}  pid ${state.mongo.pid}  ${ok ? 'reachable' : 'NOT reachable'}  since ${state.mongo.startedAt}`);
  } else lines.push('mongo  not running (no shared instance recorded)');
  if (state.redis) {
    const ok = await pingRedis(state.redis.url);
    lines.push(`redis  ${state.redis.url}  pid ${state.redis.pid}  ${ok ? 'reachable' : 'NOT reachable'}  since ${state.redis.startedAt}`);
  } else lines.push('redis  not running (no shared instance recorded)');
  const hash = launcherSourceHash();
  lines.push(
    `launcher ${LAUNCHER_BIN} ${launcherUpToDate(hash) ? 'built, up to date' : fs.existsSync(LAUNCHER_BIN) ? 'built, OUTDATED' : 'not built'}`,
  );
  return lines.join('\n');
}

module.exports = {
  ensureSharedServices,
  startMongo,
  startRedis,
  buildFerretLauncher,
  stopSharedServices,
  pingMongo,
  pingRedis,
  tcpReachable,
  paths: Object.freeze({
    repoRoot: REPO_ROOT,
    cacheDir: CACHE_DIR,
    binDir: BIN_DIR,
    stateFile: STATE_FILE,
    launcherBin: LAUNCHER_BIN,
    launcherSrc: LAUNCHER_SRC,
  }),
  TestServicesError,
};

// ---------------------------------------------------------------------------------------------
// CLI

async function main(argv) {
  const cmd = argv[0];
  switch (cmd) {
    case 'start': {
      const s = await ensureSharedServices();
      process.stdout.write(`MONGODB_URI=${s.mongoUri} REDIS_URL=${s.redisUrl}\n`);
      return 0; // not stopped: they keep running detached, recorded in the state file
    }
    case 'stop': {
      const stopped = await stopSharedServices();
      process.stdout.write(stopped.length ? `stopped: ${stopped.join(', ')}\n` : 'nothing to stop\n');
      return 0;
    }
    case 'status':
      process.stdout.write(`${await status()}\n`);
      return 0;
    case 'build':
      process.stdout.write(`${await buildFerretLauncher()}\n`);
      return 0;
    default:
      process.stderr.write(
        'usage: node test/services/index.js <command>\n' +
          '  start   start shared MongoDB-compatible server + Redis (or reuse running ones), print MONGODB_URI=… REDIS_URL=…, leave them running\n' +
          '  stop    stop the shared instances recorded in .cache/test-services/state.json\n' +
          '  status  show the recorded shared instances and whether they answer\n' +
          '  build   build the FerretDB launcher if needed and print its path\n',
      );
      return cmd ? 2 : 0;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`[test-services] ${err instanceof TestServicesError ? err.message : err.stack || err}\n`);
      process.exitCode = 1;
    },
  );
}
