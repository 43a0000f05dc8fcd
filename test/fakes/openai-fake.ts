import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A chat message as the OpenAI API documents it (the parts the fake looks at). */
export interface ChatMessage {
  readonly role: string;
  readonly content: string | null;
  readonly [key: string]: unknown;
}

/** A chat completion request (`POST /v1/chat/completions`). */
export interface ChatRequest {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly tools?: readonly { type: 'function'; function: { name: string; parameters: Record<string, unknown> } }[];
  readonly tool_choice?: unknown;
  readonly response_format?: { type: string; json_schema?: { name: string; schema: Record<string, unknown>; strict?: boolean } };
  readonly stream?: boolean;
  readonly stream_options?: { include_usage?: boolean };
  readonly temperature?: number;
  readonly [key: string]: unknown;
}

/** An embeddings request (`POST /v1/embeddings`). */
export interface EmbeddingRequest {
  readonly model: string;
  readonly input: string | readonly string[];
  /** The official SDK asks for `base64` unless told otherwise, and decodes it. */
  readonly encoding_format?: 'float' | 'base64';
  readonly dimensions?: number;
  readonly [key: string]: unknown;
}

/** What the fake answers to one chat request. Streamed when the request says `stream: true`. */
export type FakeAnswer =
  /** A tool call whose `arguments` is this object serialised (or this raw string, to send broken JSON). */
  | { readonly kind: 'tool'; readonly args: Record<string, unknown> | string }
  /** A plain assistant message (text, or JSON for `response_format`). */
  | { readonly kind: 'content'; readonly content: string }
  /** Any HTTP status, body and headers, e.g. a 500, or a 429 with `retry-after`. */
  | { readonly kind: 'status'; readonly status: number; readonly body: unknown; readonly headers?: Record<string, string> };

export interface FakeOptions {
  /** Decides each chat answer; gets the parsed request. */
  answer: (request: ChatRequest) => FakeAnswer | Promise<FakeAnswer>;
  /**
   * Decides each embeddings answer: a vector per input, or a status to send instead. By default
   * a small deterministic vector per text (the same text always gets the same vector).
   */
  embed?: (inputs: readonly string[], request: EmbeddingRequest) => number[][] | Extract<FakeAnswer, { kind: 'status' }>;
  /** Delays every answer (to provoke client timeouts). */
  delayMs?: number;
  usage?: { prompt_tokens: number; completion_tokens: number };
  /** The API key the fake requires as `Authorization: Bearer …`. */
  apiKey?: string;
}

/** The error body the OpenAI API sends with a 4xx/5xx. */
export function errorBody(message: string, type = 'server_error', code: string | null = null) {
  return { error: { message, type, param: null, code } };
}

/** A small vector from a text's characters: stable, different for different texts. */
function defaultVector(text: string, dimensions = 8): number[] {
  const v = new Array<number>(dimensions).fill(0);
  for (let i = 0; i < text.length; i++) v[i % dimensions]! += text.charCodeAt(i) / 1000;
  return v.map((x) => Math.round(x * 1000) / 1000);
}

/** Float32 little-endian, base64: the wire form of `encoding_format: "base64"`. */
function toBase64(vector: readonly number[]): string {
  const buffer = Buffer.alloc(vector.length * 4);
  vector.forEach((x, i) => buffer.writeFloatLE(x, i * 4));
  return buffer.toString('base64');
}

/**
 * A local OpenAI-compatible server for tests: real HTTP on 127.0.0.1, a random port, the
 * documented shapes of `POST /v1/chat/completions` (text, tool calls, `response_format`,
 * `stream: true` as server-sent events ending with `data: [DONE]`, a final usage chunk when
 * `stream_options.include_usage`), `POST /v1/embeddings` (float or base64), error bodies and any
 * status with headers (429 + `retry-after`). It records every request so tests can check what
 * the client sent.
 */
export class FakeOpenAI {
  /** Chat completion requests, in arrival order. */
  readonly requests: ChatRequest[] = [];
  readonly embeddingRequests: EmbeddingRequest[] = [];
  /** When each request (chat or embeddings) arrived, `Date.now()`, in order. */
  readonly arrivals: number[] = [];
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private port = 0;

