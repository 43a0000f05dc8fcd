import { ChannelSendError, type OutboundContent } from '@hotello/core';
import type { TwilioChannelOptions } from './channel-options';

/** The `messages.create` parameters this adapter sets (a subset of the Message resource's). */
export interface TwilioMessageParams {
  to: string;
  from: string;
  messagingServiceSid?: string;
  body?: string;
  mediaUrl?: string[];
  persistentAction?: string[];
  contentSid?: string;
  contentVariables?: string;
  statusCallback?: string;
}

function contentSidFor(options: TwilioChannelOptions, name: string, language: string): string | undefined {
  const entry = options.contentTemplates[name];
  if (typeof entry === 'string') return entry;
  if (entry) return entry[language] ?? entry[language.split(/[-_]/)[0]!];
  // A flow may name the approved template by its SID directly.
  return /^HX[0-9a-fA-F]{32}$/.test(name) ? name : undefined;
}

/**
 * Parameters of one WhatsApp message through the Programmable Messaging API
 * (https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource).
 * Content must already fit the channel (no buttons or lists: those are numbered text by now).
 */
export function buildTwilioMessage(
  options: TwilioChannelOptions,
  to: string,
  content: OutboundContent,
  statusCallback?: string,
): TwilioMessageParams {
  const params: TwilioMessageParams = { to: `whatsapp:${to}`, from: `whatsapp:${options.from}` };
  if (options.messagingServiceSid) params.messagingServiceSid = options.messagingServiceSid;
  if (statusCallback) params.statusCallback = statusCallback;
  switch (content.kind) {
    case 'text':
      params.body = content.text;
      break;
    case 'media':
      params.mediaUrl = [content.url];
      if (content.caption) params.body = content.caption;
      break;
    case 'location': {
      // WhatsApp shows the label on the pin and the body beneath it.
      const label = content.name ?? content.address ?? '';
      params.persistentAction = [`geo:${content.latitude},${content.longitude}${label ? `|${label}` : ''}`];
      params.body = content.address ?? content.name ?? '';
      break;
    }
    case 'template': {
      const sid = contentSidFor(options, content.name, content.language);
      if (!sid) {
        throw new ChannelSendError(
          'permanent',
          `no Content SID for template "${content.name}" (${content.language}): add it under contentTemplates in the channel config`,
        );
      }
      params.contentSid = sid;
      // Content Templates number their variables from 1.
      if (content.parameters.length > 0)
        params.contentVariables = JSON.stringify(Object.fromEntries(content.parameters.map((p, i) => [String(i + 1), p])));
      break;
    }
    case 'buttons':
    case 'list':
      throw new ChannelSendError('permanent', `Twilio cannot send free-form ${content.kind}; render it for the channel first`);
  }
  return params;
}
