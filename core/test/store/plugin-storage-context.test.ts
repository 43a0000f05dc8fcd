import { createTestBot, type TestBot } from '../../src/testing';
import { definePlugin } from '../../src/plugins/define-plugin';
import { Schema } from 'mongoose';
import type { PluginCollection } from '../../src/store/collections/collection-types';
import { dropDatabase, mongoUri, uniqueDatabaseName } from './mongo-test-db';

interface Visit {
  guest: string;
  count: number;
}

/** A plugin that counts a guest's messages in its own collection, declared in `register`. */
function countingPlugin() {
  let visits: PluginCollection<Visit> | undefined;
  const plugin = definePlugin({
    name: 'visits',
    register(ctx) {
      visits = ctx.storage.define<Visit>('visits', new Schema({ guest: { type: String, required: true }, count: Number }), {
        indexes: [{ fields: { guest: 1 }, unique: true }],
      });
      ctx.turns.use('guard', async (turn, next) => {
        await visits!.forHotel(turn.conversation.hotelId).updateOne({ guest: turn.identity }, { $inc: { count: 1 } }, { upsert: true });
        await next();
      });
    },
  });
  return { plugin, visits: () => visits! };
}

// `ctx.storage` on a real bot, on each store: the plugin's code does not change.
const database = uniqueDatabaseName('plugin_storage_ctx');
describe.each([
  ['memory', () => ({ type: 'memory' })],
  ['mongodb', () => ({ type: 'mongodb', uri: `${mongoUri().replace(/\/[^/]*$/, '')}/${database}` })],
])('ctx.storage on the %s store', (name, store) => {
  let bot: TestBot;
  const counting = countingPlugin();
  beforeAll(async () => {
    bot = await createTestBot({
      plugins: [counting.plugin],
      config: {
        store: store(),
        hotels: [
          { id: 'seaside', name: 'Seaside' },
          { id: 'citylodge', name: 'City Lodge' },
        ],
      },
    });
  });
  afterAll(async () => {
    await bot.stop();
    if (name === 'mongodb') await dropDatabase(mongoUri(), database);
  });

  it('keeps a plugin’s data per hotel in its own collection', async () => {
    await bot.guest('+254700000401', { hotel: 'seaside' }).says('hello');
    await bot.guest('+254700000401', { hotel: 'seaside' }).says('hello again');
    await bot.guest('+254700000401', { hotel: 'citylodge' }).says('hi');
    const visits = counting.visits();
    expect(visits.name).toBe('visits_visits');
    expect(await visits.forHotel('seaside').find({}, { projection: { _id: 0, guest: 1, count: 1 } })).toEqual([
      { guest: '+254700000401', count: 2 },
    ]);
    expect(await visits.forHotel('citylodge').countDocuments()).toBe(1);
  });
});
