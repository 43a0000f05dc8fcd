import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';

/**
 * The root README's "A plugin in a few lines" must run exactly as written: its three code
 * blocks (plugin, config, test) are written to a fresh folder at the paths their first-line
 * comments name, and the test block runs there, with the config's relative plugin path
 * resolved from the config file as the kernel does.
 */
const README = path.join(__dirname, '../../README.md');

interface Block {
  readonly file: string;
  readonly code: string;
}

function exampleBlocks(): Block[] {
  const text = fs.readFileSync(README, 'utf8');
  const start = text.indexOf('## A plugin in a few lines');
  const section = text.slice(start, text.indexOf('\n## ', start + 1));
  return [...section.matchAll(/```(?:ts|yaml)\n([\s\S]*?)```/g)].map(([, code]) => {
    const first = /^(?:\/\/|#) (\S+)/.exec(code!);
    if (!first) throw new Error(`README example block does not name its file on its first line:\n${code}`);
    return { file: first[1]!, code: code! };
  });
}

/** Collects the block's `it(...)` cases instead of nesting tests inside this one. */
function collectCases(file: string): [string, () => Promise<void>][] {
  const cases: [string, () => Promise<void>][] = [];
  const globals = globalThis as unknown as { it: unknown };
  const realIt = globals.it;
  globals.it = (name: string, fn: () => Promise<void>) => cases.push([name, fn]);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the README's test, loaded as written
    require(file);
  } finally {
    globals.it = realIt;
  }
  return cases;
}

describe('the README plugin example', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotello-readme-'));
  const blocks = exampleBlocks();
  const cwd = process.cwd();
  afterAll(() => {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has a plugin, a config naming it relative to itself, and a test', () => {
    expect(blocks.map((b) => path.extname(b.file))).toEqual(['.ts', '.yaml', '.ts']);
    for (const block of blocks) {
      fs.mkdirSync(path.dirname(path.join(dir, block.file)), { recursive: true });
      fs.writeFileSync(path.join(dir, block.file), block.code);
    }
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
      for (const [, run] of cases) await run();
    } finally {
      process.chdir(cwd);
    }
  });
});
