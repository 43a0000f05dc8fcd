import type { ChannelCapabilities } from '../../src/messaging/channel-adapter';
import { renderForChannel, truncate } from '../../src/messaging/degrade';
import type { OutboundContent } from '../../src/messaging/outbound';

const rich: ChannelCapabilities = {
  textMax: 4096,
  buttons: { max: 3, titleMax: 20, bodyMax: 1024 },
  list: { maxRows: 10, maxSections: 10, titleMax: 24, descriptionMax: 72, buttonLabelMax: 20, bodyMax: 4096 },
  kinds: new Set(['media', 'location', 'template']),
};
const plain: ChannelCapabilities = { textMax: 1600, buttons: false, list: false, kinds: new Set() };
const buttonsOnly: ChannelCapabilities = {
  textMax: 20000,
  buttons: { max: 3, titleMax: 25, bodyMax: 20000 },
  list: false,
  kinds: new Set(['media']),
};

const offer: OutboundContent = {
  kind: 'buttons',
  text: 'Late checkout until 14:00 costs 20. Shall I add it?',
  buttons: [
    { id: 'yes', title: 'Yes please' },
    { id: 'no', title: 'No thanks' },
  ],
};

const rooms: OutboundContent = {
  kind: 'list',
  text: 'Which room would you like?',
  buttonLabel: 'See rooms',
  header: 'Rooms',
  footer: 'Prices per night',
  sections: [
    {
      title: 'Standard',
      rows: [
        { id: 'std-garden', title: 'Garden view', description: '120 €' },
        { id: 'std-sea', title: 'Sea view', description: '150 €' },
      ],
    },
    { title: 'Suites', rows: [{ id: 'suite', title: 'Junior suite', description: '240 €' }] },
  ],
};

describe('truncate', () => {
  it('leaves short text alone and cuts long text with an ellipsis within the limit', () => {
    expect(truncate('hello', 5)).toBe('hello');
    expect(truncate('hello world', 8)).toBe('hello w…');
    expect(Array.from(truncate('hello world', 8))).toHaveLength(8);
    expect(truncate('hello world', 7)).toBe('hello…');
  });

  it('never splits an emoji', () => {
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
  });
});

