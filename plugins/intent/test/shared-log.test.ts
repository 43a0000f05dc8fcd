import { MongoConversationStore } from '@hotello/core';
import { createTestBot, type TestBot } from '@hotello/core/testing';
import intent from '@hotello/plugin-intent';

// With the MongoDB store, the classification log lives on the store's connection, so every
// bot instance sees the same log (and the same LLM budget).
describe('intent logs on the shared MongoDB connection', () => {
  let bot: TestBot;
  beforeAll(async () => {
    const base = process.env.MONGODB_URI!.replace(/\/[^/]*$/, '');
    bot = await createTestBot({
      plugins: [intent],
      config: { store: { type: 'mongodb', uri: `${base}/intent_shared_log_${Date.now()}` }, hotels: [{ id: 'seaside', name: 'Seaside' }] },
    });
  });
  afterAll(() => bot.stop());

  it('records each classification with its hotel and layer', async () => {
    await bot.guest('+254700000321', { hotel: 'seaside' }).says('hello there');
    const store = bot.kernel.store as MongoConversationStore;
    const records = await store.connection.collection('intent_classifications').find({ hotelId: 'seaside' }).toArray();
    expect(records.length).toBe(1);
    expect(records[0]).toMatchObject({ hotelId: 'seaside', intent: 'greeting' });
  });
});
