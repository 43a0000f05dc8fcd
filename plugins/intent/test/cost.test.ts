import { createPluginStorage, MongoConversationStore, createLogger } from '@hotello/core';
import { createTestStorage } from '@hotello/core/testing';
import type { IntentLogRepository } from '../src/cost/intent-log';
import { IntentLog } from '../src/cost/stored-intent-log';

// LLM calls, their cost and the monthly budget are core's now: core/test/llm/llm-usage.test.ts.
const at = new Date('2025-03-10T10:00:00Z');

/** The same behaviour on both stores (records are pruned against `at`, the tests' now). */
function contract(name: string, make: () => Promise<IntentLogRepository>) {
  describe(`${name} intent log`, () => {
    let log: IntentLogRepository;
    beforeEach(async () => {
      log = await make();
    });

    it('summarises layers, confidence and latency since a date, per hotel', async () => {
      for (const [layer, confidence, latencyMs] of [
        ['rules', 0.95, 0.1],
        ['rules', 0.95, 0.3],
        ['classifier', 0.7, 1.5],
      ] as const) {
        await log.recordClassification({ hotelId: 'seaside', at, layer, intent: 'book_room', confidence, latencyMs, language: 'en' });
      }
      const old = {
        hotelId: 'seaside',
        at: new Date('2024-01-01'),
        layer: 'llm',
        intent: 'x',
        confidence: 1,
        latencyMs: 900,
        language: 'en',
      } as const;
      await log.recordClassification(old);
      await log.recordClassification({ ...old, hotelId: 'citylodge', at });
      const summary = await log.summary('seaside', new Date('2025-01-01'));
      expect(summary.classifications).toBe(3);
      expect(summary.byLayer.rules).toEqual({ count: 2, avgConfidence: expect.closeTo(0.95), avgLatencyMs: expect.closeTo(0.2) });
      expect(summary.byLayer.classifier?.count).toBe(1);
      expect(summary.byLayer.llm).toBeUndefined();
    });
  });
}

// The same code on both stores: core's plugin storage is all that differs.
contract('memory store', async () => new IntentLog(createTestStorage('intent'), () => at));

describe('on the MongoDB test server', () => {
  const store = new MongoConversationStore({
    uri: process.env.MONGODB_URI!,
    dbName: `intent_log_${process.pid}_${Date.now().toString(36)}`,
    logger: createLogger({ level: 'silent' }),
  });
  beforeAll(() => store.open());
  afterAll(async () => {
    await store.connection.dropDatabase();
    await store.close();
  });

  // Each test gets collections of its own, under another plugin name.
  let made = 0;
  contract('mongodb store', async () => new IntentLog(createPluginStorage(`intent-${++made}`, store.pluginCollections), () => at));
});

describe('retention', () => {
  it('prunes detail past its retention as records come in', async () => {
    let now = new Date('2025-03-10T10:00:00Z');
    const log = new IntentLog(createTestStorage('intent'), () => now);
    const old = { hotelId: 'seaside', layer: 'rules', intent: 'x', confidence: 1, latencyMs: 1, language: 'en' } as const;
    await log.recordClassification({ ...old, at: new Date('2024-01-01') });
    // The first record of the hour prunes; a year later the old detail is gone.
    now = new Date('2025-03-10T12:00:00Z');
    await log.recordClassification({ ...old, at: now });
    expect((await log.summary('seaside', new Date(0))).classifications).toBe(1);
  });
});
