import { renderForChannel, type ChannelAdapter, type OutboundContent, type PlannedChannel } from '@hotello/core';
import simulator from '@hotello/adapter-simulator';
import { startCapturingBot, type CapturingBot } from '../../../test/fakes/capturing-bot';
import { openSse, type SseClient } from './sse-client';

const GUEST = '+254700000001';
const config = {
  hotels: [
    { id: 'seaside', name: 'Seaside Hotel', channels: [{ type: 'simulator', statusDelayMs: 20 }] },
    { id: 'citylodge', name: 'City Lodge' },
    { id: 'harbour', name: 'Harbour Inn', plugins: { simulator: false } },
  ],
};

let bot: CapturingBot;
let adapter: ChannelAdapter;
let channel: PlannedChannel;
const streams: SseClient[] = [];

beforeAll(async () => {
  bot = await startCapturingBot(config, [simulator]);
  adapter = bot.bot.messaging.adapter('simulator')!;
  channel = bot.bot.hotels.channels('simulator')[0]!;
});
afterAll(() => bot.stop());
beforeEach(() => {
  bot.events.length = 0;
});
afterEach(() => {
  for (const s of streams.splice(0)) s.close();
});

let counter = 0;
const clientId = () => `test-${Date.now()}-${(counter += 1)}`;

