import type { Catalog } from '../i18n/message-catalog';
import { MessageCatalog } from '../i18n/message-catalog';
import type { HotelDirectory } from '../kernel/hotel-directory';
import type { IntentCatalog, IntentDefinition, IntentOptions, Utterances } from './intent-types';
import type { FlowDefinition, IntentHandler, TurnMiddleware, TurnStage } from './turn-context';

const STAGES: readonly TurnStage[] = ['guard', 'understand', 'route'];

interface Owned<T> {
  readonly plugin: string;
  readonly value: T;
}

/**
 * Everything plugins contribute to turns — middleware, intents, handlers, flows, texts — each
 * tagged with its plugin so a hotel only ever runs what is on for it.
 */
export class TurnRegistry {
  readonly messages = new MessageCatalog();
  private readonly middleware = new Map<TurnStage, Owned<TurnMiddleware>[]>(STAGES.map((s) => [s, []]));
  private readonly intentDefs = new Map<string, IntentDefinition>();
  private readonly handlers = new Map<string, Owned<IntentHandler>>();
  private readonly flowDefs = new Map<string, Owned<FlowDefinition>>();

  constructor(private readonly hotels: HotelDirectory) {}

  use(plugin: string, stage: TurnStage, middleware: TurnMiddleware): void {
    if (!STAGES.includes(stage)) throw new Error(`unknown turn stage "${stage}"; use one of ${STAGES.join(', ')}`);
    this.middleware.get(stage)!.push({ plugin, value: middleware });
  }

  /** Middleware to run for a hotel, in stage order. */
  middlewareFor(hotelId: string): TurnMiddleware[] {
    return STAGES.flatMap((s) =>
      this.middleware
        .get(s)!
        .filter((m) => this.on(m.plugin, hotelId))
        .map((m) => m.value),
    );
  }

  addIntent(plugin: string, name: string, utterances: Utterances, options: IntentOptions = {}): void {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`intent name "${name}" must be lowercase snake_case`);
    const existing = this.intentDefs.get(name);
    if (existing && existing.plugin !== plugin) throw new Error(`intent "${name}" is already declared by plugin "${existing.plugin}"`);
    const merged: Record<string, string[]> = {};
    for (const [lang, list] of Object.entries({ ...(existing?.utterances ?? {}) })) merged[lang] = [...list];
    for (const [lang, list] of Object.entries(utterances)) merged[lang] = [...(merged[lang] ?? []), ...list];
    this.intentDefs.set(name, {
      name,
      plugin,
      utterances: merged,
      slots: options.slots ?? existing?.slots ?? [],
      patterns: options.patterns ?? existing?.patterns,
      title: options.title ?? existing?.title,
    });
  }

  intents(hotelId?: string): IntentDefinition[] {
    return [...this.intentDefs.values()].filter((d) => hotelId === undefined || this.on(d.plugin, hotelId));
  }

  intent(name: string): IntentDefinition | undefined {
    return this.intentDefs.get(name);
  }

  handle(plugin: string, intent: string, handler: IntentHandler): void {
    const existing = this.handlers.get(intent);
    if (existing) throw new Error(`intent "${intent}" already has a handler from plugin "${existing.plugin}"`);
    this.handlers.set(intent, { plugin, value: handler });
  }

  handlerFor(intent: string, hotelId: string): Owned<IntentHandler> | undefined {
    const h = this.handlers.get(intent);
    return h && this.on(h.plugin, hotelId) ? h : undefined;
  }

  addFlow(plugin: string, name: string, flow: FlowDefinition): void {
    if (typeof flow.start !== 'function') throw new Error(`flow "${name}" needs a "start" step`);
    const existing = this.flowDefs.get(name);
    if (existing) throw new Error(`flow "${name}" is already defined by plugin "${existing.plugin}"`);
    this.flowDefs.set(name, { plugin, value: flow });
  }

  flowFor(name: string, hotelId: string): Owned<FlowDefinition> | undefined {
    const f = this.flowDefs.get(name);
    return f && this.on(f.plugin, hotelId) ? f : undefined;
  }

  addMessages(namespace: string, catalog: Catalog): void {
    this.messages.add(namespace, catalog);
  }

  /** Core's own parts (plugin name `core`) are on everywhere. */
  private on(plugin: string, hotelId: string): boolean {
    return plugin === 'core' || this.hotels.isEnabled(hotelId, plugin);
  }

  /** The intent catalogue as one plugin sees it: what it adds is tagged with its name. */
  catalogFor(plugin: string): IntentCatalog {
    return {
      add: (name, utterances, options) => this.addIntent(plugin, name, utterances, options),
      list: (hotelId) => this.intents(hotelId),
      get: (name) => this.intent(name),
    };
  }
}
