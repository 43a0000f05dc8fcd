import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a fake provider received, kept for assertions. */
export interface RecordedRequest {
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The body parsed as JSON, when it was JSON. */
  readonly json?: unknown;
  /** The body parsed as a form, when it was form-encoded. */
  readonly form?: Record<string, string>;
}

/** An answer a fake gives instead of its normal one. */
export interface ScriptedAnswer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Close the connection without answering (a network failure as the client sees it). */
  readonly drop?: boolean;
  /** Wait this long before answering (a slow provider; lets clients time out). */
  readonly delayMs?: number;
}

export interface FakeReply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /**
   * Wait this long before answering, after the request was handled: the work is done but the
   * answer comes too late for a client's timeout.
   */
  readonly delayMs?: number;
}

/**
 * A real HTTP server on 127.0.0.1 that records every request and answers through `answer`,
 * unless an answer was scripted with {@link FakeHttpServer.failNext}. The provider fakes build on it.
 */
export abstract class FakeHttpServer {
  readonly requests: RecordedRequest[] = [];
  private readonly scripted: ScriptedAnswer[] = [];
  private server?: http.Server;
  private port = 0;
  /** Pending delayed answers, cancelled on close so no timer outlives the fake. */
  private readonly delays = new Set<NodeJS.Timeout>();

  /** The provider's normal answer to a request. */
  protected abstract answer(request: RecordedRequest): FakeReply;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.onRequest(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    for (const timer of this.delays) clearTimeout(timer);
    this.delays.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** The next `times` requests get `answer` instead of the normal reply. */
  failNext(times: number, answer: ScriptedAnswer): void {
    for (let i = 0; i < times; i += 1) this.scripted.push(answer);
  }

  /** Forgets recorded requests and pending scripted answers. */
  reset(): void {
    this.requests.length = 0;
    this.scripted.length = 0;
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const type = req.headers['content-type'] ?? '';
    let json: unknown;
    let form: Record<string, string> | undefined;
    if (type.includes('json') && body) {
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
    } else if (type.includes('x-www-form-urlencoded')) {
      form = Object.fromEntries(new URLSearchParams(body));
    }
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      json,
      form,
    };
    this.requests.push(request);

    const scripted = this.scripted.shift();
    if (scripted?.delayMs) await this.wait(scripted.delayMs);
    if (scripted?.drop) {
      req.socket.destroy();
      return;
    }
    const reply = scripted ?? this.answer(request);
    if (!scripted && reply.delayMs) await this.wait(reply.delayMs);
    const payload = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      ...(reply.body !== undefined && typeof reply.body !== 'string' ? { 'Content-Type': 'application/json' } : {}),
      ...reply.headers,
    });
    res.end(payload);
  }

  private wait(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.delays.delete(timer);
        resolve();
      }, ms);
      this.delays.add(timer);
    });
  }
}

/** A random id of `length` characters from `alphabet`, like providers' message ids. */
export function randomId(length: number, alphabet = '0123456789ABCDEF'): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out;
}
