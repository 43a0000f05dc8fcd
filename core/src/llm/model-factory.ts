import type { z } from 'zod';
import type { LlmProvider, StructuredMethod } from './llm-config';

/** Token counts as langchain reports them on an AI message (`usage_metadata`). */
export interface ReportedUsage {
  readonly input_tokens?: number;
  readonly output_tokens?: number;
}

/** The parts of a langchain AI message (or chunk) the service reads. */
export interface AiMessageLike {
  readonly content: unknown;
  readonly usage_metadata?: ReportedUsage;
  /** Parsed tool calls (structured output by function calling); broken JSON lands elsewhere. */
  readonly tool_calls?: readonly { readonly args: unknown }[];
}

/** Messages as langchain accepts them without its classes: `[role, text]` pairs. */
export type ModelMessages = readonly (readonly ['system' | 'human' | 'ai', string])[];

interface CallConfig {
  readonly signal?: AbortSignal;
}

/**
 * What the service needs of a chat model — the shape of langchain's chat models, written out so
 * core's types do not depend on which of langchain's two builds (ESM or CommonJS) is loaded.
 */
export interface ChatModelLike {
  invoke(input: ModelMessages, config?: CallConfig): Promise<AiMessageLike>;
  stream(input: ModelMessages, config?: CallConfig): Promise<AsyncIterable<AiMessageLike>>;
  withStructuredOutput(
    schema: z.ZodType,
    config: { name: string; method: StructuredMethod; includeRaw: true },
  ): { invoke(input: ModelMessages, config?: CallConfig): Promise<{ raw: AiMessageLike; parsed: unknown }> };
}

export interface EmbeddingsLike {
  embedDocuments(texts: string[]): Promise<number[][]>;
}

/** Everything that makes two chat models different (one model object per distinct spec). */
export interface ChatModelSpec {
  readonly provider: LlmProvider;
  readonly model: string;
  readonly baseUrl?: string;
  readonly apiKey?: string;
  readonly temperature?: number;
  readonly maxTokens?: number;
}

export interface EmbeddingsSpec {
  readonly model: string;
  readonly baseUrl?: string;
  readonly apiKey?: string;
}

/**
 * Builds the models behind `ctx.llm`. The default is {@link LangChainModelFactory}; a host can
 * register another under `LLM_MODEL_FACTORY` (a test double, a provider langchain lacks).
 */
export interface LlmModelFactory {
  chat(spec: ChatModelSpec): Promise<ChatModelLike>;
  embeddings(spec: EmbeddingsSpec): Promise<EmbeddingsLike>;
}

type InitChatModel = (model: string, fields: Record<string, unknown>) => Promise<unknown>;
type EmbeddingsClass = new (fields: Record<string, unknown>) => EmbeddingsLike;

/**
 * langchain loaded on first use only: it takes about a second, and hotels without an LLM never
 * pay for it. A real `import()` at run time loads langchain's ES module build, and the provider
 * package it then imports is the same build, so one copy of `@langchain/core` is in memory. (Under
 * jest the import is compiled to `require`, and jest compiles langchain's CommonJS build the same
 * way: see jest.config.js.)
 */
async function initChatModel(): Promise<InitChatModel> {
  const universal = await import('langchain/chat_models/universal');
  return universal.initChatModel as unknown as InitChatModel;
}

async function openAIEmbeddings(): Promise<EmbeddingsClass> {
  const openai = await import('@langchain/openai');
  return openai.OpenAIEmbeddings as unknown as EmbeddingsClass;
}

/**
 * Chat models from langchain's `initChatModel` (provider and model from the config), embeddings
 * from `@langchain/openai`'s `OpenAIEmbeddings` (langchain 1.x has no provider-neutral factory for
 * them). langchain's own retries are off (`maxRetries: 0`): the service retries, once, through
 * cockatiel, so a 429 is not retried six times behind its back. Models are cached per spec.
 */
export class LangChainModelFactory implements LlmModelFactory {
  private readonly chats = new Map<string, Promise<ChatModelLike>>();
  private readonly embedders = new Map<string, Promise<EmbeddingsLike>>();

  chat(spec: ChatModelSpec): Promise<ChatModelLike> {
    return cached(this.chats, spec, async () => {
      const init = await initChatModel();
      const fields: Record<string, unknown> = { modelProvider: spec.provider, maxRetries: 0 };
      if (spec.apiKey !== undefined) fields.apiKey = spec.apiKey;
      if (spec.temperature !== undefined) fields.temperature = spec.temperature;
      if (spec.maxTokens !== undefined) fields.maxTokens = spec.maxTokens;
      if (spec.provider === 'openai') {
        // Usage on streams too (`stream_options.include_usage`), so streamed calls are priced.
        fields.streamUsage = true;
        if (spec.baseUrl) fields.configuration = { baseURL: spec.baseUrl };
      }
      return (await init(spec.model, fields)) as ChatModelLike;
    });
  }

  embeddings(spec: EmbeddingsSpec): Promise<EmbeddingsLike> {
    return cached(this.embedders, spec, async () => {
      const Embeddings = await openAIEmbeddings();
      return new Embeddings({
        model: spec.model,
        apiKey: spec.apiKey,
        maxRetries: 0,
        ...(spec.baseUrl ? { configuration: { baseURL: spec.baseUrl } } : {}),
      });
    });
  }
}

function cached<T>(map: Map<string, Promise<T>>, spec: object, make: () => Promise<T>): Promise<T> {
  const key = JSON.stringify(spec);
  let model = map.get(key);
  if (!model) {
    model = make();
    // A failed load (a provider package not installed) is not cached: fixing it needs no restart.
    model.catch(() => map.delete(key));
    map.set(key, model);
  }
  return model;
}
