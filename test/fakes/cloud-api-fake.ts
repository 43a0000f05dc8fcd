import { createHmac } from 'node:crypto';
import { FakeHttpServer, randomId, type FakeReply, type RecordedRequest } from './fake-http-server';

/**
 * A local stand-in for the Graph API's `POST /{version}/{phone-number-id}/messages`, answering as
 * documented: a `wamid` on success, `{ error: { message, type, code, error_data, fbtrace_id } }`
 * on failure. https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/send-messages
 */
export class CloudApiFake extends FakeHttpServer {
  constructor(readonly accessToken = 'test-access-token') {
    super();
  }

  static async start(accessToken?: string): Promise<CloudApiFake> {
    return new CloudApiFake(accessToken).start();
  }

  /** Requests that reached the messages endpoint. */
  get sent(): RecordedRequest[] {
    return this.requests.filter((r) => /\/messages$/.test(r.path));
  }

  /** The next `times` sends fail with Graph error `code` (HTTP 400 unless `status` says otherwise). */
  failWithCode(
    times: number,
    code: number,
    options: { status?: number; message?: string; details?: string; retryAfter?: string } = {},
  ): void {
    this.failNext(times, {
      status: options.status ?? 400,
      body: graphError(code, options.message ?? `(#${code}) error`, options.details ?? 'simulated by the fake'),
      headers: options.retryAfter ? { 'Retry-After': options.retryAfter } : undefined,
    });
  }

  protected answer(request: RecordedRequest): FakeReply {
    if (request.method !== 'POST' || !/^\/v\d+\.\d+\/\d+\/messages$/.test(request.path)) {
      return { status: 400, body: graphError(100, 'Unsupported post request.', 'unknown path') };
    }
    if (request.headers.authorization !== `Bearer ${this.accessToken}`) {
      return {
        status: 401,
        body: graphError(190, 'Invalid OAuth access token - Cannot parse access token', 'bad token', 'OAuthException'),
      };
    }
    const body = request.json as { messaging_product?: string; to?: string; type?: string } | undefined;
    if (body?.messaging_product !== 'whatsapp' || !body.to || !body.type || !(body.type in (body as object))) {
      return { status: 400, body: graphError(100, 'Invalid parameter', 'messaging_product, to, type and the type object are required') };
    }
    return {
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: body.to, wa_id: body.to.replace(/^\+/, '') }],
        messages: [{ id: `wamid.${Buffer.from(randomId(24)).toString('base64')}` }],
      },
    };
  }
}

export function graphError(code: number, message: string, details: string, type = 'OAuthException'): unknown {
  return { error: { message, type, code, error_data: { messaging_product: 'whatsapp', details }, fbtrace_id: `A${randomId(22)}` } };
}

/**
 * Serialises a webhook payload the way Meta does: compact JSON with every non-ASCII character
 * escaped as `\uXXXX`. A receiver that re-serialises what it parsed gets different bytes.
 */
export function metaJson(payload: unknown): string {
  return JSON.stringify(payload).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Headers and body of a webhook POST exactly as Meta signs it. */
export function signedCloudApiWebhook(payload: unknown | string, appSecret: string): { body: string; headers: Record<string, string> } {
  const body = typeof payload === 'string' ? payload : metaJson(payload);
  const signature = createHmac('sha256', appSecret).update(body, 'utf8').digest('hex');
  return { body, headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': `sha256=${signature}` } };
}
