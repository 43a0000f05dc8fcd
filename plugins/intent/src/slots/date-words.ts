/**
 * Date vocabulary per language, in normalised form (lowercase, no accents, Arabic folded), for
 * the expressions chrono-node misses: Swahili as a whole, "pasado mañana"-style words, weekends
 * (a hotel weekend is Friday to Sunday), and day ranges before a month ("12–15 March").
 */

/** Month names and abbreviations of every supported language → month number. */
export const MONTHS: Readonly<Record<string, number>> = (() => {
  const lists: readonly (readonly string[])[] = [
    ['january', 'jan', 'enero', 'ene', 'janvier', 'janv', 'janeiro', 'januar', 'jan', 'gennaio', 'januari', 'يناير', 'كانون الثاني'],
    ['february', 'feb', 'febrero', 'fevrier', 'fevr', 'fevereiro', 'fev', 'februar', 'febbraio', 'februari', 'فبراير', 'شباط'],
    ['march', 'mar', 'marzo', 'mars', 'marco', 'marz', 'machi', 'مارس', 'اذار'],
    ['april', 'apr', 'abril', 'abr', 'avril', 'avr', 'aprile', 'aprili', 'ابريل', 'نيسان'],
    ['may', 'mayo', 'mai', 'maio', 'maggio', 'mei', 'مايو', 'ايار'],
    ['june', 'jun', 'junio', 'juin', 'junho', 'juni', 'giugno', 'يونيو', 'يونيه', 'حزيران'],
    ['july', 'jul', 'julio', 'juillet', 'juil', 'julho', 'juli', 'luglio', 'julai', 'يوليو', 'يوليه', 'تموز'],
    ['august', 'aug', 'agosto', 'ago', 'aout', 'agosti', 'اغسطس', 'اب'],
    ['september', 'sept', 'sep', 'septiembre', 'setiembre', 'septembre', 'setembro', 'settembre', 'septemba', 'سبتمبر', 'ايلول'],
    ['october', 'oct', 'octubre', 'octobre', 'outubro', 'oktober', 'okt', 'ottobre', 'ott', 'oktoba', 'اكتوبر', 'تشرين الاول'],
    ['november', 'nov', 'noviembre', 'novembre', 'novembro', 'novemba', 'نوفمبر', 'تشرين الثاني'],
    ['december', 'dec', 'diciembre', 'dic', 'decembre', 'dezembro', 'dez', 'dezember', 'dicembre', 'desemba', 'ديسمبر', 'كانون الاول'],
  ];
  const out: Record<string, number> = {};
  lists.forEach((names, i) => names.forEach((n) => (out[n] = i + 1)));
  return out;
})();

export const MONTH_PATTERN = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Words joining the two days of a range: "12 to 15", "12 al 15", "12. bis 15.", "12 hadi 15", "12 الي 15". */
export const RANGE_JOINER = '-|to|till|until|thru|through|al|a|hasta(?: el)?|au|ao|ate|bis(?: zum)?|hadi|mpaka|الي|حتي|لغايه';

/** Ordinal endings after a day number: 12th, 1er, 12º, 12. */
export const DAY_SUFFIX = '(?:st|nd|rd|th|er|eme|º|ª|o|\\.)?';

export interface RelativeWords {
  /** Day after tomorrow, checked before "tomorrow" (they share words). */
  readonly dayAfterTomorrow?: string;
  readonly tomorrow?: string;
  readonly today?: string;
  readonly nextWeekend: string;
  readonly thisWeekend: string;
}

export const RELATIVE: Readonly<Record<string, RelativeWords>> = {
  en: {
    dayAfterTomorrow: 'the day after tomorrow|day after tomorrow',
    nextWeekend: 'next weekend|the weekend after',
    thisWeekend: 'this weekend|this coming weekend|the weekend|at the weekend|on the weekend',
  },
  es: {
    dayAfterTomorrow: 'pasado manana',
    nextWeekend: '(?:el )?proximo fin de semana|(?:el )?fin de semana que viene|el otro finde',
    thisWeekend: 'este fin de semana|el fin de semana|este finde|el finde',
  },
  fr: {
    dayAfterTomorrow: 'apres demain|apres-demain',
    nextWeekend: '(?:le )?week-?end prochain|(?:le )?prochain week-?end',
    thisWeekend: 'ce week-?end|le week-?end',
  },
  pt: {
    dayAfterTomorrow: 'depois de amanha',
    nextWeekend: '(?:o )?proximo fim de semana|(?:o )?fim de semana que vem',
    thisWeekend: '(?:n)?este fim de semana|(?:no )?fim de semana',
  },
  de: {
    dayAfterTomorrow: 'ubermorgen',
    nextWeekend: 'nachste[ns]? wochenende|kommende[ns]? wochenende',
    thisWeekend: 'dieses wochenende|am wochenende|diese[ns]? wochenende',
  },
  it: {
    dayAfterTomorrow: 'dopodomani|dopo domani',
    nextWeekend: '(?:il )?prossimo (?:fine settimana|weekend)|(?:il )?(?:fine settimana|weekend) prossimo',
    thisWeekend: 'questo (?:fine settimana|weekend)|(?:nel|il) (?:fine settimana|weekend)',
  },
  sw: {
    dayAfterTomorrow: 'keshokutwa|kesho kutwa',
    tomorrow: 'kesho',
    today: 'leo usiku|usiku wa leo|leo',
    nextWeekend: 'wikendi ijayo|mwisho wa wiki ijayo|weekend ijayo',
    thisWeekend: 'wikendi hii|mwisho wa wiki hii|weekend hii|wikendi',
  },
  ar: {
    nextWeekend: 'نهايه الاسبوع القادم|الويكند القادم|الويكند الجاي|عطله نهايه الاسبوع القادمه',
    thisWeekend: 'نهايه هذا الاسبوع|عطله نهايه الاسبوع|نهايه الاسبوع|الويكند',
  },
};

/** Swahili weekday names → 0 (Sunday) … 6; chrono-node has no Swahili. */
export const SW_WEEKDAYS: Readonly<Record<string, number>> = {
  jumapili: 0,
  jumatatu: 1,
  jumanne: 2,
  jumatano: 3,
  alhamisi: 4,
  ijumaa: 5,
  jumamosi: 6,
};

/**
 * Words without which chrono-node finds nothing (besides digits and month names): weekdays
 * and relative words of the chrono languages. Parsing is skipped for texts that have none,
 * which is most messages, and chrono is the costliest extractor.
 */
export const CHRONO_HINT = [
  'mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|tomorrow|yesterday|next|this|last|week|month|year|days?|weekend|noon|midnight',
  'lunes|martes|miercoles|jueves|viernes|sabado|domingo|hoy|manana|ayer|noche|proxim[oa]|semana|mes|ano|dias?',
  'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|aujourd|demain|hier|soir|prochaine?|semaine|mois|an|jours?',
  'segunda|terca|quarta|quinta|sexta|hoje|amanha|ontem|noite',
  'montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|heute|morgen|gestern|abend|nachste[nrs]?|kommende[nrs]?|woche|monat|jahr|tagen?',
  'lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica|oggi|domani|ieri|stasera|stanotte|prossim[oa]|settimana|mese|anno|giorni',
  'الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الاحد|اليوم|غدا|غد|بكره|الليله|امس|القادم|القادمه|الاسبوع|الشهر|ايام',
].join('|');
