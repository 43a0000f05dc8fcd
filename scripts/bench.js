#!/usr/bin/env node
/**
 * `npm run bench -- <name> [args]` runs test/bench/<name>.bench.ts. Benchmarks print ratios
 * against a baseline measured in the same run, never absolute pass/fail thresholds.
 * TypeScript runs through @swc-node/register (decorator metadata included) with the root
 * tsconfig's path mapping, so benches use the sources.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const benchDir = path.join(root, 'test', 'bench');
const available = fs.existsSync(benchDir)
  ? fs
      .readdirSync(benchDir)
      .filter((f) => f.endsWith('.bench.ts'))
      .map((f) => f.replace('.bench.ts', ''))
  : [];
const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|')}> [args]`);
  process.exit(name ? 1 : 0);
}
const result = spawnSync(
  process.execPath,
  ['-r', '@swc-node/register', '-r', 'reflect-metadata', path.join(benchDir, `${name}.bench.ts`), ...args],
  {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'tsconfig.json'), SWC_NODE_PROJECT: path.join(root, 'tsconfig.json') },
  },
);
process.exit(result.status ?? 1);
