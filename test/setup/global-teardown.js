module.exports = async function globalTeardown() {
  const services = globalThis.__HOTELLO_SERVICES__;
  if (services) await services.stop();
  // Under `jest --watch` the next run must not reuse addresses of servers stopped just now.
  const given = globalThis.__HOTELLO_GIVEN_ENV__ || {};
  for (const name of ['MONGODB_URI', 'REDIS_URL']) {
    if (given[name] === undefined) delete process.env[name];
    else process.env[name] = given[name];
  }
};
