import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A chat completion request as the OpenAI API documents it (the parts the fake looks at). */
export interface ChatRequest {
  readonly model: string;
  readonly messages: readonly { role: string; content: string | null }[];
  readonly tools?: readonly { type: 'function'; function: { name: string; parameters: Record<string, unknown> } }[];
  readonly tool_choice?: unknown;
  readonly response_format?: { type: string };
  readonly [key: string]: unknown;
}

/** What the fake answers to one request. */
export type FakeAnswer =
  /** A tool call whose `arguments` is this object serialised (or this raw string, to send broken JSON). */
  | { readonly kind: 'tool'; readonly args: Record<string, unknown> | string }
  /** A plain assistant message (for json mode / json schema, or a model ignoring the tool). */
  | { readonly kind: 'content'; readonly content: string }
  /** Any HTTP status and body, e.g. a 500 or a 429. */
  | { readonly kind: 'status'; readonly status: number; readonly body: unknown };

export interface FakeOptions {
  /** Decides each answer; gets the parsed request. */
  answer: (request: ChatRequest) => FakeAnswer | Promise<FakeAnswer>;
  /** Delays every answer (to provoke client timeouts). */
  delayMs?: number;
  usage?: { prompt_tokens: number; completion_tokens: number };
  /** The API key the fake requires as `Authorization: Bearer …`. */
  apiKey?: string;
}

/**
 * A local OpenAI-compatible server for tests: real HTTP on 127.0.0.1, a random port, the
 * documented `POST /v1/chat/completions` request and response shapes including `usage`. It
 * records every request so tests can check what the client sent (prompt, tools, model).
 */
export class FakeOpenAI {
  readonly requests: ChatRequest[] = [];
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
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

  set delayMs(ms: number) {
    this.options = { ...this.options, delayMs: ms };
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    // Requests left hanging by a timeout test must not keep the process alive.
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const send = (status: number, body: unknown) => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      return send(404, { error: { message: `no route ${req.method} ${req.url}`, type: 'invalid_request_error' } });
    }
    if (this.options.apiKey && req.headers.authorization !== `Bearer ${this.options.apiKey}`) {
      return send(401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } });
    }
    let request: ChatRequest;
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
    } catch {
      return send(400, { error: { message: 'invalid JSON body', type: 'invalid_request_error' } });
    }
    this.requests.push(request);
    if (this.options.delayMs) await new Promise((r) => setTimeout(r, this.options.delayMs));
    const answer = await this.options.answer(request);
    if (answer.kind === 'status') return send(answer.status, answer.body);

    const usage = this.options.usage ?? { prompt_tokens: 180, completion_tokens: 24 };
    const toolName = request.tools?.[0]?.function.name ?? 'extract';
    const message =
      answer.kind === 'tool'
        ? {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: 'call_fake_1',
                type: 'function',
                function: { name: toolName, arguments: typeof answer.args === 'string' ? answer.args : JSON.stringify(answer.args) },
              },
            ],
          }
        : { role: 'assistant', content: answer.content };
    send(200, {
      id: `chatcmpl-fake-${this.requests.length}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: request.model,
      choices: [{ index: 0, message, logprobs: null, finish_reason: answer.kind === 'tool' ? 'tool_calls' : 'stop' }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    });
  }
}
