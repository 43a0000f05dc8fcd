import type { z } from '@hotello/core';
import type { ChatOpenAI } from '@langchain/openai';
import type { LlmOptions } from '../options';
import type { Prompt } from './llm-prompt';

export interface LlmReply {
  /** The structured answer, or null when the model's output did not fit the schema. */
  readonly parsed: unknown;
  /** Token counts as the provider reported them (0 when it did not). */
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/** One structured-output call; the LLM layer depends on this, tests may pass their own. */
export interface LlmClient {
  classify(prompt: Prompt, schema: z.ZodType, signal: AbortSignal): Promise<LlmReply>;
  /** Loads what the first call would (at start, so no guest's turn waits for it). */
  warmUp?(): Promise<void>;
}

interface UsageMetadata {
  input_tokens?: number;
  output_tokens?: number;
}

/**
 * The real client: langchain's ChatOpenAI against any OpenAI-compatible endpoint, asking for
 * structured output. langchain is loaded on first use only (it takes about a second to load),
 * so hotels without an LLM never pay for it. No retries: a slow turn is worse than a
 * clarifying question.
 */
export class LangChainLlmClient implements LlmClient {
  private model?: Promise<ChatOpenAI>;
  private readonly bound = new WeakMap<z.ZodType, ReturnType<ChatOpenAI['withStructuredOutput']>>();

  constructor(
    private readonly options: LlmOptions,
    private readonly apiKey: string,
  ) {}

  private chat(): Promise<ChatOpenAI> {
    if (!this.model) {
      this.model = Promise.resolve().then(() => {
        // Loaded on demand and with require, so the CommonJS build and its types are the ones used.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { ChatOpenAI: Chat } = require('@langchain/openai') as typeof import('@langchain/openai');
        return new Chat({
          model: this.options.model,
          apiKey: this.apiKey,
          temperature: 0,
          timeout: this.options.timeoutMs,
          maxRetries: 0,
          configuration: this.options.baseUrl ? { baseURL: this.options.baseUrl } : undefined,
        });
      });
    }
    return this.model;
  }

  async warmUp(): Promise<void> {
    await this.chat();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('@langchain/core/messages');
  }

  async classify(prompt: Prompt, schema: z.ZodType, signal: AbortSignal): Promise<LlmReply> {
    const model = await this.chat();
    let runnable = this.bound.get(schema);
    if (!runnable) {
      runnable = model.withStructuredOutput(schema, { name: 'classify_guest_message', method: this.options.method, includeRaw: true });
      this.bound.set(schema, runnable);
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { SystemMessage, HumanMessage } = require('@langchain/core/messages') as typeof import('@langchain/core/messages');
    const result = (await runnable.invoke([new SystemMessage(prompt.system), new HumanMessage(prompt.user)], { signal })) as {
      raw: { usage_metadata?: UsageMetadata };
      parsed: unknown;
    };
    const usage = result.raw.usage_metadata ?? {};
    return { parsed: result.parsed ?? null, inputTokens: usage.input_tokens ?? 0, outputTokens: usage.output_tokens ?? 0 };
  }
}

/** The API key: the configured value (a `${ENV}` reference already resolved by core), else the named variable. */
export function resolveApiKey(options: LlmOptions, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (options.apiKey) return options.apiKey;
  const fromEnv = env[options.keyEnv];
  if (fromEnv) return fromEnv;
  // Local OpenAI-compatible servers (Ollama, vLLM) usually need no key, but the client insists on one.
  return options.baseUrl ? 'not-needed' : undefined;
}
