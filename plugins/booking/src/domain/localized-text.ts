/** Text per language code; `en` or the first entry is the fallback. */
export type LocalizedText = Readonly<Record<string, string>>;

export function localize(text: LocalizedText | string | undefined, language: string, fallbackLanguage = 'en'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[language] ?? text[fallbackLanguage] ?? text.en ?? Object.values(text)[0] ?? '';
}
