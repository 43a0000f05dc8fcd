/**
 * Test services: a MongoDB-compatible server (FerretDB v1 + SQLite, embedded in a small Go
 * launcher) and Redis (`redis-server`) on 127.0.0.1 for the test suite.
 *
 * Environment:
 * - `MONGODB_URI` / `REDIS_URL`: when set, {@link ensureSharedServices} uses them as they are and
 *   starts nothing (point the suite at a real MongoDB 6+ / Redis this way).
 * - `TEST_SERVICES_CACHE_DIR`: where the state file, locks, logs and shared data live
 *   (default `<repo>/.cache/test-services`).
 * - `TEST_SERVICES_BIN_DIR`: where the launcher is built (default `<repo>/.cache/test-services/bin`).
 * - `TEST_SERVICES_START_TIMEOUT_MS`: readiness timeout per server start (default 30000).
 * - `TEST_SERVICES_FERRETDB_LOG_LEVEL`: launcher log level (`debug|info|warn|error`, default `error`).
 *
 * See README.md in this directory for the FerretDB limitations product code must avoid.
 */

/** Addresses of the shared servers used by the whole test run. */
export interface SharedServices {
  /** e.g. `mongodb://127.0.0.1:41234/` (or `MONGODB_URI` verbatim). Append a database name as needed. */
  readonly mongoUri: string;
  /** e.g. `redis://127.0.0.1:41235` (or `REDIS_URL` verbatim). */
  readonly redisUrl: string;
  /**
   * Stops only the servers this call started; reused ones (already running, recorded in the state
   * file, or given via the environment) keep running. Idempotent.
   */
  stop(): Promise<void>;
}

export interface StopOptions {
  /**
   * `SIGTERM` (default): clean shutdown (the launcher gives connected clients 300 ms).
   * `SIGKILL`: simulate a crash.
   */
  signal?: 'SIGTERM' | 'SIGKILL';
}

/** A dedicated MongoDB-compatible server owned by the caller (e.g. for outage/recovery tests). */
export interface MongoHandle {
  /** `mongodb://127.0.0.1:PORT/`; unchanged across {@link MongoHandle.restart}. */
  readonly uri: string;
  readonly port: number;
  /** SQLite directory; kept across stop/restart (a temp dir unless given, removed when the process exits). */
  readonly dataDir: string;
  /** Launcher output (stdout + stderr) of every start of this instance. */
  readonly logFile: string;
  /** Whether the server process is currently running. */
  readonly running: boolean;
  /** Stops the server and waits for the process to exit; data is kept. No-op when already stopped. */
  stop(options?: StopOptions): Promise<void>;
  /** Stops it if running, then starts it again on the same port with the same data dir; resolves when ready. */
  restart(): Promise<void>;
}

/** A dedicated Redis server owned by the caller. No persistence: a restarted server is empty. */
export interface RedisHandle {
  /** `redis://127.0.0.1:PORT`; unchanged across {@link RedisHandle.restart}. */
  readonly url: string;
  readonly port: number;
  /** redis-server output of every start of this instance. */
  readonly logFile: string;
  /** Whether the server process is currently running. */
  readonly running: boolean;
  /** Stops the server and waits for the process to exit. No-op when already stopped. */
  stop(options?: StopOptions): Promise<void>;
  /** Stops it if running, then starts it again on the same port; resolves when it answers PING. */
  restart(): Promise<void>;
}

export interface StartMongoOptions {
  /** Loopback port to listen on; default: a free one. */
  port?: number;
  /** SQLite data directory (created if missing); default: a fresh temp dir. */
  dataDir?: string;
}

export interface StartRedisOptions {
  /** Loopback port to listen on; default: a free one. */
  port?: number;
}

/**
 * Makes a MongoDB-compatible server and Redis available, idempotently:
 * 1. `MONGODB_URI` / `REDIS_URL` from the environment are used as they are (nothing started);
 * 2. otherwise a shared instance recorded in `.cache/test-services/state.json` is reused if it
 *    answers (Mongo `ping` / Redis `PING`);
 * 3. otherwise a new one is started on a free loopback port and recorded there.
 *
 * Shared servers run in their own process group with output in `.cache/test-services/logs/`, so
 * they may outlive the calling process (e.g. `node test/services/index.js start`); `stop()` kills
 * the ones this call started. The first call on a machine builds the FerretDB launcher (minutes).
 *
 * @throws {TestServicesError} with instructions when Go or redis-server is unavailable
 * (redis-server is apt-installed automatically when running as root on Debian/Ubuntu).
 */
export function ensureSharedServices(): Promise<SharedServices>;

/**
 * Starts a dedicated FerretDB (SQLite) server. It is killed when the calling process exits
 * (and by the launcher itself if the caller dies abruptly).
 */
export function startMongo(options?: StartMongoOptions): Promise<MongoHandle>;

/** Starts a dedicated `redis-server --save '' --appendonly no --bind 127.0.0.1` (no config file). */
export function startRedis(options?: StartRedisOptions): Promise<RedisHandle>;

/**
 * Builds the FerretDB launcher into `.cache/test-services/bin/ferretdb-launcher` unless it is
 * already built from the current go.mod/go.sum/main.go (hash kept in a `.stamp` file next to it).
 * Resolves with the binary's absolute path. Safe to call concurrently from several processes.
 */
export function buildFerretLauncher(): Promise<string>;

/**
 * Stops the shared servers recorded in the state file, whoever started them (what the CLI's
 * `stop` does). Resolves with a description of each server stopped.
 */
export function stopSharedServices(): Promise<string[]>;

/** True if a MongoDB wire-protocol server at `uri` (first host only, no auth/TLS) answers `ping` with `ok: 1`. */
export function pingMongo(uri: string, timeoutMs?: number): Promise<boolean>;

/** True if the Redis server at `url` (no AUTH/TLS) answers `PING` with `+PONG`. */
export function pingRedis(url: string, timeoutMs?: number): Promise<boolean>;

/** True if a TCP connection to `host:port` can be opened. */
export function tcpReachable(host: string, port: number, timeoutMs?: number): Promise<boolean>;

/** Resolved locations used by this module. */
export const paths: Readonly<{
  repoRoot: string;
  cacheDir: string;
  binDir: string;
  stateFile: string;
  launcherBin: string;
  launcherSrc: string;
}>;

/** Thrown for setup problems; the message says what to do. */
export class TestServicesError extends Error {
  name: 'TestServicesError';
}
