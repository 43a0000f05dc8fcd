import type { TestBot } from '@hotello/core/testing';
import { bookingBot, inDays, typed } from './helpers';

/** An address of `length` characters: a local part far beyond RFC 5321's 64, a real domain. */
const longAddress = (length: number): string => 'a'.repeat(length - '@example.com'.length) + '@example.com';

describe('a very long e-mail address at the email step', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await bookingBot();
  });
  afterAll(() => bot.stop());

  // It used to be taken as the address, and the summary quoting it was longer than a WhatsApp
  // text may be: the turn failed with "Sorry, something went wrong on our side".
  it.each([
    ['en', 'Double room', 'Yes', "That doesn't look like an email address", /email address/],
    ['es', 'Habitación doble', 'Sí', 'Eso no parece una dirección de correo electrónico', /correo electrónico/],
  ])('gets asked again, in the guest language (%s)', async (language, room, yes, invalid, askAgain) => {
    const guest = bot.guest(`+35191770000${language === 'en' ? 1 : 2}`, { hotel: 'seaside', language, name: 'Ana Silva' });
    await guest.says(
      `${language === 'en' ? 'a room on' : 'una habitación el'} ${typed(inDays(40))} ${language === 'en' ? 'for 2 nights for 2 adults' : 'por 2 noches para 2 adultos'}`,
    );
    await guest.taps(room);
    await guest.taps(yes);
    const before = guest.replies.length;

    await guest.says(longAddress(4090));

    const replies = guest.replies.slice(before).map((r) => r.text ?? '');
    expect(replies).toHaveLength(2);
    expect(replies[0]).toContain(invalid);
    expect(replies[1]).toMatch(askAgain);
    await guest.says('ana@example.com');
    expect(guest.lastReply.text).toContain('Ana Silva · ana@example.com');
  });

  it('keeps an address of ordinary length', async () => {
    const guest = bot.guest('+351917700003', { hotel: 'seaside', name: 'Ana Silva' });
    await guest.says(`a room on ${typed(inDays(41))} for 2 nights for 2 adults`);
    await guest.taps('Double room');
    await guest.taps('Yes');
    const address = `${'a'.repeat(64)}@${'b'.repeat(60)}.example.com`;
    await guest.says(address);
    expect(guest.lastReply.text).toContain(address);
  });
});
