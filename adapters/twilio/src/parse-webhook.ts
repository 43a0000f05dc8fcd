import {
  SkippedItems,
  guestProfileName,
  toE164,
  validItem,
  type ChannelAddress,
  type DeliveryState,
  type InboundContent,
  type InboundEvent,
  type MediaType,
} from '@hotello/core';
import { param } from './form-param';
import { twilioInbound, twilioStatusCallback, type TwilioInbound, type TwilioParams } from './webhook-schema';

/**
 * `MessageStatus` values of a status callback and their canonical state; the rest are steps
 * before "sent". A Map, not an object literal: the value is the provider's string, and
 * `constructor` must not find Object's.
 */
const STATUS: ReadonlyMap<string, DeliveryState> = new Map([
  ['sent', 'sent'],
  ['delivered', 'delivered'],
  ['read', 'read'],
  ['failed', 'failed'],
  ['undelivered', 'failed'],
]);

export interface ParsedTwilioWebhook {
  readonly events: InboundEvent[];
  /** What could not be used, for one log line. */
  readonly skipped: SkippedItems;
}

/** A status callback carries MessageStatus; an inbound message does not (its SmsStatus is "received"). */
export function isStatusCallback(params: TwilioParams): boolean {
  const status = param(params, 'MessageStatus');
  return status !== undefined && status !== 'received';
}

/** The hotel's own number in the webhook: the recipient of an inbound message, the sender of a status. */
export function businessNumber(params: TwilioParams): string | null {
  return toE164(param(params, isStatusCallback(params) ? 'From' : 'To'));
}

function mediaTypeOf(contentType: string, messageType: string | undefined): MediaType | 'contacts' {
  if (messageType === 'sticker') return 'sticker';
  const type = contentType.toLowerCase();
  if (type.startsWith('text/vcard') || type.startsWith('text/x-vcard')) return 'contacts';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  return 'document';
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/** Canonical content of the first (or only) part of an inbound WhatsApp message's parameters. */
export function contentOf(p: TwilioParams): InboundContent {
  const m = twilioInbound.safeParse(p);
  return m.success ? inboundContent(m.data, p) : { kind: 'unsupported', providerType: 'malformed' };
}

function inboundContent(m: TwilioInbound, p: TwilioParams): InboundContent {
  if (m.ButtonPayload || m.ButtonText) {
    const id = m.ButtonPayload || m.ButtonText!;
    return { kind: 'choice', id, title: m.ButtonText || m.Body || id };
  }
  const latitude = Number(m.Latitude);
  const longitude = Number(m.Longitude);
  if (m.Latitude !== undefined && m.Longitude !== undefined && Number.isFinite(latitude) && Number.isFinite(longitude)) {
    return compact({ kind: 'location', latitude, longitude, name: m.Label, address: m.Address });
  }
  if ((m.NumMedia ?? 0) > 0 && param(p, 'MediaUrl0')) return mediaContent(m, p, 0);
  if (m.Body !== undefined && m.Body !== '' && (m.MessageType === undefined || m.MessageType === 'text'))
    return { kind: 'text', text: m.Body };
  return { kind: 'unsupported', providerType: m.MessageType || 'unknown' };
}

function mediaContent(m: TwilioInbound, p: TwilioParams, index: number): InboundContent {
  const contentType = param(p, `MediaContentType${index}`) ?? '';
  const mediaType = mediaTypeOf(contentType, m.MessageType);
  if (mediaType === 'contacts') return { kind: 'unsupported', providerType: 'contacts' };
  return compact({
    kind: 'media',
    mediaType,
    url: param(p, `MediaUrl${index}`),
    mimeType: contentType,
    caption: index === 0 ? m.Body : undefined,
  });
}

function statusEvents(p: TwilioParams, address: ChannelAddress, now: Date, skipped: SkippedItems): InboundEvent[] {
  const s = validItem(p, twilioStatusCallback, 'status callback', skipped, { id: param(p, 'MessageSid') });
  if (!s) return [];
  const id = (s.MessageSid || s.SmsSid)!;
  const status = STATUS.get(s.MessageStatus);
  if (!status) {
    skipped.add('status not tracked', { id, status: s.MessageStatus });
    return [];
  }
  return [
    {
      type: 'status',
      status: compact({
        ...address,
        providerMessageId: id,
        status,
        timestamp: now,
        recipient: toE164(s.To) ?? undefined,
        error:
          status === 'failed' && s.ErrorCode ? { code: s.ErrorCode, message: s.ErrorMessage || `Twilio error ${s.ErrorCode}` } : undefined,
        raw: p,
      }),
    },
  ];
}

function messageEvents(p: TwilioParams, address: ChannelAddress, now: Date, skipped: SkippedItems): InboundEvent[] {
  const m = validItem(p, twilioInbound, 'message', skipped, { id: param(p, 'MessageSid') });
  if (!m) return [];
  const id = (m.MessageSid || m.SmsSid)!;
  const from = toE164(m.From);
  if (!from) {
    skipped.add('sender is not a phone number', { id, from: m.From });
    return [];
  }
  const base = compact({
    ...address,
    from,
    profileName: guestProfileName(m.ProfileName),
    timestamp: now,
    replyTo: m.OriginalRepliedMessageSid,
    raw: p,
  });
  const events: InboundEvent[] = [{ type: 'message', message: { ...base, providerMessageId: id, content: inboundContent(m, p) } }];
  // NumMedia is at most MAX_MEDIA here (the schema clamps it), so this loop is bounded.
  for (let i = 1; i < (m.NumMedia ?? 0); i += 1) {
    if (param(p, `MediaUrl${i}`))
      events.push({ type: 'message', message: { ...base, providerMessageId: `${id}/${i}`, content: mediaContent(m, p, i) } });
  }
  return events;
}

/**
 * Turns a verified Twilio webhook — an inbound WhatsApp message or a status callback — into
 * canonical events. Twilio sends several attachments as MediaUrl0…N of one message; each
 * becomes its own canonical message (`<MessageSid>/<n>` after the first) so none is lost. A
 * malformed webhook yields no events and says why in `skipped`: Twilio resending it could not
 * make it well formed.
 */
export function parseTwilioWebhook(p: TwilioParams, address: ChannelAddress, now: Date = new Date()): ParsedTwilioWebhook {
  const skipped = new SkippedItems();
  const events = isStatusCallback(p) ? statusEvents(p, address, now, skipped) : messageEvents(p, address, now, skipped);
  return { events, skipped };
}
