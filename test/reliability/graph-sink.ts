import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cloudWebhook } from './cloud-webhook';

export interface Delivered {
  readonly to: string;
  readonly text: string;
  readonly at: number;
}

/**
 * The provider's send API as the reliability suite needs it: Graph's
 * `POST /{version}/{phone-number-id}/messages`, recording every accepted text and, when asked,
 * failing a share of calls with 500 or with 429 + Retry-After, as Meta does under load.
 */
export class GraphSink {
  readonly delivered: Delivered[] = [];
  failures = 0;
  private server?: http.Server;
  private port = 0;
  private counter = 0;

  /** Status webhooks still being delivered (Meta retries them until acknowledged). */
  private readonly pendingStatuses = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly options: {
      failRate?: number;
      random?: () => number;
      /** Where to send `sent` status webhooks, as Meta does after accepting a message. */
      statusTargets?: () => readonly string[];
    } = {},
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.answer(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    this.server.keepAliveTimeout = 1_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  private answer(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (req.method !== 'POST' || !/^\/v\d+\.\d+\/\d+\/messages$/.test(req.url ?? ''))
      return reply(404, { error: { code: 100, message: 'Unsupported' } });
    const random = this.options.random ?? Math.random;
    if ((this.options.failRate ?? 0) > random()) {
      this.failures++;
      if (random() < 0.5) return reply(500, { error: { code: 1, message: 'An unknown error occurred', type: 'OAuthException' } });
      return reply(429, { error: { code: 130429, message: 'Rate limit hit', type: 'OAuthException' } }, { 'Retry-After': '1' });
    }
    const message = JSON.parse(body) as { to: string; text?: { body: string }; biz_opaque_callback_data?: string };
    this.delivered.push({ to: message.to, text: message.text?.body ?? '', at: Date.now() });
    const id = `wamid.out.${++this.counter}`;
    reply(200, { messaging_product: 'whatsapp', contacts: [{ input: message.to, wa_id: message.to }], messages: [{ id }] });
    if (this.options.statusTargets) this.track(this.sendStatus(id, message.to, message.biz_opaque_callback_data));
  }

  private track(p: Promise<void>): void {
    this.pendingStatuses.add(p);
    void p.finally(() => this.pendingStatuses.delete(p));
  }

  /** The `sent` status webhook for an accepted message, echoing biz_opaque_callback_data. */
  private async sendStatus(id: string, to: string, reference: string | undefined): Promise<void> {
    const { body, signature } = cloudWebhook({
      statuses: [
        {
          id,
          status: 'sent',
          timestamp: String(Math.floor(Date.now() / 1000)),
          recipient_id: to.replace(/^\+/, ''),
          ...(reference ? { biz_opaque_callback_data: reference } : {}),
        },
      ],
    });
    const giveUp = Date.now() + 120_000;
    let turn = 0;
    while (!this.closed && Date.now() < giveUp) {
      const targets = this.options.statusTargets!();
      const target = targets[turn++ % targets.length]!;
      const ok = await fetch(`${target}/webhooks/cloud-api`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
        body,
        signal: AbortSignal.timeout(10_000),
      })
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.pendingStatuses]);
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
