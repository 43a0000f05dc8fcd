import { truncate, type OutboundContent } from '@hotello/core';
import { CLOUD_API_LIMITS } from './capabilities';

type GraphMessage = Record<string, unknown>;

function textHeader(header: string | undefined): GraphMessage | undefined {
  return header ? { type: 'text', text: truncate(header, CLOUD_API_LIMITS.headerMax) } : undefined;
}

function footer(text: string | undefined): GraphMessage | undefined {
  return text ? { text: truncate(text, CLOUD_API_LIMITS.footerMax) } : undefined;
}

function withoutUndefined(value: GraphMessage): GraphMessage {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/** The type-specific part of a Messages API request for canonical content. */
function contentPart(content: OutboundContent): GraphMessage {
  switch (content.kind) {
    case 'text':
      return { type: 'text', text: { preview_url: content.previewUrl ?? false, body: content.text } };
    case 'buttons':
      return {
        type: 'interactive',
        interactive: withoutUndefined({
          type: 'button',
          header: textHeader(content.header),
          body: { text: content.text },
          footer: footer(content.footer),
          action: { buttons: content.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })) },
        }),
      };
    case 'list':
      return {
        type: 'interactive',
        interactive: withoutUndefined({
          type: 'list',
          header: textHeader(content.header),
          body: { text: content.text },
          footer: footer(content.footer),
          action: {
            button: content.buttonLabel,
            sections: content.sections.map((s) =>
              withoutUndefined({
                title: s.title,
                rows: s.rows.map((r) => withoutUndefined({ id: r.id, title: r.title, description: r.description })),
              }),
            ),
          },
        }),
      };
    case 'media': {
      // Audio and stickers carry no caption; only documents carry a file name.
      const captioned = content.mediaType === 'image' || content.mediaType === 'video' || content.mediaType === 'document';
      return {
        type: content.mediaType,
        [content.mediaType]: withoutUndefined({
          link: content.url,
          caption: captioned && content.caption ? truncate(content.caption, CLOUD_API_LIMITS.captionMax) : undefined,
          filename: content.mediaType === 'document' ? content.filename : undefined,
        }),
      };
    }
    case 'template':
      return {
        type: 'template',
        template: withoutUndefined({
          name: content.name,
          language: { code: content.language },
          components:
            content.parameters.length > 0
              ? [{ type: 'body', parameters: content.parameters.map((text) => ({ type: 'text', text })) }]
              : undefined,
        }),
      };
    case 'location':
      return {
        type: 'location',
        location: withoutUndefined({
          latitude: content.latitude,
          longitude: content.longitude,
          name: content.name,
          address: content.address,
        }),
      };
  }
}

/**
 * The JSON body of `POST /{phone-number-id}/messages` for one reply, as documented in
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/ (one page per type).
 * `replyTo` quotes the guest's message. `reference` (our outbox id) goes out as
 * `biz_opaque_callback_data`, which Meta echoes in the message's status webhooks: after a crash
 * between Meta accepting a reply and us recording it, that echo proves it was sent.
 */
export function buildGraphMessage(to: string, content: OutboundContent, replyTo?: string, reference?: string): GraphMessage {
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    ...(replyTo ? { context: { message_id: replyTo } } : {}),
    ...(reference ? { biz_opaque_callback_data: reference } : {}),
    ...contentPart(content),
  };
}
