#!/usr/bin/env node
/**
 * Test services: a MongoDB-compatible server and Redis (Debian `redis-server`) on loopback for
 * the test suite. Node builtins only. Two Mongo engines:
 * - 'ferretdb' (default): FerretDB v1 + SQLite, embedded in a tiny Go launcher (ferretdb-launcher/);
 * - 'java': mongo-java-server's in-memory backend in a tiny Maven project (java-mongo-launcher/),
 *   for load suites and benchmarks (FerretDB v1/SQLite scans whole collections).
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
// mongo-java-server launcher (engine 'java'): a Maven project built into one shaded jar.
const JAVA_LAUNCHER_SRC = path.join(__dirname, 'java-mongo-launcher');
const JAVA_LAUNCHER_JAR = path.join(BIN_DIR, 'java-mongo-launcher.jar');
const JAVA_LAUNCHER_STAMP = `${JAVA_LAUNCHER_JAR}.stamp`;
const JAVA_BUILD_DIR = path.join(BIN_DIR, 'java-mongo-launcher-build'); // Maven's target dir (removed after a build)
const MVN_BUILD_ARGS = ['-B', '-Dstyle.color=never', 'package'];
const MIN_JAVA = 17; // mongo-java-server 1.47.0 is compiled for Java 17
const MIN_MAVEN = [3, 6]; // maven-compiler-plugin 3.13 needs Maven ≥3.6.3
const ENGINES = ['ferretdb', 'java'];
/** State-file key of the shared instance of each engine (both may run side by side). */
const STATE_KEY = { ferretdb: 'mongo', java: 'mongoJava' };
const PROCESS_MARKER = { ferretdb: 'ferretdb-launcher', java: 'java-mongo-launcher' };

const MSG_NO_GO = 'Install Go ≥1.22 (apt-get install golang or https://go.dev/dl) or set MONGODB_URI to a MongoDB 6+ server';
const MSG_NO_REDIS = 'Install redis-server (apt-get install redis-server) or set REDIS_URL';
const MSG_NO_JAVA =
  'Install a Java 17+ JDK and Maven ≥3.6.3 (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless maven; once the launcher jar ' +
  "is built only `java` is needed), or use the default engine 'ferretdb' (unset TEST_MONGO_ENGINE), or set MONGODB_URI to a MongoDB 6+ server";

const START_TIMEOUT_MS = Number(process.env.TEST_SERVICES_START_TIMEOUT_MS) || 30_000;
const STOP_TIMEOUT_MS = 10_000;
const LOCK_TIMEOUT_MS = 20 * 60_000; // a first build on a slow machine can take minutes
const FERRET_LOG_LEVEL = process.env.TEST_SERVICES_FERRETDB_LOG_LEVEL || 'error';
// '0' lets clients reach FerretDB directly (concurrent commands; updates not atomic, see README).
const FERRET_SERIALIZE = !['0', 'false', 'no'].includes(String(process.env.TEST_SERVICES_FERRETDB_SERIALIZE || '').toLowerCase());
// mongo-java-server logs every failed command (e.g. each duplicate key) with a stack trace at ERROR.
const JAVA_LOG_LEVEL = process.env.TEST_SERVICES_JAVA_MONGO_LOG_LEVEL || 'off';
// 1 = one Netty event loop serves all connections: commands run one at a time (the memory backend
// locks per collection for CRUD; this also covers aggregations, index builds). 0 = Netty's default (2 × CPUs).
const JAVA_WORKER_THREADS = process.env.TEST_SERVICES_JAVA_MONGO_WORKER_THREADS || '1';
// Extra JVM flags, whitespace-separated (e.g. "-Xmx2g").
const JAVA_JVM_OPTS = (process.env.TEST_SERVICES_JAVA_MONGO_JVM_OPTS || '').split(/\s+/).filter(Boolean);

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

/** True when `artifact` exists and was built from sources with this `hash` (recorded in `stamp`). */
function builtFrom(artifact, stamp, hash) {
  try {
    return fs.statSync(artifact).isFile() && fs.readFileSync(stamp, 'utf8').trim() === hash;
  } catch {
    return false;
  }
}

