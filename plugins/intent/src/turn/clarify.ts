import type { ButtonOption, TurnMiddleware } from '@hotello/core';
import { NAMESPACE } from '../i18n/texts';
import type { IntentOptions } from '../options';
import type { MenuSupport } from './menu-support';

/** Buttons offered in a clarifying question: WhatsApp shows at most three. */
const MAX_CHOICES = 3;

/**
 * The intent plugin's `route` stage, before core's router. With no flow running it answers two
 * cases core would only meet with "Sorry, I didn't get that":
 * - unsure (`none` from the fallback layer) but with likely intents → "Did you mean…" with them
 *   as buttons (ids are intent names, so a tap routes straight there);
 * - a recognised intent that nothing at this hotel answers (its plugin is off) → an offer to
 *   talk to the team instead.
 * A running flow always gets the message first; so does anything else.
 */
export function clarify(support: MenuSupport, optionsFor: (hotelId: string) => IntentOptions | undefined): TurnMiddleware {
  return async (ctx, next) => {
    const options = optionsFor(ctx.hotel.id);
    const intent = ctx.intent;
    if (!options || !intent || ctx.conversation.flow) return next();
    const hotelId = ctx.hotel.id;
    const button = (id: string): ButtonOption => ({ id, title: support.title(ctx, id) });

    if (intent.name !== 'none' && !support.routable(intent.name, hotelId)) {
      const offers = ['talk_to_person', 'help_menu'].filter((i) => support.routable(i, hotelId)).map(button);
      ctx.reply(
        offers.length
          ? { kind: 'buttons', text: ctx.t('unavailable', {}, NAMESPACE), buttons: offers }
          : { kind: 'text', text: ctx.t('unavailable', {}, NAMESPACE) },
      );
      return;
    }
    if (intent.name === 'none' && intent.layer === 'fallback' && options.clarify) {
      const likely = (intent.alternatives ?? []).filter((a) => support.routable(a.name, hotelId)).slice(0, MAX_CHOICES);
      if (likely.length > 0) {
        ctx.reply({ kind: 'buttons', text: ctx.t('clarify', {}, NAMESPACE), buttons: likely.map((a) => button(a.name)) });
        return;
      }
    }
    await next();
  };
}
