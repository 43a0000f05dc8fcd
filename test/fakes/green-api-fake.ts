import { FakeHttpServer, randomId, type FakeReply, type RecordedRequest } from './fake-http-server';

const METHOD_PATH = /^\/waInstance(\d+)\/([A-Za-z]+)\/([^/]+)$/;
const SEND_METHODS = new Set(['sendMessage', 'sendInteractiveButtonsReply', 'sendInteractiveButtons', 'sendFileByUrl', 'sendLocation']);

/**
 * A local stand-in for Green API's REST methods, `POST {apiUrl}/waInstance{idInstance}/{method}/{apiTokenInstance}`
 * (https://green-api.com/en/docs/api/): `{ idMessage }` on success; 401 for a wrong token; 466
 * with the documented quota body when told to (https://green-api.com/en/docs/api/466-error-example-body/).
 */
export class GreenApiFake extends FakeHttpServer {
  constructor(
    readonly idInstance: string,
    readonly apiTokenInstance: string,
  ) {
    super();
  }

  static async start(idInstance: string, apiTokenInstance: string): Promise<GreenApiFake> {
    return new GreenApiFake(idInstance, apiTokenInstance).start();
  }

  /** Send requests, with the method name taken from the path. */
  get sent(): (RecordedRequest & { apiMethod: string })[] {
    return this.requests.flatMap((r) => {
      const match = METHOD_PATH.exec(r.path);
      return match ? [{ ...r, apiMethod: match[2]! }] : [];
    });
  }

  /** The next `times` sends answer 466: the Developer plan's monthly quota is used up. */
  failWithQuota(times = 1): void {
    this.failNext(times, {
      status: 466,
      body: {
        invokeStatus: { method: 'sendmessage', used: 67, total: 0, status: 'QUOTE_ALLOWED' },
        correspondentsStatus: {
          method: 'correspondents',
          used: 3,
          total: 3,
          status: 'CORRESPONDENTS_QUOTE_EXCEEDED',
          description:
            'Monthly quota has been exceeded. You can only send or receive messages from these numbers: 12345678901@c.us. Please go to your personal account and change the tariff to business https://console.green-api.com',
        },
      },
    });
  }

  protected answer(request: RecordedRequest): FakeReply {
    const match = METHOD_PATH.exec(request.path);
    if (request.method !== 'POST' || !match || !SEND_METHODS.has(match[2]!)) return { status: 404, body: 'Not Found' };
    if (match[1] !== this.idInstance || match[3] !== this.apiTokenInstance) return { status: 401, body: 'Unauthorized' };
    const body = request.json as Record<string, unknown> | undefined;
    if (!body || typeof body.chatId !== 'string' || !/^\d+@c\.us$/.test(body.chatId)) {
      return {
        status: 400,
        body: { statusCode: 400, timestamp: new Date().toISOString(), path: request.path, message: ['chatId must be a valid chat id'] },
      };
    }
    return { status: 200, body: { idMessage: `BAE5${randomId(12)}` } };
  }
}

/** A webhook as Green API posts it, with the instance's webhookUrlToken as a Bearer token. */
export function greenApiWebhook(payload: unknown, token: string | undefined): { body: string; headers: Record<string, string> } {
  return {
    body: JSON.stringify(payload),
    headers: { 'Content-Type': 'application/json', ...(token !== undefined ? { Authorization: `Bearer ${token}` } : {}) },
  };
}
