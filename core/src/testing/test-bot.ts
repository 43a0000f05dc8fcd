import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { createBot, type Kernel } from '../kernel/kernel';
import type { Clock } from '../kernel/clock';
import { createLogger, type Logger } from '../logging/logger';
import type { InboundContent } from '../messaging/inbound';
import type { OutboundContent } from '../messaging/outbound';
import type { PluginDefinition } from '../plugins/define-plugin';
import { createTestChannelPlugin, TEST_CHANNEL_TYPE, type SentRecord } from './test-channel';

export interface CreateTestBotOptions {
  /** A config file or object; every hotel gets an extra in-process `test` channel. */
  config?: string | Record<string, unknown>;
  /** Plugins to load besides those the config names. */
  plugins?: readonly PluginDefinition[];
  env?: NodeJS.ProcessEnv;
  /** `text-only` makes the test channel render like a channel without buttons or lists. */
  channel?: 'full' | 'text-only';
  /** The bot's logger (e.g. one whose lines the test reads); silent unless HOTELLO_TEST_LOG says otherwise. */
  logger?: Logger;
  /** The bot's clock: a `FakeClock` makes delays, times and cron run when the test moves it, with no real waiting. */
  clock?: Clock;
}

/** A reply as a guest reads it. */
export interface TestReply {
  readonly text: string;
  /** Button titles, when the reply had buttons. */
  readonly buttons?: readonly string[];
  /** List row titles, when the reply had a list. */
  readonly list?: readonly string[];
  readonly content: OutboundContent;
}

const DEFAULT_CONFIG = { hotels: [{ id: 'test-hotel', name: 'Test Hotel' }] };

function withTestChannel(doc: Record<string, unknown>, capabilities: 'full' | 'text-only'): Record<string, unknown> {
  const hotels = Array.isArray(doc.hotels) ? doc.hotels : [];
  return {
    ...doc,
    hotels: hotels.map((h: Record<string, unknown>) => ({
      ...h,
      channels: [...(Array.isArray(h.channels) ? h.channels : []), { type: TEST_CHANNEL_TYPE, id: 'test', capabilities }],
    })),
  };
}

function toReply(content: OutboundContent): TestReply {
  switch (content.kind) {
    case 'text':
      return { text: content.text, content };
    case 'buttons':
      return { text: content.text, buttons: content.buttons.map((b) => b.title), content };
    case 'list':
      return { text: content.text, list: content.sections.flatMap((s) => s.rows.map((r) => r.title)), content };
    case 'media':
      return { text: content.caption ?? '', content };
    case 'template':
      return { text: content.parameters.join(' '), content };
    case 'location':
      return { text: content.name ?? '', content };
  }
}

/**
 * A whole bot in a test: the real kernel, store, pipeline and plugins, with guests talking
 * through an in-process channel. `await guest.says(…)` returns once every resulting reply
 * was sent.
 */
export class TestBot {
  constructor(
    readonly kernel: Kernel,
    private readonly sent: SentRecord[],
  ) {}

  /** Everything sent through the test channel, oldest first. */
  get outbox(): readonly SentRecord[] {
    return this.sent;
  }

  guest(phone: string, options: { hotel?: string; language?: string; name?: string } = {}): TestGuest {
    const hotel = options.hotel ?? this.kernel.hotels.list()[0]!.id;
    if (!this.kernel.hotels.get(hotel)) throw new Error(`unknown hotel "${hotel}"`);
    return new TestGuest(this, hotel, phone, options.language, options.name);
  }

  /**
   * Resolves when no turn, reply or event delivery is in progress (a listener may send or
   * schedule more, so it looks until both are quiet). Retries waiting for their time do not count.
   */
  async settle(): Promise<void> {
    const { scheduler } = this.kernel.pipeline;
    const events = this.kernel.eventDispatcher;
    for (let round = 0; round < 50; round++) {
      await scheduler.idle();
      // A turn that just finished has already handed its events over, so an idle dispatcher here means both are quiet.
      if (events.isIdle) return;
      await events.idle();
    }
  }

  async stop(): Promise<void> {
    await this.kernel.stop('test finished');
  }
}

export class TestGuest {
  private languageSet = false;

  constructor(
    private readonly bot: TestBot,
    readonly hotelId: string,
    readonly phone: string,
    private readonly language?: string,
    private readonly name?: string,
  ) {}

  get replies(): TestReply[] {
    return this.bot.outbox
      .filter((r) => r.message.hotelId === this.hotelId && r.message.to === this.phone)
      .map((r) => toReply(r.message.content));
  }

  get lastReply(): TestReply {
    const all = this.replies;
    const last = all[all.length - 1];
    if (!last) throw new Error(`${this.phone} has received no reply`);
    return last;
  }

  says(text: string): Promise<TestReply[]> {
    return this.sends({ kind: 'text', text });
  }

  /** Taps a button or list row of the last reply that offered options, by title or id. */
  taps(titleOrId: string): Promise<TestReply[]> {
    const offered = [...this.replies].reverse().find((r) => r.content.kind === 'buttons' || r.content.kind === 'list');
    if (!offered) throw new Error('no reply with buttons or a list to tap');
    const c = offered.content;
    const options = c.kind === 'buttons' ? c.buttons : c.kind === 'list' ? c.sections.flatMap((s) => s.rows) : [];
    const option = options.find((o) => o.title === titleOrId || o.id === titleOrId);
    if (!option) throw new Error(`no option "${titleOrId}"; offered: ${options.map((o) => o.title).join(', ')}`);
    return this.sends({ kind: 'choice', id: option.id, title: option.title });
  }

  /** Sends any inbound content and returns the replies it produced. */
  async sends(content: InboundContent): Promise<TestReply[]> {
    const kernel = this.bot.kernel;
    if (this.language && !this.languageSet) {
      const conversation = await kernel.store.load({ hotelId: this.hotelId, channelId: 'test', guest: this.phone });
      if (!conversation.language) await kernel.store.save(conversation, { language: this.language });
      this.languageSet = true;
    }
    const before = this.replies.length;
    await kernel.messaging.receive([
      {
        type: 'message',
        message: {
          hotelId: this.hotelId,
          channelId: 'test',
          channelType: TEST_CHANNEL_TYPE,
          providerMessageId: `test-in-${randomUUID()}`,
          from: this.phone,
          profileName: this.name,
          timestamp: new Date(),
          content,
          raw: { content },
        },
      },
    ]);
    await this.bot.settle();
    return this.replies.slice(before);
  }
}

/** Builds and starts a bot for a test (no HTTP port unless you call `kernel.listen(0)`). */
export async function createTestBot(options: CreateTestBotOptions = {}): Promise<TestBot> {
  const source = options.config ?? DEFAULT_CONFIG;
  let doc: Record<string, unknown>;
  let baseDir = process.cwd();
  if (typeof source === 'string') {
    const file = path.resolve(source);
    doc = YAML.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    baseDir = path.dirname(file);
  } else doc = source;
  const sent: SentRecord[] = [];
  const kernel = createBot({
    config: withTestChannel(doc, options.channel ?? 'full'),
    baseDir,
    env: options.env,
    logger: options.logger ?? createLogger({ level: process.env.HOTELLO_TEST_LOG ?? 'silent' }),
    clock: options.clock,
    extraPlugins: [createTestChannelPlugin(sent), ...(options.plugins ?? [])],
  });
  await kernel.start();
  return new TestBot(kernel, sent);
}
