import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collectCases, exampleBlocks, writeBlocks } from '../../../test/fakes/readme-examples';

/**
 * core/README's "Proactive messages" example must run as written: its code block is written
 * to a fresh folder under the path its first line names, and its `it(...)` cases run there.
 */
const README = path.join(__dirname, '../../README.md');

describe('the core README proactive messages example', () => {
  it('runs as written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotello-proactive-readme-'));
    try {
      const blocks = exampleBlocks(README, 'Proactive messages', { kinds: ['ts'] });
      expect(blocks).toHaveLength(1);
      const [target] = writeBlocks(dir, blocks);
      const cases = collectCases(target!);
      expect(cases).toHaveLength(1);
      for (const { run } of cases) await run();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
