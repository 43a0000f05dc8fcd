import { definePlugin, LlmBudgetExceededError, type LlmBudgetExceeded } from '@hotello/core';
import { createTestBot, type TestBot } from '@hotello/core/testing';
import intent from '@hotello/plugin-intent';
import { FakeOpenAI } from '../fakes/openai-fake';

/**
 * A second plugin on the shared LLM service: answers hotel questions with `ctx.llm.chat`, and
 * something plain when the LLM is off or refuses (the guest never sees an error).
 */
const concierge = definePlugin({
  name: 'concierge',
  dependsOn: ['intent'],
  register(ctx) {
    ctx.handlers.on('faq_question', async ({ conversation, text, say }) => {
      const llm = ctx.llm.forHotel(conversation.hotelId);
      if (!llm.available) return say.text('Our team will answer you shortly.');
      try {
        return say.text(
          await llm.chat([
            { role: 'system', content: 'You answer hotel guests briefly.' },
            { role: 'user', content: text ?? '' },
          ]),
        );
      } catch (err) {
        if (err instanceof LlmBudgetExceededError) return say.text('Our team will answer you shortly.');
        throw err;
      }
    });
  },
});

// No rule matches this and the local model is unsure: only the LLM could decide it.
const UNCLEAR = 'my grandmother turns ninety soon and we want to surprise her';

describe('one LLM budget per hotel, whichever plugin spends it', () => {
  let fake: FakeOpenAI;
  let bot: TestBot;
  const alerts: LlmBudgetExceeded[] = [];

  beforeAll(async () => {
    // Tool requests are intent's classification, plain ones the concierge's question.
    fake = await new FakeOpenAI({
      answer: (request) =>
        request.tools
          ? { kind: 'tool', args: { intent: 'talk_to_person', confidence: 0.9 } }
          : { kind: 'content', content: 'Breakfast is from 7 to 10.' },
    }).start();
    bot = await createTestBot({
      plugins: [intent, concierge],
      config: {
        // One call costs about $0.00004: the first call at seaside spends its month.
        llm: { baseUrl: fake.baseUrl, model: 'gpt-4o-mini', monthlyBudgetUsd: 0.00001 },
        hotels: [
          { id: 'seaside', name: 'Seaside Hotel', timezone: 'Africa/Nairobi', plugins: { intent: { llm: { timeoutMs: 20_000 } } } },
          { id: 'citylodge', name: 'City Lodge', llm: false },
        ],
      },
    });
    bot.kernel.events.on('llm.budget_exceeded', (info) => void alerts.push(info));
  });
  afterAll(async () => {
    await bot.stop();
    await fake.stop();
  });

  it("spends seaside's budget through the concierge, then intent's LLM layer is skipped there, with one alert", async () => {
    const asker = bot.guest('+254700000051', { hotel: 'seaside' });
    await asker.says('what time is breakfast?');
    expect(asker.lastReply.text).toBe('Breakfast is from 7 to 10.');
    expect(fake.requests).toHaveLength(1);
    await bot.settle();
    expect(alerts).toEqual([
      {
        hotelId: 'seaside',
        month: expect.stringMatching(/^\d{4}-\d{2}$/),
        spentUsd: expect.any(Number),
        budgetUsd: 0.00001,
        plugin: 'concierge',
      },
    ]);

    // Intent's LLM layer would hand this to a person; over budget it is not asked, and the guest gets the usual question.
    const unsure = bot.guest('+254700000052', { hotel: 'seaside' });
    await unsure.says(UNCLEAR);
    expect(unsure.lastReply.text).not.toMatch(/member of our team/);
    // The concierge is refused too, cleanly.
    await asker.says('is there parking?');
    expect(asker.lastReply.text).toBe('Our team will answer you shortly.');
    expect(fake.requests).toHaveLength(1);
    await bot.settle();
    expect(alerts).toHaveLength(1);

    // Every call is logged with the plugin that made it; refusals cost nothing.
    const usage = await bot.kernel.llm.usage.summary('seaside', new Date(0));
    expect(usage.byPlugin).toEqual({ concierge: { calls: 2, costUsd: expect.any(Number) }, intent: { calls: 1, costUsd: 0 } });
    expect(usage.byPlugin.concierge!.costUsd).toBeGreaterThan(0.00001);
  });

  it('gives a hotel whose LLM is off no LLM at all', async () => {
    expect(bot.kernel.llm.forPlugin('concierge').forHotel('citylodge')).toMatchObject({
      available: false,
      reason: 'llm: false for this hotel',
    });
    const guest = bot.guest('+254700000053', { hotel: 'citylodge' });
    await guest.says('what time is breakfast?');
    expect(guest.lastReply.text).toBe('Our team will answer you shortly.');
    expect(fake.requests).toHaveLength(1);
  });
});
