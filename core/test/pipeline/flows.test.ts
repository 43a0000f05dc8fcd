import { createTestBot, type TestBot } from '@hotello/core/testing';
import { lateCheckout } from './late-checkout.fixture';

describe('flows and per-hotel options', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await createTestBot({
      plugins: [lateCheckout],
      config: {
        plugins: [{ use: 'late-checkout', options: { fee: 20 } }],
        hotels: [
          { id: 'seaside', name: 'Seaside', plugins: { 'late-checkout': { fee: 25 } } },
          { id: 'citylodge', name: 'City Lodge', defaultLanguage: 'es', plugins: { 'late-checkout': { fee: 10, latestHour: 13 } } },
          { id: 'hostel', name: 'Hostel', plugins: { 'late-checkout': false } },
        ],
      },
    });
  });
  afterAll(() => bot.stop());

  it('runs the design example in Spanish with buttons, and a tap continues the flow', async () => {
    const guest = bot.guest('+34600000001', { hotel: 'citylodge', language: 'es' });
    await guest.says('¿puedo dejar la habitación más tarde?');
    expect(guest.lastReply.text).toBe('La salida tardía hasta las 13:00 cuesta 10. ¿La añado?');
    expect(guest.lastReply.buttons).toEqual(['Sí', 'No']);
    await guest.taps('Sí');
    expect(guest.lastReply.text).toMatch(/Hecho/);
    const conversation = await bot.kernel.store.findByKey({ hotelId: 'citylodge', channelId: 'test', guest: '+34600000001' });
    expect(conversation?.flow).toBeUndefined();
    expect(conversation?.data['late-checkout']).toEqual({ added: true });
  });

  it('maps a typed "2" or an option title back to the option of the last menu', async () => {
    const guest = bot.guest('+254700000010', { hotel: 'seaside' });
    await guest.says('late checkout please');
    expect(guest.lastReply.text).toBe('Late checkout until 14:00 costs 25. Shall I add it?');
    await guest.says('2');
    expect(guest.lastReply.text).toBe('No problem.');
    await guest.says('late checkout please');
    await guest.says('yes');
    expect(guest.lastReply.text).toBe('Added. Enjoy the extra time!');
  });

  it('keeps the flow at its step when the answer is not understood, and falls back politely', async () => {
    const guest = bot.guest('+254700000011', { hotel: 'seaside' });
    await guest.says('late checkout?');
    const replies = await guest.says('what is the wifi password');
    expect(replies.map((r) => r.text)).toEqual(["Sorry, I didn't get that. Type *menu* to see what I can do."]);
    const conversation = await bot.kernel.store.findByKey({ hotelId: 'seaside', channelId: 'test', guest: '+254700000011' });
    expect(conversation?.flow).toMatchObject({ name: 'late_checkout', step: 'answer', plugin: 'late-checkout' });
    await guest.taps('Yes');
    expect(guest.lastReply.text).toBe('Added. Enjoy the extra time!');
  });

  it('does not exist at a hotel where it is off', async () => {
    const guest = bot.guest('+254700000012', { hotel: 'hostel' });
    const replies = await guest.says('late checkout please');
    expect(replies.map((r) => r.text)).toEqual(["Sorry, I didn't get that. Type *menu* to see what I can do."]);
  });

  it('degrades buttons to a numbered menu on a channel without buttons', async () => {
    const textOnly = await createTestBot({
      plugins: [lateCheckout],
      channel: 'text-only',
      config: { plugins: [{ use: 'late-checkout', options: { fee: 25 } }], hotels: [{ id: 'seaside', name: 'S' }] },
    });
    try {
      const guest = textOnly.guest('+254700000013');
      await guest.says('late checkout');
      expect(guest.lastReply.content.kind).toBe('text');
      expect(guest.lastReply.text).toMatch(/Shall I add it\?\n+1\. Yes\n2\. No/);
      await guest.says('1');
      expect(guest.lastReply.text).toBe('Added. Enjoy the extra time!');
    } finally {
      await textOnly.stop();
    }
  });
});
