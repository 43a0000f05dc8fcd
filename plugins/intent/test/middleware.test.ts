import type { ButtonOption, Conversation, ConversationChanges, Hotel, OutboundContent, TurnContext } from '@hotello/core';
import { NAMESPACE, TEXTS } from '../src/i18n/texts';
import { defaultOptions } from '../src/options';
import { clarify } from '../src/turn/clarify';
import type { MenuSupport } from '../src/turn/menu-support';
import { understand } from '../src/turn/understand';
import { HOTEL, quietLogger, testClassifier } from './helpers';

interface FakeTurn extends TurnContext {
  readonly changes: ConversationChanges[];
  readonly sent: OutboundContent[];
}

/** A hand-made turn: just enough of core's TurnContext for the plugin's middleware. */
function turn(text: string | undefined, conversation: Partial<Conversation> = {}, choice?: ButtonOption): FakeTurn {
  const hotel = {
    id: HOTEL.id,
    name: HOTEL.name,
    timezone: HOTEL.timezone,
    defaultLanguage: 'en',
    enabledPlugins: new Set(['intent']),
  } as unknown as Hotel;
  const changes: ConversationChanges[] = [];
  const sent: OutboundContent[] = [];
  const ctx = {
    turnId: 't1',
    hotel,
    message: {
      content:
        text === undefined
          ? { kind: 'location', latitude: 0, longitude: 0 }
          : choice
            ? { kind: 'choice', ...choice }
            : { kind: 'text', text },
    },
    conversation: { id: 'c1', slots: {}, data: {}, profile: {}, ...conversation } as Conversation,
    text,
    choice,
    language: conversation.language ?? 'en',
    intent: undefined,
    state: {},
    logger: quietLogger(),
    slots: {},
    replies: sent,
    changes,
    sent,
    update: (c: ConversationChanges) => void changes.push(c),
    reply: (c: OutboundContent) => void sent.push(c),
    t: (key: string, _vars?: unknown, namespace?: string) =>
      namespace === NAMESPACE ? (TEXTS[ctx.language]?.[key] ?? TEXTS.en![key]!) : key,
  };
  return ctx as unknown as FakeTurn;
}

const classifier = testClassifier();
const options = defaultOptions();
const middleware = understand(classifier, () => options);
const next = jest.fn(async () => {});

beforeEach(() => next.mockClear());

describe('understand middleware: language', () => {
  it('detects the language of a first message and stores it on the conversation', async () => {
    const ctx = turn('hola, quiero reservar una habitación');
    await middleware(ctx, next);
    expect(ctx.language).toBe('es');
    expect(ctx.changes).toEqual([{ language: 'es' }]);
    expect(ctx.intent).toMatchObject({ name: 'book_room' });
    expect(next).toHaveBeenCalled();
  });

  it.each(['ok', '2', 'menu', 'Ahmed'])('keeps a stored language on %j', async (text) => {
    const ctx = turn(text, { language: 'es' });
    await middleware(ctx, next);
    expect(ctx.language).toBe('es');
    expect(ctx.changes).toEqual([]);
  });

  it('switches and stores when the guest clearly changes language', async () => {
    const ctx = turn('could you please answer in English, I do not speak Spanish', { language: 'es' });
    await middleware(ctx, next);
    expect(ctx.language).toBe('en');
    expect(ctx.changes).toEqual([{ language: 'en' }]);
  });

  it('answers an ambiguous first message in the hotel language without storing it', async () => {
    const ctx = turn('ok');
    await middleware(ctx, next);
    expect(ctx.language).toBe('en');
    expect(ctx.changes).toEqual([]);
  });

  it('leaves messages without text alone', async () => {
    const ctx = turn(undefined);
    await middleware(ctx, next);
    expect(ctx.intent).toBeUndefined();
    expect(next).toHaveBeenCalled();
  });
});

