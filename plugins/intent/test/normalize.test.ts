import { normalizePattern, normalizeText } from '../src/text/normalize';

describe('normalizeText', () => {
  it.each([
    ['¿Puedo reservar una habitación?', 'puedo reservar una habitacion'],
    ['Ich möchte ein Zimmer für Straße', 'ich mochte ein zimmer fur strasse'],
    ["I don't want a bot, it's late", 'i dont want a bot its late'],
    ["Je voudrais réserver l'hôtel", 'je voudrais reserver l hotel'],
    ['holaaaa!!!', 'hola'],
    ['Bonjouuur', 'bonjour'],
    ['أُرِيدُ حَجْزَ غُرْفَةٍ', 'اريد حجز غرفه'],
    ['إلغاء الحجز ١٢٣', 'الغاء الحجز 123'],
    ['مرحبااااا', 'مرحبا'],
    ['  Book   a room… now 👍 ', 'book a room now'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('keeps double letters, which languages do use ("free", "kaa")', () => {
    expect(normalizeText('free room kaa')).toBe('free room kaa');
  });
});

describe('normalizePattern', () => {
  it('folds letters but leaves regex syntax alone', () => {
    const source = normalizePattern('\\bréserv\\w*\\b|\\Sإلغاء');
    expect(source).toBe('\\breserv\\w*\\b|\\Sالغاء');
    expect(new RegExp(source, 'i').test(normalizeText('Je veux RÉSERVER'))).toBe(true);
  });
});
