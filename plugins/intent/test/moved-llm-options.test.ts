import { ConfigError, createBot } from '@hotello/core';
import intent from '../src';

/** The issues of a config that must not load. */
function issues(config: Record<string, unknown>) {
  try {
    createBot({ config, extraPlugins: [intent] });
  } catch (err) {
    if (err instanceof ConfigError) return err.issues;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe("intent's LLM options since the LLM is core's", () => {
  it('says where each moved key lives now, at its path', () => {
    const found = issues({
      hotels: [
        {
          id: 'seaside',
          name: 'Seaside',
          plugins: { intent: { llm: { model: 'gpt-4o-mini', monthlyBudgetUsd: 5, method: 'jsonSchema', timeoutMs: 3000 } } },
        },
      ],
    });
    expect(found).toEqual([
      {
        path: 'hotels[0].plugins.intent.llm.model',
        message: expect.stringMatching(
          /^moved to core's llm section: write llm\.model at the top level of the config \(or hotels\[\]\.llm\.model/,
        ),
      },
      { path: 'hotels[0].plugins.intent.llm.monthlyBudgetUsd', message: expect.stringContaining('llm.monthlyBudgetUsd') },
      { path: 'hotels[0].plugins.intent.llm.method', message: expect.stringContaining('llm.structuredMethod') },
    ]);
  });

  it('keeps what is its own', () => {
    const bot = createBot({
      config: {
        hotels: [{ id: 'seaside', name: 'Seaside', plugins: { intent: { llm: { enabled: false, timeoutMs: 2500, minConfidence: 0.7 } } } }],
      },
      extraPlugins: [intent],
    });
    expect(bot.plan.plugins.find((p) => p.definition.name === 'intent')!.hotels.get('seaside')).toMatchObject({
      llm: { enabled: false, timeoutMs: 2500, minConfidence: 0.7 },
    });
  });
});
