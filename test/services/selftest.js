#!/usr/bin/env node
/**
 * Self-test for test/services (node builtins only; the repo's jest setup is not involved).
 *
 *   node test/services/selftest.js [--skip-java] [--shared-state]
 *
 * ensureSharedServices → ping both → reuse check → dedicated Mongo: write, stop, restart on the
 * same port, data still there, crash (SIGKILL) + restart → dedicated Redis: stop/restart →
 * engine 'java' (mongo-java-server): build, the repo's mongodb driver connects, atomicity,
 * restart = empty on the same port, shared instance via TEST_MONGO_ENGINE → orphan check (a
 * process that exits without stop() leaves nothing behind) → cleanup.
 * Exits non-zero on the first failure. `--skip-java` skips the java engine (no Java/Maven here).
 */
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

// By default the self-test keeps its state file / shared instances in a private temp dir, so it
// neither reuses nor disturbs shared services a developer (or a jest run) has going right now.
// The built launcher binary is still the repo's one. Pass --shared-state to use the real state.
let privateCacheDir = null;
if (!process.argv.includes('--shared-state') && !process.env.TEST_SERVICES_CACHE_DIR) {
  privateCacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotello-selftest-'));
  process.env.TEST_SERVICES_CACHE_DIR = privateCacheDir;
}
const services = require('./index.js');
const withJava = !process.argv.includes('--skip-java');

const timings = {};
async function timed(label, fn) {
  const t = process.hrtime.bigint();
  try {
    return await fn();
  } finally {
    timings[label] = Number((process.hrtime.bigint() - t) / 1_000_000n);
  }
}
function step(msg) {
  process.stdout.write(`• ${msg}\n`);
}

// --- a tiny BSON codec + OP_MSG client, just enough for insert/find --------------------------

function encodeDoc(obj) {
  const parts = [];
  for (const [key, value] of Object.entries(obj)) {
    const name = Buffer.from(`${key}\0`);
    if (typeof value === 'string') {
      const s = Buffer.from(`${value}\0`);
      const len = Buffer.alloc(4);
      len.writeInt32LE(s.length);
      parts.push(Buffer.from([0x02]), name, len, s);
    } else if (Number.isInteger(value) && Math.abs(value) < 2 ** 31) {
      const b = Buffer.alloc(4);
      b.writeInt32LE(value);
      parts.push(Buffer.from([0x10]), name, b);
    } else if (typeof value === 'number') {
      const b = Buffer.alloc(8);
      b.writeDoubleLE(value);
      parts.push(Buffer.from([0x01]), name, b);
    } else if (typeof value === 'boolean') {
      parts.push(Buffer.from([0x08]), name, Buffer.from([value ? 1 : 0]));
    } else if (value === null) {
      parts.push(Buffer.from([0x0a]), name);
    } else if (Array.isArray(value)) {
      parts.push(Buffer.from([0x04]), name, encodeDoc(Object.fromEntries(value.map((v, i) => [String(i), v]))));
    } else if (typeof value === 'object') {
      parts.push(Buffer.from([0x03]), name, encodeDoc(value));
    } else {
      throw new Error(`unsupported BSON value for ${key}`);
    }
  }
  const body = Buffer.concat(parts);
  const len = Buffer.alloc(4);
  len.writeInt32LE(body.length + 5);
  return Buffer.concat([len, body, Buffer.from([0])]);
}

