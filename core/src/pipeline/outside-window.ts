import type { Hotel } from '../kernel/hotel-directory';
import type { OutboundContent } from '../messaging/outbound';

/** WhatsApp allows free-form messages for 24 hours after the guest's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export function windowOpen(lastInboundAt: Date | undefined, now: Date): boolean {
  return !!lastInboundAt && now.getTime() - lastInboundAt.getTime() < SERVICE_WINDOW_MS;
}

/**
 * What may be sent: the content itself inside the window or when it already is a template;
 * outside it, the message's own template (a proactive send's), else the hotel's configured
 * one, or nothing (the caller records a failure).
 */
export function contentForWindow(
  content: OutboundContent,
  hotel: Hotel,
  lastInboundAt: Date | undefined,
  now: Date,
  ownTemplate?: Extract<OutboundContent, { kind: 'template' }>,
): OutboundContent | undefined {
  if (content.kind === 'template' || windowOpen(lastInboundAt, now)) return content;
  if (ownTemplate) return ownTemplate;
  const template = hotel.outsideWindowTemplate;
  return template ? { kind: 'template', name: template.name, language: template.language, parameters: template.parameters } : undefined;
}
