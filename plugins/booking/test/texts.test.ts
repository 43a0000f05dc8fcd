import { en } from '../src/i18n/languages/en';
import { TEXTS } from '../src/i18n/texts';

/** WhatsApp reply-button and list-row titles, and list button labels, allow at most 20 characters. */
const TITLE_KEYS = Object.keys(en).filter((key) =>
  /^(name_yes|name_other|confirm|change|cancel|cancel_yes|cancel_no|book_room|talk_to_person|other_dates|back|change_(?!what$).+|rooms_button|bookings_button)$/.test(
    key,
  ),
);
const MAX_TITLE = 20;

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();

const englishKeys = Object.keys(en).sort();
const languages = Object.entries(TEXTS);

describe('booking texts', () => {
  it('come in all eight supported languages', () => {
    expect(Object.keys(TEXTS)).toEqual(['en', 'es', 'fr', 'pt', 'de', 'it', 'sw', 'ar']);
  });

  it('checks every button and list title', () => {
    expect(TITLE_KEYS).toEqual(expect.arrayContaining(['change_dates', 'change_button', 'rooms_button', 'bookings_button', 'back']));
    expect(TITLE_KEYS).not.toContain('change_what');
  });

  describe.each(languages)('%s', (language, texts) => {
    it('has exactly the English keys', () => {
      expect(Object.keys(texts).sort()).toEqual(englishKeys);
    });

    it('uses the same placeholders as English in every text', () => {
      for (const key of englishKeys) {
        expect({ key, placeholders: placeholders(texts[key] ?? '') }).toEqual({
          key,
          placeholders: placeholders(en[key as keyof typeof en]),
        });
      }
    });

    it('keeps button and list titles within 20 characters', () => {
      for (const key of TITLE_KEYS) {
        const title = texts[key] ?? '';
        expect({ key, title, fits: [...title].length <= MAX_TITLE && title.length <= MAX_TITLE }).toEqual({ key, title, fits: true });
      }
    });

    it('has no empty text', () => {
      for (const [key, text] of Object.entries(texts)) expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    });

    it('understands the English "back" and lists only lower-case words', () => {
      const words = texts.back_words!.split('|');
      expect(words).toContain('back');
      for (const word of words) expect(word).toBe(word.trim().toLocaleLowerCase(language));
    });
  });
});
