import intent from '@hotello/plugin-intent';
import { createTestBot, type TestBot } from '@hotello/core/testing';
import { dropDatabase, mongoUri, uniqueDatabaseName } from '../../core/test/store/mongo-test-db';
import lateCheckout from './fixtures/plugin-kit/late-checkout-plugin';
import loyalty from './fixtures/plugin-kit/loyalty-plugin';
import { LOYALTY_SERVICE } from './fixtures/plugin-kit/loyalty-service';
import welcomeBack from './fixtures/plugin-kit/welcome-back-plugin';

// Two plugins written only from core/README's "Writing a plugin": one keeps data with
// ctx.storage and provides a service, the other uses it. The same code runs on both stores.
const database = uniqueDatabaseName('plugin_kit');
describe.each([
  ['memory', () => ({ type: 'memory' })],
  ['mongodb', () => ({ type: 'mongodb', uri: `${mongoUri().replace(/\/[^/]*$/, '')}/${database}` })],
])('a provider and a consumer plugin on the %s store', (name, store) => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await createTestBot({
      plugins: [intent, loyalty, welcomeBack],
      config: {
        store: store(),
        plugins: [{ use: 'welcome-back', options: { pointsPerVisit: 10 } }],
        hotels: [
          { id: 'seaside', name: 'Seaside' },
          { id: 'citylodge', name: 'City Lodge', plugins: { 'welcome-back': { pointsPerVisit: 5 } } },
        ],
      },
    });
  });
  afterAll(async () => {
    await bot.stop();
    if (name === 'mongodb') await dropDatabase(mongoUri(), database);
  });

  it('stores points through the provider’s service, per hotel, and keeps the consumer’s data typed', async () => {
    const guest = bot.guest('+254700000601', { hotel: 'seaside' });
    await guest.says('how many points do I have');
    expect(guest.lastReply.text).toBe('Visit 1: you have 10 points.');
    await guest.says('my loyalty points');
    expect(guest.lastReply.text).toBe('Visit 2: you have 20 points.');

    const elsewhere = bot.guest('+254700000601', { hotel: 'citylodge' });
    await elsewhere.says('how many points do I have');
    expect(elsewhere.lastReply.text).toBe('Visit 1: you have 5 points.');

    const service = bot.kernel.container.resolve(LOYALTY_SERVICE);
    expect(await service.points('seaside', '+254700000601')).toBe(20);
    expect(await service.points('citylodge', '+254700000601')).toBe(5);
  });
});

// core/README's "Testing a plugin" example, on its first example plugin.
describe('the core README testing example', () => {
  it('offers a late checkout', async () => {
    const bot = await createTestBot({
      plugins: [intent, lateCheckout], // or config: 'config/seaside.yaml'
      config: { plugins: [{ use: 'late-checkout', options: { fee: 20 } }], hotels: [{ id: 'seaside', name: 'Seaside' }] },
    });
    try {
      const guest = bot.guest('+254700000001', { hotel: 'seaside' });
      await guest.says('can I check out late?');
      expect(guest.lastReply.buttons).toEqual(['Yes', 'No']);
      await guest.taps('Yes');
      expect(guest.lastReply.text).toBe('Added!');
    } finally {
      await bot.stop();
    }
  });
});
