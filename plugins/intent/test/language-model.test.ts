import { LanguageIntentModel } from '../src/classifier/language-model';
import { LANGUAGE_PACKS } from '../src/builtin/languages';
import { normalizeText } from '../src/text/normalize';

function modelFor(language: string): LanguageIntentModel {
  const pack = LANGUAGE_PACKS[language]!;
  const examples = Object.entries(pack.utterances).flatMap(([intent, list]) => list.map((text) => ({ text, intent })));
  return new LanguageIntentModel(language, examples);
}

describe('local classifier (NLP.js neural network over words and character n-grams)', () => {
  // Phrases with no rule behind them and not in the training data: the model must generalise.
  it.each([
    ['en', 'we would love a room with you in june', 'book_room'],
    ['en', 'the lamp in our room keeps flickering and nobody fixed it', 'complaint'],
    ['es', 'me confirman si quedó hecha mi reservación', 'my_bookings'],
    ['fr', 'vous avez un parking pour la voiture', 'faq_question'],
    ['pt', 'quero reservar quarto para junho', 'book_room'],
    ['de', 'gibt es bei euch frühstück', 'faq_question'],
    ['it', 'vorremmo prenotare una stanza a giugno', 'book_room'],
    ['sw', 'tunataka kulala kwenu mwezi Juni', 'book_room'],
    ['ar', 'نحتاج مكان للإقامة في يونيو', 'book_room'],
  ])('[%s] %s → %s', (language, text, intent) => {
    expect(modelFor(language).predict(normalizeText(text)).ranked[0]?.name).toBe(intent);
  });

  it('copes with typos through character n-grams', () => {
    const model = modelFor('en');
    expect(model.predict(normalizeText('i wnat to cancle my resevation')).ranked[0]?.name).toBe('cancel_booking');
  });

  it('is unsure about text it has no words for', () => {
    const model = modelFor('en');
    const known = model.predict(normalizeText('I want to book a room'));
    const unknown = model.predict(normalizeText('quantum chromodynamics lectures tomorrow'));
    expect(known.coverage).toBe(1);
    expect(unknown.coverage).toBeLessThan(0.3);
    expect(unknown.ranked[0]?.confidence ?? 0).toBeLessThan(0.55);
  });

  it('ranks only the allowed intents when asked to break a tie', () => {
    const allowed = ['my_bookings', 'cancel_booking'];
    const ranked = modelFor('en').predict(normalizeText('cancel my booking please'), allowed).ranked;
    expect(ranked[0]!.name).toBe('cancel_booking');
    expect(ranked.every((r) => allowed.includes(r.name))).toBe(true);
  });

  it('trains quickly and converges', () => {
    const started = performance.now();
    const model = modelFor('es');
    // A generous bound: this only guards against training that no longer converges early.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(model.status.error).toBeLessThan(0.01);
    expect(model.intents).toHaveLength(11);
  });
});
