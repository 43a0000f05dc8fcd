import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestBot } from '@hotello/core/testing';
import { FakeOpenAI } from '../fakes/openai-fake';
import { exampleBlocks, writeBlocks } from '../fakes/readme-examples';

/**
 * core/README.md's "LLM service" example runs as written: its plugin and config blocks are written
 * to a fresh folder at the paths their first lines name, and a bot from that config answers a
 * guest through the plugin's `ctx.llm.structured`, against a local OpenAI-compatible fake.
 */
const README = path.join(__dirname, '../../core/README.md');

describe("core README's LLM service example", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotello-llm-readme-'));
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await new FakeOpenAI({
      apiKey: 'sk-readme',
      answer: () => ({ kind: 'tool', args: { answer: 'Breakfast is from 7 to 10.', sure: true } }),
    }).start();
  });
  afterAll(async () => {
    await fake.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has a plugin and a config naming it', () => {
    expect(exampleBlocks(README, 'LLM service').map((b) => b.file)).toEqual(['plugins/concierge.ts', 'config/concierge.yaml']);
  });

  it('answers a guest through ctx.llm, and plainly where the LLM is off', async () => {
    writeBlocks(dir, exampleBlocks(README, 'LLM service'));
    const bot = await createTestBot({
      config: path.join(dir, 'config/concierge.yaml'),
      env: { ...process.env, LLM_BASE_URL: fake.baseUrl, OPENAI_API_KEY: 'sk-readme' },
    });
    try {
      const guest = bot.guest('+254700000061', { hotel: 'seaside' });
      await guest.says('what time is breakfast?');
      expect(guest.lastReply.text).toBe('Breakfast is from 7 to 10.');
      expect(fake.requests[0]?.tools?.[0]?.function.name).toBe('answer');
      const off = bot.guest('+254700000062', { hotel: 'citylodge' });
      await off.says('what time is breakfast?');
      expect(off.lastReply.text).toBe('Our team will answer you shortly.');
      expect(fake.requests).toHaveLength(1);
      expect((await bot.kernel.llm.usage.summary('seaside', new Date(0))).byPlugin).toEqual({
        concierge: { calls: 1, costUsd: expect.any(Number) },
      });
    } finally {
      await bot.stop();
    }
  });
});
