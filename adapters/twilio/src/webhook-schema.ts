import { z } from '@hotello/core';

/**
 * Twilio's WhatsApp webhooks, as documented: the incoming-message request
 * (https://www.twilio.com/docs/messaging/guides/webhook-request) and the status callback
 * (https://www.twilio.com/docs/messaging/guides/track-outbound-message-status). Both are form
 * posts, so every value is a string. A signature proves who sent them, not that they are well
 * formed. Fields the adapter does not read are not listed (unknown keys are allowed); the raw
 * parameters are what the message log keeps.
 */

/** Any form post: flat string values. Anything else is not a Twilio webhook (400). */
export const twilioParams = z.record(z.string(), z.string());
export type TwilioParams = Readonly<Record<string, string>>;

/** Twilio attaches at most 10 media to one WhatsApp message. */
export const MAX_MEDIA = 10;

const optionalText = z.string().optional();
/** Message SIDs are 34 characters (SM or MM and 32 hex digits); the bound only keeps out garbage. */
const sid = z.string().min(1).max(64).optional();

/**
 * NumMedia is a small count in digits. It is read as a bound on MediaUrl0…N, so `1e308` (which
 * once meant a loop that never ended) is malformed, and a count above Twilio's documented 10 is
 * clamped to it.
 */
const mediaCount = z
  .string()
  .regex(/^\d+$/)
  .transform((digits) => Math.min(Number(digits), MAX_MEDIA));

/** One sid or the other identifies the message; Twilio sends both. */
const identified = (p: { MessageSid?: string; SmsSid?: string }) => Boolean(p.MessageSid || p.SmsSid);
const noSid = { message: 'expected MessageSid', path: ['MessageSid'] };

export const twilioInbound = z
  .object({
    MessageSid: sid,
    SmsSid: sid,
    From: z.string(),
    To: z.string(),
    Body: optionalText,
    NumMedia: mediaCount.optional(),
    ProfileName: optionalText,
    MessageType: optionalText,
    ButtonText: optionalText,
    ButtonPayload: optionalText,
    Latitude: optionalText,
    Longitude: optionalText,
    Label: optionalText,
    Address: optionalText,
    OriginalRepliedMessageSid: optionalText,
  })
  .refine(identified, noSid);
export type TwilioInbound = z.output<typeof twilioInbound>;

export const twilioStatusCallback = z
  .object({
    MessageSid: sid,
    SmsSid: sid,
    MessageStatus: z.string(),
    To: optionalText,
    ErrorCode: optionalText,
    ErrorMessage: optionalText,
  })
  .refine(identified, noSid);
export type TwilioStatusCallback = z.output<typeof twilioStatusCallback>;