describe('renderForChannel', () => {
  it('keeps buttons native where the channel has them, titles cut to its limit', () => {
    const long: OutboundContent = { ...offer, buttons: [{ id: 'a', title: 'A very long button title indeed' }] } as OutboundContent;
    const rendered = renderForChannel(long, rich);
    expect(rendered.menu).toBeUndefined();
    // The space before the cut is dropped rather than left dangling before the ellipsis.
    expect(rendered.content).toMatchObject({ kind: 'buttons', buttons: [{ id: 'a', title: 'A very long button…' }] });
    expect(Array.from((rendered.content as Extract<OutboundContent, { kind: 'buttons' }>).buttons[0]!.title).length).toBeLessThanOrEqual(
      20,
    );
  });

  it('turns buttons into a numbered menu on a channel without buttons, and reports the options', () => {
    const rendered = renderForChannel(offer, plain);
    expect(rendered.content).toEqual({
      kind: 'text',
      text: 'Late checkout until 14:00 costs 20. Shall I add it?\n\n1. Yes please\n2. No thanks',
    });
    expect(rendered.menu).toEqual([
      { id: 'yes', title: 'Yes please' },
      { id: 'no', title: 'No thanks' },
    ]);
  });

  it('turns more buttons than the channel allows into a numbered menu', () => {
    const four: OutboundContent = {
      kind: 'buttons',
      text: 'Pick',
      buttons: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id.toUpperCase() })),
    };
    const rendered = renderForChannel(four, rich);
    expect(rendered.content.kind).toBe('text');
    expect(rendered.menu?.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('falls back to a menu when cutting titles would make two buttons look the same', () => {
    const similar: OutboundContent = {
      kind: 'buttons',
      text: 'Room?',
      buttons: [
        { id: 'g', title: 'Standard double room, garden view' },
        { id: 's', title: 'Standard double room, sea view' },
      ],
    };
    const rendered = renderForChannel(similar, rich);
    expect(rendered.content).toEqual({
      kind: 'text',
      text: 'Room?\n\n1. Standard double room, garden view\n2. Standard double room, sea view',
    });
  });

  it('keeps a list native, cutting rows, descriptions, labels and section titles to the limits', () => {
    const long: OutboundContent = {
      kind: 'list',
      text: 'Pick',
      buttonLabel: 'A label that is far too long',
      sections: [
        {
          title: 'A section title that is too long',
          rows: [{ id: 'r', title: 'A row title that is much too long', description: 'd'.repeat(100) }],
        },
      ],
    };
    const rendered = renderForChannel(long, rich);
    const list = rendered.content as Extract<OutboundContent, { kind: 'list' }>;
    expect(list.kind).toBe('list');
    expect(Array.from(list.buttonLabel)).toHaveLength(20);
    expect(Array.from(list.sections[0]!.title!)).toHaveLength(24);
    expect(Array.from(list.sections[0]!.rows[0]!.title)).toHaveLength(24);
    expect(Array.from(list.sections[0]!.rows[0]!.description!)).toHaveLength(72);
  });

  it('renders a list as a numbered menu with section labels, header and footer on a plain channel', () => {
    const rendered = renderForChannel(rooms, plain);
    expect(rendered.content).toEqual({
      kind: 'text',
      text: '*Rooms*\n\nWhich room would you like?\n\n*Standard*\n1. Garden view – 120 €\n2. Sea view – 150 €\n*Suites*\n3. Junior suite – 240 €\n\nPrices per night',
    });
    expect(rendered.menu?.map((o) => o.id)).toEqual(['std-garden', 'std-sea', 'suite']);
  });

  it('sends a short list without descriptions as reply buttons where only buttons exist', () => {
    const short: OutboundContent = {
      kind: 'list',
      text: 'When?',
      buttonLabel: 'Times',
      sections: [
        {
          rows: [
            { id: 'am', title: 'Morning' },
            { id: 'pm', title: 'Evening' },
          ],
        },
      ],
    };
    expect(renderForChannel(short, buttonsOnly)).toEqual({
      content: {
        kind: 'buttons',
        text: 'When?',
        buttons: [
          { id: 'am', title: 'Morning' },
          { id: 'pm', title: 'Evening' },
        ],
      },
    });
    expect(renderForChannel(rooms, buttonsOnly).content.kind).toBe('text');
  });

  it('shortens the body, never the options, when a menu would exceed the text limit', () => {
    const tiny: ChannelCapabilities = { ...plain, textMax: 60 };
    const rendered = renderForChannel({ ...offer, text: 'x'.repeat(500) } as OutboundContent, tiny);
    const text = (rendered.content as Extract<OutboundContent, { kind: 'text' }>).text;
    expect(Array.from(text).length).toBeLessThanOrEqual(60);
    expect(text).toContain('1. Yes please\n2. No thanks');
  });

  it('cuts plain text to the channel limit', () => {
    const rendered = renderForChannel({ kind: 'text', text: 'y'.repeat(2000) }, plain);
    expect(Array.from((rendered.content as Extract<OutboundContent, { kind: 'text' }>).text)).toHaveLength(1600);
  });

  it('sends media, locations and templates as text where the channel lacks them', () => {
    expect(
      renderForChannel({ kind: 'media', mediaType: 'image', url: 'https://h.example/pool.jpg', caption: 'Our pool' }, plain).content,
    ).toEqual({
      kind: 'text',
      text: 'Our pool\nhttps://h.example/pool.jpg',
    });
    expect(
      renderForChannel({ kind: 'location', latitude: 38.7, longitude: -9.1, name: 'Seaside Hotel', address: 'Rua 1' }, plain).content,
    ).toEqual({
      kind: 'text',
      text: 'Seaside Hotel\nRua 1\nhttps://maps.google.com/?q=38.7,-9.1',
    });
    expect(
      renderForChannel({ kind: 'template', name: 'booking_reminder', language: 'en', parameters: ['Ana', 'tomorrow'] }, plain).content,
    ).toEqual({
      kind: 'text',
      text: 'Ana\ntomorrow',
    });
    const media: OutboundContent = { kind: 'media', mediaType: 'image', url: 'https://h.example/pool.jpg' };
    expect(renderForChannel(media, rich).content).toBe(media);
  });
});
