import { toE164, type ChannelAddress, type DeliveryState, type InboundContent, type InboundEvent, type MediaType } from '@hotello/core';

/** Twilio posts form fields; every value is a string. */
export type TwilioParams = Readonly<Record<string, string>>;

/** `MessageStatus` values of a status callback and their canonical state; the rest are steps before "sent". */
const STATUS: Readonly<Record<string, DeliveryState>> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
  undelivered: 'failed',
};

export interface ParsedTwilioWebhook {
  readonly events: InboundEvent[];
  readonly skipped: { readonly reason: string; readonly id?: string }[];
}

/** A status callback carries MessageStatus; an inbound message does not (its SmsStatus is "received"). */
export function isStatusCallback(params: TwilioParams): boolean {
  return params.MessageStatus !== undefined && params.MessageStatus !== 'received';
}

/** The hotel's own number in the webhook: the recipient of an inbound message, the sender of a status. */
export function businessNumber(params: TwilioParams): string | null {
  return toE164(isStatusCallback(params) ? params.From : params.To);
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

/** Canonical content of the first (or only) part of an inbound WhatsApp message. */
export function contentOf(p: TwilioParams): InboundContent {
  if (p.ButtonPayload || p.ButtonText) {
    const id = p.ButtonPayload || p.ButtonText!;
    return { kind: 'choice', id, title: p.ButtonText || p.Body || id };
  }
  const latitude = Number(p.Latitude);
  const longitude = Number(p.Longitude);
  if (p.Latitude !== undefined && p.Longitude !== undefined && Number.isFinite(latitude) && Number.isFinite(longitude)) {
    return compact({ kind: 'location', latitude, longitude, name: p.Label, address: p.Address });
  }
  if (Number(p.NumMedia) > 0 && p.MediaUrl0) return mediaContent(p, 0);
  if (p.Body !== undefined && p.Body !== '' && (p.MessageType === undefined || p.MessageType === 'text'))
    return { kind: 'text', text: p.Body };
  return { kind: 'unsupported', providerType: p.MessageType || 'unknown' };
}

function mediaContent(p: TwilioParams, index: number): InboundContent {
  const contentType = p[`MediaContentType${index}`] ?? '';
  const mediaType = mediaTypeOf(contentType, p.MessageType);
  if (mediaType === 'contacts') return { kind: 'unsupported', providerType: 'contacts' };
  return compact({
    kind: 'media',
    mediaType,
    url: p[`MediaUrl${index}`],
    mimeType: contentType,
    caption: index === 0 ? p.Body : undefined,
  });
}

/**
 * Turns a verified Twilio webhook — an inbound WhatsApp message or a status callback — into
 * canonical events. Twilio sends several attachments as MediaUrl0…N of one message; each
 * becomes its own canonical message (`<MessageSid>/<n>` after the first) so none is lost.
 */
export function parseTwilioWebhook(p: TwilioParams, address: ChannelAddress, now: Date = new Date()): ParsedTwilioWebhook {
  const id = p.MessageSid || p.SmsSid;
  if (!id) return { events: [], skipped: [{ reason: 'no MessageSid' }] };

  if (isStatusCallback(p)) {
    const status = STATUS[p.MessageStatus!];
    if (!status) return { events: [], skipped: [{ reason: `status "${p.MessageStatus}" is not tracked`, id }] };
    return {
      events: [
        {
          type: 'status',
          status: compact({
            ...address,
            providerMessageId: id,
            status,
            timestamp: now,
            recipient: toE164(p.To) ?? undefined,
            error:
              status === 'failed' && p.ErrorCode
                ? { code: p.ErrorCode, message: p.ErrorMessage || `Twilio error ${p.ErrorCode}` }
                : undefined,
            raw: p,
          }),
        },
      ],
      skipped: [],
    };
  }

  const from = toE164(p.From);
  if (!from) return { events: [], skipped: [{ reason: 'sender is not a phone number', id }] };
  const base = compact({ ...address, from, profileName: p.ProfileName, timestamp: now, replyTo: p.OriginalRepliedMessageSid, raw: p });
  const events: InboundEvent[] = [{ type: 'message', message: { ...base, providerMessageId: id, content: contentOf(p) } }];
  const count = Number(p.NumMedia) || 0;
  for (let i = 1; i < count; i += 1) {
    if (p[`MediaUrl${i}`])
      events.push({ type: 'message', message: { ...base, providerMessageId: `${id}/${i}`, content: mediaContent(p, i) } });
  }
  return { events, skipped: [] };
}
