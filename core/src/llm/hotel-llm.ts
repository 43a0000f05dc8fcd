import type { z } from 'zod';
import { runWithPolicy } from './call-policy';
import { roughTokens } from './llm-cost';
import { LlmOutputError, LlmRequestError, LlmTimeoutError, LlmUnavailableError } from './llm-errors';
import { contentText, inputText, toModelMessages } from './llm-input';
import type { CallScope, LlmCalls } from './llm-calls';
import type { HotelLlm, LlmCallOptions, LlmInput, StructuredCallOptions } from './llm-types';
import type { AiMessageLike, ChatModelLike, LlmModelFactory, ReportedUsage } from './model-factory';
import { errorStatus } from './provider-errors';

type StructuredRunnable = ReturnType<ChatModelLike['withStructuredOutput']>;

/** Bound structured runnables per model and schema: building one per call would rebuild the model too. */
const structuredCache = new WeakMap<ChatModelLike, WeakMap<z.ZodType, Map<string, StructuredRunnable>>>();

function structuredFor(model: ChatModelLike, schema: z.ZodType, name: string, method: StructuredCallOptions['method'] & string) {
  let bySchema = structuredCache.get(model);
  if (!bySchema) structuredCache.set(model, (bySchema = new WeakMap()));
  let byName = bySchema.get(schema);
  if (!byName) bySchema.set(schema, (byName = new Map()));
  const key = `${name}|${method}`;
  let runnable = byName.get(key);
  if (!runnable) byName.set(key, (runnable = model.withStructuredOutput(schema, { name, method, includeRaw: true })));
  return runnable;
}

/** The latest non-empty usage a stream reported (OpenAI sends it on the last chunk). */
function laterUsage(seen: ReportedUsage | undefined, chunk: ReportedUsage | undefined): ReportedUsage | undefined {
  return chunk && (chunk.input_tokens || chunk.output_tokens) ? chunk : seen;
}

/** `ctx.llm.forHotel(id)` where the hotel has no LLM: says so, and every call says why. */
export class UnavailableHotelLlm implements HotelLlm {
  readonly available = false;
  readonly canEmbed = false;

  constructor(
    private readonly plugin: string,
    readonly hotelId: string,
    readonly reason: string,
  ) {}

  private refuse(): never {
    throw new LlmUnavailableError(this.plugin, this.hotelId, this.reason);
  }

  chat(): Promise<string> {
    return Promise.reject(new LlmUnavailableError(this.plugin, this.hotelId, this.reason));
  }

  structured<S extends z.ZodType>(): Promise<z.output<S>> {
    return Promise.reject(new LlmUnavailableError(this.plugin, this.hotelId, this.reason));
  }

  embed(): Promise<number[][]> {
    return Promise.reject(new LlmUnavailableError(this.plugin, this.hotelId, this.reason));
  }

  // eslint-disable-next-line require-yield -- refuses before the first piece
  async *stream(): AsyncIterable<string> {
    this.refuse();
  }

  async warmUp(): Promise<void> {}
}

/** A hotel's LLM as one plugin calls it: every call goes through {@link LlmCalls}. */
export class ScopedHotelLlm implements HotelLlm {
  readonly available = true;
  readonly reason = undefined;

  constructor(
    private readonly scope: CallScope,
    private readonly calls: LlmCalls,
    private readonly models: LlmModelFactory,
  ) {}

  get hotelId(): string {
    return this.scope.hotelId;
  }

  get model(): string {
    return this.scope.settings.model;
  }

  get canEmbed(): boolean {
    return this.scope.settings.embeddingsModel !== undefined;
  }

  private chatModel(options: LlmCallOptions): Promise<ChatModelLike> {
    const s = this.scope.settings;
    return this.models.chat({
      provider: s.provider,
      model: s.model,
      baseUrl: s.baseUrl,
      apiKey: s.apiKey,
      temperature: options.temperature ?? s.temperature,
      maxTokens: options.maxTokens,
    });
  }

  async warmUp(): Promise<void> {
    await this.chatModel({});
  }

  async chat(input: LlmInput, options: LlmCallOptions = {}): Promise<string> {
    const model = await this.chatModel(options);
    const messages = toModelMessages(input);
    return this.calls.run(
      this.scope,
      'chat',
      this.model,
      options,
      async (signal) => {
        const reply = await model.invoke(messages, { signal });
        return { value: reply, usage: reply.usage_metadata };
      },
      (reply) => contentText(reply.content),
      roughTokens(inputText(input)),
    );
  }

