import { AsyncLocalStorage } from 'node:async_hooks';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';

type RequestOptions<TData> = RequestClient.RequestOptions<TData>;
import type { TwilioChannelOptions } from './channel-options';

/** What one send learns from the raw HTTP answer that the client's exceptions drop. */
interface CallRecord {
  retryAfter?: string;
}

const currentCall = new AsyncLocalStorage<CallRecord>();

/**
 * The twilio package's documented extension point for transport (a custom `httpClient`): sends
 * every request to `baseUrl` instead of `https://api.twilio.com`, so a channel can point at a
 * regional edge, a proxy or a local fake, and keeps the Retry-After header of each answer for
 * the send that caused it (concurrent sends each see their own, through AsyncLocalStorage).
 */
class BaseUrlRequestClient extends twilio.RequestClient {
  private readonly base: URL;

  constructor(baseUrl: string, timeoutMs: number) {
    super({ timeout: timeoutMs, keepAlive: true });
    this.base = new URL(baseUrl);
  }

  override async request<TData>(opts: RequestOptions<TData>) {
    const target = new URL(opts.uri);
    const prefix = this.base.pathname.replace(/\/+$/, '');
    const uri = `${this.base.origin}${prefix}${target.pathname}${target.search}`;
    const response = await super.request<TData>({ ...opts, uri });
    const call = currentCall.getStore();
    if (call) call.retryAfter = (response.headers as Record<string, string | undefined> | undefined)?.['retry-after'];
    return response;
  }
}

export type TwilioClient = ReturnType<typeof twilio>;

export function createTwilioClient(options: TwilioChannelOptions): TwilioClient {
  return twilio(options.accountSid, options.authToken, {
    httpClient: new BaseUrlRequestClient(options.baseUrl, options.timeoutMs),
  });
}

/** Runs one API call and reports the Retry-After header its last HTTP answer carried. */
export async function withRetryAfter<T>(call: () => Promise<T>): Promise<{ result?: T; error?: unknown; retryAfter?: string }> {
  const record: CallRecord = {};
  return currentCall.run(record, async () => {
    try {
      return { result: await call(), retryAfter: record.retryAfter };
    } catch (error) {
      return { error, retryAfter: record.retryAfter };
    }
  });
}