  constructor(private options: FakeOptions) {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Base URL to configure as `llm.baseUrl` (the OpenAI client appends `/chat/completions`). */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  set answer(answer: FakeOptions['answer']) {
    this.options = { ...this.options, answer };
  }

  set embed(embed: FakeOptions['embed']) {
    this.options = { ...this.options, embed };
  }

  set delayMs(ms: number) {
    this.options = { ...this.options, delayMs: ms };
  }

  set usage(usage: FakeOptions['usage']) {
    this.options = { ...this.options, usage };
  }

  /** Forgets recorded requests (between tests). */
  reset(): void {
    this.requests.length = 0;
    this.embeddingRequests.length = 0;
    this.arrivals.length = 0;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    // Requests left hanging by a timeout test must not keep the process alive.
    for (const socket of this.sockets) socket.destroy();
    for (const timer of this.timers) clearTimeout(timer);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const route = req.method === 'POST' ? req.url : undefined;
    if (route !== '/v1/chat/completions' && route !== '/v1/embeddings') {
      return send(404, errorBody(`no route ${req.method} ${req.url}`, 'invalid_request_error'));
    }
    if (this.options.apiKey && req.headers.authorization !== `Bearer ${this.options.apiKey}`) {
      return send(401, errorBody('Incorrect API key provided', 'invalid_request_error', 'invalid_api_key'));
    }
    let body: unknown;
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(400, errorBody('invalid JSON body', 'invalid_request_error'));
    }
    this.arrivals.push(Date.now());
    if (this.options.delayMs) await this.sleep(this.options.delayMs);
    if (route === '/v1/embeddings') return this.embeddings(body as EmbeddingRequest, send);

    const request = body as ChatRequest;
    this.requests.push(request);
    const answer = await this.options.answer(request);
    if (answer.kind === 'status') return send(answer.status, answer.body, answer.headers);
    if (request.stream) return this.streamAnswer(request, answer, res);

    const usage = this.options.usage ?? { prompt_tokens: 180, completion_tokens: 24 };
    send(200, {
      id: `chatcmpl-fake-${this.requests.length}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: request.model,
      choices: [
        { index: 0, message: this.message(request, answer), logprobs: null, finish_reason: answer.kind === 'tool' ? 'tool_calls' : 'stop' },
      ],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    });
  }

  /** A delay `stop` cancels, so a test that timed out leaves no timer behind. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private message(request: ChatRequest, answer: Exclude<FakeAnswer, { kind: 'status' }>) {
    if (answer.kind === 'content') return { role: 'assistant', content: answer.content, refusal: null };
    return {
      role: 'assistant',
      content: null,
      refusal: null,
      tool_calls: [
        {
          id: 'call_fake_1',
          type: 'function',
          function: {
            name: request.tools?.[0]?.function.name ?? 'extract',
            arguments: typeof answer.args === 'string' ? answer.args : JSON.stringify(answer.args),
          },
        },
      ],
    };
  }

  /**
   * The answer as `chat.completion.chunk` events: the role first, the text (or the tool call's
   * arguments) in a few pieces, a chunk with `finish_reason`, the usage chunk (empty `choices`)
   * when asked for, then `data: [DONE]`.
   */
  private streamAnswer(request: ChatRequest, answer: Exclude<FakeAnswer, { kind: 'status' }>, res: http.ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const base = {
      id: `chatcmpl-fake-${this.requests.length}`,
      object: 'chat.completion.chunk',
      created: Math.floor(Date.now() / 1000),
      model: request.model,
    };
    const event = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
      event({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] });
    const pieces = (text: string) => text.match(/.{1,8}/gs) ?? [''];

    if (answer.kind === 'content') {
      chunk({ role: 'assistant', content: '' });
      for (const piece of pieces(answer.content)) chunk({ content: piece });
      chunk({}, 'stop');
    } else {
      const args = typeof answer.args === 'string' ? answer.args : JSON.stringify(answer.args);
      const name = request.tools?.[0]?.function.name ?? 'extract';
      chunk({
        role: 'assistant',
        content: null,
        tool_calls: [{ index: 0, id: 'call_fake_1', type: 'function', function: { name, arguments: '' } }],
      });
      for (const piece of pieces(args)) chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] });
      chunk({}, 'tool_calls');
    }
    if (request.stream_options?.include_usage) {
      const usage = this.options.usage ?? { prompt_tokens: 180, completion_tokens: 24 };
      event({ ...base, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } });
    }
    res.end('data: [DONE]\n\n');
  }

  private embeddings(request: EmbeddingRequest, send: (status: number, body: unknown, headers?: Record<string, string>) => void): void {
    this.embeddingRequests.push(request);
    const inputs = typeof request.input === 'string' ? [request.input] : [...request.input];
    const result = this.options.embed ? this.options.embed(inputs, request) : inputs.map((t) => defaultVector(t, request.dimensions));
    if (!Array.isArray(result)) return send(result.status, result.body, result.headers);
    const tokens = inputs.reduce((n, t) => n + Math.ceil(t.length / 4), 0);
    send(200, {
      object: 'list',
      data: result.map((vector, index) => ({
        object: 'embedding',
        index,
        embedding: request.encoding_format === 'base64' ? toBase64(vector) : vector,
      })),
      model: request.model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  }
}
