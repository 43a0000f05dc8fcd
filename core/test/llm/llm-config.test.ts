import { createBot, definePlugin, z } from '@hotello/core';
import { parseConfig } from '@hotello/core/internal';
import { issuesOf } from '../helpers/config-issues';

const hotel = { id: 'seaside', name: 'Seaside' };
const parse = (doc: Record<string, unknown>) => parseConfig({ hotels: [hotel], ...doc }, { requireEnvSecrets: false });

describe('the llm config section', () => {
  it('is optional, takes per-hotel overrides and `false`', () => {
    expect(parse({}).llm).toBeUndefined();
    const config = parse({
      llm: { model: 'gpt-4o-mini', baseUrl: 'http://127.0.0.1:11434/v1', monthlyBudgetUsd: 10 },
      hotels: [
        { ...hotel, llm: { model: 'llama3', pricing: { llama3: { inputPerMillion: 0 } } } },
        { id: 'citylodge', name: 'City Lodge', llm: false },
      ],
    });
    expect(config.hotels.map((h) => h.llm)).toEqual([
      { model: 'llama3', pricing: { llama3: { inputPerMillion: 0, outputPerMillion: 0 } } },
      false,
    ]);
  });

  it('names the path, what was expected and what was found', () => {
    const issues = issuesOf(() =>
      parse({
        llm: { provider: 'openaii', timeoutMs: -1, baseUrl: 'not a url', temperature: 3, embeddings: { model: '' } },
        hotels: [{ ...hotel, llm: { retries: 'many' } }],
      }),
    );
    expect(issues.map((i) => i.path).sort()).toEqual([
      'hotels[0].llm.retries',
      'llm.baseUrl',
      'llm.embeddings.model',
      'llm.provider',
      'llm.temperature',
      'llm.timeoutMs',
    ]);
    expect(issues.find((i) => i.path === 'llm.provider')!.message).toMatch(/openai/);
  });

  it('refuses a model without a price, so the budget can hold', () => {
    const issues = issuesOf(() =>
      parse({ llm: { model: 'my-model' }, hotels: [{ ...hotel, llm: { model: 'other', embeddings: { model: 'emb' } } }] }),
    );
    expect(issues).toEqual([
      { path: 'llm.pricing', message: expect.stringContaining('no price for model "my-model"') },
      { path: 'hotels[0].llm.pricing', message: expect.stringContaining('no price for model "other"') },
      { path: 'hotels[0].llm.pricing', message: expect.stringContaining('no price for model "emb"') },
    ]);
  });

  it('keeps baseUrl and embeddings to OpenAI-compatible endpoints', () => {
    const issues = issuesOf(() =>
      parse({
        llm: {
          provider: 'anthropic',
          model: 'claude-x',
          baseUrl: 'http://x.test',
          embeddings: { model: 'e' },
          pricing: { 'claude-x': { inputPerMillion: 3 }, e: { inputPerMillion: 0 } },
        },
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(['llm.baseUrl', 'llm.embeddings']);
  });

  it('requires the key from the environment in a file, like every secret', () => {
    const issues = issuesOf(() => parseConfig({ hotels: [hotel], llm: { apiKey: 'sk-inline' } }));
    expect(issues).toEqual([{ path: 'llm.apiKey', message: expect.stringMatching(/secrets must come from the environment/) }]);
  });
});

describe('ctx.llm', () => {
  it('is there for every plugin, unavailable where the config has no llm', async () => {
    let seen: unknown;
    const probe = definePlugin({
      name: 'probe',
      options: z.object({}).strict(),
      register(ctx) {
        seen = ctx.llm.forHotel('seaside');
      },
    });
    const bot = createBot({ config: { hotels: [hotel] }, extraPlugins: [probe] });
    await bot.start();
    expect(seen).toMatchObject({ available: false, reason: 'no llm section in the config' });
    await bot.stop();
  });
});
