import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * core/README's "Proactive messages" example must run as written: its code block is written
 * to a fresh folder under the path its first line names, and its `it(...)` cases run there.
 */
const README = path.join(__dirname, '../../README.md');

function exampleBlock(): { file: string; code: string } {
  const text = fs.readFileSync(README, 'utf8');
  const start = text.indexOf('## Proactive messages');
  expect(start).toBeGreaterThan(-1);
  const section = text.slice(start, text.indexOf('\n## ', start + 1));
  const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map(([, code]) => code!);
  expect(blocks).toHaveLength(1);
  const file = /^\/\/ (\S+)/.exec(blocks[0]!)?.[1];
  if (!file) throw new Error('the example does not name its file on its first line');
  return { file, code: blocks[0]! };
}

describe('the core README proactive messages example', () => {
  it('runs as written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotello-proactive-readme-'));
    try {
      const { file, code } = exampleBlock();
      const target = path.join(dir, file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, code);
      const cases: (() => Promise<void>)[] = [];
      const globals = globalThis as unknown as { it: unknown };
      const realIt = globals.it;
      globals.it = (_name: string, fn: () => Promise<void>) => cases.push(fn);
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the README's test, loaded as written
        require(target);
      } finally {
        globals.it = realIt;
      }
      expect(cases).toHaveLength(1);
      for (const run of cases) await run();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
