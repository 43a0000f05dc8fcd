import type { TurnMiddleware } from '@hotello/core';
import type { LayeredClassifier } from '../classifier/layered-classifier';
import type { LayeredIntentResult } from '../intent-types';
import { languageEvidence } from '../language/language-evidence';
import { decideLanguage } from '../language/language-policy';
import type { IntentOptions } from '../options';
import { boundedText } from '../text/bounded';

/**
 * The `understand` stage: settles the turn's language (stored on the conversation when it is
 * detected with confidence), then the intent and slots. A tapped button or a typed menu answer
 * that core already resolved needs no classification: an option whose id is an intent is that
 * intent; any other option (a flow's "yes") is left to the flow as `ctx.choice`.
 */
export function understand(classifier: LayeredClassifier, optionsFor: (hotelId: string) => IntentOptions | undefined): TurnMiddleware {
  return async (ctx, next) => {
    const options = optionsFor(ctx.hotel.id);
    if (!options) return next();
    const understanding = classifier.understandingFor(ctx.hotel.id);
    const isTyped = ctx.message.content.kind === 'text' || ctx.message.content.kind === 'media';

    if (ctx.text && isTyped) {
      const evidence = languageEvidence(boundedText(ctx.text));
      const guess = understanding.identifier.identify(evidence, options.languages);
      const decision = decideLanguage(evidence, guess, ctx.conversation.language, ctx.hotel.defaultLanguage, options.languages);
      ctx.language = decision.language;
      if (decision.persist && decision.language !== ctx.conversation.language) ctx.update({ language: decision.language });
    }

    if (ctx.choice) {
      const known = understanding.intent(ctx.choice.id);
      const result: LayeredIntentResult = { name: known ? ctx.choice.id : 'none', confidence: 1, layer: 'menu', slots: {}, slotErrors: [] };
      ctx.intent = result;
    } else if (ctx.text) {
      const menu = ctx.conversation.menu;
      const active = menu && menu.expiresAt.getTime() > Date.now() ? menu.options : undefined;
      const result = await classifier.classify({
        hotelId: ctx.hotel.id,
        text: ctx.text,
        language: ctx.language,
        ...(active ? { menu: active } : {}),
        ...(ctx.conversation.flow ? { allSlots: true } : {}),
      });
      if (result.choice) ctx.choice = result.choice;
      const { language: _language, latencyMs: _latency, choice: _choice, ...intent } = result;
      ctx.intent = intent;
      ctx.logger.debug(
        { intent: intent.name, layer: intent.layer, confidence: intent.confidence, language: ctx.language },
        'intent understood',
      );
    }
    await next();
  };
}
