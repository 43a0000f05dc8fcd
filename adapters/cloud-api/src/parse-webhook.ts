import {
  toE164,
  type ChannelAddress,
  type DeliveryState,
  type InboundContent,
  type InboundEvent,
  type MediaType,
  type PlannedChannel,
} from '@hotello/core';
import type { GraphError, GraphInboundMessage, GraphStatus, WebhookPayload } from './webhook-payload';

export interface ParsedWebhook {
  readonly events: InboundEvent[];
  /** `phone_number_id`s of `messages` changes that no authenticated channel serves. */
  readonly unrouted: string[];
  /** How many `messages` changes reached a channel. */
  readonly routed: number;
  /** Items dropped because they cannot be answered (no id, sender not a phone number). */
  readonly skipped: { readonly reason: string; readonly id?: string }[];
  /** Errors Meta reported for the account rather than for one message. */
  readonly errors: GraphError[];
}

const MEDIA_TYPES: ReadonlySet<string> = new Set<MediaType>(['image', 'audio', 'video', 'document', 'sticker']);
const DELIVERY_STATES: ReadonlySet<string> = new Set<DeliveryState>(['sent', 'delivered', 'read', 'failed']);

/** Drops undefined fields so canonical events carry only what the provider said. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function timestampOf(seconds: string | undefined): Date {
  const n = Number(seconds);
  return Number.isFinite(n) && n > 0 ? new Date(n * 1000) : new Date();
}

function errorOf(errors: readonly GraphError[] | undefined): { code: string; message: string } | undefined {
  const first = errors?.[0];
  if (!first) return undefined;
  const title = first.title ?? first.message ?? 'error';
  const details = first.error_data?.details;
  return { code: String(first.code ?? 'unknown'), message: details && details !== title ? `${title}: ${details}` : title };
}

/** Maps one Cloud API message to canonical content; anything unrecognised is `unsupported`, never an error. */
export function contentOf(m: GraphInboundMessage): InboundContent {
  const type = m.type ?? 'unknown';
  switch (type) {
    case 'text':
      if (typeof m.text?.body === 'string') return { kind: 'text', text: m.text.body };
      break;
    case 'interactive': {
      const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
      if (reply?.id) return { kind: 'choice', id: reply.id, title: reply.title ?? reply.id };
      return { kind: 'unsupported', providerType: `interactive.${m.interactive?.type ?? 'unknown'}` };
    }
    case 'button': {
      // A template's quick-reply button: the payload set in the template, and its label.
      const id = m.button?.payload ?? m.button?.text;
      if (id) return { kind: 'choice', id, title: m.button?.text ?? id };
      break;
    }
    case 'location': {
      const loc = m.location;
      if (typeof loc?.latitude === 'number' && typeof loc.longitude === 'number') {
        return compact({ kind: 'location', latitude: loc.latitude, longitude: loc.longitude, name: loc.name, address: loc.address });
      }
      break;
    }
    case 'reaction':
      // An empty emoji is how Meta reports a removed reaction; it is still the guest's act.
      if (m.reaction?.message_id) return { kind: 'reaction', emoji: m.reaction.emoji ?? '', messageId: m.reaction.message_id };
      break;
    case 'unsupported':
      return { kind: 'unsupported', providerType: m.unsupported?.type ?? 'unsupported' };
  }
  if (MEDIA_TYPES.has(type)) {
    const media = m[type as MediaType];
    if (media?.id || media?.url) {
      return compact({
        kind: 'media',
        mediaType: type as MediaType,
        caption: media.caption,
        mediaId: media.id,
        url: media.url,
        mimeType: media.mime_type,
        filename: media.filename,
      });
    }
  }
  return { kind: 'unsupported', providerType: type };
}

function statusOf(s: GraphStatus, address: ChannelAddress): InboundEvent | undefined {
  if (!s.id || !s.status || !DELIVERY_STATES.has(s.status)) return undefined;
  return {
    type: 'status',
    status: compact({
      ...address,
      providerMessageId: s.id,
      status: s.status as DeliveryState,
      timestamp: timestampOf(s.timestamp),
      recipient: toE164(s.recipient_id) ?? undefined,
      error: s.status === 'failed' ? errorOf(s.errors) : undefined,
      reference: s.biz_opaque_callback_data,
      raw: s,
    }),
  };
}

/**
 * Turns a verified webhook into canonical events. One POST may batch several entries, changes,
 * messages and statuses, for several phone numbers; `route` names the channel serving a
 * `phone_number_id`, or undefined when none does.
 */
export function parseWebhook(payload: WebhookPayload, route: (phoneNumberId: string) => PlannedChannel | undefined): ParsedWebhook {
  const result: ParsedWebhook = { events: [], unrouted: [], routed: 0, skipped: [], errors: [] };
  let routed = 0;
  for (const entry of payload.entry ?? []) {
    for (const change of entry.changes ?? []) {
      // Other fields (template status, account updates…) share the endpoint; they are not guest traffic.
      if (change.field !== 'messages' || !change.value) continue;
      const value = change.value;
      const phoneNumberId = value.metadata?.phone_number_id;
      if (!phoneNumberId) continue;
      const channel = route(phoneNumberId);
      if (!channel) {
        result.unrouted.push(phoneNumberId);
        continue;
      }
      routed += 1;
      const address: ChannelAddress = { hotelId: channel.hotelId, channelId: channel.id, channelType: channel.type };
      const names = new Map((value.contacts ?? []).map((c) => [c.wa_id, c.profile?.name]));
      for (const m of value.messages ?? []) {
        const from = toE164(m.from);
        if (!m.id || !from) {
          result.skipped.push({ reason: !m.id ? 'message without id' : 'sender is not a phone number', id: m.id });
          continue;
        }
        result.events.push({
          type: 'message',
          message: compact({
            ...address,
            providerMessageId: m.id,
            from,
            profileName: names.get(m.from),
            timestamp: timestampOf(m.timestamp),
            content: contentOf(m),
            replyTo: m.context?.id,
            raw: m,
          }),
        });
      }
      for (const s of value.statuses ?? []) {
        const event = statusOf(s, address);
        if (event) result.events.push(event);
        else result.skipped.push({ reason: `status "${s.status}" is not tracked`, id: s.id });
      }
      result.errors.push(...(value.errors ?? []));
    }
  }
  return { ...result, routed };
}