function postGuest(body: Record<string, unknown>, hotel = 'seaside') {
  return fetch(`${bot.url}/webhooks/simulator/${hotel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function events(guest = GUEST): Promise<SseClient> {
  const client = await openSse(`${bot.url}/simulator/seaside/events?guest=${encodeURIComponent(guest)}`);
  streams.push(client);
  return client;
}

// As the outbox hands it over: rendered for the channel's capabilities (adapters render nothing themselves).
const reply = (content: OutboundContent, to = GUEST) =>
  adapter.send(channel, {
    hotelId: 'seaside',
    channelId: 'simulator',
    to,
    content: renderForChannel(content, adapter.capabilities).content,
    outboxId: clientId(),
  });

/** Statuses the bot was told about for one reply, in arrival order. */
async function statusesOf(id: string, count: number): Promise<string[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = bot
      .statuses()
      .filter((s) => s.providerMessageId === id)
      .map((s) => s.status);
    if (found.length >= count || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('simulator page', () => {
  it('serves the chat page and its assets', async () => {
    const page = await fetch(`${bot.url}/simulator`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('role="log"');
    const js = await fetch(`${bot.url}/simulator/assets/simulator.js`);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(`${bot.url}/simulator/assets/simulator.css`)).headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('serves nothing outside its fixed list of files', async () => {
    expect((await fetch(`${bot.url}/simulator/assets/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${bot.url}/simulator/assets/index.ts`)).status).toBe(404);
  });

  it('lists only hotels that have a simulator channel', async () => {
    expect(await (await fetch(`${bot.url}/simulator/hotels`)).json()).toEqual([{ id: 'seaside', name: 'Seaside Hotel', language: 'en' }]);
  });
});

describe('simulator guest messages', () => {
  const address = { hotelId: 'seaside', channelId: 'simulator', channelType: 'simulator' };

  it.each([
    ['text', { text: 'Hello, is breakfast included?' }, { kind: 'text', text: 'Hello, is breakfast included?' }],
    ['a tapped button', { choice: { id: 'late-yes', title: 'Yes please' } }, { kind: 'choice', id: 'late-yes', title: 'Yes please' }],
    [
      'a location',
      { location: { latitude: -1.29, longitude: 36.82, name: 'Nairobi' } },
      { kind: 'location', latitude: -1.29, longitude: 36.82, name: 'Nairobi' },
    ],
  ])('%s → canonical message under the page’s id', async (_name, body, content) => {
    const id = clientId();
    const res = await postGuest({ id, from: '254 700 000 001', name: 'Wanjiru', ...body });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, statuses: 0 });
    expect(bot.messages()).toEqual([
      {
        ...address,
        providerMessageId: id,
        from: GUEST,
        profileName: 'Wanjiru',
        timestamp: expect.any(Date),
        content,
        raw: expect.objectContaining({ id }),
      },
    ]);
  });

  describe('bad input changes nothing', () => {
    afterEach(() => expect(bot.events).toEqual([]));

    it.each([
      ['no id', { from: GUEST, text: 'hi' }, /^id:/],
      ['text and choice at once', { id: clientId(), from: GUEST, text: 'hi', choice: { id: 'a', title: 'A' } }, /exactly one of/],
      ['neither text nor choice', { id: clientId(), from: GUEST }, /exactly one of/],
      ['a sender that is not a number', { id: clientId(), from: 'bob', text: 'hi' }, /^from:/],
      ['an unknown field', { id: clientId(), from: GUEST, text: 'hi', admin: true }, /.+/],
    ])('400 for %s', async (_name, body, message) => {
      const res = await postGuest(body);
      expect(res.status).toBe(400);
      expect((await res.json()) as { message: string }).toMatchObject({ message: expect.stringMatching(message) });
    });

    it('400 for malformed JSON', async () => {
      const res = await fetch(`${bot.url}/webhooks/simulator/seaside`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"id":',
      });
      expect(res.status).toBe(400);
    });

    it.each(['nowhere', 'citylodge', 'harbour'])('404 for hotel %s (unknown, no simulator channel, plugin off)', async (hotel) => {
      expect((await postGuest({ id: clientId(), from: GUEST, text: 'hi' }, hotel)).status).toBe(404);
    });

    it('500 when the message cannot be stored', async () => {
      bot.failNextReceive();
      expect((await postGuest({ id: clientId(), from: GUEST, text: 'hi' })).status).toBe(500);
    });
  });
});

describe('simulator replies', () => {
  it('pushes a reply to the open page and reports sent, then delivered', async () => {
    const page = await events();
    const { providerMessageId } = await reply({
      kind: 'buttons',
      text: 'Late checkout until 14:00?',
      buttons: [
        { id: 'yes', title: 'Yes' },
        { id: 'no', title: 'No' },
      ],
    });
    const pushed = await page.waitFor((e) => e.event === 'message' && (e.data as { id: string }).id === providerMessageId);
    expect(pushed.data).toEqual({
      id: providerMessageId,
      direction: 'out',
      timestamp: expect.any(String),
      content: {
        kind: 'buttons',
        text: 'Late checkout until 14:00?',
        buttons: [
          { id: 'yes', title: 'Yes' },
          { id: 'no', title: 'No' },
        ],
      },
    });
    expect(await statusesOf(providerMessageId, 2)).toEqual(['sent', 'delivered']);
    await page.waitFor((e) => e.event === 'status' && (e.data as { status: string }).status === 'delivered');
    expect(bot.statuses()[0]).toMatchObject({ hotelId: 'seaside', channelId: 'simulator', recipient: GUEST });
  });

  it('reports read when the page says it showed the reply', async () => {
    const page = await events();
    const { providerMessageId } = await reply({ kind: 'text', text: 'Breakfast is 7–10.' });
    expect(await statusesOf(providerMessageId, 2)).toEqual(['sent', 'delivered']);
    const res = await fetch(`${bot.url}/simulator/seaside/read`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ guest: GUEST, ids: [providerMessageId, 'sim-unknown'] }),
    });
    expect(await res.json()).toEqual({ read: 1 });
    expect(await statusesOf(providerMessageId, 3)).toEqual(['sent', 'delivered', 'read']);
    await page.waitFor((e) => e.event === 'status' && (e.data as { id: string; status: string }).status === 'read');
  });

  it('keeps replies for a page that is not open, and delivers them when it connects', async () => {
    const guest = '+254700000002';
    const { providerMessageId } = await reply({ kind: 'text', text: 'Your room is ready.' }, guest);
    await new Promise((r) => setTimeout(r, 150));
    expect(await statusesOf(providerMessageId, 1)).toEqual(['sent']);
    const page = await events(guest);
    const replayed = await page.waitFor((e) => e.event === 'message');
    expect(replayed.data).toMatchObject({ id: providerMessageId, status: 'sent', content: { kind: 'text', text: 'Your room is ready.' } });
    expect(await statusesOf(providerMessageId, 2)).toEqual(['sent', 'delivered']);
  });

  it('replays what the guest wrote too, so a reloaded page shows the whole conversation', async () => {
    const guest = '+254700000003';
    const id = clientId();
    await postGuest({ id, from: guest, text: 'Do you have parking?' });
    const page = await events(guest);
    expect((await page.waitFor((e) => e.event === 'message')).data).toMatchObject({
      id,
      direction: 'in',
      content: { kind: 'text', text: 'Do you have parking?' },
    });
  });

  it('renders more buttons than WhatsApp allows as a numbered menu', async () => {
    const page = await events();
    const { providerMessageId } = await reply({
      kind: 'buttons',
      text: 'Pick a time',
      buttons: ['7', '8', '9', '10'].map((h) => ({ id: h, title: `${h}:00` })),
    });
    const pushed = await page.waitFor((e) => e.event === 'message' && (e.data as { id: string }).id === providerMessageId);
    expect((pushed.data as { content: unknown }).content).toEqual({
      kind: 'text',
      text: 'Pick a time\n\n1. 7:00\n2. 8:00\n3. 9:00\n4. 10:00',
    });
  });

  it('400 for an events stream without a valid guest number', async () => {
    expect((await fetch(`${bot.url}/simulator/seaside/events?guest=nobody`)).status).toBe(400);
    expect((await fetch(`${bot.url}/simulator/nowhere/events?guest=${encodeURIComponent(GUEST)}`)).status).toBe(404);
  });
});

describe('simulator shutdown', () => {
  it('ends open streams when the bot stops', async () => {
    const own = await startCapturingBot(config, [simulator]);
    const res = await fetch(`${own.url}/simulator/seaside/events?guest=${encodeURIComponent(GUEST)}`);
    const reader = res.body!.getReader();
    await reader.read();
    const started = Date.now();
    await own.stop();
    // Ended cleanly or cut by the server closing its sockets: either way the page is not left hanging.
    const ended = await (async () => {
      try {
        for (;;) if ((await reader.read()).done) return 'done';
      } catch {
        return 'closed';
      }
    })();
    expect(['done', 'closed']).toContain(ended);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
