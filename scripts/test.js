#!/usr/bin/env node
/**
 * `npm test`: every package's tests in parallel, then the suites that measure time on their own,
 * one file at a time: the reliability suite (several bot processes under load) and the webhook
 * fuzz suite (each answer within 100 ms). Sharing two cores with other test files would measure
 * the neighbours instead. Ends with one line counting both runs.
 * Arguments are passed to jest and run a single pass instead (`npm test -- core/test/store`).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const args = process.argv.slice(2);

function run(extra) {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hotello-jest-')), 'report.json');
  const result = spawnSync(process.execPath, [jest, ...extra, '--json', `--outputFile=${report}`], { cwd: root, stdio: 'inherit' });
  const summary = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : {};
  return {
    status: result.status ?? 1,
    passed: summary.numPassedTests ?? 0,
    failed: summary.numFailedTests ?? 0,
    ran: summary.numTotalTests ?? 0,
  };
}

if (args.length > 0) process.exit(run(args).status);

const measured = ['test/reliability', 'test/fuzz'];
const main = run(['--testPathIgnorePatterns', ...measured.map((dir) => `/${dir}/`)]);
const timed = run(['--runInBand', ...measured]);
const passed = main.passed + timed.passed;
const failed = main.failed + timed.failed;
const status = main.status || timed.status;
process.stdout.write(`\nTests: ${passed} passed, ${failed} failed\n`);
process.exit(status !== 0 || failed > 0 || main.ran === 0 ? 1 : 0);
