import type { DependencyContainer } from 'tsyringe';
import type { EventName, HotelloEvents } from '../events/event-bus';
import type { MessageCatalog, TemplateVars } from '../i18n/message-catalog';
import type { Hotel } from '../kernel/hotel-directory';
import { PLUGIN_SERVICES } from '../plugins/plugin-services-token';
import type { Logger } from '../logging/logger';
import type { PluginServices } from '../plugins/plugin-services';
import type { InboundMessage } from '../messaging/inbound';
import type { ButtonOption, ListSection, OutboundContent } from '../messaging/outbound';
import type { Conversation, ConversationChanges } from '../store/conversation';
import type { IntentResult } from '../turns/intent-types';
import type { PluginData, TurnState } from '../turns/typed-contracts';
import type { FlowStepContext, HandlerContext, Say, StepOutcome, TurnContext } from '../turns/turn-context';
import { STAY } from './step-outcome';
import { mergeChanges, type TurnActions } from './turn-actions';

function textOf(message: InboundMessage): string | undefined {
  const c = message.content;
  if (c.kind === 'text') return c.text;
  if (c.kind === 'choice') return c.title;
  if (c.kind === 'media') return c.caption;
  return undefined;
}

export interface TurnContextInit {
  turnId: string;
  hotel: Hotel;
  message: InboundMessage;
  conversation: Conversation;
  identity: string;
  choice?: ButtonOption;
  services: DependencyContainer;
  logger: Logger;
  catalog: MessageCatalog;
  actions: TurnActions;
}

/** The one implementation of {@link TurnContext}; actions accumulate in `actions`. */
export class TurnContextImpl implements TurnContext {
  readonly turnId: string;
  readonly hotel: Hotel;
  readonly message: InboundMessage;
  readonly conversation: Conversation;
  readonly identity: string;
  readonly text?: string;
  /** Mutable turn state lives in one shared object so per-plugin views write through to it. */
  private readonly shared: { language: string; intent?: IntentResult; choice?: ButtonOption };
  /** The bot's container; handlers get their plugin's services view from it. */
  private readonly container: DependencyContainer;
  readonly logger: Logger;
  readonly state: Partial<TurnState> = {};
  private readonly catalog: MessageCatalog;
  readonly actions: TurnActions;

  constructor(init: TurnContextInit) {
    this.turnId = init.turnId;
    this.hotel = init.hotel;
    this.message = init.message;
    this.conversation = init.conversation;
    this.identity = init.identity;
    this.text = textOf(init.message);
    this.shared = { language: init.conversation.language ?? init.hotel.defaultLanguage, choice: init.choice };
    this.container = init.services;
    this.logger = init.logger;
    this.catalog = init.catalog;
    this.actions = init.actions;
  }

  get language(): string {
    return this.shared.language;
  }

  set language(value: string) {
    this.shared.language = value;
  }

  get intent(): IntentResult | undefined {
    return this.shared.intent;
  }

  set intent(value: IntentResult | undefined) {
    this.shared.intent = value;
  }

  get choice(): ButtonOption | undefined {
    return this.shared.choice;
  }

  set choice(value: ButtonOption | undefined) {
    this.shared.choice = value;
  }

  get slots(): Readonly<Record<string, unknown>> {
    const changes = this.actions.changes;
    const base: Record<string, unknown> = { ...(changes.replaceSlots ?? this.conversation.slots) };
    for (const [k, v] of Object.entries(changes.slots ?? {})) {
      if (v === null) delete base[k];
      else base[k] = v;
    }
    return base;
  }

  get replies(): readonly OutboundContent[] {
    return this.actions.replies;
  }

  // Methods are bound arrow properties: handlers destructure them (`({ say, update }) => …`).
  readonly reply = (content: OutboundContent): void => {
    this.actions.replies.push(content);
  };

  /** Languages to try for a text: the guest's, then the hotel's default. */
  languages(): string[] {
    return this.language === this.hotel.defaultLanguage ? [this.language] : [this.language, this.hotel.defaultLanguage];
  }

  readonly t = (key: string, vars?: TemplateVars, namespace = 'core'): string =>
    this.catalog.render(namespace, key, this.languages(), vars);

  readonly update = (changes: ConversationChanges): void => {
    mergeChanges(this.actions.changes, changes);
  };

  readonly emit = <K extends EventName>(event: K, payload: HotelloEvents[K], options: { id?: string } = {}): void => {
    this.actions.events.push({ event, payload, ...(options.id !== undefined ? { id: options.id } : {}) });
  };

  readonly startFlow = (name: string, step = 'start'): void => {
    this.actions.startFlow = { name, step };
  };

  readonly requestHandoff = (reason: string): void => {
    this.actions.handoffReason = reason;
  };

  readonly silence = (): void => {
    this.actions.silent = true;
  };

  readonly dataOf = <P extends string>(plugin: P): Readonly<PluginData<P>> => {
    const merged: Record<string, unknown> = { ...(this.conversation.data[plugin] ?? {}) };
    for (const [k, v] of Object.entries(this.actions.changes.data?.[plugin] ?? {})) {
      if (v === null) delete merged[k];
      else merged[k] = v;
    }
    return merged as Readonly<PluginData<P>>;
  };

  /** A view of this turn for one plugin's handler: its catalogue namespace and its options. */
  forPlugin<O>(plugin: string, options: O): HandlerContext<O> {
    const say = createSay(this, plugin);
    const services = this.servicesFor(plugin);
    return Object.assign(Object.create(this) as TurnContextImpl, { say, options, services }) as unknown as HandlerContext<O>;
  }

  /** Looked up on first use, so a turn built without a kernel (unit tests) needs no services. */
  private servicesFor(plugin: string): PluginServices {
    const view = () => this.container.resolve(PLUGIN_SERVICES)(plugin);
    return { get: (token) => view().get(token), provide: (token, value) => view().provide(token, value) };
  }

  forStep<O>(plugin: string, options: O, step: string): FlowStepContext<O> {
    const view = this.forPlugin(plugin, options) as unknown as Record<string, unknown>;
    return Object.assign(view, { step, choiceId: this.choice?.id }) as unknown as FlowStepContext<O>;
  }
}

function createSay(ctx: TurnContextImpl, namespace: string): Say {
  const t = (key: string, vars?: TemplateVars) => ctx.t(key, vars, namespace);
  const push = (content: OutboundContent): StepOutcome => {
    ctx.reply(content);
    return STAY;
  };
  const say = ((key: string, vars?: TemplateVars) => push({ kind: 'text', text: t(key, vars) })) as Say;
  say.text = (text) => push({ kind: 'text', text });
  say.buttons = (key, options, vars) =>
    push({
      kind: 'buttons',
      text: t(key, vars),
      buttons: options.map((o) => (typeof o === 'string' ? { id: o, title: t(o) } : o)),
    });
  say.list = (key, buttonLabel, sections: readonly ListSection[], vars) =>
    push({ kind: 'list', text: t(key, vars), buttonLabel: t(buttonLabel), sections });
  say.content = (content) => push(content);
  say.end = () => STAY.end();
  return say;
}
