import type { Hotel } from '../kernel/hotel-directory';
import type { MessageCatalog } from '../i18n/message-catalog';
import type { OutboundContent } from '../messaging/outbound';
import type { OutboundTemplate } from '../store/conversation-store';
import { UnknownMessageError } from './errors';
import { isCatalogueMessage, type CatalogueMessage, type ProactiveTemplate } from './send-request';

/** The guest's language first, then the hotel's default: the order a turn renders in. */
export function languagesFor(hotel: Hotel, conversationLanguage: string | undefined): string[] {
  const language = conversationLanguage ?? hotel.defaultLanguage;
  return language === hotel.defaultLanguage ? [language] : [language, hotel.defaultLanguage];
}

/**
 * The content to queue. A catalogue text is rendered now, in the guest's language (English as
 * the catalogue's last resort); one no language has is refused rather than sent as a raw key.
 */
export function renderContent(
  catalog: MessageCatalog,
  plugin: string,
  message: CatalogueMessage | OutboundContent,
  languages: readonly string[],
): OutboundContent {
  if (!isCatalogueMessage(message)) return message;
  const namespace = message.namespace ?? plugin;
  if (catalog.lookup(namespace, message.key, languages) === undefined)
    throw new UnknownMessageError(namespace, message.key, [...new Set([...languages, 'en'])]);
  return { kind: 'text', text: catalog.render(namespace, message.key, languages, message.vars) };
}

/** A send's template as content; its language defaults to the guest's. */
export function templateContent(template: ProactiveTemplate, language: string): OutboundTemplate {
  return { kind: 'template', name: template.name, language: template.language ?? language, parameters: [...(template.parameters ?? [])] };
}
