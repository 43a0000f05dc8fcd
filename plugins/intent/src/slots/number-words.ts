/**
 * Small numbers written as words, per language, in normalised form (lowercase, no accents,
 * Arabic letters folded). Guests write "two adults" as often as "2 adults".
 */
const WORDS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  en: { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, zero: 0, no: 0, none: 0 },
  es: { un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, cero: 0, ningun: 0 },
  fr: { un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, zero: 0, aucun: 0 },
  pt: { um: 1, uma: 1, dois: 2, duas: 2, tres: 3, quatro: 4, cinco: 5, seis: 6, sete: 7, oito: 8, nove: 9, dez: 10, zero: 0, nenhum: 0 },
  de: {
    ein: 1,
    eine: 1,
    einen: 1,
    einem: 1,
    einer: 1,
    zwei: 2,
    drei: 3,
    vier: 4,
    funf: 5,
    sechs: 6,
    sieben: 7,
    acht: 8,
    neun: 9,
    zehn: 10,
    null: 0,
    kein: 0,
    keine: 0,
  },
  it: { un: 1, uno: 1, una: 1, due: 2, tre: 3, quattro: 4, cinque: 5, sei: 6, sette: 7, otto: 8, nove: 9, dieci: 10, zero: 0, nessun: 0 },
  sw: {
    moja: 1,
    mmoja: 1,
    mbili: 2,
    wawili: 2,
    tatu: 3,
    watatu: 3,
    nne: 4,
    wanne: 4,
    tano: 5,
    watano: 5,
    sita: 6,
    saba: 7,
    nane: 8,
    tisa: 9,
    kumi: 10,
    sifuri: 0,
  },
  ar: {
    واحد: 1,
    واحده: 1,
    اثنين: 2,
    اثنان: 2,
    اتنين: 2,
    ثلاث: 3,
    ثلاثه: 3,
    تلات: 3,
    اربع: 4,
    اربعه: 4,
    خمس: 5,
    خمسه: 5,
    ست: 6,
    سته: 6,
    سبع: 7,
    سبعه: 7,
    ثمان: 8,
    ثماني: 8,
    ثمانيه: 8,
    تسع: 9,
    تسعه: 9,
    عشر: 10,
    عشره: 10,
  },
};

/** Number words of `language` plus English (widely mixed in), as one regex alternation. */
export function numberWordPattern(language: string): string {
  const words = new Set([...Object.keys(WORDS[language] ?? {}), ...Object.keys(WORDS.en!)]);
  return [...words].sort((a, b) => b.length - a.length).join('|');
}

/** "3" → 3, "three"/"tres"/"tatu" → 3; undefined when `token` is not a number. */
export function parseCount(token: string, language: string): number | undefined {
  if (/^\d{1,4}$/.test(token)) return Number(token);
  return WORDS[language]?.[token] ?? WORDS.en![token];
}
