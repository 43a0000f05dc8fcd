import { definePlugin, type PluginDefinition } from '@hotello/core';
import { createTestBot, type TestBot } from '@hotello/core/testing';
import intentPlugin, { extractSlots } from '../src';
import { languageEvidence } from '../src/language/language-evidence';
import { extractBudget } from '../src/slots/budget';
import { extractDates } from '../src/slots/dates';
import { extractEmail } from '../src/slots/email';
import { slotText } from '../src/slots/slot-text';
import { validateLlmSlots } from '../src/slots/validate-llm-slots';
import { boundedText, READ_CHARS } from '../src/text/bounded';
import { lowestGrowth, repeatTo } from './cost-growth';

/** Zero-width spaces and right-to-left overrides: no letters, no spaces, no "@". */
const MARKS = '\u200b\u202e';
/** Inputs 8× apart: linear work grows about 8×, quadratic about 64×. */
const SMALL = 512;
const LARGE = 4096;
/** Comfortably above linear, far below quadratic. */
const LINEAR = 24;

const NOW = new Date('2025-03-01T09:00:00Z');
const SLOTS = { now: NOW, timeZone: 'Africa/Nairobi', language: 'en', bookingRefPattern: /[A-Z]{2,4}-?\d{4,8}/i };

describe('pattern cost on long adversarial texts grows linearly', () => {
  it.each([
    ['zero-width and RTL marks', MARKS],
    ['"1." repeated', '1.'],
    ['"a@" repeated', 'a@'],
  ])('language evidence: %s', async (_name, unit) => {
    expect(await lowestGrowth(languageEvidence, repeatTo(unit, SMALL), repeatTo(unit, LARGE), LINEAR)).toBeLessThan(LINEAR);
  });

  it.each([
    ['zero-width and RTL marks', MARKS],
    ['"%" repeated', '%'],
    ['"x@" repeated', 'x@'],
    ['a long dotted domain', 'a@b.'],
  ])('e-mail: %s', async (_name, unit) => {
    expect(await lowestGrowth((t) => extractEmail(t), repeatTo(unit, SMALL), repeatTo(unit, LARGE), LINEAR)).toBeLessThan(LINEAR);
  });

  // Date extraction has a large cost per call (chrono-node's parsers), so it grows about 4× here
  // where linear; masking per date and chrono on the masked runs of spaces made it about 25×.
  const DATES_LINEAR = 12;

  it.each(['en', 'de', 'es'])('dates: "march 10 " repeated (%s)', async (language) => {
    const dates = (t: string) => extractDates(slotText(t), { now: NOW, timeZone: 'Africa/Nairobi', language });
    const growth = await lowestGrowth(dates, repeatTo('march 10 ', SMALL), repeatTo('march 10 ', LARGE), DATES_LINEAR);
    expect(growth).toBeLessThan(DATES_LINEAR);
  });

  it('budget: "1,000" repeated', async () => {
    const budget = (t: string) => extractBudget(t, 'EUR');
    expect(await lowestGrowth(budget, repeatTo('1,000', SMALL), repeatTo('1,000', LARGE), LINEAR)).toBeLessThan(LINEAR);
  });
});

