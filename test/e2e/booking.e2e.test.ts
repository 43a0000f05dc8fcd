import cloudApi from '@hotello/adapter-cloud-api';
import simulator from '@hotello/adapter-simulator';
import { createBot, createLogger, type Kernel } from '@hotello/core';
import booking, { BOOKING_SERVICE, type BookingService } from '@hotello/plugin-booking';
import intent from '@hotello/plugin-intent';
import mongoose from 'mongoose';
import * as cloudFx from '../../adapters/cloud-api/test/fixtures';
import { openSse, type SseClient } from '../../adapters/simulator/test/sse-client';
import { inDays, typed } from '../../plugins/booking/test/helpers';
import { CloudApiFake, signedCloudApiWebhook } from '../fakes/cloud-api-fake';

// A guest books a room, lists their bookings and cancels one, end to end on two channels of one
// hotel: the web simulator (its HTTP API and event stream, as the chat page uses them) and the
// WhatsApp Cloud API (signed webhooks in, the local Graph API fake out). The same conversation
// runs on both; only how a message is sent and how a reply is read differ per channel.

const HOTEL = 'seaside';
const APP_SECRET = 'app-secret';
const ACCESS_TOKEN = 'meta-token';
const REFERENCE = /Your reference is ([A-Z]{3}\d{4})\b/;

/** A reply button or list row, as the bot sent it. */
interface Option {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
}

/** A reply as the guest's phone shows it, whatever the channel's wire format. */
interface Reply {
  readonly kind: 'text' | 'buttons' | 'list' | 'other';
  readonly text: string;
  readonly options: readonly Option[];
}

/** How a guest reaches the bot on one channel, and what the channel showed them so far. */
interface ChannelGuest {
  readonly phone: string;
  readonly name: string;
  sendText(text: string): Promise<void>;
  /** Taps a button or list row of `reply`, delivered the way the channel reports taps. */
  sendChoice(option: Option, reply: Reply): Promise<void>;
  replies(): readonly Reply[];
}

