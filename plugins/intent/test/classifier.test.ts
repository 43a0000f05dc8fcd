import type { IntentDefinition } from '@hotello/core';
import { defaultOptions } from '../src/options';
import { builtinDefinitions, HOTEL, memoryIntentLog, testClassifier } from './helpers';

const NOW = new Date('2025-03-05T10:00:00Z');
const MENU = [
  { id: 'book_room', title: 'Book a room' },
  { id: 'yes', title: 'Yes' },
];

describe('layered classifier', () => {
  const classifier = testClassifier();
  const classify = (text: string, extra: Record<string, unknown> = {}) =>
    classifier.classify({ hotelId: HOTEL.id, text, now: NOW, ...extra });

  it('answers a menu number with the option, as an intent when it is one', async () => {
    expect(await classify('1', { menu: MENU, language: 'en' })).toMatchObject({ name: 'book_room', layer: 'menu', confidence: 1 });
  });

  it('hands back a non-intent menu option as a choice for the flow', async () => {
    const r = await classify('the second one', { menu: MENU, language: 'en' });
    expect(r).toMatchObject({ name: 'none', layer: 'menu', choice: { id: 'yes', title: 'Yes' } });
  });

  it('decides by rules when a keyword settles it, with slots', async () => {
    const r = await classify('Please book a double room for 2 adults from 12 to 15 March', { language: 'en' });
    expect(r).toMatchObject({ name: 'book_room', layer: 'rules', confidence: 0.95 });
    expect(r.slots).toEqual({ roomType: 'double', adults: 2, checkIn: '2025-03-12', checkOut: '2025-03-15', nights: 3 });
  });

  it('breaks a tie between matching rules with the local model and priority', async () => {
    const r = await classify('I want to cancel my booking HTL-48213', { language: 'en' });
    expect(r).toMatchObject({ name: 'cancel_booking', layer: 'rules', slots: { bookingRef: 'HTL-48213' } });
    expect(r.alternatives?.map((a) => a.name)).toEqual(['my_bookings']);
  });

  it('does not let a greeting decide a message that also asks for a stay', async () => {
    for (const text of [
      'Hi! Do you have a room on 12/03/2025 for 2 nights for 2 adults?',
      'Hello, do you have a room on 20 March for 2 nights for 2 adults?',
      'Good morning! a room on 20/03 for 2 nights for 2 adults please',
    ]) {
      const r = await classify(text, { language: 'en' });
      expect([r.name, text]).toEqual([expect.stringMatching(/^(book_room|check_availability)$/), text]);
      expect(r.slots).toMatchObject({ nights: 2, adults: 2 });
    }
    expect((await classify('Hi!', { language: 'en' })).name).toBe('greeting');
  });

  it('uses the local classifier where no rule matches', async () => {
    const r = await classify('we would love a room with you in june', { language: 'en' });
    expect(r.layer).toBe('classifier');
    expect(r.name).toBe('book_room');
    expect(r.confidence).toBeGreaterThanOrEqual(0.55);
  });

  it('returns "none" with likely alternatives when unsure', async () => {
    const r = await classify('what about the thing from yesterday', { language: 'en' });
    expect(r).toMatchObject({ name: 'none', layer: 'fallback' });
    expect(r.confidence).toBeLessThan(0.55);
  });

  it('returns all slots it found when the intent is "none", and only declared ones otherwise', async () => {
    expect((await classify('2 adults', { language: 'en' })).slots).toEqual({ adults: 2 });
    const greeting = await classify('hello', { language: 'en' });
    expect(greeting).toMatchObject({ name: 'greeting', slots: {} });
  });

  it('detects the language when none is given', async () => {
    expect(await classify('quiero cancelar mi reserva')).toMatchObject({ name: 'cancel_booking', language: 'es' });
    expect(await classify('ok')).toMatchObject({ language: 'en' });
  });

  it('understands each supported language', async () => {
    const cases: [string, string, string][] = [
      ['en', 'is breakfast included?', 'faq_question'],
      ['es', '¿aceptan tarjeta?', 'payment_help'],
      ['fr', 'je veux parler à quelqu’un de la réception', 'talk_to_person'],
      ['pt', 'o chuveiro não funciona', 'complaint'],
      ['de', 'ich möchte ein Zimmer buchen', 'book_room'],
      ['it', 'avete camere libere domani?', 'check_availability'],
      ['sw', 'asante sana, kwaheri', 'thanks_goodbye'],
      ['ar', 'مرحبا', 'greeting'],
    ];
    for (const [language, text, intent] of cases)
      expect({ language, text, intent: (await classify(text, { language })).name }).toEqual({ language, text, intent });
  });

  it('can leave layers out (evaluate --no-rules)', async () => {
    const r = await classify('I want to cancel my booking', { language: 'en', skip: ['rules'] });
    expect(r.layer).toBe('classifier');
  });

  it('logs every classification without the guest text', async () => {
    const log = memoryIntentLog();
    const c = testClassifier({ log });
    await c.classify({ hotelId: HOTEL.id, text: 'hello', language: 'en' });
    const summary = await log.summary(HOTEL.id, new Date(0));
    expect(summary.byLayer.rules?.count).toBe(1);
  });

  it('knows only the intents of plugins on at the hotel', async () => {
    const lateCheckout: IntentDefinition = {
      name: 'late_checkout',
      plugin: 'late-checkout',
      utterances: { en: ['can I check out late?', 'late checkout please', 'could we leave the room later'] },
      slots: [],
      patterns: { en: ['\\blate check ?out\\b'] },
    };
    const withPlugin = testClassifier({ intents: [...builtinDefinitions(), lateCheckout] });
    expect((await withPlugin.classify({ hotelId: HOTEL.id, text: 'is a late checkout possible', language: 'en' })).name).toBe(
      'late_checkout',
    );
    expect((await classify('is a late checkout possible', { language: 'en' })).name).toBe('faq_question');
  });

  it('rejects unknown hotels and hotels where the plugin is off', async () => {
    await expect(classifier.classify({ hotelId: 'elsewhere', text: 'hi' })).rejects.toThrow(/unknown hotel/);
    const off = testClassifier({ optionsFor: () => undefined });
    await expect(off.classify({ hotelId: HOTEL.id, text: 'hi' })).rejects.toThrow(/off for hotel/);
  });

  it('respects the hotel threshold', async () => {
    const strict = testClassifier({ options: defaultOptions({ threshold: 0.999 }) });
    expect((await strict.classify({ hotelId: HOTEL.id, text: 'we would love a room with you in june', language: 'en' })).layer).toBe(
      'fallback',
    );
  });
});
