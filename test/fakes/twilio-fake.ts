import twilio from 'twilio';
import { FakeHttpServer, randomId, type FakeReply, type RecordedRequest } from './fake-http-server';

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Messages\.json$/i;

/**
 * A local stand-in for Twilio's `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`
 * (https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource):
 * HTTP Basic auth with the account SID and auth token, form parameters in, a Message resource
 * (201) or an error `{ code, message, more_info, status }` out.
 */
export class TwilioFake extends FakeHttpServer {
  constructor(
    readonly accountSid: string,
    readonly authToken: string,
  ) {
    super();
  }

  static async start(accountSid: string, authToken: string): Promise<TwilioFake> {
    return new TwilioFake(accountSid, authToken).start();
  }

  get sent(): RecordedRequest[] {
    return this.requests.filter((r) => MESSAGES_PATH.test(r.path));
  }

  /** The next `times` sends fail with Twilio error `code` (HTTP 400 unless `status` says otherwise). */
  failWithCode(times: number, code: number, options: { status?: number; message?: string; retryAfter?: string } = {}): void {
    const status = options.status ?? 400;
    this.failNext(times, {
      status,
      body: twilioError(code, options.message ?? `Twilio error ${code}`, status),
      headers: options.retryAfter ? { 'Retry-After': options.retryAfter } : undefined,
    });
  }

  protected answer(request: RecordedRequest): FakeReply {
    const match = MESSAGES_PATH.exec(request.path);
    if (request.method !== 'POST' || !match) return { status: 404, body: twilioError(20404, 'The requested resource was not found', 404) };
    const expected = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
    if (match[1] !== this.accountSid || request.headers.authorization !== expected) {
      return { status: 401, body: twilioError(20003, 'Authentication Error - invalid username', 401) };
    }
    const form = request.form ?? {};
    if (!form.To) return { status: 400, body: twilioError(21604, "A 'To' phone number is required.", 400) };
    if (!form.From && !form.MessagingServiceSid)
      return { status: 400, body: twilioError(21603, "A 'From' phone number is required.", 400) };
    if (!form.Body && !form.MediaUrl && !form.ContentSid)
      return { status: 400, body: twilioError(21619, 'A text message body or media urls must be specified.', 400) };
    const sid = `SM${randomId(32, '0123456789abcdef')}`;
    const now = new Date().toUTCString();
    return {
      status: 201,
      body: {
        account_sid: this.accountSid,
        api_version: '2010-04-01',
        body: form.Body ?? '',
        date_created: now,
        date_sent: null,
        date_updated: now,
        direction: 'outbound-api',
        error_code: null,
        error_message: null,
        from: form.From ?? null,
        messaging_service_sid: form.MessagingServiceSid ?? null,
        num_media: form.MediaUrl ? '1' : '0',
        num_segments: '1',
        price: null,
        price_unit: null,
        sid,
        status: 'queued',
        subresource_uris: { media: `/2010-04-01/Accounts/${this.accountSid}/Messages/${sid}/Media.json` },
        to: form.To,
        uri: `/2010-04-01/Accounts/${this.accountSid}/Messages/${sid}.json`,
      },
    };
  }
}

export function twilioError(code: number, message: string, status: number): unknown {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

/**
 * A webhook as Twilio sends it: form-encoded parameters signed with X-Twilio-Signature, computed
 * by the twilio package's own `getExpectedTwilioSignature` over `url` + sorted parameters.
 */
export function signedTwilioWebhook(
  url: string,
  params: Record<string, string>,
  authToken: string,
): { body: string; headers: Record<string, string> } {
  return {
    body: new URLSearchParams(params).toString(),
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Twilio-Signature': twilio.getExpectedTwilioSignature(authToken, url, params),
    },
  };
}
