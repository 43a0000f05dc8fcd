/**
 * Test services: a MongoDB-compatible server and Redis (`redis-server`) on 127.0.0.1 for the
 * test suite. Two Mongo engines ({@link MongoEngine}):
 * - `'ferretdb'` (default): FerretDB v1 + SQLite, embedded in a small Go launcher. The
 *   compatibility target of the store's contract tests; data survives restarts.
 * - `'java'`: mongo-java-server's in-memory backend (a small Maven-built jar). For load suites
 *   and benchmarks: FerretDB v1/SQLite scans whole collections (see README.md).
 *
 * Environment:
 * - `MONGODB_URI` / `REDIS_URL`: when set, {@link ensureSharedServices} uses them as they are and
 *   starts nothing (point the suite at a real MongoDB 6+ / Redis this way).
 * - `TEST_MONGO_ENGINE`: `ferretdb` (default) or `java`: the engine of the shared instance.
 * - `TEST_SERVICES_CACHE_DIR`: where the state file, locks, logs and shared data live
 *   (default `<repo>/.cache/test-services`).
 * - `TEST_SERVICES_BIN_DIR`: where the launcher is built (default `<repo>/.cache/test-services/bin`).
 * - `TEST_SERVICES_START_TIMEOUT_MS`: readiness timeout per server start (default 30000).
 * - `TEST_SERVICES_FERRETDB_LOG_LEVEL`: launcher log level (`debug|info|warn|error`, default `error`).
 * - `TEST_SERVICES_JAVA_MONGO_LOG_LEVEL`: mongo-java-server log level (`trace|debug|info|warn|error|off`,
 *   default `off`: it logs every failed command, e.g. each duplicate key, with a stack trace).
 * - `TEST_SERVICES_JAVA_MONGO_WORKER_THREADS`: Netty worker threads (default 1: commands run one at a time).
 * - `TEST_SERVICES_JAVA_MONGO_JVM_OPTS`: extra JVM flags, whitespace-separated (e.g. `-Xmx2g`).
 *
 * See README.md in this directory for the FerretDB limitations product code must avoid.
 */

/**
 * `'ferretdb'`: FerretDB v1.24 + SQLite (persistent, restartable with data; scans whole
 * collections). `'java'`: mongo-java-server 1.47 in-memory backend (fast at 100k documents; all
 * data is lost when it stops).
 */
export type MongoEngine = 'ferretdb' | 'java';

