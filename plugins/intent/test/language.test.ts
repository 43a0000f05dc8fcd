import { LANGUAGE_PACKS } from '../src/builtin/languages';
import { LanguageIdentifier } from '../src/language/language-identifier';
import { decideLanguage } from '../src/language/language-policy';

const samples = Object.fromEntries(Object.entries(LANGUAGE_PACKS).map(([l, pack]) => [l, Object.values(pack.utterances).flat()]));
const identifier = new LanguageIdentifier(samples);
const ALL = Object.keys(LANGUAGE_PACKS);

describe('language identifier', () => {
  it.each([
    ['en', 'could you tell me if the pool is heated'],
    ['es', 'buenas, quería saber si el desayuno está incluido'],
    ['fr', 'est-ce que le petit déjeuner est compris'],
    ['pt', 'olá, queria saber se o pequeno-almoço está incluído'],
    ['de', 'guten Tag, ist das Frühstück im Preis inbegriffen'],
    ['it', 'buongiorno, la colazione è compresa nel prezzo?'],
    ['sw', 'habari, je kifungua kinywa kimo kwenye bei?'],
    ['ar', 'هل الإفطار مشمول في السعر؟'],
    ['sw', 'asante sana'],
    ['es', 'muchas gracias'],
  ])('[%s] %s', (language, text) => {
    expect(identifier.identify(text, ALL).language).toBe(language);
  });

  it('only chooses among the allowed languages', () => {
    expect(identifier.identify('muchas gracias', ['en', 'fr']).language).toMatch(/^(en|fr)$/);
  });

  it('has nothing to say about digits and emoji', () => {
    expect(identifier.identify('2', ALL)).toEqual({ confidence: 0, letters: 0 });
    expect(identifier.identify('👍', ALL).language).toBeUndefined();
  });
});

describe('language policy', () => {
  const guess = (text: string) => identifier.identify(text, ALL);
  const decide = (text: string, stored?: string, hotelDefault = 'en') => decideLanguage(text, guess(text), stored, hotelDefault, ALL);

  it('stores a confident first guess', () => {
    expect(decide('hola, quiero reservar una habitación')).toEqual({ language: 'es', persist: true });
  });

  it.each(['ok', '2', 'OK!', 'menu', 'hotel', 'Hi', '👍'])('does not flip a Spanish conversation on %j', (text) => {
    expect(decide(text, 'es')).toEqual({ language: 'es', persist: false });
  });

  it('does not flip on a single short word in another language', () => {
    expect(decide('danke', 'es')).toEqual({ language: 'es', persist: false });
  });

  it('switches when the guest clearly writes in another language', () => {
    expect(decide('sorry, can we continue in English please', 'es')).toEqual({ language: 'en', persist: true });
    expect(decide('أريد التحدث مع موظف', 'en')).toEqual({ language: 'ar', persist: true });
  });

  it('answers ambiguous first messages in the hotel language without storing it', () => {
    expect(decide('ok', undefined, 'fr')).toEqual({ language: 'fr', persist: false });
    expect(decide('2', undefined, 'sw')).toEqual({ language: 'sw', persist: false });
  });

  it('ignores a stored language the hotel no longer offers', () => {
    const d = decideLanguage('ok', guess('ok'), 'de', 'en', ['en', 'es']);
    expect(d).toEqual({ language: 'en', persist: false });
  });
});

describe('language evidence', () => {
  it('leaves out e-mail addresses, links and codes, which belong to no language', () => {
    const { languageEvidence } =
      jest.requireActual<typeof import('../src/language/language-evidence')>('../src/language/language-evidence');
    expect(languageEvidence('ana@example.com')).toBe('');
    expect(languageEvidence('my email is ana.silva@correio.pt please')).toBe('my email is please');
    expect(languageEvidence('see https://seaside.example/rooms or www.seaside.pt')).toBe('see or');
    expect(languageEvidence('cancel KMT4821 por favor')).toBe('cancel por favor');
  });
});