function decodeDoc(buf, offset = 0, asArray = false) {
  const end = offset + buf.readInt32LE(offset);
  const out = asArray ? [] : {};
  let i = offset + 4;
  while (i < end - 1) {
    const type = buf[i++];
    const nameEnd = buf.indexOf(0, i);
    const key = buf.toString('utf8', i, nameEnd);
    i = nameEnd + 1;
    let value;
    switch (type) {
      case 0x01:
        value = buf.readDoubleLE(i);
        i += 8;
        break;
      case 0x02: {
        const n = buf.readInt32LE(i);
        value = buf.toString('utf8', i + 4, i + 4 + n - 1);
        i += 4 + n;
        break;
      }
      case 0x03:
      case 0x04: {
        const n = buf.readInt32LE(i);
        value = decodeDoc(buf, i, type === 0x04);
        i += n;
        break;
      }
      case 0x07:
        value = { $oid: buf.toString('hex', i, i + 12) };
        i += 12;
        break;
      case 0x08:
        value = buf[i] === 1;
        i += 1;
        break;
      case 0x09:
        value = new Date(Number(buf.readBigInt64LE(i)));
        i += 8;
        break;
      case 0x0a:
        value = null;
        break;
      case 0x10:
        value = buf.readInt32LE(i);
        i += 4;
        break;
      case 0x11:
      case 0x12:
        value = Number(buf.readBigInt64LE(i));
        i += 8;
        break;
      default:
        throw new Error(`unsupported BSON type 0x${type.toString(16)}`);
    }
    if (asArray) out.push(value);
    else out[key] = value;
  }
  return out;
}

function mongoCommand(port, cmd) {
  return new Promise((resolve, reject) => {
    const doc = encodeDoc(cmd);
    const header = Buffer.alloc(16);
    header.writeInt32LE(16 + 5 + doc.length, 0);
    header.writeInt32LE(1, 4);
    header.writeInt32LE(2013, 12);
    const msg = Buffer.concat([header, Buffer.alloc(4), Buffer.from([0]), doc]);
    const socket = net.connect({ host: '127.0.0.1', port });
    let buf = Buffer.alloc(0);
    socket.setTimeout(5000, () => socket.destroy(new Error('mongo command timed out')));
    socket.on('connect', () => socket.write(msg));
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length >= 4 && buf.length >= buf.readInt32LE(0)) {
        socket.end();
        const reply = decodeDoc(buf, 21);
        if (reply.ok !== 1) reject(new Error(`mongo ${Object.keys(cmd)[0]} failed: ${JSON.stringify(reply)}`));
        else resolve(reply);
      }
    });
    socket.on('error', reject);
  });
}

