import { renderForChannel, resolveMenuReply, type InboundEvent, type Kernel, type MenuOption, type OutboundContent } from '@hotello/core';

/** The demo hotel's greeting: three reply buttons. */
export const GREETING: OutboundContent = {
  kind: 'buttons',
  text: 'Welcome to Seaside Hotel! How can we help?',
  buttons: [
    { id: 'book', title: 'Book a room' },
    { id: 'late-checkout', title: 'Late checkout' },
    { id: 'staff', title: 'Talk to staff' },
  ],
};

/**
 * A stand-in for the turn pipeline, enough to prove an adapter end to end: a guest's first
 * message is answered with {@link GREETING} rendered for the channel (a numbered menu where
 * buttons do not exist), and the guest's next answer — a tap, or "2" typed to a menu — is
 * resolved to the option it means.
 */
export function greetingPipeline() {
  const menus = new Map<string, readonly MenuOption[]>();
  const greeted = new Set<string>();
  const chosen: { guest: string; option: string }[] = [];

  async function onReceive(events: readonly InboundEvent[], bot: Kernel): Promise<void> {
    for (const event of events) {
      if (event.type !== 'message') continue;
      const { message } = event;
      const key = `${message.hotelId}/${message.channelId}/${message.from}`;
      if (message.content.kind === 'choice') {
        chosen.push({ guest: message.from, option: message.content.id });
        continue;
      }
      const menu = menus.get(key);
      const resolved = menu && message.content.kind === 'text' ? resolveMenuReply(message.content.text, menu)?.option : undefined;
      if (resolved) {
        chosen.push({ guest: message.from, option: resolved.id });
        continue;
      }
      if (greeted.has(key)) continue;
      greeted.add(key);
      const adapter = bot.messaging.adapter(message.channelType)!;
      const channel = bot.hotels.channels(message.channelType).find((c) => c.hotelId === message.hotelId && c.id === message.channelId)!;
      const rendered = renderForChannel(GREETING, adapter.capabilities);
      if (rendered.menu) menus.set(key, rendered.menu);
      await adapter.send(channel, {
        hotelId: message.hotelId,
        channelId: message.channelId,
        to: message.from,
        content: rendered.content,
        replyTo: message.providerMessageId,
        outboxId: `greet-${message.providerMessageId}`,
      });
    }
  }

  return { onReceive, chosen };
}
