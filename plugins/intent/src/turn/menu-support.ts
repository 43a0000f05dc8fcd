import type { ButtonOption, IntentDefinition, TurnContext } from '@hotello/core';
import { titleKey } from '../builtin/intents';
import { NAMESPACE } from '../i18n/texts';

/** What menus and clarifying questions need to know about the intents at a hotel. */
export interface MenuSupport {
  /** Whether something at the hotel answers the intent (a handler or a flow of that name). */
  routable(intent: string, hotelId: string): boolean;
  /** The intent's short title in the turn's language. */
  title(ctx: TurnContext, intent: string): string;
}

function humanize(intent: string): string {
  const words = intent.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What menus read about the bot's intents and texts; the plugin context gives each. */
export interface MenuSources {
  answers(intent: string, hotelId: string): boolean;
  intent(name: string): IntentDefinition | undefined;
  hasMessage(namespace: string, key: string): boolean;
}

export function menuSupport(sources: MenuSources): MenuSupport {
  return {
    routable: (intent, hotelId) => sources.answers(intent, hotelId),
    title: (ctx, intent) => {
      // A plugin's own intent is titled from its catalogue (its `title` key); built-ins from ours.
      const def = sources.intent(intent);
      const namespace = def && def.plugin !== NAMESPACE ? def.plugin : NAMESPACE;
      const key = def?.title ?? titleKey(intent);
      return sources.hasMessage(namespace, key) ? ctx.t(key, {}, namespace) : humanize(intent);
    },
  };
}

/** The main menu at this hotel: the configured intents that something answers, titled. */
export function mainMenu(ctx: TurnContext, menu: readonly string[], support: MenuSupport): ButtonOption[] {
  return menu
    .filter((intent) => support.routable(intent, ctx.hotel.id))
    .map((intent) => ({ id: intent, title: support.title(ctx, intent) }));
}
