import type { HandlerContext, IntentHandler } from '@hotello/core';
import type { IntentOptions } from '../options';
import { mainMenu, type MenuSupport } from '../turn/menu-support';

/** WhatsApp limits: three reply buttons, ten list rows. */
const MAX_BUTTONS = 3;
const MAX_ROWS = 10;

type Handler = IntentHandler<IntentOptions>;

/** Welcome, with the main options as buttons; more than three become two plus "More options". */
export function greeting(support: MenuSupport): Handler {
  return (ctx: HandlerContext<IntentOptions>) => {
    const name = ctx.conversation.profile.name;
    const key = name ? 'welcome_named' : 'welcome';
    const vars = { hotel: ctx.hotel.name, name };
    const items = mainMenu(ctx, ctx.options.menu, support);
    if (items.length === 0) return ctx.say(key, vars);
    const buttons =
      items.length <= MAX_BUTTONS
        ? items
        : [...items.slice(0, MAX_BUTTONS - 1), { id: 'help_menu', title: support.title(ctx, 'help_menu') }];
    return ctx.say.buttons(key, buttons, vars);
  };
}

/** Everything the bot can do here: buttons up to three options, a list beyond. */
export function helpMenu(support: MenuSupport): Handler {
  return (ctx: HandlerContext<IntentOptions>) => {
    const items = mainMenu(ctx, ctx.options.menu, support);
    if (items.length === 0) return ctx.say('goodbye');
    if (items.length <= MAX_BUTTONS) return ctx.say.buttons('menu', items);
    return ctx.say.list('menu', 'menu_button', [{ rows: items.slice(0, MAX_ROWS) }]);
  };
}

export const thanksGoodbye: Handler = (ctx) => ctx.say('goodbye');

/**
 * Hands the conversation to staff. During quiet hours core itself says when they are back, so
 * the plugin does not also promise a reply "shortly".
 */
export function talkToPerson(now: () => Date = () => new Date()): Handler {
  return (ctx: HandlerContext<IntentOptions>) => {
    ctx.requestHandoff('guest asked for a person');
    if (!ctx.hotel.inQuietHours(now())) ctx.say('handoff');
  };
}
