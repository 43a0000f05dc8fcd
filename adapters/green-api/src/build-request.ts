import { ChannelSendError, e164Digits, type OutboundContent } from '@hotello/core';

/** A Green API method call: the method name in the URL and its JSON body. */
export interface GreenRequest {
  readonly method: string;
  readonly body: Record<string, unknown>;
}

const DEFAULT_EXTENSION: Readonly<Record<string, string>> = { image: 'jpg', video: 'mp4', audio: 'ogg', document: 'pdf', sticker: 'webp' };

/**
 * SendFileByUrl needs a file name with an extension (it picks how WhatsApp shows the file from
 * it); take it from the content, else from the URL, else name it after the media type.
 */
function fileNameFor(content: Extract<OutboundContent, { kind: 'media' }>): string {
  if (content.filename) return content.filename;
  const last = new URL(content.url).pathname.split('/').pop() ?? '';
  if (/\.[A-Za-z0-9]{1,5}$/.test(last)) return decodeURIComponent(last);
  return `${content.mediaType}.${DEFAULT_EXTENSION[content.mediaType]}`;
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/**
 * The method and body for one reply (https://green-api.com/en/docs/api/sending/). Guests are
 * addressed by personal chat id `<digits>@c.us`; `replyTo` quotes their message.
 */
export function buildGreenRequest(to: string, content: OutboundContent, replyTo?: string): GreenRequest {
  const chatId = `${e164Digits(to)}@c.us`;
  const quotedMessageId = replyTo;
  switch (content.kind) {
    case 'text':
      // https://green-api.com/en/docs/api/sending/SendMessage/
      return {
        method: 'sendMessage',
        body: withoutUndefined({ chatId, message: content.text, quotedMessageId, linkPreview: content.previewUrl }),
      };
    case 'buttons':
      // https://green-api.com/en/docs/api/sending/SendInteractiveButtonsReply/
      return {
        method: 'sendInteractiveButtonsReply',
        body: withoutUndefined({
          chatId,
          header: content.header,
          body: content.text,
          footer: content.footer,
          buttons: content.buttons.map((b) => ({ buttonId: b.id, buttonText: b.title })),
        }),
      };
    case 'media':
      // https://green-api.com/en/docs/api/sending/SendFileByUrl/
      return {
        method: 'sendFileByUrl',
        body: withoutUndefined({ chatId, urlFile: content.url, fileName: fileNameFor(content), caption: content.caption, quotedMessageId }),
      };
    case 'location':
      // https://green-api.com/en/docs/api/sending/SendLocation/
      return {
        method: 'sendLocation',
        body: withoutUndefined({
          chatId,
          nameLocation: content.name,
          address: content.address,
          latitude: content.latitude,
          longitude: content.longitude,
          quotedMessageId,
        }),
      };
    case 'list':
    case 'template':
      throw new ChannelSendError('permanent', `Green API has no ${content.kind} method; render it for the channel first`);
  }
}
