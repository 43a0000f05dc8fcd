import type { Catalog } from '@hotello/core';
import { ar } from './languages/ar';
import { de } from './languages/de';
import { en } from './languages/en';
import { es } from './languages/es';
import { fr } from './languages/fr';
import { it } from './languages/it';
import { pt } from './languages/pt';
import { sw } from './languages/sw';

/** The plugin's message namespace. */
export const NAMESPACE = 'booking';

/** Every text the booking plugin sends, per language. */
export const TEXTS: Catalog = { en, es, fr, pt, de, it, sw, ar };