function launcherUpToDate(hash) {
  return builtFrom(LAUNCHER_BIN, LAUNCHER_STAMP, hash);
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
// Java / mongo-java-server launcher build (engine 'java')

function javaBinary() {
  // $JAVA_HOME/bin/java first: that is also the JDK mvn uses
  if (process.env.JAVA_HOME) {
    const candidate = path.join(process.env.JAVA_HOME, 'bin', 'java');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // fall back to PATH
    }
  }
  return which('java', ['/usr/lib/jvm/default-java/bin']);
}

function mavenBinary() {
  const extra = [process.env.MAVEN_HOME, process.env.M2_HOME].filter(Boolean).map((d) => path.join(d, 'bin'));
  return which('mvn', [...extra, '/usr/share/maven/bin', '/opt/homebrew/bin']);
}

const javaVersions = new Map(); // path → major version (`java -version` costs a JVM start)

/** Major Java version of a `java` binary (`openjdk version "17.0.15"` → 17, `"1.8.0_402"` → 8), or null. */
function javaMajorVersion(java) {
  if (javaVersions.has(java)) return javaVersions.get(java);
  const r = spawnSync(java, ['-version'], { encoding: 'utf8', timeout: 30_000 });
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr || ''}${r.stdout || ''}`);
  const major = !m ? null : m[1] === '1' && m[2] ? Number(m[2]) : Number(m[1]);
  if (major) javaVersions.set(java, major);
  return major;
}

/** `{ version: [major, minor] }` from `mvn -v`, or `{ version: null, output }` when it did not run. */
function mavenVersion(mvn, env) {
  const r = spawnSync(mvn, ['-v'], { encoding: 'utf8', env, timeout: 60_000 });
  const output = `${r.stdout || ''}${r.stderr || ''}${r.error ? String(r.error) : ''}`;
  const m = /Apache Maven (\d+)\.(\d+)/.exec(output);
  return { version: m ? [Number(m[1]), Number(m[2])] : null, output };
}

/** A usable `java` (≥17) or a TestServicesError saying what to install. */
function requireJava(purpose) {
  const java = javaBinary();
  if (!java) throw new TestServicesError(`Cannot ${purpose}: \`java\` not found. ${MSG_NO_JAVA}`);
  const major = javaMajorVersion(java);
  if (!major || major < MIN_JAVA) {
    throw new TestServicesError(
      `Cannot ${purpose}: ${java} is ${major ? `Java ${major}` : 'of unknown version'}, need Java ${MIN_JAVA}+. ${MSG_NO_JAVA}`,
    );
  }
  return java;
}

function listFilesRecursive(dir, base = dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'target') continue; // a manual `mvn package` in the source dir
      out.push(...listFilesRecursive(full, base));
    } else if (entry.isFile()) out.push(path.relative(base, full));
  }
  return out;
}

function javaLauncherSourceHash() {
  const hash = crypto.createHash('sha256');
  // pom.xml and everything under src/
  const files = ['pom.xml', ...listFilesRecursive(path.join(JAVA_LAUNCHER_SRC, 'src')).map((f) => path.join('src', f))].sort();
  for (const file of files) {
    hash.update(`${file.split(path.sep).join('/')}\0`);
    hash.update(fs.readFileSync(path.join(JAVA_LAUNCHER_SRC, file)));
    hash.update('\0');
  }
  hash.update(JSON.stringify({ MVN_BUILD_ARGS }));
  return hash.digest('hex');
}

function javaLauncherUpToDate(hash) {
  return builtFrom(JAVA_LAUNCHER_JAR, JAVA_LAUNCHER_STAMP, hash);
}

/** Builds `.cache/test-services/bin/java-mongo-launcher.jar` unless it is up to date; resolves with its path. */
async function buildJavaMongoLauncher() {
  const hash = javaLauncherSourceHash();
  if (javaLauncherUpToDate(hash)) return JAVA_LAUNCHER_JAR;

  return withLock('build-java', buildJavaLocked.bind(null, hash), { dir: BIN_DIR });
}

