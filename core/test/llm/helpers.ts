import { createLogger, llmConfigSchema, LlmService, type LlmBudgetExceeded, type LlmConfig, type LlmHotel } from '@hotello/core';
import { createTestStorage } from '@hotello/core/testing';
import { FakeOpenAI } from '../../../test/fakes/openai-fake';

export const NOW = new Date('2025-03-10T10:00:00Z');

/** A service against the fake, one hotel `seaside` (Nairobi) unless told otherwise; `alerts` collects budget events. */
export function serviceFor(
  fake: FakeOpenAI,
  llm: LlmConfig = {},
  hotels: LlmHotel[] = [{ id: 'seaside', timezone: 'Africa/Nairobi' }],
  now: () => Date = () => NOW,
) {
  const alerts: LlmBudgetExceeded[] = [];
  const service = new LlmService({
    llm: llmConfigSchema.parse({ baseUrl: fake.baseUrl, apiKey: 'sk-test', model: 'gpt-4o-mini', retries: 0, timeoutMs: 5_000, ...llm }),
    hotels,
    storage: createTestStorage('core'),
    emit: (info) => void alerts.push(info),
    logger: createLogger({ level: 'silent' }),
    now,
    spendCacheMs: 0,
  });
  return { service, alerts };
}

export async function startFake(): Promise<FakeOpenAI> {
  return new FakeOpenAI({ apiKey: 'sk-test', answer: () => ({ kind: 'content', content: 'Hello from the fake' }) }).start();
}
