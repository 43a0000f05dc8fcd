import type { EventBus } from '../../src/events/event-bus';
import { hotelSchema } from '../../src/config/config-schema';
import { MessageCatalog } from '../../src/i18n/message-catalog';
import { HotelDirectory } from '../../src/kernel/hotel-directory';
import { createLogger } from '../../src/logging/logger';
import { Metrics } from '../../src/metrics/metrics';
import type { ChannelCapabilities } from '../../src/messaging/channel-adapter';
import { MessagingHub } from '../../src/messaging/messaging-hub';
import type { OutboundMessage } from '../../src/messaging/outbound';
import { OutboxSender } from '../../src/pipeline/outbox-sender';
import type { TurnScheduler } from '../../src/pipeline/scheduler/turn-scheduler';
import { ConsentStore } from '../../src/proactive/consent';
import { ProactiveSender } from '../../src/proactive/proactive-sender';
import { createPluginStorage } from '../../src/store/collections/plugin-storage';
import type { ConversationKey } from '../../src/store/conversation';
import type { ConversationStore } from '../../src/store/conversation-store';
import { MemoryConversationStore } from '../../src/store/memory/memory-store';
import { MongoConversationStore } from '../../src/store/mongo/mongo-store';
import { dropDatabase, mongoUri, uniqueDatabaseName } from '../store/mongo-test-db';

export const silent = createLogger({ level: 'silent' });

/** Cloud API-like: sends templates, so WhatsApp's 24-hour window applies. */
export const WINDOWED: ChannelCapabilities = { textMax: 4096, buttons: false, list: false, kinds: new Set(['template']) };
/** Green API-like: a WhatsApp Web session, no templates and no window. */
export const UNWINDOWED: ChannelCapabilities = { textMax: 4096, buttons: false, list: false, kinds: new Set() };

export type StoreKind = 'memory' | 'mongodb';

/** A store on a movable clock, and how to open a second one on the same data (a restart). */
export interface StoreSubject {
  store: ConversationStore;
  reopen(): Promise<ConversationStore>;
  dispose(): Promise<void>;
}

export function makeStore(kind: StoreKind, clock: () => Date): StoreSubject {
  if (kind === 'memory') {
    const store = new MemoryConversationStore({ clock });
    return { store, reopen: async () => store, dispose: () => store.close() };
  }
  const uri = mongoUri();
  const dbName = uniqueDatabaseName('proactive');
  const opened: MongoConversationStore[] = [];
  const make = () => {
    const s = new MongoConversationStore({ uri, dbName, clock, logger: silent, operationTimeoutMs: 5_000 });
    opened.push(s);
    return s;
  };
  return {
    store: make(),
    reopen: async () => {
      const s = make();
      await s.open();
      return s;
    },
    dispose: async () => {
      for (const s of opened) await s.close();
      await dropDatabase(uri, dbName);
    },
  };
}

/**
 * The parts a proactive message passes through — store, consent, proactive sender, outbox
 * sender, a recording channel — on one fake time, with the scheduler's wake-ups recorded
 * instead of timed: a test moves the time and flushes, nothing waits.
 */
export class ProactiveHarness {
  time: number;
  readonly sent: OutboundMessage[] = [];
  readonly wakeUps: { key: ConversationKey; at: Date }[] = [];
  readonly scheduled: ConversationKey[] = [];
  readonly failures: unknown[] = [];
  readonly metrics = new Metrics({ defaultMetrics: false });
  readonly catalog = new MessageCatalog();
  readonly hotels: HotelDirectory;
  readonly subject: StoreSubject;
  readonly consent: ConsentStore;
  readonly proactive: ProactiveSender;
  readonly outbox: OutboxSender;

  constructor(kind: StoreKind, start: string, hotel: Record<string, unknown>) {
    this.time = Date.parse(start);
    const now = () => new Date(this.time);
    this.subject = makeStore(kind, now);
    const config = hotelSchema.parse({ id: 'seaside', name: 'Seaside', ...hotel });
    this.hotels = new HotelDirectory(
      [config],
      [],
      [
        { hotelId: 'seaside', id: 'cloud-api', type: 'windowed', plugin: 'x', options: {} },
        { hotelId: 'seaside', id: 'green-api', type: 'unwindowed', plugin: 'x', options: {} },
      ],
    );
    const messaging = new MessagingHub();
    for (const [type, capabilities] of [
      ['windowed', WINDOWED],
      ['unwindowed', UNWINDOWED],
    ] as const)
      messaging.registerAdapter({
        type,
        capabilities,
        send: async (_channel, message) => {
          this.sent.push(message);
          return { providerMessageId: `wamid.${message.outboxId}` };
        },
      });
    this.consent = new ConsentStore(createPluginStorage('core', this.subject.store.pluginCollections), this.hotels, silent, now);
    const scheduler: TurnScheduler = {
      schedule: (key) => void this.scheduled.push(key),
      scheduleAt: (key, at) => void this.wakeUps.push({ key, at }),
      start: async () => undefined,
      stop: async () => undefined,
      idle: async () => undefined,
    };
    this.catalog.add('reminders', {
      en: { dinner: 'Dinner is served at {{hour}}, {{name}}.' },
      es: { dinner: 'La cena se sirve a las {{hour}}, {{name}}.' },
    });
    this.proactive = new ProactiveSender({
      store: this.subject.store,
      hotels: this.hotels,
      messaging,
      catalog: this.catalog,
      consent: this.consent,
      scheduler: () => scheduler,
      logger: silent,
      metrics: this.metrics,
      now,
    });
    const events = { emit: async (_name: string, payload: unknown) => void this.failures.push(payload) } as unknown as EventBus;
    this.outbox = new OutboxSender({
      store: this.subject.store,
      hotels: this.hotels,
      messaging,
      events,
      logger: silent,
      metrics: this.metrics,
      maxAttempts: 3,
      leaseMs: 30_000,
      reconcileMs: 60_000,
      now,
      wakeAt: (key, at) => this.wakeUps.push({ key, at }),
      allowsProactive: (hotelId, guest) => this.consent.allowsProactive(hotelId, guest),
    });
  }

  get store(): ConversationStore {
    return this.subject.store;
  }

  async open(): Promise<this> {
    await this.store.open();
    await this.store.pluginCollections.ready();
    return this;
  }

  /** A guest who last wrote `agoMs` before now on a channel, speaking `language`. */
  async guestWrote(guest: string, channelId: string, agoMs: number, language?: string): Promise<ConversationKey> {
    const key = { hotelId: 'seaside', channelId, guest };
    const conversation = await this.store.load(key);
    await this.store.save(conversation, { lastInboundAt: new Date(this.time - agoMs), ...(language ? { language } : {}) });
    return key;
  }

  /** What the guest has received, as text or `template:<name>`. */
  receivedBy(guest: string): string[] {
    return this.sent
      .filter((m) => m.to === guest)
      .map((m) =>
        m.content.kind === 'text' ? m.content.text : m.content.kind === 'template' ? `template:${m.content.name}` : m.content.kind,
      );
  }

  /** The proactive metric, summed by outcome. */
  async outcomes(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const { labels, value } of (await this.metrics.proactive.get()).values)
      out[String(labels.outcome)] = (out[String(labels.outcome)] ?? 0) + value;
    return out;
  }

  dispose(): Promise<void> {
    return this.subject.dispose();
  }
}
