import type { LanguagePack } from '../language-pack';
import { ar } from './ar';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';
import { pt } from './pt';
import { sw } from './sw';

/** The languages Hotello understands out of the box, by two-letter code. */
export const LANGUAGE_PACKS: Readonly<Record<string, LanguagePack>> = { en, es, fr, pt, de, it, sw, ar };

export const SUPPORTED_LANGUAGES: readonly string[] = Object.keys(LANGUAGE_PACKS);
