import { createPluginStorage, MongoConversationStore, createLogger } from '@hotello/core';
import { createTestStorage } from '@hotello/core/testing';
import type { IntentLogRepository, LlmUsageRecord } from '../src/cost/intent-log';
import { LlmBudget, monthIn, type BudgetExceeded } from '../src/cost/llm-budget';
import { IntentLog } from '../src/cost/stored-intent-log';
import { estimateCost } from '../src/llm/pricing';

const at = new Date('2025-03-10T10:00:00Z');
const usage = (hotelId: string, costUsd: number, month = '2025-03'): LlmUsageRecord => ({
  hotelId,
  at,
  month,
  model: 'gpt-4o-mini',
  inputTokens: 200,
  outputTokens: 20,
  estimated: false,
  costUsd,
  latencyMs: 420,
  outcome: 'ok',
});

/** The same behaviour on both stores (records are pruned against `at`, the tests' now). */
function contract(name: string, make: () => Promise<IntentLogRepository>) {
  describe(`${name} intent log`, () => {
    let log: IntentLogRepository;
    beforeEach(async () => {
      log = await make();
    });

    it('sums LLM spend per hotel and month, never across hotels', async () => {
      await log.recordLlmUsage(usage('seaside', 0.25));
      await log.recordLlmUsage(usage('seaside', 0.5));
      await log.recordLlmUsage(usage('seaside', 4, '2025-02'));
      await log.recordLlmUsage(usage('citylodge', 9));
      expect(await log.llmSpend('seaside', '2025-03')).toBeCloseTo(0.75);
      expect(await log.llmSpend('seaside', '2025-02')).toBeCloseTo(4);
      expect(await log.llmSpend('citylodge', '2025-03')).toBeCloseTo(9);
      expect(await log.llmSpend('nowhere', '2025-03')).toBe(0);
    });

    it('hands the budget alert to exactly one caller per hotel and month', async () => {
      const claims = await Promise.all([1, 2, 3, 4].map(() => log.claimBudgetAlert('seaside', '2025-03')));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await log.claimBudgetAlert('seaside', '2025-04')).toBe(true);
      expect(await log.claimBudgetAlert('citylodge', '2025-03')).toBe(true);
    });

    it('summarises layers, confidence, latency and LLM usage since a date', async () => {
      for (const [layer, confidence, latencyMs] of [
        ['rules', 0.95, 0.1],
        ['rules', 0.95, 0.3],
        ['classifier', 0.7, 1.5],
      ] as const) {
        await log.recordClassification({ hotelId: 'seaside', at, layer, intent: 'book_room', confidence, latencyMs, language: 'en' });
      }
      await log.recordClassification({
        hotelId: 'seaside',
        at: new Date('2024-01-01'),
        layer: 'llm',
        intent: 'x',
        confidence: 1,
        latencyMs: 900,
        language: 'en',
      });
      await log.recordLlmUsage(usage('seaside', 0.01));
      const summary = await log.summary('seaside', new Date('2025-01-01'));
      expect(summary.classifications).toBe(3);
      expect(summary.byLayer.rules).toEqual({ count: 2, avgConfidence: expect.closeTo(0.95), avgLatencyMs: expect.closeTo(0.2) });
      expect(summary.byLayer.classifier?.count).toBe(1);
      expect(summary.byLayer.llm).toBeUndefined();
      expect(summary.llm).toEqual({ calls: 1, inputTokens: 200, outputTokens: 20, costUsd: expect.closeTo(0.01) });
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
  it('prunes detail past its retention as records come in, keeping the monthly spend', async () => {
    let now = new Date('2025-03-10T10:00:00Z');
    const log = new IntentLog(createTestStorage('intent'), () => now);
    const old = { hotelId: 'seaside', layer: 'rules', intent: 'x', confidence: 1, latencyMs: 1, language: 'en' } as const;
    await log.recordClassification({ ...old, at: new Date('2024-01-01') });
    await log.recordLlmUsage({ ...usage('seaside', 2, '2024-01'), at: new Date('2024-01-01') });
    // The first record of the hour prunes; a year later the old detail is gone.
    now = new Date('2025-03-10T12:00:00Z');
    await log.recordClassification({ ...old, at: now });
    expect((await log.summary('seaside', new Date(0))).classifications).toBe(1);
    expect(await log.llmSpend('seaside', '2024-01')).toBe(2);
    await log.prune('seaside', new Date('2026-06-01'));
    expect((await log.summary('seaside', new Date(0))).llm.calls).toBe(0);
  });
});

describe('LLM budget', () => {
  it('allows calls until the month is spent, then alerts once', async () => {
    const log = new IntentLog(createTestStorage('intent'));
    const alerts: BudgetExceeded[] = [];
    const budget = new LlmBudget(log, (a) => void alerts.push(a), 0);
    expect(await budget.allows('seaside', '2025-03', 1)).toBe(true);
    await log.recordLlmUsage(usage('seaside', 1.2));
    expect(await budget.allows('seaside', '2025-03', 1)).toBe(false);
    expect(await budget.allows('seaside', '2025-03', 1)).toBe(false);
    expect(alerts).toEqual([{ hotelId: 'seaside', month: '2025-03', spentUsd: 1.2, budgetUsd: 1 }]);
    expect(await budget.allows('seaside', '2025-04', 1)).toBe(true);
  });

  it('caches spend briefly, counting its own calls meanwhile', async () => {
    const log = new IntentLog(createTestStorage('intent'));
    let now = 0;
    const budget = new LlmBudget(
      log,
      () => {},
      30_000,
      () => now,
    );
    expect(await budget.allows('seaside', '2025-03', 1)).toBe(true);
    // Another instance spends; this one does not see it until the cache expires...
    await log.recordLlmUsage(usage('seaside', 5));
    expect(await budget.allows('seaside', '2025-03', 1)).toBe(true);
    // ...but its own charges count at once.
    budget.charge('seaside', '2025-03', 2);
    expect(await budget.allows('seaside', '2025-03', 1)).toBe(false);
    now = 31_000;
    expect(await budget.allows('seaside', '2025-04', 1)).toBe(true);
  });

  it('uses the hotel time zone for the month', () => {
    expect(monthIn('Africa/Nairobi', new Date('2025-03-31T22:30:00Z'))).toBe('2025-04');
    expect(monthIn('America/New_York', new Date('2025-04-01T02:00:00Z'))).toBe('2025-03');
  });

  it('prices tokens per million', () => {
    expect(estimateCost(1_000_000, 0, { inputPerMillion: 0.15, outputPerMillion: 0.6 })).toBeCloseTo(0.15);
    expect(estimateCost(1000, 500, { inputPerMillion: 2, outputPerMillion: 8 })).toBeCloseTo(0.006);
  });
});
