import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { collectCases, exampleBlocks, writeBlocks } from '../fakes/readme-examples';

/**
 * The root README's "A plugin in a few lines" must run exactly as written: its three code
 * blocks (plugin, config, test) are written to a fresh folder at the paths their first-line
 * comments name, and the test block runs there, with the config's relative plugin path
 * resolved from the config file as the kernel does.
 */
const README = path.join(__dirname, '../../README.md');

describe('the README plugin example', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotello-readme-'));
  const blocks = exampleBlocks(README, 'A plugin in a few lines');
  const cwd = process.cwd();
  afterAll(() => {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has a plugin, a config naming it relative to itself, and a test', () => {
    expect(blocks.map((b) => path.extname(b.file))).toEqual(['.ts', '.yaml', '.ts']);
    writeBlocks(dir, blocks);
    const [plugin, config] = blocks;
    const uses = (YAML.parse(config!.code) as { plugins: { use: string }[] }).plugins.map((p) => p.use);
    const local = uses.filter((u) => u.startsWith('.')).map((u) => path.resolve(path.dirname(path.join(dir, config!.file)), u));
    expect(local.map((p) => `${p}.ts`)).toEqual([path.join(dir, plugin!.file)]);
  });

  it('runs its test as written', async () => {
    const cases = collectCases(path.join(dir, blocks[2]!.file));
    expect(cases.length).toBeGreaterThan(0);
    process.chdir(dir);
    try {
      for (const { run } of cases) await run();
    } finally {
      process.chdir(cwd);
    }
  });
});
