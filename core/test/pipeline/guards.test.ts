import { definePlugin } from '@hotello/core';
import { createTestBot, type TestBot } from '@hotello/core/testing';

const ADMIN_KEY = 'test-admin-key-0123456789';

/** A quiet window around now, so the test does not depend on the time it runs. */
function clockIn(hours: number): string {
  const d = new Date(Date.now() + hours * 3_600_000);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}
const QUIET = { from: clockIn(-1), to: clockIn(2) };

/** Asks for a person when the guest says "human"; echoes everything else. */
const concierge = definePlugin({
  name: 'concierge',
  register({ turns }) {
    turns.use('route', async (ctx, next) => {
      if (/human/i.test(ctx.text ?? '')) ctx.requestHandoff('guest asked for a person');
      else ctx.reply({ kind: 'text', text: `echo: ${ctx.text}` });
      await next();
    });
  },
});

describe('built-in guards', () => {
  let bot: TestBot;
  let base: string;
  const events: { name: string; payload: unknown }[] = [];

  beforeAll(async () => {
    bot = await createTestBot({
      plugins: [concierge],
      config: {
        admin: { apiKeys: [ADMIN_KEY] },
        hotels: [
          { id: 'seaside', name: 'Seaside', rateLimit: { messages: 5, perSeconds: 60 }, handoff: { timeoutMinutes: 60 } },
          { id: 'night', name: 'Night Inn', timezone: 'UTC', quietHours: QUIET },
        ],
      },
    });
    for (const name of ['handoff.requested', 'handoff.message', 'handoff.ended'] as const) {
      bot.kernel.events.on(name, (payload) => {
        events.push({ name, payload });
      });
    }
    base = `http://127.0.0.1:${await bot.kernel.listen(0, '127.0.0.1')}`;
  });
  afterAll(() => bot.stop());

  const admin = (path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });

  it('rate-limits a guest with one polite notice, not one per message', async () => {
    const guest = bot.guest('+254711000001', { hotel: 'seaside' });
    for (let i = 1; i <= 9; i++) await guest.says(`message ${i}`);
    const texts = guest.replies.map((r) => r.text);
    expect(texts.filter((t) => t.startsWith('echo'))).toHaveLength(5);
    expect(texts.filter((t) => /very quickly/.test(t))).toHaveLength(1);
    const other = bot.guest('+254711000002', { hotel: 'seaside' });
    await other.says('hi');
    expect(other.lastReply.text).toBe('echo: hi');
  });

  it('hands off to staff: silent bot, staff replies through the admin API, then hands back', async () => {
    const guest = bot.guest('+254711000003', { hotel: 'seaside' });
    await guest.says('I want a human');
    expect(guest.lastReply.text).toMatch(/asked a member of our team/);
    expect(events.find((e) => e.name === 'handoff.requested')?.payload).toMatchObject({
      hotelId: 'seaside',
      guest: '+254711000003',
      reason: 'guest asked for a person',
    });

    const silent = await guest.says('hello? anyone?');
    expect(silent).toEqual([]);
    expect(events.some((e) => e.name === 'handoff.message')).toBe(true);

    const list = await admin('/admin/hotels/seaside/conversations?handoff=true');
    expect(list.status).toBe(200);
    const { conversations } = (await list.json()) as { conversations: { id: string; guest: string }[] };
    const conversation = conversations.find((c) => c.guest === '+254711000003')!;
    expect(conversation).toBeDefined();

    const read = await admin(`/admin/hotels/seaside/conversations/${conversation.id}`);
    const { messages } = (await read.json()) as { messages: { direction: string; content: { text?: string } }[] };
    expect(messages.filter((m) => m.direction === 'in').map((m) => m.content.text)).toEqual(['I want a human', 'hello? anyone?']);

    const reply = await admin(`/admin/hotels/seaside/conversations/${conversation.id}/messages`, {
      method: 'POST',
      body: JSON.stringify({ text: 'Hi, this is Ana from reception.' }),
    });
    expect(reply.status).toBe(202);
    await bot.settle();
    expect(guest.lastReply.text).toBe('Hi, this is Ana from reception.');

    const back = await admin(`/admin/hotels/seaside/conversations/${conversation.id}/handback`, { method: 'POST', body: '{}' });
    expect(back.status).toBe(200);
    await bot.settle();
    expect(guest.lastReply.text).toMatch(/hotel assistant again/);
    await guest.says('thanks');
    expect(guest.lastReply.text).toBe('echo: thanks');
  });

  it('reports a handoff that timed out as ended once: not again when staff hand back later', async () => {
    const phone = '+254711000009';
    const store = bot.kernel.store;
    const conversation = await store.load({ hotelId: 'seaside', channelId: 'test', guest: phone });
    const since = new Date(Date.now() - 2 * 3_600_000);
    await store.save(conversation, {
      handoff: { active: true, since, reason: 'guest asked for a person', until: new Date(Date.now() - 1000) },
    });
    const guest = bot.guest(phone, { hotel: 'seaside' });
    await guest.says('still there?');
    expect(guest.replies.map((r) => r.text)).toEqual([expect.stringMatching(/hotel assistant again/), 'echo: still there?']);
    const endings = () => events.filter((e) => e.name === 'handoff.ended' && (e.payload as { guest: string }).guest === phone);
    expect(endings().map((e) => e.payload)).toEqual([{ hotelId: 'seaside', conversationId: conversation.id, guest: phone, by: 'timeout' }]);

    const back = await admin(`/admin/hotels/seaside/conversations/${conversation.id}/handback`, { method: 'POST', body: '{}' });
    expect(back.status).toBe(200);
    await bot.settle();
    expect(endings()).toHaveLength(1);
  });

  it('rejects admin calls without a valid key, and bad bodies, changing nothing', async () => {
    expect((await fetch(`${base}/admin/hotels/seaside/conversations`)).status).toBe(401);
    expect(
      (await fetch(`${base}/admin/hotels/seaside/conversations`, { headers: { authorization: 'Bearer wrong-key-0123456789' } })).status,
    ).toBe(401);
    expect((await admin('/admin/hotels/atlantis/conversations')).status).toBe(404);
    const guest = bot.guest('+254711000004', { hotel: 'seaside' });
    await guest.says('hi');
    const conversation = await bot.kernel.store.findByKey({ hotelId: 'seaside', channelId: 'test', guest: '+254711000004' });
    const before = guest.replies.length;
    const bad = await admin(`/admin/hotels/seaside/conversations/${conversation!.id}/messages`, {
      method: 'POST',
      body: JSON.stringify({ text: '' }),
    });
    expect(bad.status).toBe(400);
    const wrongHotel = await admin(`/admin/hotels/night/conversations/${conversation!.id}/messages`, {
      method: 'POST',
      body: JSON.stringify({ text: 'cross-hotel' }),
    });
    expect(wrongHotel.status).toBe(404);
    await bot.settle();
    expect(guest.replies.length).toBe(before);
  });

  it('during quiet hours tells the guest when staff are back', async () => {
    const guest = bot.guest('+254711000005', { hotel: 'night' });
    await guest.says('human please');
    expect(guest.lastReply.text).toBe(`Our team is available from ${QUIET.to}. I have passed on your message and they will reply then.`);
  });
});
