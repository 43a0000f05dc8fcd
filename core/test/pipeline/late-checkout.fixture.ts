import { definePlugin, z } from '@hotello/core';

/**
 * The integrator example from DESIGN.md, written against the real API. It brings a one-line
 * keyword matcher so core's tests need no intent plugin.
 */
export const lateCheckout = definePlugin({
  name: 'late-checkout',
  options: z.object({ latestHour: z.number().int().min(12).max(18).default(14), fee: z.number().min(0) }),
  register({ intents, messages, flows, turns }, options) {
    intents.add('late_checkout', { en: ['can I check out late?'], es: ['¿puedo dejar la habitación más tarde?'] });
    messages.add('late-checkout', {
      en: {
        offer: 'Late checkout until {{hour}}:00 costs {{fee}}. Shall I add it?',
        done: 'Added. Enjoy the extra time!',
        declined: 'No problem.',
      },
      es: {
        offer: 'La salida tardía hasta las {{hour}}:00 cuesta {{fee}}. ¿La añado?',
        done: 'Hecho. ¡Disfrute!',
        declined: 'Sin problema.',
      },
    });
    turns.use('understand', async (ctx, next) => {
      if (!ctx.conversation.flow && /late|tarde/i.test(ctx.text ?? ''))
        ctx.intent = { name: 'late_checkout', confidence: 1, layer: 'rules', slots: {}, slotErrors: [] };
      await next();
    });
    flows.add('late_checkout', {
      start: ({ say, options: hotelOptions }) =>
        say.buttons('offer', ['yes', 'no'], { hour: hotelOptions.latestHour, fee: hotelOptions.fee }).next('answer'),
      // async on purpose: a promise adopting the thenable outcome must not hang the turn.
      answer: async ({ choiceId, say, update }) => {
        if (choiceId === 'yes') {
          update({ data: { 'late-checkout': { added: true } } });
          return say('done').end();
        }
        if (choiceId === 'no') return say('declined').end();
        return undefined;
      },
    });
    void options;
  },
});