function redisCommand(port, ...args) {
  return new Promise((resolve, reject) => {
    const payload = `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(String(a))}\r\n${a}\r\n`).join('')}`;
    const socket = net.connect({ host: '127.0.0.1', port });
    let buf = '';
    socket.setTimeout(5000, () => socket.destroy(new Error('redis command timed out')));
    socket.on('connect', () => socket.write(payload));
    socket.on('data', (chunk) => {
      buf += chunk.toString();
      // enough for simple strings, errors, integers, and bulk strings
      const m = /^([+\-:])(.*)\r\n$/.exec(buf) || /^\$(-1)\r\n$/.exec(buf) || /^\$(\d+)\r\n([\s\S]*)\r\n$/.exec(buf);
      if (m) {
        socket.end();
        if (buf[0] === '-') reject(new Error(buf.trim()));
        else if (buf.startsWith('$-1')) resolve(null);
        else if (buf[0] === '$') resolve(m[2]);
        else resolve(m[2]);
      }
    });
    socket.on('error', reject);
  });
}

const findAll = async (port, db, coll) => (await mongoCommand(port, { find: coll, filter: {}, $db: db })).cursor.firstBatch;

/** Which shared instances were already running before we started (those must survive stop()). */
async function priorSharedState() {
  let state = {};
  try {
    state = JSON.parse(fs.readFileSync(services.paths.stateFile, 'utf8'));
  } catch {
    // none
  }
  return {
    mongo: !!state.mongo && (await services.pingMongo(state.mongo.uri)),
    redis: !!state.redis && (await services.pingRedis(state.redis.url)),
  };
}

/** The repo's `mongodb` driver (node_modules at the repo root), or null when not installed. */
function repoMongoDriver() {
  try {
    return require(require.resolve('mongodb', { paths: [services.paths.repoRoot] }));
  } catch {
    return null;
  }
}

function driverVersion() {
  try {
    return require(require.resolve('mongodb/package.json', { paths: [services.paths.repoRoot] })).version;
  } catch {
    return '(version unknown)';
  }
}

/** Engine 'java' (mongo-java-server in memory). Returns the shared handle it started (to stop at the end). */
async function javaEngineChecks(shared) {
  step('engine java: buildJavaMongoLauncher()');
  const jar = await timed('buildJavaMongoLauncher', () => services.buildJavaMongoLauncher());
  assert.equal(jar, services.paths.javaLauncherJar);

  step("engine java: startMongo({ engine: 'java' }) dedicated: write, read, wire version ≥ 9");
  const jm = await timed('startMongo java (dedicated, cached jar)', () => services.startMongo({ engine: 'java' }));
  const port = jm.port;
  assert.equal(jm.engine, 'java');
  assert.equal(jm.dataDir, null);
  assert.ok(port > 0 && jm.uri === `mongodb://127.0.0.1:${port}/`, `uri ${jm.uri}`);
  assert.ok(await services.pingMongo(jm.uri), 'java mongo answers ping');
  const isMaster = await mongoCommand(port, { isMaster: 1, $db: 'admin' });
  assert.ok(isMaster.maxWireVersion >= 9, `maxWireVersion ${isMaster.maxWireVersion} (the Node driver 7 needs ≥ 9)`);
  await mongoCommand(port, { insert: 'things', documents: [{ _id: 'a', n: 1, tags: ['x', 'y'], nested: { ok: true } }], $db: 'selftest' });
  assert.deepEqual(await findAll(port, 'selftest', 'things'), [{ _id: 'a', n: 1, tags: ['x', 'y'], nested: { ok: true } }]);

  const driver = repoMongoDriver();
  if (driver) {
    step(`engine java: the repo's mongodb driver ${driverVersion()} connects, upserts, sees 11000 on duplicates`);
    const client = await driver.MongoClient.connect(jm.uri, { serverSelectionTimeoutMS: 5000 });
    try {
      const coll = client.db('selftest').collection('driver');
      await coll.createIndex({ hotelId: 1, key: 1 }, { unique: true });
      const upsert = () =>
        coll.findOneAndUpdate(
          { hotelId: 'h', key: 'k' },
          { $setOnInsert: { createdAt: new Date(0) }, $inc: { n: 1 } },
          { upsert: true, returnDocument: 'after' },
        );
      assert.equal((await upsert()).n, 1);
      assert.equal((await upsert()).n, 2);
      await assert.rejects(coll.insertOne({ hotelId: 'h', key: 'k' }), (err) => err.code === 11000);
      await coll.insertOne({ hotelId: 'h', key: 'other' });
      await assert.rejects(coll.updateOne({ key: 'other' }, { $set: { key: 'k' } }), (err) => err.code === 11000);
      assert.equal(await coll.countDocuments({ hotelId: 'h' }), 2);
    } finally {
      await client.close();
    }
  } else {
    step('engine java: the mongodb driver is not installed at the repo root: driver checks skipped');
  }

  step('engine java: concurrent conditional updates of one document: exactly one wins, no lost $inc');
  await mongoCommand(port, { insert: 'locks', documents: [{ _id: 'l', status: 'free', n: 0 }], $db: 'selftest' });
  const replies = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      mongoCommand(port, {
        update: 'locks',
        updates: [{ q: { _id: 'l', status: 'free' }, u: { $set: { status: 'taken', by: i } } }],
        $db: 'selftest',
      }),
    ),
  );
  assert.equal(replies.filter((r) => r.nModified === 1).length, 1, 'exactly one conditional update wins');
  await Promise.all(
    Array.from({ length: 20 }, () =>
      mongoCommand(port, { update: 'locks', updates: [{ q: { _id: 'l' }, u: { $inc: { n: 1 } } }], $db: 'selftest' }),
    ),
  );
  const [lock] = (await mongoCommand(port, { find: 'locks', filter: { _id: 'l' }, $db: 'selftest' })).cursor.firstBatch;
  assert.equal(lock.n, 20, 'no lost $inc under concurrency');

  step('engine java: stop, restart on the same port → empty (in memory); stop with a client connected is quick');
  await timed('java mongo stop (SIGTERM)', () => jm.stop());
  assert.equal(jm.running, false);
  assert.equal(await services.pingMongo(jm.uri, 300), false, 'stopped java mongo must not answer');
  await timed('java mongo restart', () => jm.restart());
  assert.equal(jm.port, port, 'same port after restart');
  assert.deepEqual(await findAll(port, 'selftest', 'things'), [], 'in-memory: restart gives an empty server');
  await mongoCommand(port, { insert: 'things', documents: [{ _id: 'b' }], $db: 'selftest' });
  await jm.stop({ signal: 'SIGKILL' });
  await jm.restart();
  assert.deepEqual(await findAll(port, 'selftest', 'things'), [], 'in-memory: empty after a crash too');
  const idle = net.connect({ host: '127.0.0.1', port });
  idle.on('error', () => {});
  await new Promise((r) => idle.once('connect', r));
  await timed('java mongo stop with a client connected', () => jm.stop());
  idle.destroy();
  assert.ok(timings['java mongo stop with a client connected'] < 3000);

  step("engine java: startMongo({ engine: 'java', port }) honours it; dataDir and unknown engines are rejected");
  const wantPort = await new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const p = srv.address().port;
      srv.close(() => resolve(p));
    });
  });
  const jm2 = await services.startMongo({ engine: 'java', port: wantPort });
  assert.equal(jm2.port, wantPort);
  assert.ok(await services.pingMongo(jm2.uri));
  await assert.rejects(services.startMongo({ engine: 'java', port: wantPort }), (err) => {
    assert.match(err.message, /failed to start/);
    assert.match(err.message, /address already in use/i);
    return true;
  });
  await jm2.stop();
  await assert.rejects(services.startMongo({ engine: 'java', dataDir: os.tmpdir() }), /dataDir is not supported/);
  await assert.rejects(services.startMongo({ engine: 'mongod' }), /Unknown Mongo engine "mongod"/);

  step('engine java: shared instance via TEST_MONGO_ENGINE=java, next to the FerretDB one; reused');
  const savedEngine = process.env.TEST_MONGO_ENGINE;
  let javaShared;
  try {
    process.env.TEST_MONGO_ENGINE = 'java';
    javaShared = await timed('ensureSharedServices java (1st call)', () => services.ensureSharedServices());
    if (process.env.MONGODB_URI) {
      assert.equal(javaShared.mongoEngine, null);
    } else {
      assert.equal(javaShared.mongoEngine, 'java');
      assert.notEqual(javaShared.mongoUri, shared.mongoUri, 'a separate instance from the FerretDB one');
      const isMasterShared = await mongoCommand(Number(new URL(javaShared.mongoUri).port), { isMaster: 1, $db: 'admin' });
      assert.ok(isMasterShared.maxWireVersion >= 9);
      const again = await services.ensureSharedServices();
      assert.equal(again.mongoUri, javaShared.mongoUri, 'reused');
      const ferret = await services.ensureSharedServices({ mongoEngine: 'ferretdb' });
      assert.equal(ferret.mongoUri, shared.mongoUri, 'the FerretDB shared instance is still the one');
      assert.equal(ferret.mongoEngine, 'ferretdb');
    }
    assert.equal(javaShared.redisUrl, shared.redisUrl);
    process.env.TEST_MONGO_ENGINE = 'postgres';
    if (!process.env.MONGODB_URI)
      await assert.rejects(services.ensureSharedServices(), /Unknown Mongo engine "postgres" \(TEST_MONGO_ENGINE\)/);
  } finally {
    if (savedEngine === undefined) delete process.env.TEST_MONGO_ENGINE;
    else process.env.TEST_MONGO_ENGINE = savedEngine;
  }
  return javaShared;
}