/** Addresses of the shared servers used by the whole test run. */
export interface SharedServices {
  /** e.g. `mongodb://127.0.0.1:41234/` (or `MONGODB_URI` verbatim). Append a database name as needed. */
  readonly mongoUri: string;
  /** Engine behind {@link SharedServices.mongoUri}; `null` when `MONGODB_URI` was given. */
  readonly mongoEngine: MongoEngine | null;
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

interface MongoHandleBase {
  readonly engine: MongoEngine;
  /** `mongodb://127.0.0.1:PORT/`; unchanged across {@link MongoHandleBase.restart}. */
  readonly uri: string;
  readonly port: number;
  /** Launcher output (stdout + stderr) of every start of this instance. */
  readonly logFile: string;
  /** Whether the server process is currently running. */
  readonly running: boolean;
  /** Stops the server and waits for the process to exit. No-op when already stopped. */
  stop(options?: StopOptions): Promise<void>;
  /** Stops it if running, then starts it again on the same port; resolves when ready. */
  restart(): Promise<void>;
}

/** A dedicated FerretDB (SQLite): data is kept across {@link FerretMongoHandle.stop} / `restart()`, also after SIGKILL. */
export interface FerretMongoHandle extends MongoHandleBase {
  readonly engine: 'ferretdb';
  /** SQLite directory; kept across stop/restart (a temp dir unless given, removed when the process exits). */
  readonly dataDir: string;
}

/**
 * A dedicated mongo-java-server (in-memory backend). Everything lives in the JVM's memory:
 * `restart()` (and a restart after `stop({ signal: 'SIGKILL' })`) gives an **empty** server on
 * the same port.
 */
export interface JavaMongoHandle extends MongoHandleBase {
  readonly engine: 'java';
  /** Always `null`: nothing is stored on disk. */
  readonly dataDir: null;
}

/** A dedicated MongoDB-compatible server owned by the caller (e.g. for outage/recovery tests). */
export type MongoHandle = FerretMongoHandle | JavaMongoHandle;

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

export interface StartFerretMongoOptions {
  /** Default `'ferretdb'`. */
  engine?: 'ferretdb';
  /** Loopback port to listen on; default: a free one. */
  port?: number;
  /** SQLite data directory (created if missing); default: a fresh temp dir. */
  dataDir?: string;
}

export interface StartJavaMongoOptions {
  engine: 'java';
  /** Loopback port to listen on; default: a free one. */
  port?: number;
  /** Not supported (in-memory): passing one throws a {@link TestServicesError}. */
  dataDir?: never;
}

export type StartMongoOptions = StartFerretMongoOptions | StartJavaMongoOptions;

export interface EnsureSharedServicesOptions {
  /** Engine of the shared Mongo instance; default: `TEST_MONGO_ENGINE`, else `'ferretdb'`. Ignored when `MONGODB_URI` is set. */
  mongoEngine?: MongoEngine;
}

export interface StartRedisOptions {
  /** Loopback port to listen on; default: a free one. */
  port?: number;
}

/**
 * Makes a MongoDB-compatible server and Redis available, idempotently:
 * 1. `MONGODB_URI` / `REDIS_URL` from the environment are used as they are (nothing started);
 * 2. otherwise a shared instance recorded in `.cache/test-services/state.json` is reused if it
 *    answers (Mongo `ping` / Redis `PING`); each Mongo engine has its own shared instance
 *    (`TEST_MONGO_ENGINE` or `options.mongoEngine` picks one, default `'ferretdb'`);
 * 3. otherwise a new one is started on a free loopback port and recorded there.
 *
 * Shared servers run in their own process group with output in `.cache/test-services/logs/`, so
 * they may outlive the calling process (e.g. `node test/services/index.js start`); `stop()` kills
 * the ones this call started. The first call on a machine builds the FerretDB launcher (minutes),
 * or with the 'java' engine the mongo-java-server jar (seconds to a minute, Maven Central).
 *
 * @throws {TestServicesError} with instructions when Go (ferretdb), Java 17+/Maven (java) or
 * redis-server is unavailable (redis-server is apt-installed automatically when running as root
 * on Debian/Ubuntu), or when `TEST_MONGO_ENGINE` is not a known engine.
 */
export function ensureSharedServices(options?: EnsureSharedServicesOptions): Promise<SharedServices>;

/**
 * Starts a dedicated server: FerretDB (SQLite) by default, or mongo-java-server in memory with
 * `{ engine: 'java' }`. It is killed when the calling process exits (and by the launcher itself
 * if the caller dies abruptly).
 */
export function startMongo(options: StartJavaMongoOptions): Promise<JavaMongoHandle>;
export function startMongo(options?: StartFerretMongoOptions): Promise<FerretMongoHandle>;
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
 * Builds the mongo-java-server launcher with Maven into `.cache/test-services/bin/java-mongo-launcher.jar`
 * (one shaded jar) unless it is already built from the current pom.xml and `src/` (hash kept in
 * a `.stamp` file next to it). Resolves with the jar's absolute path. Safe to call concurrently.
 * Needs Java 17+ and Maven ≥3.6.3 (and Maven Central for the first build).
 */
export function buildJavaMongoLauncher(): Promise<string>;

/**
 * Stops the shared servers recorded in the state file (both Mongo engines and Redis), whoever
 * started them (what the CLI's `stop` does). Resolves with a description of each server stopped.
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
  javaLauncherJar: string;
  javaLauncherSrc: string;
}>;

/** Thrown for setup problems; the message says what to do. */
export class TestServicesError extends Error {
  name: 'TestServicesError';
}