async function until<T>(probe: () => T | undefined, what: () => string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A guest in conversation. Each `expectReply` reads the next reply the guest got, so a reply
 * from an earlier turn can never satisfy a later expectation, and an unexpected extra reply fails.
 */
class Conversation {
  private seen = 0;
  private last?: Reply;

  constructor(readonly guest: ChannelGuest) {}

  says(text: string): Promise<void> {
    return this.guest.sendText(text);
  }

  /** Taps the option titled `title` in the latest interactive reply. */
  taps(title: string): Promise<void> {
    const reply = this.last;
    const option = reply?.options.find((o) => o.title === title);
    if (!reply || !option) throw new Error(`no "${title}" to tap in ${JSON.stringify(reply)}`);
    return this.guest.sendChoice(option, reply);
  }

  async expectReply(kind: Reply['kind'], text: RegExp | string): Promise<Reply> {
    const wanted = `a ${kind} reply with ${typeof text === 'string' ? JSON.stringify(text) : String(text)}`;
    const reply = await until(
      () => this.guest.replies()[this.seen],
      () => wanted,
    );
    this.seen += 1;
    const matches = reply.kind === kind && (typeof text === 'string' ? reply.text.includes(text) : text.test(reply.text));
    if (!matches) throw new Error(`expected ${wanted}, got ${JSON.stringify(reply)}`);
    this.last = reply;
    return reply;
  }
}

const titles = (reply: Reply) => reply.options.map((o) => o.title);

/** Books a double room on `checkIn` for two nights, up to the confirmation; returns the reference. */
async function bookDoubleRoom(chat: Conversation, checkIn: string): Promise<string> {
  await chat.says(`Do you have a room on ${typed(checkIn)} for 2 nights for 2 adults?`);
  const rooms = await chat.expectReply('list', 'Pick a room');
  expect(titles(rooms)).toEqual(expect.arrayContaining(['Double room', 'Suite']));
  expect(rooms.options.find((o) => o.title === 'Double room')?.description).toMatch(/total/);

  await chat.taps('Double room');
  const name = await chat.expectReply('buttons', chat.guest.name);
  expect(titles(name)).toEqual(['Yes', 'Another name']);
  await chat.taps('Yes');
  await chat.expectReply('text', /email/i);
  await chat.says('guest@example.com');

  const summary = await chat.expectReply('buttons', 'Please check your booking');
  expect(summary.text).toContain(`${chat.guest.name} · guest@example.com`);
  expect(summary.text).toContain('2 nights');
  expect(titles(summary)).toEqual(['Confirm', 'Change', 'Cancel']);
  await chat.taps('Confirm');

  const booked = await chat.expectReply('text', /^Booked! ✅/);
  return REFERENCE.exec(booked.text)![1]!;
}

async function listBookings(chat: Conversation, reference: string): Promise<void> {
  await chat.says('my bookings');
  const mine = await chat.expectReply('list', 'Your upcoming bookings');
  expect(mine.text).toContain(reference);
  expect(mine.options).toEqual([expect.objectContaining({ id: `booking:${reference}`, title: reference })]);
}

async function confirmCancellation(chat: Conversation, reference: string): Promise<void> {
  const question = await chat.expectReply('buttons', `Cancel ${reference}`);
  expect(titles(question)).toEqual(['Yes, cancel it', 'No, keep it']);
  await chat.taps('Yes, cancel it');
  await chat.expectReply('text', `Booking ${reference} is cancelled.`);
}

// ---- The simulator: the page's HTTP API and its Server-Sent Events --------------------------

class SimulatorGuest implements ChannelGuest {
  private sent = 0;

  private constructor(
    private readonly base: string,
    readonly phone: string,
    readonly name: string,
    private readonly stream: SseClient,
  ) {}

  static async open(base: string, phone: string, name: string): Promise<SimulatorGuest> {
    const stream = await openSse(`${base}/simulator/${HOTEL}/events?guest=${encodeURIComponent(phone)}`);
    return new SimulatorGuest(base, phone, name, stream);
  }

  sendText(text: string): Promise<void> {
    return this.post({ text });
  }

  sendChoice(option: Option): Promise<void> {
    return this.post({ choice: { id: option.id, title: option.title } });
  }

  replies(): readonly Reply[] {
    return this.stream.events
      .filter((e) => e.event === 'message' && (e.data as { direction: string }).direction === 'out')
      .map((e) => simulatorReply((e.data as { content: Record<string, unknown> }).content));
  }

  close(): void {
    this.stream.close();
  }

  private async post(body: Record<string, unknown>): Promise<void> {
    const id = `e2e-booking-${this.phone.slice(1)}-${++this.sent}`;
    const res = await fetch(`${this.base}/webhooks/simulator/${HOTEL}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id, from: this.phone, name: this.name, ...body }),
    });
    expect(res.status).toBe(200);
  }
}

function simulatorReply(content: Record<string, unknown>): Reply {
  const text = typeof content.text === 'string' ? content.text : '';
  switch (content.kind) {
    case 'text':
      return { kind: 'text', text, options: [] };
    case 'buttons':
      return { kind: 'buttons', text, options: content.buttons as Option[] };
    case 'list':
      return { kind: 'list', text, options: (content.sections as { rows: Option[] }[]).flatMap((s) => s.rows) };
    default:
      return { kind: 'other', text, options: [] };
  }
}

// ---- WhatsApp Cloud API: signed webhooks in, the Graph API fake's requests out ---------------

interface GraphMessage {
  to: string;
  type: string;
  text?: { body: string };
  interactive?: {
    type: 'button' | 'list';
    body: { text: string };
    action: { buttons?: { reply: Option }[]; sections?: { rows: Option[] }[] };
  };
}

class CloudApiGuest implements ChannelGuest {
  private sent = 0;
  readonly phone: string;

  constructor(
    private readonly base: string,
    private readonly meta: CloudApiFake,
    private readonly waId: string,
    readonly name: string,
  ) {
    this.phone = `+${waId}`;
  }

  sendText(text: string): Promise<void> {
    return this.post({ type: 'text', text: { body: text } });
  }

  /** What WhatsApp posts when a guest taps a reply button or picks a list row. */
  sendChoice(option: Option, reply: Reply): Promise<void> {
    const interactive =
      reply.kind === 'list'
        ? { type: 'list_reply', list_reply: { id: option.id, title: option.title, description: option.description } }
        : { type: 'button_reply', button_reply: { id: option.id, title: option.title } };
    return this.post({ type: 'interactive', interactive });
  }

  replies(): readonly Reply[] {
    return this.meta.sent
      .map((r) => r.json as GraphMessage)
      .filter((m) => m.to === this.waId || m.to === this.phone)
      .map(graphReply);
  }

  private async post(message: Record<string, unknown>): Promise<void> {
    const payload = cloudFx.envelope({
      contacts: [{ profile: { name: this.name }, wa_id: this.waId }],
      messages: [
        {
          from: this.waId,
          id: `wamid.E2E.BOOKING.${this.waId}.${++this.sent}`,
          timestamp: String(Math.floor(Date.now() / 1000)),
          ...message,
        },
      ],
    });
    const res = await fetch(`${this.base}/webhooks/cloud-api`, { method: 'POST', ...signedCloudApiWebhook(payload, APP_SECRET) });
    expect(res.status).toBe(200);
  }
}

function graphReply(message: GraphMessage): Reply {
  if (message.type === 'text') return { kind: 'text', text: message.text!.body, options: [] };
  const interactive = message.interactive;
  if (interactive?.type === 'button') {
    return { kind: 'buttons', text: interactive.body.text, options: interactive.action.buttons!.map((b) => b.reply) };
  }
  if (interactive?.type === 'list') {
    return { kind: 'list', text: interactive.body.text, options: interactive.action.sections!.flatMap((s) => s.rows) };
  }
  return { kind: 'other', text: '', options: [] };
}

// ---- The bot ----------------------------------------------------------------------------------

type StoreKind = 'memory' | 'mongodb';

/** `uri` with its database replaced by `name`, keeping any options. */
function databaseUri(uri: string, name: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)\/?[^?]*(\?.*)?$/.exec(uri);
  if (!match) throw new Error(`MONGODB_URI is not a mongodb:// URI: ${uri}`);
  return `${match[1]}/${name}${match[2] ?? ''}`;
}

async function dropDatabase(uri: string): Promise<void> {
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5_000 }).asPromise();
  try {
    await connection.dropDatabase();
  } finally {
    await connection.close();
  }
}

function storeConfig(kind: StoreKind): { config: Record<string, unknown>; dispose: () => Promise<void> } {
  if (kind === 'memory') return { config: { type: 'memory' }, dispose: async () => {} };
  const shared = process.env.MONGODB_URI;
  if (!shared) throw new Error('MONGODB_URI is not set: run this test through jest (its global setup starts the test services)');
  const uri = databaseUri(shared, `e2e_booking_${process.pid}_${Date.now().toString(36)}`);
  // Generous: the shared test server may be busy with other test files' bursts.
  return { config: { type: 'mongodb', uri, operationTimeoutMs: 30_000 }, dispose: () => dropDatabase(uri) };
}

function hotelConfig(metaUrl: string): Record<string, unknown> {
  return {
    id: HOTEL,
    name: 'Seaside Hotel',
    timezone: 'Europe/Lisbon',
    channels: [
      {
        type: 'cloud-api',
        phoneNumberId: cloudFx.SEASIDE_PHONE_ID,
        accessToken: ACCESS_TOKEN,
        appSecret: APP_SECRET,
        verifyToken: 'verify',
        baseUrl: metaUrl,
      },
      { type: 'simulator', statusDelayMs: 10 },
    ],
    plugins: {
      booking: {
        roomTypes: [
          { id: 'double', name: 'Double room', adults: 2, children: 1, rooms: 3, rate: 100 },
          { id: 'suite', name: 'Suite', adults: 3, rooms: 1, rate: 250 },
        ],
      },
    },
  };
}

// The embedded default (what `npm start` runs) and the production store.
describe.each<StoreKind>(['memory', 'mongodb'])('a guest books, lists and cancels a room end to end (%s store)', (kind) => {
  let bot: Kernel;
  let base: string;
  let meta: CloudApiFake;
  let bookings: BookingService;
  const store = storeConfig(kind);

  beforeAll(async () => {
    meta = await CloudApiFake.start(ACCESS_TOKEN);
    bot = createBot({
      config: { store: store.config, hotels: [hotelConfig(meta.url)] },
      extraPlugins: [cloudApi, simulator, intent, booking],
      logger: createLogger({ level: process.env.HOTELLO_TEST_LOG ?? 'silent' }),
    });
    await bot.start();
    base = `http://127.0.0.1:${await bot.listen(0, '127.0.0.1')}`;
    bookings = bot.container.resolve(BOOKING_SERVICE);
  });
  afterAll(async () => {
    await bot?.stop();
    await meta?.close();
    await store.dispose();
  });

  it('on the web simulator: taps arrive as choices, replies stream to the page; cancels by typing the reference', async () => {
    const guest = await SimulatorGuest.open(base, '+254700000123', 'Wanjiru Kamau');
    // The simulator does not verify numbers: its guests own their bookings under a channel-scoped identity.
    const owner = bot.messaging.identityOf({ hotelId: HOTEL, channelId: 'simulator', channelType: 'simulator' }, guest.phone);
    try {
      const chat = new Conversation(guest);
      const checkIn = inDays(40);
      const reference = await bookDoubleRoom(chat, checkIn);
      expect(await bookings.findOwn(HOTEL, reference, owner)).toMatchObject({
        status: 'confirmed',
        roomType: 'double',
        checkIn,
        nights: 2,
        guest: { name: 'Wanjiru Kamau', email: 'guest@example.com', phone: guest.phone, identity: owner },
      });
      expect(await bookings.findOwn(HOTEL, reference, guest.phone)).toBeUndefined();

      await listBookings(chat, reference);
      await chat.says(`cancel ${reference}`);
      await confirmCancellation(chat, reference);
      expect((await bookings.findOwn(HOTEL, reference, owner))?.status).toBe('cancelled');
      expect(await bookings.upcomingFor(HOTEL, owner)).toEqual([]);
    } finally {
      guest.close();
    }
  });

  it('on the Cloud API: list and button taps arrive as interactive webhooks; cancels by tapping the booking', async () => {
    const guest = new CloudApiGuest(base, meta, '351910000123', 'Sheena Nelson');
    const chat = new Conversation(guest);
    const checkIn = inDays(41);
    const reference = await bookDoubleRoom(chat, checkIn);
    expect(await bookings.findOwn(HOTEL, reference, guest.phone)).toMatchObject({
      status: 'confirmed',
      roomType: 'double',
      checkIn,
      guest: { name: 'Sheena Nelson', phone: guest.phone },
    });

    await listBookings(chat, reference);
    await chat.taps(reference);
    await confirmCancellation(chat, reference);
    expect((await bookings.findOwn(HOTEL, reference, guest.phone))?.status).toBe('cancelled');
    expect(await bookings.upcomingFor(HOTEL, guest.phone)).toEqual([]);

    // Every reply went to the hotel's own number with its token, as the Graph API wants it.
    for (const request of meta.sent) {
      expect(request.path).toMatch(new RegExp(`^/v\\d+\\.\\d+/${cloudFx.SEASIDE_PHONE_ID}/messages$`));
      expect(request.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    }
  });

  it("a simulator guest typing a real guest's number neither sees nor cancels their bookings", async () => {
    const real = new Conversation(new CloudApiGuest(base, meta, '16505558888', 'Ada Real'));
    const reference = await bookDoubleRoom(real, inDays(42));

    const impostor = await SimulatorGuest.open(base, '+16505558888', 'Ada Real');
    try {
      const chat = new Conversation(impostor);
      await chat.says('my bookings');
      await chat.expectReply('buttons', 'You have no upcoming bookings');
      // Someone else's reference reads exactly like one that does not exist.
      await chat.says(`cancel ${reference}`);
      const theirs = await chat.expectReply('text', `I couldn't find booking ${reference}`);
      await chat.says('cancel ZZZ9999');
      const unknown = await chat.expectReply('text', "I couldn't find booking ZZZ9999");
      expect(theirs.text.replace(reference, 'REF')).toBe(unknown.text.replace('ZZZ9999', 'REF'));
    } finally {
      impostor.close();
    }

    // The real guest's booking is untouched and still theirs, on their real channel.
    expect((await bookings.findOwn(HOTEL, reference, '+16505558888'))?.status).toBe('confirmed');
    await listBookings(real, reference);
  });
});
