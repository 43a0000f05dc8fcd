import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/**
 * The README's commands run as `npx hotello …` right after `npm start` or `npm test` on a fresh
 * clone. `npm test` runs scripts/ensure-ready.js first, which must leave the bin linked.
 */
describe('npx hotello', () => {
  it('runs the built CLI through the workspace bin link', () => {
    const result = spawnSync('npx', ['--no-install', 'hotello', 'validate', 'config/default.yaml'], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      timeout: 60_000,
    });
    expect(result.stderr).not.toMatch(/could not determine executable/);
    expect(result.stdout).toMatch(/config\/default\.yaml: OK/);
    expect(result.status).toBe(0);
  });
});
