/**
 * Makes a MongoDB-compatible server and Redis available before any test file runs, and hands
 * their addresses to the workers through the environment (MONGODB_URI / REDIS_URL given by the
 * caller win, so the same suite runs against real MongoDB).
 */
const { ensureSharedServices } = require('../services');

module.exports = async function globalSetup() {
  const started = Date.now();
  globalThis.__HOTELLO_GIVEN_ENV__ = { MONGODB_URI: process.env.MONGODB_URI, REDIS_URL: process.env.REDIS_URL };
  const services = await ensureSharedServices();
  process.env.MONGODB_URI = services.mongoUri;
  process.env.REDIS_URL = services.redisUrl;
  globalThis.__HOTELLO_SERVICES__ = services;
  process.stderr.write(`\n[test-services] mongodb=${services.mongoUri} redis=${services.redisUrl} ready in ${Date.now() - started} ms\n`);
};
