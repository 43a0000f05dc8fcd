import { LlmBudgetExceededError, LlmOutputError, LlmRequestError, LlmTimeoutError, LlmUnavailableError, z } from '@hotello/core';
import { errorBody, type FakeOpenAI } from '../../../test/fakes/openai-fake';
import { NOW, serviceFor, startFake } from './helpers';

describe('the LLM service against a local OpenAI-compatible server', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFake();
    // Loading langchain takes a second or more on a busy machine: not what these tests are about.
    await serviceFor(fake).service.forPlugin('warm').forHotel('seaside').warmUp();
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.reset();
    fake.delayMs = 0;
    fake.usage = undefined;
    fake.answer = () => ({ kind: 'content', content: 'Hello from the fake' });
  });

  it('answers chat with text and logs the call with the plugin, hotel, model, kind, tokens and cost', async () => {
    const { service } = serviceFor(fake);
    const llm = service.forPlugin('concierge').forHotel('seaside');
    expect(llm).toMatchObject({ available: true, model: 'gpt-4o-mini', hotelId: 'seaside' });

    expect(
      await llm.chat([
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ]),
    ).toBe('Hello from the fake');
    expect(fake.requests[0]).toMatchObject({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
    });
    const summary = await service.usage.summary('seaside', new Date(0));
    expect(summary).toMatchObject({
      calls: 1,
      inputTokens: 180,
      outputTokens: 24,
      byPlugin: { concierge: { calls: 1 } },
      byKind: { chat: { calls: 1 } },
    });
    expect(summary.costUsd).toBeCloseTo((180 * 0.15 + 24 * 0.6) / 1_000_000, 12);
    expect(await service.usage.spent('seaside', '2025-03')).toBeCloseTo(summary.costUsd, 12);
  });

  it('validates structured output with zod, by function calling or by response_format json_schema', async () => {
    const { service } = serviceFor(fake);
    const llm = service.forPlugin('concierge').forHotel('seaside');
    const schema = z.object({ room: z.enum(['single', 'double']), nights: z.number().int() });

    fake.answer = () => ({ kind: 'tool', args: { room: 'double', nights: 2 } });
    expect(await llm.structured('two nights in a double', schema, { name: 'stay' })).toEqual({ room: 'double', nights: 2 });
    expect(fake.requests[0]!.tools?.[0]?.function).toMatchObject({
      name: 'stay',
      parameters: { properties: { room: { enum: ['single', 'double'] } } },
    });

    fake.answer = (request) => {
      expect(request.response_format?.type).toBe('json_schema');
      return { kind: 'content', content: JSON.stringify({ room: 'single', nights: 1 }) };
    };
    expect(await llm.structured('one night, single', schema, { method: 'jsonSchema' })).toEqual({ room: 'single', nights: 1 });
    expect((await service.usage.summary('seaside', new Date(0))).byKind.structured?.calls).toBe(2);
  });

  it('throws LlmOutputError, logged as invalid, when the answer fails its schema', async () => {
    const { service } = serviceFor(fake);
    const llm = service.forPlugin('concierge').forHotel('seaside');
    fake.answer = () => ({ kind: 'tool', args: { room: 'penthouse', nights: 2 } });
    const failure = await llm
      .structured('a penthouse', z.object({ room: z.enum(['single', 'double']), nights: z.number() }))
      .catch((e) => e);
    expect(failure).toBeInstanceOf(LlmOutputError);
    expect(failure).toMatchObject({
      name: 'LlmOutputError',
      plugin: 'concierge',
      hotelId: 'seaside',
      output: { room: 'penthouse', nights: 2 },
    });
    expect(failure.message).toMatch(/does not fit its schema \(room: /);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    fake.answer = () => ({ kind: 'tool', args: '{"room": "single", "nights":' });
    await expect(llm.structured('broken', z.object({ room: z.string() }))).rejects.toBeInstanceOf(LlmOutputError);
    warn.mockRestore();
  });

  it('retries a 429 after its Retry-After, then answers', async () => {
    const { service } = serviceFor(fake, { retries: 2 });
    let calls = 0;
    fake.answer = () =>
      ++calls === 1
        ? {
            kind: 'status',
            status: 429,
            headers: { 'retry-after': '1' },
            body: errorBody('Rate limit reached', 'requests', 'rate_limit_exceeded'),
          }
        : { kind: 'content', content: 'after the wait' };
    expect(await service.forPlugin('concierge').forHotel('seaside').chat('hi')).toBe('after the wait');
    expect(fake.requests).toHaveLength(2);
    // Retry-After: 1 means the second attempt came no sooner than a second after the first.
    expect(fake.arrivals[1]! - fake.arrivals[0]!).toBeGreaterThanOrEqual(990);
  });

  it('does not wait for a Retry-After beyond maxRetryAfterMs, nor retry a 4xx, and names the status', async () => {
    const { service } = serviceFor(fake, { retries: 3, maxRetryAfterMs: 500 });
    const llm = service.forPlugin('concierge').forHotel('seaside');
    fake.answer = () => ({ kind: 'status', status: 429, headers: { 'retry-after': '20' }, body: errorBody('slow down', 'requests') });
    await expect(llm.chat('hi')).rejects.toMatchObject({ name: 'LlmRequestError', status: 429, attempts: 1 });
    fake.answer = () => ({ kind: 'status', status: 400, body: errorBody('bad request', 'invalid_request_error') });
    const err = await llm.chat('hi').catch((e) => e);
    expect(err).toBeInstanceOf(LlmRequestError);
    expect(err).toMatchObject({ status: 400, attempts: 1 });
    expect(fake.requests).toHaveLength(2);
  });

  it('retries 5xx up to the per-call retries, and a per-call retries: 0 tries once', async () => {
    const { service } = serviceFor(fake, { retries: 2 });
    const llm = service.forPlugin('concierge').forHotel('seaside');
    fake.answer = () => ({ kind: 'status', status: 503, headers: { 'retry-after-ms': '10' }, body: errorBody('overloaded') });
    await expect(llm.chat('hi')).rejects.toMatchObject({ status: 503, attempts: 3 });
    expect(fake.requests).toHaveLength(3);
    fake.reset();
    await expect(llm.chat('hi', { retries: 0 })).rejects.toMatchObject({ status: 503, attempts: 1 });
    expect(fake.requests).toHaveLength(1);
  });

  it('times out with LlmTimeoutError and charges an estimate of the prompt', async () => {
    const { service } = serviceFor(fake, { timeoutMs: 5_000, retries: 2 });
    fake.delayMs = 2_000;
    const err = await service
      .forPlugin('concierge')
      .forHotel('seaside')
      .chat('a question that takes too long to answer', { timeoutMs: 200 })
      .catch((e) => e);
    expect(err).toBeInstanceOf(LlmTimeoutError);
    expect(err).toMatchObject({ timeoutMs: 200, kind: 'chat' });
    // A timed-out attempt is not retried.
    expect(fake.arrivals).toHaveLength(1);
    const summary = await service.usage.summary('seaside', new Date(0));
    expect(summary.calls).toBe(1);
    expect(summary.inputTokens).toBeGreaterThan(0);
  });

  it('embeds texts (the official client asks for base64) and logs an embed call', async () => {
    const { service } = serviceFor(fake, { embeddings: { model: 'text-embedding-3-small' } });
    const llm = service.forPlugin('knowledge').forHotel('seaside');
    expect(llm.canEmbed).toBe(true);
    const vectors = await llm.embed(['pool opens at 7', 'breakfast until 10']);
    expect(vectors).toHaveLength(2);
    expect(vectors[0]).toHaveLength(8);
    expect(vectors[0]).not.toEqual(vectors[1]);
    expect(fake.embeddingRequests[0]).toMatchObject({ model: 'text-embedding-3-small', input: ['pool opens at 7', 'breakfast until 10'] });
    expect(await llm.embed([])).toEqual([]);
    expect((await service.usage.summary('seaside', new Date(0))).byKind.embed).toEqual({ calls: 1, costUsd: expect.any(Number) });
  });

  it('refuses embed without an embeddings model', async () => {
    const llm = serviceFor(fake).service.forPlugin('knowledge').forHotel('seaside');
    expect(llm.canEmbed).toBe(false);
    await expect(llm.embed(['x'])).rejects.toThrow(/no embeddings model: set llm.embeddings.model/);
  });

  it('streams text as it comes, with the usage of the final chunk', async () => {
    const { service } = serviceFor(fake);
    fake.answer = () => ({ kind: 'content', content: 'Breakfast is served from seven until ten.' });
    const pieces: string[] = [];
    for await (const piece of service.forPlugin('concierge').forHotel('seaside').stream('when is breakfast?')) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe('Breakfast is served from seven until ten.');
    expect(fake.requests[0]).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(await service.usage.summary('seaside', new Date(0))).toMatchObject({
      calls: 1,
      inputTokens: 180,
      outputTokens: 24,
      byKind: { stream: { calls: 1 } },
    });
  });

  it('uses each hotel its own model, provider settings and budget; off for a hotel says so', async () => {
    const { service } = serviceFor(fake, {}, [
      { id: 'seaside', timezone: 'Africa/Nairobi', llm: { model: 'gpt-4o', monthlyBudgetUsd: 5 } },
      { id: 'citylodge', timezone: 'Europe/Lisbon' },
      { id: 'hostel', timezone: 'UTC', llm: false },
    ]);
    const plugin = service.forPlugin('concierge');
    await plugin.forHotel('seaside').chat('hi');
    await plugin.forHotel('citylodge').chat('hi');
    expect(fake.requests.map((r) => r.model)).toEqual(['gpt-4o', 'gpt-4o-mini']);
    // gpt-4o's own price, from the built-in table.
    expect(await service.usage.spent('seaside', '2025-03')).toBeCloseTo((180 * 2.5 + 24 * 10) / 1_000_000, 12);

    const off = plugin.forHotel('hostel');
    expect(off).toMatchObject({ available: false, reason: 'llm: false for this hotel', canEmbed: false });
    const err = await off.chat('hi').catch((e) => e);
    expect(err).toBeInstanceOf(LlmUnavailableError);
    expect(err.message).toBe('no LLM for hotel "hostel" (plugin "concierge"): llm: false for this hotel');
    await expect(off.stream('hi')[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(LlmUnavailableError);
    expect(plugin.forHotel('nowhere').available).toBe(false);
    expect(fake.requests).toHaveLength(2);
  });

  it('spends one budget per hotel across plugins, alerts once, refuses cleanly, and starts again next month', async () => {
    let now = NOW;
    // One call costs about $0.00004: the first goes through, then the budget is spent.
    const { service, alerts } = serviceFor(fake, { monthlyBudgetUsd: 0.00001 }, undefined, () => now);
    await service.forPlugin('concierge').forHotel('seaside').chat('hi');
    expect(alerts).toEqual([
      { hotelId: 'seaside', month: '2025-03', spentUsd: expect.any(Number), budgetUsd: 0.00001, plugin: 'concierge' },
    ]);

    const other = service.forPlugin('sentiment').forHotel('seaside');
    const refused = await other.chat('hi').catch((e) => e);
    expect(refused).toBeInstanceOf(LlmBudgetExceededError);
    expect(refused).toMatchObject({ plugin: 'sentiment', hotelId: 'seaside', month: '2025-03', budgetUsd: 0.00001 });
    await expect(other.embed(['x'])).rejects.toBeInstanceOf(LlmUnavailableError);
    await expect(other.stream('hi')[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(LlmBudgetExceededError);
    expect(fake.requests).toHaveLength(1);
    expect(alerts).toHaveLength(1);
    // Refusals are logged too (no cost), so operators see what the budget held back.
    expect((await service.usage.summary('seaside', new Date(0))).byPlugin.sentiment).toEqual({ calls: 2, costUsd: 0 });

    // 22:30 UTC on 31 March is already April in Nairobi: a new month, a new budget.
    now = new Date('2025-03-31T22:30:00Z');
    expect(await other.chat('hi')).toBe('Hello from the fake');
    expect(await service.usage.spent('seaside', '2025-04')).toBeGreaterThan(0);
  });
});