describe('the bounded slice a turn reads', () => {
  it('keeps short texts whole and cuts long ones before a word, never inside one', () => {
    expect(boundedText('book a room')).toBe('book a room');
    const text = `${'word '.repeat(399)}ana@example.com and more`;
    expect(text.length).toBeGreaterThan(READ_CHARS);
    expect(boundedText(text)).toBe('word '.repeat(399).trimEnd());
  });

  it('cuts a run longer than any address anywhere, and never between the halves of an emoji', () => {
    expect(boundedText('x'.repeat(5000))).toHaveLength(READ_CHARS);
    const emoji = `${'a'.repeat(READ_CHARS - 1)}😀tail`;
    expect(boundedText(emoji)).toBe('a'.repeat(READ_CHARS - 1));
  });

  it('extracts slots from the beginning only', () => {
    const early = extractSlots(`a room on 12 march for 2 adults ${'please '.repeat(3000)}`, SLOTS);
    expect(early.slots).toMatchObject({ checkIn: '2025-03-12', adults: 2 });
    const late = extractSlots(`${'please '.repeat(3000)} a room on 12 march for 2 adults`, SLOTS);
    expect(late.slots).toEqual({});
  });

  it('reads an address of 4,090 characters as an invalid one, quoted briefly', () => {
    const found = extractSlots('a'.repeat(4078) + '@example.com', SLOTS);
    expect(found.slots.email).toBeUndefined();
    // The slice is 2,000 "a"s: no "@" is left to call it an address; the booking flow sees the "@" in the text.
    expect(found.errors).toEqual([]);
    const shorter = extractSlots('a'.repeat(1000) + '@example.com', SLOTS);
    expect(shorter.slots.email).toBeUndefined();
    expect(shorter.errors).toEqual([expect.objectContaining({ slot: 'email', code: 'invalid_email' })]);
    expect(shorter.errors[0]!.message.length).toBeLessThan(100);
  });

  it('holds an LLM-returned address to the same lengths', () => {
    const today = { year: 2025, month: 3, day: 1 };
    const long = validateLlmSlots({ email: `${'a'.repeat(300)}@example.com` }, ['email'], today);
    expect(long.slots.email).toBeUndefined();
    expect(long.errors).toEqual([expect.objectContaining({ slot: 'email', code: 'invalid_email' })]);
    expect(validateLlmSlots({ email: 'Ana@Example.com' }, ['email'], today).slots.email).toBe('ana@example.com');
  });

  it('still takes addresses of every legal length', () => {
    const longest = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.example.com`;
    expect(extractSlots(`my email is ${longest}.`, SLOTS).slots.email).toBe(longest);
    expect(extractSlots('write to Ana.Silva+hotel@Mail.Example.co.uk please', SLOTS).slots.email).toBe(
      'ana.silva+hotel@mail.example.co.uk',
    );
  });
});

/** Answers the stay intents with what was understood, as the booking plugin would. */
const echo: PluginDefinition = definePlugin({
  name: 'echo',
  dependsOn: ['intent'],
  register(ctx) {
    for (const intent of ['book_room', 'check_availability']) {
      ctx.handlers.on(intent, ({ say, intent: result }) => say.text(`[${intent}] ${JSON.stringify(result?.slots ?? {})}`));
    }
  },
});

describe('a turn on a long text', () => {
  let bot: TestBot;
  let phone = 0;
  const turn = async (text: string): Promise<string> => {
    const guest = bot.guest(`+2547${String(++phone).padStart(8, '0')}`, { hotel: 'seaside' });
    await guest.says(text);
    return guest.lastReply.text ?? '';
  };

  beforeAll(async () => {
    bot = await createTestBot({
      config: { hotels: [{ id: 'seaside', name: 'Seaside Hotel', timezone: 'Africa/Nairobi', defaultLanguage: 'en' }] },
      plugins: [intentPlugin, echo],
    });
  });
  afterAll(() => bot.stop());

  // Turn-level ratios include the pipeline's fixed cost, which flattens them: the quadratic
  // patterns this replaced gave 10–25× here. A turn now reads at most READ_CHARS (about 4× the
  // small input), linearly: under 4× however busy the pipeline is.
  const TURN_GROWTH = 6;

  it('costs about the same for 2,048 zero-width and RTL marks as for 256', async () => {
    expect(await turn(repeatTo(MARKS, LARGE))).not.toBe('');
    const growth = await lowestGrowth(turn, repeatTo(MARKS, SMALL), repeatTo(MARKS, LARGE), TURN_GROWTH, { rounds: 5, minMs: 30 });
    expect(growth).toBeLessThan(TURN_GROWTH);
  });

  it('costs about the same for "march 10 " repeated to 4,096 characters as to 512', async () => {
    expect(await turn(repeatTo('march 10 ', LARGE))).not.toBe('');
    const growth = await lowestGrowth(turn, repeatTo('march 10 ', SMALL), repeatTo('march 10 ', LARGE), TURN_GROWTH, {
      rounds: 5,
      minMs: 30,
    });
    expect(growth).toBeLessThan(TURN_GROWTH);
  });

  it('answers a 20,000-character message normally', async () => {
    const text = repeatTo('I would like to book a room on 12 March for 2 adults. ', 20_000);
    expect(text).toHaveLength(20_000);
    expect(await turn(text)).toMatch(/^\[(?:book_room|check_availability)\] .*"adults":2/);
  });
});
