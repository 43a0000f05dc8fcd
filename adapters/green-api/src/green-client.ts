import { ChannelSendError, type SendResult } from '@hotello/core';
import type { GreenRequest } from './build-request';
import type { GreenApiChannelOptions } from './channel-options';
import { greenSendError } from './send-errors';

/** Calls `{apiUrl}/waInstance{idInstance}/{method}/{apiTokenInstance}` and returns the `idMessage`. */
export async function callGreenApi(options: GreenApiChannelOptions, request: GreenRequest): Promise<SendResult> {
  const url = `${options.apiUrl.replace(/\/+$/, '')}/waInstance${options.idInstance}/${request.method}/${options.apiTokenInstance}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (err) {
    // Compared by name: the abort error may come from another realm, where instanceof fails.
    const e = err as { name?: string; cause?: unknown };
    const reason = e.name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : String(e.cause ?? err);
    throw new ChannelSendError('retryable', `Green API unreachable: ${reason}`);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) throw greenSendError(response.status, json, text, response.headers.get('retry-after'));
  const id = (json as { idMessage?: string } | undefined)?.idMessage;
  // Queued but unidentifiable: retrying could deliver the reply twice, so stop here.
  if (!id) throw new ChannelSendError('permanent', `Green API accepted the request but returned no idMessage: ${text.slice(0, 200)}`);
  return { providerMessageId: id };
}
