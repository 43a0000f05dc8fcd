import {
  createLogger,
  createPluginStorage,
  estimateCost,
  monthIn,
  MongoConversationStore,
  StoredLlmUsage,
  type LlmUsageRecord,
} from '@hotello/core';
import { createTestStorage } from '@hotello/core/testing';
import { LlmBudget } from '../../src/llm/llm-budget';
import type { LlmBudgetExceeded } from '../../src/llm/llm-types';

const at = new Date('2025-03-10T10:00:00Z');
const usage = (hotelId: string, costUsd: number, month = '2025-03', plugin = 'intent'): LlmUsageRecord => ({
  hotelId,
  plugin,
  at,
  month,
  kind: 'structured',
  provider: 'openai',
  model: 'gpt-4o-mini',
  inputTokens: 200,
  outputTokens: 20,
  estimated: false,
  costUsd,
  latencyMs: 420,
  attempts: 1,
  outcome: 'ok',
});

/** The same behaviour on both stores: core's own collections through plugin storage. */
function contract(name: string, make: () => StoredLlmUsage) {
  describe(`LLM usage on the ${name}`, () => {
    it('sums spend per hotel and month across plugins, never across hotels', async () => {
      const log = make();
      await log.record(usage('seaside', 0.25));
      expect(await log.record(usage('seaside', 0.5, '2025-03', 'knowledge'))).toBeCloseTo(0.75);
      await log.record(usage('seaside', 4, '2025-02'));
      await log.record(usage('citylodge', 9));
      expect(await log.spent('seaside', '2025-03')).toBeCloseTo(0.75);
      expect(await log.spent('seaside', '2025-02')).toBeCloseTo(4);
      expect(await log.spent('citylodge', '2025-03')).toBeCloseTo(9);
      expect(await log.spent('nowhere', '2025-03')).toBe(0);
      const summary = await log.summary('seaside', new Date('2025-03-01'));
      expect(summary).toMatchObject({ calls: 3, inputTokens: 600, outputTokens: 60 });
      expect(summary.byPlugin).toEqual({
        intent: { calls: 2, costUsd: expect.closeTo(4.25) },
        knowledge: { calls: 1, costUsd: expect.closeTo(0.5) },
      });
    });

    it('hands the budget alert to exactly one caller per hotel and month', async () => {
      const log = make();
      const claims = await Promise.all([1, 2, 3, 4].map(() => log.claimBudgetAlert('seaside', '2025-03')));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await log.claimBudgetAlert('seaside', '2025-04')).toBe(true);
      expect(await log.claimBudgetAlert('citylodge', '2025-03')).toBe(true);
    });
  });
}

contract('memory store', () => new StoredLlmUsage(createTestStorage('core'), () => at));

describe('on the MongoDB test server', () => {
  const store = new MongoConversationStore({
    uri: process.env.MONGODB_URI!,
    dbName: `llm_usage_${process.pid}_${Date.now().toString(36)}`,
    logger: createLogger({ level: 'silent' }),
  });
  beforeAll(() => store.open());
  afterAll(async () => {
    await store.connection.dropDatabase();
    await store.close();
  });
  let made = 0;
  contract('mongodb store', () => new StoredLlmUsage(createPluginStorage(`core${++made}`, store.pluginCollections), () => at));
});

describe('LLM budget', () => {
  it('allows calls until the month is spent, then alerts once', async () => {
    const log = new StoredLlmUsage(createTestStorage('core'));
    const alerts: LlmBudgetExceeded[] = [];
    const budget = new LlmBudget(log, (a) => void alerts.push(a), 0);
    expect(await budget.check('seaside', '2025-03', 1, 'intent')).toEqual({ allowed: true });
    await log.record(usage('seaside', 1.2));
    expect(await budget.check('seaside', '2025-03', 1, 'knowledge')).toEqual({ allowed: false, spentUsd: 1.2 });
    expect(await budget.check('seaside', '2025-03', 1, 'intent')).toMatchObject({ allowed: false });
    expect(alerts).toEqual([{ hotelId: 'seaside', month: '2025-03', spentUsd: 1.2, budgetUsd: 1, plugin: 'knowledge' }]);
    expect(await budget.check('seaside', '2025-04', 1, 'intent')).toEqual({ allowed: true });
  });

  it('caches spend briefly, counting its own calls meanwhile, and alerts at the call that crossed', async () => {
    const log = new StoredLlmUsage(createTestStorage('core'));
    const alerts: LlmBudgetExceeded[] = [];
    let now = 0;
    const budget = new LlmBudget(
      log,
      (a) => void alerts.push(a),
      30_000,
      () => now,
    );
    expect(await budget.check('seaside', '2025-03', 1, 'intent')).toEqual({ allowed: true });
    // Another instance spends; this one does not see it until the cache expires...
    await log.record(usage('seaside', 0.5));
    expect(await budget.check('seaside', '2025-03', 1, 'intent')).toEqual({ allowed: true });
    // ...but its own calls count at once, with the store's running total.
    await budget.charged('seaside', '2025-03', await log.record(usage('seaside', 0.7)), 1, 'intent');
    expect(alerts).toEqual([expect.objectContaining({ spentUsd: expect.closeTo(1.2), plugin: 'intent' })]);
    expect(await budget.check('seaside', '2025-03', 1, 'intent')).toMatchObject({ allowed: false });
    now = 31_000;
    expect(await budget.check('seaside', '2025-04', 1, 'intent')).toEqual({ allowed: true });
    expect(alerts).toHaveLength(1);
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