  async structured<S extends z.ZodType>(input: LlmInput, schema: S, options: StructuredCallOptions = {}): Promise<z.output<S>> {
    const model = await this.chatModel(options);
    const runnable = structuredFor(model, schema, options.name ?? 'answer', options.method ?? this.scope.settings.structuredMethod);
    const messages = toModelMessages(input);
    return this.calls.run(
      this.scope,
      'structured',
      this.model,
      options,
      async (signal) => {
        const result = await runnable.invoke(messages, { signal });
        return { value: result, usage: result.raw.usage_metadata };
      },
      (result) => {
        // langchain validated with the schema already and says only `null` when that failed:
        // validating what the model sent again tells the caller why.
        if (result.parsed !== null && result.parsed !== undefined) return result.parsed as z.output<S>;
        const output = rawOutput(result.raw);
        const checked = schema.safeParse(output);
        if (checked.success) return checked.data as z.output<S>;
        throw new LlmOutputError(this.scope.plugin, this.hotelId, output, checked.error.issues);
      },
      roughTokens(inputText(input)),
    );
  }

  async embed(texts: readonly string[], options: LlmCallOptions = {}): Promise<number[][]> {
    const s = this.scope.settings;
    if (!s.embeddingsModel) throw new LlmUnavailableError(this.scope.plugin, this.hotelId, 'no embeddings model: set llm.embeddings.model');
    if (texts.length === 0) return [];
    const embedder = await this.models.embeddings({ model: s.embeddingsModel, baseUrl: s.baseUrl, apiKey: s.apiKey });
    const tokens = texts.reduce((n, t) => n + roughTokens(t), 0);
    return this.calls.run(
      this.scope,
      'embed',
      s.embeddingsModel,
      options,
      async () => ({ value: await embedder.embedDocuments([...texts]) }),
      (vectors) => vectors,
      tokens,
    );
  }

  async *stream(input: LlmInput, options: LlmCallOptions = {}): AsyncIterable<string> {
    const model = await this.chatModel(options);
    const messages = toModelMessages(input);
    const call = await this.calls.admit(this.scope, 'stream', this.model);
    const estimatedInputTokens = roughTokens(inputText(input));
    const timeoutMs = options.timeoutMs ?? this.scope.settings.timeoutMs;
    // Retried (and timed) until the first piece arrives; after that a failure ends the stream.
    const opened = await runWithPolicy(
      async (signal) => {
        const iterator = (await model.stream(messages, { signal }))[Symbol.asyncIterator]();
        return { iterator, first: await iterator.next() };
      },
      {
        timeoutMs,
        retries: options.retries ?? this.scope.settings.retries,
        maxRetryAfterMs: this.scope.settings.maxRetryAfterMs,
        signal: options.signal,
        keepSignal: true,
      },
    );
    if (!opened.ok) {
      await this.calls.settle(call, { outcome: opened.timedOut ? 'timeout' : 'error', attempts: opened.attempts, estimatedInputTokens });
      if (opened.timedOut) throw new LlmTimeoutError(this.scope.plugin, this.hotelId, 'stream', timeoutMs);
      throw new LlmRequestError(this.scope.plugin, this.hotelId, 'stream', errorStatus(opened.error), opened.attempts, opened.error);
    }
    const { iterator } = opened.value;
    let next = opened.value.first;
    let usage: ReportedUsage | undefined;
    let failed = false;
    try {
      while (!next.done) {
        usage = laterUsage(usage, next.value.usage_metadata);
        const text = contentText(next.value.content);
        if (text) yield text;
        next = await iterator.next();
      }
    } catch (err) {
      failed = true;
      throw new LlmRequestError(this.scope.plugin, this.hotelId, 'stream', errorStatus(err), opened.attempts, err);
    } finally {
      // Also when the reader stops early: what was streamed so far is still charged.
      if (!next.done && !failed) await iterator.return?.();
      await this.calls.settle(call, { outcome: failed ? 'error' : 'ok', usage, attempts: opened.attempts, estimatedInputTokens });
    }
  }
}

/** What the model answered, as far as it is JSON: a tool call's arguments, else the text parsed. */
function rawOutput(raw: AiMessageLike): unknown {
  const args = raw.tool_calls?.[0]?.args;
  if (args !== undefined) return args;
  try {
    return JSON.parse(contentText(raw.content));
  } catch {
    return null;
  }
}
