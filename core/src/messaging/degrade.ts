import type { ChannelCapabilities } from './channel-adapter';
import type { ButtonOption, ListRow, OutboundContent } from './outbound';

/** One choice shown to the guest; `id` is what a tap (or a typed "2") resolves to. */
export interface MenuOption {
  readonly id: string;
  readonly title: string;
}

/** Outbound content made fit for one channel. */
export interface RenderedContent {
  readonly content: OutboundContent;
  /**
   * Present when the choices went out as a numbered text menu: the options in number order.
   * Core keeps them with the conversation so the guest's "2" or typed title maps back.
   */
  readonly menu?: readonly MenuOption[];
}

const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` characters, ending in "…" when cut. Counts code points, not UTF-16
 * units, so an emoji is never split into a broken surrogate half.
 */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  if (max <= 0) return '';
  return (
    chars
      .slice(0, max - 1)
      .join('')
      .trimEnd() + ELLIPSIS
  );
}

function length(text: string): number {
  return Array.from(text).length;
}

interface MenuEntry extends MenuOption {
  readonly description?: string;
  /** The list section this row starts, when sections are labelled. */
  readonly sectionTitle?: string;
}

/**
 * Renders choices as text: the body, then "1. Title" lines, header and footer around them. When
 * the whole would exceed the channel's text limit the body is shortened first, because losing
 * an option would make the menu unanswerable.
 */
function numberedMenu(
  parts: { text: string; header?: string; footer?: string },
  entries: readonly MenuEntry[],
  textMax: number,
): RenderedContent {
  const lines: string[] = [];
  entries.forEach((entry, i) => {
    if (entry.sectionTitle) lines.push(`*${entry.sectionTitle}*`);
    lines.push(`${i + 1}. ${entry.title}${entry.description ? ` – ${entry.description}` : ''}`);
  });
  const options = lines.join('\n');
  const header = parts.header ? `*${parts.header}*\n\n` : '';
  const footer = parts.footer ? `\n\n${parts.footer}` : '';
  const frame = length(header) + length(footer) + length(options) + 2;
  const body = truncate(parts.text, Math.max(0, textMax - frame));
  const text = truncate(`${header}${body}${body ? '\n\n' : ''}${options}${footer}`, textMax);
  return { content: { kind: 'text', text }, menu: entries.map(({ id, title }) => ({ id, title })) };
}

function fitButtons(
  content: Extract<OutboundContent, { kind: 'buttons' }>,
  limits: Exclude<ChannelCapabilities['buttons'], false>,
): OutboundContent | undefined {
  if (content.buttons.length === 0 || content.buttons.length > limits.max) return undefined;
  const buttons: ButtonOption[] = content.buttons.map((b) => ({ id: b.id, title: truncate(b.title, limits.titleMax) }));
  // WhatsApp rejects a message whose button titles repeat; cutting long titles can make them
  // repeat, and a numbered menu is better than a message that never arrives.
  if (new Set(buttons.map((b) => b.title)).size !== buttons.length) return undefined;
  return { ...content, text: truncate(content.text, limits.bodyMax), buttons };
}

function fitList(
  content: Extract<OutboundContent, { kind: 'list' }>,
  limits: Exclude<ChannelCapabilities['list'], false>,
): OutboundContent | undefined {
  const rows = content.sections.reduce((n, s) => n + s.rows.length, 0);
  if (rows === 0 || rows > limits.maxRows || content.sections.length > limits.maxSections) return undefined;
  return {
    ...content,
    text: truncate(content.text, limits.bodyMax),
    buttonLabel: truncate(content.buttonLabel, limits.buttonLabelMax),
    sections: content.sections.map((s) => ({
      ...(s.title !== undefined ? { title: truncate(s.title, limits.titleMax) } : {}),
      rows: s.rows.map((r) => ({
        id: r.id,
        title: truncate(r.title, limits.titleMax),
        ...(r.description ? { description: truncate(r.description, limits.descriptionMax) } : {}),
      })),
    })),
  };
}

function listEntries(content: Extract<OutboundContent, { kind: 'list' }>): MenuEntry[] {
  const labelled = content.sections.length > 1;
  return content.sections.flatMap((section) =>
    section.rows.map((row: ListRow, i) => ({
      id: row.id,
      title: row.title,
      description: row.description,
      sectionTitle: labelled && i === 0 && section.title ? section.title : undefined,
    })),
  );
}

function mapsLink(latitude: number, longitude: number): string {
  return `https://maps.google.com/?q=${latitude},${longitude}`;
}

/**
 * Makes `content` fit a channel: keeps what the channel renders natively (cutting titles and
 * bodies to its limits) and turns the rest into text — buttons and lists the channel cannot show
 * become a numbered menu (returned in `menu`), media a caption and link, a location a maps link.
 */
export function renderForChannel(content: OutboundContent, capabilities: ChannelCapabilities): RenderedContent {
  const { textMax } = capabilities;
  switch (content.kind) {
    case 'text':
      return { content: { ...content, text: truncate(content.text, textMax) } };
    case 'buttons': {
      const native = capabilities.buttons ? fitButtons(content, capabilities.buttons) : undefined;
      if (native) return { content: native };
      return numberedMenu(content, content.buttons, textMax);
    }
    case 'list': {
      const native = capabilities.list ? fitList(content, capabilities.list) : undefined;
      if (native) return { content: native };
      const entries = listEntries(content);
      // A short list without descriptions loses nothing as reply buttons, which are one tap
      // instead of typing a number.
      if (capabilities.buttons && !entries.some((e) => e.description)) {
        const asButtons = fitButtons(
          { kind: 'buttons', text: content.text, header: content.header, footer: content.footer, buttons: entries },
          capabilities.buttons,
        );
        if (asButtons) return { content: asButtons };
      }
      return numberedMenu(content, entries, textMax);
    }
    case 'media': {
      if (capabilities.kinds.has('media')) return { content };
      const text = [content.caption, content.url].filter(Boolean).join('\n');
      return { content: { kind: 'text', text: truncate(text, textMax) } };
    }
    case 'location': {
      if (capabilities.kinds.has('location')) return { content };
      const text = [content.name, content.address, mapsLink(content.latitude, content.longitude)].filter(Boolean).join('\n');
      return { content: { kind: 'text', text: truncate(text, textMax) } };
    }
    case 'template': {
      if (capabilities.kinds.has('template')) return { content };
      // Channels without templates have no 24-hour window either, so the parameters — the
      // message's variable part — are sent as plain text rather than dropping the message.
      const text = content.parameters.length > 0 ? content.parameters.join('\n') : content.name;
      return { content: { kind: 'text', text: truncate(text, textMax) } };
    }
  }
}
