import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * core/README.md's "Jobs" example must run as written: its plugin and test blocks are written
 * to a fresh folder at the paths their first-line comments name, and the test block runs there.
 */
const README = path.join(__dirname, '../../core/README.md');

function exampleBlocks(): { file: string; code: string }[] {
  const text = fs.readFileSync(README, 'utf8');
  const start = text.indexOf('\n## Jobs\n');
  if (start < 0) throw new Error('core/README.md has no "## Jobs" section');
  const section = text.slice(start, text.indexOf('\n## ', start + 1));
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map(([, code]) => {
    const first = /^\/\/ (\S+)/.exec(code!);
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

describe('the core README jobs example', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotello-jobs-readme-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs its test as written', async () => {
    const blocks = exampleBlocks();
    expect(blocks.map((b) => path.basename(b.file))).toEqual(['plugin.ts', 'reminder.test.ts']);
    for (const block of blocks) {
      fs.mkdirSync(path.dirname(path.join(dir, block.file)), { recursive: true });
      fs.writeFileSync(path.join(dir, block.file), block.code);
    }
    const cases = collectCases(path.join(dir, blocks[1]!.file));
    expect(cases.length).toBeGreaterThan(0);
    for (const [, run] of cases) await run();
  });
});
