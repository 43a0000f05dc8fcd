module.exports = async function globalTeardown() {
  const services = globalThis.__HOTELLO_SERVICES__;
  if (services) await services.stop();
};
