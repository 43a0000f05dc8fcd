import { ChannelSendError, parseRetryAfter, type SendFailureKind } from '@hotello/core';

/**
 * Green API answers errors with plain HTTP statuses (https://green-api.com/en/docs/api/):
 * 429 too many requests, 466 the Developer plan's monthly quota is used up, 5xx its own trouble,
 * other 4xx a request that will not work as sent (bad token, bad chat id, instance not authorised).
 */
export function classifyGreenError(httpStatus: number): SendFailureKind {
  if (httpStatus === 429) return 'throttled';
  if (httpStatus >= 500) return 'retryable';
  return 'permanent';
}

interface QuotaBody {
  invokeStatus?: { status?: string; description?: string };
  correspondentsStatus?: { status?: string; description?: string };
}

/** The human reason in a 466 body (https://green-api.com/en/docs/api/466-error-example-body/). */
function quotaReason(body: unknown): string | undefined {
  const b = body as QuotaBody | undefined;
  const exceeded = [b?.correspondentsStatus, b?.invokeStatus].find((s) => s?.description);
  return exceeded ? `${exceeded.status ?? 'quota exceeded'}: ${exceeded.description}` : undefined;
}

export function greenSendError(httpStatus: number, body: unknown, text: string, retryAfterHeader: string | null): ChannelSendError {
  const detail = httpStatus === 466 ? (quotaReason(body) ?? 'monthly quota exceeded') : text.slice(0, 300) || 'no error body';
  return new ChannelSendError(
    classifyGreenError(httpStatus),
    `Green API ${httpStatus}: ${detail}`,
    `http_${httpStatus}`,
    parseRetryAfter(retryAfterHeader),
  );
}
