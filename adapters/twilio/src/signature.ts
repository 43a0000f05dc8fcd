import type { Context } from 'koa';
import twilio from 'twilio';
import type { TwilioChannelOptions } from './channel-options';

/**
 * The URL Twilio signed: the channel's `webhookUrl`, else `server.publicUrl` plus the path and
 * query we were called on. Without either, the request's own origin — which honours
 * X-Forwarded-* because the kernel trusts its proxy — is the best remaining guess.
 */
export function signedUrl(options: TwilioChannelOptions, publicUrl: string | undefined, c: Context): string {
  if (options.webhookUrl) return options.webhookUrl;
  const origin = publicUrl ? publicUrl.replace(/\/+$/, '') : c.request.origin;
  return `${origin}${c.originalUrl}`;
}

/** Checks X-Twilio-Signature with the twilio package's own validator (HMAC-SHA1 of URL + sorted params). */
export function verifyTwilioSignature(authToken: string, signature: string, url: string, params: Record<string, string>): boolean {
  return twilio.validateRequest(authToken, signature, url, params);
}
