// Decorator metadata for tsyringe must exist before any decorated class loads.
require('reflect-metadata');
// Tests log nothing unless asked: set HOTELLO_TEST_LOG=debug to see a bot's logs.
process.env.HOTELLO_TEST_LOG = process.env.HOTELLO_TEST_LOG || 'silent';
