import { foldArabic, foldLatin } from '../text/normalize';
import { re } from './regex-cache';
import { B, E } from './slot-text';
import type { ROOM_TYPES } from './slot-types';

type RoomType = (typeof ROOM_TYPES)[number];

/**
 * Words for each room type (normalised). "Family" needs "room" with it, since "we are a family
 * of four" says who is coming, not which room; the other types stand alone ("a double please").
 */
const WORDS: Readonly<Record<RoomType, readonly string[]>> = {
  suite: ['suites?', 'junior suite', 'جناح', 'الجناح'],
  family: [
    'family rooms?',
    'habitacion(?:es)? familiar(?:es)?',
    'chambres? familiales?',
    'quartos? (?:de )?familia(?:r)?',
    'familienzimmer',
    'camer[ae] familiar[ei]',
    'familiare',
    'chumba cha familia',
    'غرفه عائليه',
    'عائليه',
  ],
  triple: ['triple', 'triplo', 'tripla', 'dreibettzimmer', 'ثلاثيه'],
  twin: ['twin', 'two beds', 'dos camas', 'lits jumeaux', 'duas camas', 'zweibettzimmer', 'letti separati', 'vitanda viwili', 'سريرين'],
  double: ['double', 'doble', 'matrimonial', 'duplo', 'casal', 'doppelzimmer', 'doppia', 'matrimoniale', 'مزدوجه', 'دبل'],
  single: [
    'single(?! night)',
    'individual',
    'sencilla',
    'simple',
    'individuelle',
    'solteiro',
    'einzelzimmer',
    'singola',
    'mtu mmoja',
    'مفرده',
    'فرديه',
    'سنجل',
  ],
};

/** Room type named in the text, checking hotel-specific words first; the first type found wins. */
export function extractRoomType(text: string, extra: Partial<Record<RoomType, readonly string[]>> = {}): RoomType | undefined {
  for (const [type, words] of Object.entries(extra) as [RoomType, readonly string[]][]) {
    const escaped = words.map((w) => foldArabic(foldLatin(w.toLowerCase())).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    if (escaped.length && re(`${B}(?:${escaped.join('|')})${E}`, 'u').test(text)) return type;
  }
  for (const [type, words] of Object.entries(WORDS) as [RoomType, readonly string[]][]) {
    if (re(`${B}(?:${words.join('|')})${E}`, 'u').test(text)) return type;
  }
  return undefined;
}
