/**
 * One jest run covers every package. Sources are transformed by @swc/jest with decorator
 * metadata (tsyringe needs it), and workspace imports map to sources so tests never depend
 * on a stale build.
 */
const fs = require('node:fs');
const path = require('node:path');

const swc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/core', '<rootDir>/adapters', '<rootDir>/plugins', '<rootDir>/test'].filter((r) =>
    fs.existsSync(r.replace('<rootDir>', __dirname)),
  ),
  testMatch: ['**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.(t|j)s$': ['@swc/jest', { ...swc, swcrc: false }],
    // langchain's CommonJS build loads provider packages with `import()`, which jest's CommonJS
    // runtime refuses; compiled like our sources it becomes `require` (see core/src/llm/load-langchain.ts).
    '/node_modules/langchain/.+\\.cjs$': ['@swc/jest', { ...swc, swcrc: false }],
  },
  // jose ships as an ES module only; jest's CommonJS runtime needs it compiled like our sources.
  transformIgnorePatterns: ['/node_modules/(?!(jose|langchain)/)'],
  moduleNameMapper: {
    '^@hotello/core$': '<rootDir>/core/src/index.ts',
    '^@hotello/core/testing$': '<rootDir>/core/src/testing/index.ts',
    '^@hotello/core/internal$': '<rootDir>/core/src/internal.ts',
    '^@hotello/adapter-(.*)$': '<rootDir>/adapters/$1/src/index.ts',
    '^@hotello/plugin-(.*)$': '<rootDir>/plugins/$1/src/index.ts',
  },
  globalSetup: '<rootDir>/test/setup/global-setup.js',
  globalTeardown: '<rootDir>/test/setup/global-teardown.js',
  setupFiles: ['<rootDir>/test/setup/per-file.js'],
  testTimeout: 30000,
  maxWorkers: 2,
};