async function buildJavaLocked(hash) {
  if (javaLauncherUpToDate(hash)) return JAVA_LAUNCHER_JAR; // another process built it meanwhile

  const mvn = mavenBinary();
  const java = javaBinary();
  if (!mvn || !java) {
    if (fs.existsSync(JAVA_LAUNCHER_JAR) && java) {
      info(`mvn not found; using the existing (possibly outdated) ${JAVA_LAUNCHER_JAR}`);
      return JAVA_LAUNCHER_JAR;
    }
    const missing = [!java && '`java`', !mvn && '`mvn`'].filter(Boolean).join(' and ');
    throw new TestServicesError(`Cannot build the mongo-java-server launcher: ${missing} not found. ${MSG_NO_JAVA}`);
  }
  requireJava('build the mongo-java-server launcher');
  if (!which('javac', [path.dirname(fs.realpathSync(java))])) {
    throw new TestServicesError(
      `Cannot build the mongo-java-server launcher: \`javac\` not found (a Java runtime without the JDK). ${MSG_NO_JAVA}`,
    );
  }
  const env = { ...process.env };
  const { version: mvnVersion, output: mvnOutput } = mavenVersion(mvn, env);
  if (!mvnVersion) {
    throw new TestServicesError(
      `Cannot build the mongo-java-server launcher: \`${mvn} -v\` did not report a Maven version. ${MSG_NO_JAVA}${indent(mvnOutput.slice(-2000))}`,
    );
  }
  if (!versionAtLeast(mvnVersion, MIN_MAVEN)) {
    throw new TestServicesError(
      `Cannot build the mongo-java-server launcher: ${mvn} is Maven ${mvnVersion.join('.')}, too old. ${MSG_NO_JAVA}`,
    );
  }

  fs.mkdirSync(BIN_DIR, { recursive: true });
  fs.rmSync(JAVA_BUILD_DIR, { recursive: true, force: true }); // no stale classes in the jar
  const tmp = `${JAVA_LAUNCHER_JAR}.${process.pid}.tmp`;
  const started = Date.now();
  info(
    fs.existsSync(JAVA_LAUNCHER_JAR)
      ? 'rebuilding mongo-java-server launcher (its sources changed)…'
      : 'building mongo-java-server launcher with Maven (first run only)…',
  );
  const output = [];
  let downloads = 0;
  let partial = '';
  const args = [...MVN_BUILD_ARGS, `-DbuildDir=${JAVA_BUILD_DIR}`];
  const code = await new Promise((resolve) => {
    const child = spawn(mvn, args, { cwd: JAVA_LAUNCHER_SRC, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const heartbeat = setInterval(() => {
      const fetched = downloads ? `, ${downloads} files downloaded from Maven Central` : '';
      info(`  still building… ${Math.round((Date.now() - started) / 1000)} s${fetched}`);
    }, 20_000);
    const onData = (chunk) => {
      const text = partial + chunk.toString();
      output.push(chunk.toString());
      const lines = text.split('\n');
      partial = lines.pop();
      for (const line of lines) {
        if (/^(?:\[INFO\] )?Downloaded from /.test(line) && downloads++ === 0)
          info('  downloading Maven plugins and dependencies from Maven Central (~30 MB into ~/.m2, first build only)…');
        const step = /^\[INFO\] --- (?:maven-)?([\w-]+?)(?:-plugin)?:[\d.]+:(\w+)/.exec(line);
        if (step) info(`  mvn ${step[1]}:${step[2]}`);
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
  const built = path.join(JAVA_BUILD_DIR, 'java-mongo-launcher.jar');
  if (code !== 0 || !fs.existsSync(built)) {
    throw new TestServicesError(
      `Building the mongo-java-server launcher failed (mvn ${args.join(' ')} in ${JAVA_LAUNCHER_SRC}, exit ${code}). ` +
        `The first build needs Maven Central (https://repo.maven.apache.org) to be reachable. ${MSG_NO_JAVA}${indent(
          output.join('').slice(-4000),
        )}`,
    );
  }
  fs.copyFileSync(built, tmp);
  fs.renameSync(tmp, JAVA_LAUNCHER_JAR);
  fs.writeFileSync(JAVA_LAUNCHER_STAMP, `${hash}\n`);
  fs.rmSync(JAVA_BUILD_DIR, { recursive: true, force: true });
  info(
    `mongo-java-server launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s → ${path.relative(REPO_ROOT, JAVA_LAUNCHER_JAR)}`,
  );
  return JAVA_LAUNCHER_JAR;
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

async function launchJavaMongo({ port = 0, logFile, dedicated, truncateLog = false }) {
  const jar = await buildJavaMongoLauncher();
  const java = requireJava('start mongo-java-server');
  const args = [
    ...JAVA_JVM_OPTS,
    '-XX:+ExitOnOutOfMemoryError',
    '-jar',
    jar,
    '-port',
    String(port),
    '-log-level',
    JAVA_LOG_LEVEL,
    '-worker-threads',
    JAVA_WORKER_THREADS,
  ];
  if (dedicated) args.push('-exit-on-stdin-eof');
  const { child, result: uri } = await spawnServer({
    name: 'mongo-java-server (in-memory MongoDB-compatible server)',
    cmd: java,
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

function resolveEngine(engine, where) {
  const e = engine === undefined || engine === null || engine === '' ? 'ferretdb' : String(engine).toLowerCase();
  if (!ENGINES.includes(e)) {
    throw new TestServicesError(`Unknown Mongo engine ${JSON.stringify(engine)} (${where}); use one of: ${ENGINES.join(', ')}`);
  }
  return e;
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
  const engine = resolveEngine(opts.engine, 'startMongo({ engine })');
  if (engine === 'java') return startJavaMongo(opts);
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
    engine: 'ferretdb',
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

/** engine 'java': in memory only, so restart() (and a crash) gives an empty server on the same port. */
async function startJavaMongo(opts) {
  if (opts.dataDir) {
    throw new TestServicesError(
      "startMongo({ engine: 'java' }) keeps everything in memory: dataDir is not supported (use the default engine 'ferretdb' for data that survives a restart)",
    );
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'hotello-mongo-java-'));
  ownedTempDirs.add(home);
  installExitHook();
  const logFile = path.join(home, 'mongo-java-server.log');
  let current = await launchJavaMongo({ port: opts.port || 0, logFile, dedicated: true });

  const stop = async (stopOpts = {}) => {
    const proc = current;
    current = null;
    if (proc) await terminate(proc.pid, { child: proc.child, signal: stopOpts.signal || 'SIGTERM' });
  };
  const handle = {
    engine: 'java',
    uri: current.uri,
    port: current.port,
    dataDir: null,
    logFile,
    get running() {
      return !!current && current.child.exitCode === null && current.child.signalCode === null;
    },
    stop,
    async restart() {
      await stop();
      current = await launchJavaMongo({ port: handle.port, logFile, dedicated: true });
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

async function ensureSharedServices(opts = {}) {
  let mongoUri = process.env.MONGODB_URI || '';
  let redisUrl = process.env.REDIS_URL || '';
  const mongoEngine = mongoUri
    ? null
    : opts.mongoEngine !== undefined
      ? resolveEngine(opts.mongoEngine, 'ensureSharedServices({ mongoEngine })')
      : resolveEngine(process.env.TEST_MONGO_ENGINE, 'TEST_MONGO_ENGINE');
  /** @type {{ kind: 'mongo' | 'mongoJava' | 'redis', pid: number, child: import('node:child_process').ChildProcess }[]} */
  const started = [];

  const stopStarted = async () => {
    const toStop = started.splice(0);
    if (toStop.length === 0) return;
    await Promise.all(toStop.map((s) => terminate(s.pid, { child: s.child })));
    await withLock('state', async () => {
      const state = readState();
      for (const s of toStop) {
        if (state[s.kind] && state[s.kind].pid === s.pid) {
          if (state[s.kind].dataDir) fs.rmSync(state[s.kind].dataDir, { recursive: true, force: true });
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

        if (!mongoUri && mongoEngine === 'java') {
          const key = STATE_KEY.java;
          if (state[key] && (await pingMongo(state[key].uri))) {
            mongoUri = state[key].uri;
          } else {
            await reapRecorded(state[key], PROCESS_MARKER.java);
            delete state[key];
            writeState(state);
            const logFile = path.join(LOG_DIR, 'shared-mongo-java.log');
            const m = await launchJavaMongo({ port: 0, logFile, dedicated: false, truncateLog: true });
            started.push({ kind: key, pid: m.pid, child: m.child });
            state[key] = { engine: 'java', uri: m.uri, port: m.port, pid: m.pid, logFile, startedAt: new Date().toISOString() };
            writeState(state);
            mongoUri = m.uri;
          }
        }

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
              engine: 'ferretdb',
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
    mongoEngine,
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
    for (const engine of ENGINES) {
      const entry = state[STATE_KEY[engine]];
      if (!entry) continue;
      if (isOurProcess(entry.pid, PROCESS_MARKER[engine])) {
        await terminate(entry.pid);
        stopped.push(`mongo (${engine}) ${entry.uri} (pid ${entry.pid})`);
      }
      if (entry.dataDir) fs.rmSync(entry.dataDir, { recursive: true, force: true });
      delete state[STATE_KEY[engine]];
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
  if (process.env.TEST_MONGO_ENGINE) lines.push(`TEST_MONGO_ENGINE=${process.env.TEST_MONGO_ENGINE}`);
  for (const engine of ENGINES) {
    const entry = state[STATE_KEY[engine]];
    const label = `mongo (${engine})`.padEnd(17);
    if (entry) {
      const ok = await pingMongo(entry.uri);
      lines.push(`${label}${entry.uri}  pid ${entry.pid}  ${ok ? 'reachable' : 'NOT reachable'}  since ${entry.startedAt}`);
    } else lines.push(`${label}not running (no shared instance recorded)`);
  }
  if (state.redis) {
    const ok = await pingRedis(state.redis.url);
    lines.push(
      `${'redis'.padEnd(17)}${state.redis.url}  pid ${state.redis.pid}  ${ok ? 'reachable' : 'NOT reachable'}  since ${state.redis.startedAt}`,
    );
  } else lines.push(`${'redis'.padEnd(17)}not running (no shared instance recorded)`);
  const hash = launcherSourceHash();
  lines.push(
    `launcher ${LAUNCHER_BIN} ${launcherUpToDate(hash) ? 'built, up to date' : fs.existsSync(LAUNCHER_BIN) ? 'built, OUTDATED' : 'not built'}`,
  );
  const javaHash = javaLauncherSourceHash();
  lines.push(
    `launcher ${JAVA_LAUNCHER_JAR} ${
      javaLauncherUpToDate(javaHash) ? 'built, up to date' : fs.existsSync(JAVA_LAUNCHER_JAR) ? 'built, OUTDATED' : 'not built'
    }`,
  );
  return lines.join('\n');
}

module.exports = {
  ensureSharedServices,
  startMongo,
  startRedis,
  buildFerretLauncher,
  buildJavaMongoLauncher,
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
    javaLauncherJar: JAVA_LAUNCHER_JAR,
    javaLauncherSrc: JAVA_LAUNCHER_SRC,
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
    case 'build': {
      const which_ = (argv[1] || 'ferretdb').toLowerCase();
      if (!['ferretdb', 'java', 'all'].includes(which_)) {
        process.stderr.write(`unknown launcher ${JSON.stringify(argv[1])}: use ferretdb, java or all\n`);
        return 2;
      }
      if (which_ !== 'java') process.stdout.write(`${await buildFerretLauncher()}\n`);
      if (which_ !== 'ferretdb') process.stdout.write(`${await buildJavaMongoLauncher()}\n`);
      return 0;
    }
    default:
      process.stderr.write(
        'usage: node test/services/index.js <command>\n' +
          '  start   start shared MongoDB-compatible server + Redis (or reuse running ones), print MONGODB_URI=… REDIS_URL=…, leave them running\n' +
          '          (TEST_MONGO_ENGINE=java: the mongo-java-server in-memory engine instead of FerretDB)\n' +
          '  stop    stop the shared instances recorded in .cache/test-services/state.json (both engines)\n' +
          '  status  show the recorded shared instances and whether they answer\n' +
          '  build [ferretdb|java|all]   build the launcher(s) if needed and print the path(s) (default: ferretdb)\n',
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
