import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collectCases, exampleBlocks, writeBlocks } from '../fakes/readme-examples';

/**
 * core/README.md's "Events" example must run as written: its plugin and test blocks are written
 * to a fresh folder at the paths their first-line comments name, and the test block runs there.
 */
const README = path.join(__dirname, '../../core/README.md');

describe('the core README events example', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotello-events-readme-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs its test as written', async () => {
    const blocks = exampleBlocks(README, 'Events', { kinds: ['ts'] });
    expect(blocks.map((b) => b.file)).toEqual(['plugins/housekeeping/src/index.ts', 'plugins/housekeeping/test/housekeeping.test.ts']);
    const [, test] = writeBlocks(dir, blocks);
    const cases = collectCases(test!);
    expect(cases.length).toBeGreaterThan(0);
    for (const { run } of cases) await run();
  });
});