// --- the test ----------------------------------------------------------------------------------

async function main() {
  const envNote = [process.env.MONGODB_URI && 'MONGODB_URI', process.env.REDIS_URL && 'REDIS_URL'].filter(Boolean);
  if (envNote.length) step(`note: ${envNote.join(' and ')} set in the environment: those are used as they are`);

  step('buildFerretLauncher()');
  const bin = await timed('buildFerretLauncher', () => services.buildFerretLauncher());
  assert.equal(bin, services.paths.launcherBin);

  step('ensureSharedServices()');
  const prior = await priorSharedState();
  const shared = await timed('ensureSharedServices (1st call)', () => services.ensureSharedServices());
  step(`  mongo ${shared.mongoUri}  redis ${shared.redisUrl}`);
  assert.ok(await services.pingMongo(shared.mongoUri), 'shared mongo answers ping');
  assert.ok(await services.pingRedis(shared.redisUrl), 'shared redis answers PING');

  step('ensureSharedServices() again reuses the running instances');
  const again = await timed('ensureSharedServices (reuse)', () => services.ensureSharedServices());
  assert.equal(again.mongoUri, shared.mongoUri);
  assert.equal(again.redisUrl, shared.redisUrl);
  await again.stop(); // started nothing → stops nothing
  assert.ok(await services.pingMongo(shared.mongoUri), 'reused mongo still up after the reuser stopped');
  assert.ok(await services.pingRedis(shared.redisUrl), 'reused redis still up after the reuser stopped');

  step('startMongo() dedicated: write, stop, restart on the same port, data survives');
  const mongo = await timed('startMongo (dedicated, cached binary)', () => services.startMongo());
  const { port } = mongo;
  assert.ok(port > 0 && mongo.uri === `mongodb://127.0.0.1:${port}/`, `uri ${mongo.uri}`);
  await mongoCommand(port, { insert: 'things', documents: [{ _id: 'a', n: 1, tags: ['x', 'y'], nested: { ok: true } }], $db: 'selftest' });
  assert.deepEqual(await findAll(port, 'selftest', 'things'), [{ _id: 'a', n: 1, tags: ['x', 'y'], nested: { ok: true } }]);
  await timed('mongo stop (SIGTERM)', () => mongo.stop());
  assert.equal(mongo.running, false);
  assert.equal(await services.pingMongo(mongo.uri, 300), false, 'stopped mongo must not answer');
  await timed('mongo restart', () => mongo.restart());
  assert.equal(mongo.port, port, 'same port after restart');
  assert.ok(await services.pingMongo(mongo.uri));
  assert.deepEqual(await findAll(port, 'selftest', 'things'), [{ _id: 'a', n: 1, tags: ['x', 'y'], nested: { ok: true } }]);

  const serialized = !['0', 'false', 'no'].includes(String(process.env.TEST_SERVICES_FERRETDB_SERIALIZE || '').toLowerCase());
  step(
    `concurrent conditional updates of one document: ${serialized ? 'exactly one wins (serialized)' : 'serialization disabled, skipped'}`,
  );
  if (serialized) {
    await mongoCommand(port, { insert: 'locks', documents: [{ _id: 'l', status: 'free', n: 0 }], $db: 'selftest' });
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        mongoCommand(port, {
          update: 'locks',
          updates: [{ q: { _id: 'l', status: 'free' }, u: { $set: { status: 'taken', by: i } } }],
          $db: 'selftest',
        }),
      ),
    );
    assert.equal(replies.filter((r) => r.nModified === 1).length, 1, 'exactly one conditional update wins');
    await Promise.all(
      Array.from({ length: 20 }, () =>
        mongoCommand(port, { update: 'locks', updates: [{ q: { _id: 'l' }, u: { $inc: { n: 1 } } }], $db: 'selftest' }),
      ),
    );
    const [lock] = (await mongoCommand(port, { find: 'locks', filter: { _id: 'l' }, $db: 'selftest' })).cursor.firstBatch;
    assert.equal(lock.n, 20, 'no lost $inc under concurrency');
  }

  step('startMongo() dedicated: crash (SIGKILL) with a client connected, restart, data survives');
  const idle = net.connect({ host: '127.0.0.1', port });
  idle.on('error', () => {});
  await mongoCommand(port, { insert: 'things', documents: [{ _id: 'b', n: 2 }], $db: 'selftest' });
  await mongo.stop({ signal: 'SIGKILL' });
  await mongo.restart();
  assert.deepEqual(
    (await findAll(port, 'selftest', 'things')).map((d) => d._id),
    ['a', 'b'],
  );
  step('  stop with a client still connected is quick (launcher -shutdown-timeout 300ms)');
  const idle2 = net.connect({ host: '127.0.0.1', port });
  idle2.on('error', () => {});
  await new Promise((r) => idle2.once('connect', r));
  await timed('mongo stop with a client connected', () => mongo.stop());
  idle.destroy();
  idle2.destroy();
  assert.ok(timings['mongo stop with a client connected'] < 3000);

  step('startMongo({ port, dataDir }) honours both');
  const wantPort = await new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
  const mongo2 = await services.startMongo({ port: wantPort, dataDir: mongo.dataDir });
  assert.equal(mongo2.port, wantPort);
  assert.deepEqual(
    (await findAll(wantPort, 'selftest', 'things')).map((d) => d._id),
    ['a', 'b'],
  );
  await mongo2.stop();

  step('startMongo() on a busy port fails with the launcher output in the message');
  await assert.rejects(services.startMongo({ port: Number(new URL(shared.mongoUri).port) }), (err) => {
    assert.match(err.message, /failed to start/);
    assert.match(err.message, /address already in use/);
    return true;
  });

  step('startRedis() dedicated: SET, stop, restart on the same port');
  const redis = await timed('startRedis (dedicated)', () => services.startRedis());
  assert.equal(redis.url, `redis://127.0.0.1:${redis.port}`);
  assert.equal(await redisCommand(redis.port, 'SET', 'k', 'v'), 'OK');
  assert.equal(await redisCommand(redis.port, 'GET', 'k'), 'v');
  const redisPort = redis.port;
  await timed('redis stop', () => redis.stop());
  assert.equal(await services.pingRedis(redis.url, 300), false, 'stopped redis must not answer');
  await timed('redis restart', () => redis.restart());
  assert.equal(redis.port, redisPort);
  assert.ok(await services.pingRedis(redis.url));
  assert.equal(await redisCommand(redis.port, 'GET', 'k'), null, 'no persistence: data is gone after restart');
  await redis.stop();

  let javaShared = null;
  if (withJava) javaShared = await javaEngineChecks(shared);
  else step('engine java: skipped (--skip-java)');

  step('a process that exits without calling stop() leaves no dedicated server behind');
  const child = spawnSync(
    process.execPath,
    [
      '-e',
      `const s = require(${JSON.stringify(path.join(__dirname, 'index.js'))});
      (async () => {
        const m = await s.startMongo(); const r = await s.startRedis();
        const j = ${withJava} ? await s.startMongo({ engine: 'java' }) : { port: 0 };
        console.log(m.port, r.port, j.port);
      })().catch((e) => { console.error(e); process.exit(1); });`,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  assert.equal(child.status, 0, child.stderr);
  const [orphanMongo, orphanRedis, orphanJava] = child.stdout.trim().split(' ').map(Number);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await services.tcpReachable('127.0.0.1', orphanMongo, 300), false, 'orphan mongo must be gone');
  assert.equal(await services.tcpReachable('127.0.0.1', orphanRedis, 300), false, 'orphan redis must be gone');
  if (withJava) assert.equal(await services.tcpReachable('127.0.0.1', orphanJava, 300), false, 'orphan java mongo must be gone');

  step('shared stop() stops only what the first call started');
  if (javaShared) {
    await javaShared.stop();
    if (!process.env.MONGODB_URI) assert.equal(await services.pingMongo(javaShared.mongoUri, 300), false, 'shared java mongo stopped');
  }
  await shared.stop();
  if (!process.env.MONGODB_URI) assert.equal(await services.pingMongo(shared.mongoUri, 300), prior.mongo, 'shared mongo');
  if (!process.env.REDIS_URL) assert.equal(await services.pingRedis(shared.redisUrl, 300), prior.redis, 'shared redis');

  process.stdout.write('\nOK — all checks passed\ntimings (ms):\n');
  for (const [k, v] of Object.entries(timings)) process.stdout.write(`  ${k.padEnd(40)} ${v}\n`);
}

main().then(
  () => {
    if (privateCacheDir) fs.rmSync(privateCacheDir, { recursive: true, force: true });
  },
  async (err) => {
    process.stderr.write(`\nSELFTEST FAILED: ${err.stack || err}\n`);
    if (privateCacheDir) {
      await services.stopSharedServices().catch(() => {});
      process.stderr.write(`(logs kept in ${privateCacheDir})\n`);
    }
    process.exit(1);
  },
);