describe('understand middleware: intents', () => {
  it('turns a tapped intent button into that intent without classifying', async () => {
    const ctx = turn('Book a room', {}, { id: 'book_room', title: 'Book a room' });
    await middleware(ctx, next);
    expect(ctx.intent).toEqual({ name: 'book_room', confidence: 1, layer: 'menu', slots: {}, slotErrors: [] });
  });

  it('leaves a non-intent choice to the flow', async () => {
    const ctx = turn('Yes', {}, { id: 'yes', title: 'Yes' });
    await middleware(ctx, next);
    expect(ctx.intent).toMatchObject({ name: 'none', layer: 'menu' });
    expect(ctx.choice).toEqual({ id: 'yes', title: 'Yes' });
  });

  it('resolves a typed ordinal against a live menu, and ignores an expired one', async () => {
    const options: ButtonOption[] = [
      { id: 'yes', title: 'Yes' },
      { id: 'no', title: 'No' },
    ];
    const live = turn('the second one', { menu: { options, expiresAt: new Date(Date.now() + 60_000) } });
    await middleware(live, next);
    expect(live.choice).toEqual({ id: 'no', title: 'No' });

    const expired = turn('the second one', { menu: { options, expiresAt: new Date(Date.now() - 1) } });
    await middleware(expired, next);
    expect(expired.choice).toBeUndefined();
  });

  it('sets slots and their errors', async () => {
    const ctx = turn('book a room for 0 adults tomorrow');
    await middleware(ctx, next);
    expect(ctx.intent?.name).toBe('book_room');
    expect(ctx.intent?.slots).toHaveProperty('checkIn');
    expect(ctx.intent?.slotErrors.map((e) => e.code)).toEqual(['zero_guests']);
  });
});

describe('clarify middleware', () => {
  const routable = new Set(['book_room', 'check_availability', 'talk_to_person', 'help_menu', 'greeting']);
  const support: MenuSupport = { routable: (i) => routable.has(i), title: (_ctx, i) => `T:${i}` };
  const route = clarify(support, () => options);

  it('asks "did you mean" with the likely intents as buttons', async () => {
    const ctx = turn('hmm');
    ctx.intent = {
      name: 'none',
      confidence: 0.3,
      layer: 'fallback',
      slots: {},
      slotErrors: [],
      alternatives: [
        { name: 'check_availability', confidence: 0.3 },
        { name: 'payment_help', confidence: 0.2 },
        { name: 'book_room', confidence: 0.15 },
      ],
    };
    await route(ctx, next);
    expect(next).not.toHaveBeenCalled();
    expect(ctx.sent).toEqual([
      {
        kind: 'buttons',
        text: TEXTS.en!.clarify,
        buttons: [
          { id: 'check_availability', title: 'T:check_availability' },
          { id: 'book_room', title: 'T:book_room' },
        ],
      },
    ]);
  });

  it('offers the team when nothing here answers a recognised intent', async () => {
    const ctx = turn('pay');
    ctx.intent = { name: 'payment_help', confidence: 0.95, layer: 'rules', slots: {}, slotErrors: [] };
    await route(ctx, next);
    expect(ctx.sent[0]).toMatchObject({
      kind: 'buttons',
      text: TEXTS.en!.unavailable,
      buttons: [{ id: 'talk_to_person' }, { id: 'help_menu' }],
    });
  });

  it('never gets between a running flow and its message', async () => {
    const ctx = turn('hmm', { flow: { name: 'book_room', step: 'dates', plugin: 'booking', startedAt: new Date() } });
    ctx.intent = {
      name: 'none',
      confidence: 0.2,
      layer: 'fallback',
      slots: {},
      slotErrors: [],
      alternatives: [{ name: 'book_room', confidence: 0.2 }],
    };
    await route(ctx, next);
    expect(next).toHaveBeenCalled();
    expect(ctx.sent).toEqual([]);
  });

  it('passes routable intents and unanswerable "none" on', async () => {
    const a = turn('book');
    a.intent = { name: 'book_room', confidence: 0.95, layer: 'rules', slots: {}, slotErrors: [] };
    await route(a, next);
    const b = turn('zzz');
    b.intent = { name: 'none', confidence: 0, layer: 'fallback', slots: {}, slotErrors: [] };
    await route(b, next);
    expect(next).toHaveBeenCalledTimes(2);
  });
});
