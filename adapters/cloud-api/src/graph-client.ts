import { ChannelSendError, type SendResult } from '@hotello/core';
import type { CloudApiChannelOptions } from './channel-options';
import { graphSendError } from './send-errors';

/**
 * Posts one message to `{baseUrl}/{apiVersion}/{phoneNumberId}/messages` and returns the `wamid`
 * statuses will arrive under. Network failures and timeouts are retryable; Graph errors are
 * classified by their code.
 */
export async function postGraphMessage(options: CloudApiChannelOptions, body: Record<string, unknown>): Promise<SendResult> {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/${options.apiVersion}/${options.phoneNumberId}/messages`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${options.accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (err) {
    // Compared by name: the abort error may come from another realm, where instanceof fails.
    const e = err as { name?: string; cause?: unknown };
    const reason = e.name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : String(e.cause ?? err);
    throw new ChannelSendError('retryable', `Cloud API unreachable: ${reason}`);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) throw graphSendError(response.status, json, response.headers.get('retry-after'));
  const id = (json as { messages?: { id?: string }[] } | undefined)?.messages?.[0]?.id;
  // Accepted but unidentifiable: retrying could deliver the reply twice, so stop here.
  if (!id) throw new ChannelSendError('permanent', `Cloud API accepted the message but returned no message id: ${text.slice(0, 200)}`);
  return { providerMessageId: id };
}
