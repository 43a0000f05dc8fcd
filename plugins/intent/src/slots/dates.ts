import * as chrono from 'chrono-node';
import { addDays, isValidDate, offsetMinutes, todayIn, toIso, upcomingYear, weekday, type CivilDate } from './calendar';
import { CHRONO_HINT, DAY_SUFFIX, MONTH_PATTERN, MONTHS, RANGE_JOINER, RELATIVE, SW_WEEKDAYS } from './date-words';
import { collapseSpaces } from './collapse-spaces';
import { re } from './regex-cache';
import { B, E, mask, type SlotText, type Span } from './slot-text';

/** A date or date range the guest mentioned, as calendar dates in the hotel's time zone. */
export interface DateMention {
  readonly start: string;
  readonly end?: string;
  readonly span: Span;
}

export interface DatesFound {
  readonly mentions: DateMention[];
  /** Text that names an impossible date ("31 February", "30.02."). */
  readonly invalid: string[];
}

export interface DateContext {
  readonly now: Date;
  readonly timeZone: string;
  readonly language: string;
}

/** chrono-node parsers per language; day-first everywhere (only US English writes month first). */
const CHRONO: Readonly<Record<string, chrono.Chrono>> = {
  en: chrono.en.GB,
  es: chrono.es.casual,
  fr: chrono.fr.casual,
  pt: chrono.pt.casual,
  de: chrono.de.casual,
  it: chrono.it.casual,
  ar: chrono.ar.casual,
};

const NOW_WORDS = /^(?:right now|now|ahora(?: mismo)?|maintenant|agora|jetzt|adesso|ora|sasa hivi|الان|الآن)$/i;

/**
 * What the date extractors found so far. Each extractor reads the text with everything already
 * taken blanked out; the blanked text is rebuilt once when next read, not once per date found
 * (a message repeating "march 10" holds hundreds of them, and re-masking per date is quadratic).
 */
class Collector {
  readonly mentions: DateMention[] = [];
  readonly invalid: string[] = [];
  private readonly spans: Span[] = [];
  private readonly taken: Uint8Array;
  private masked: SlotText;
  private stale = false;

  constructor(private readonly text: SlotText) {
    this.masked = text;
    this.taken = new Uint8Array(text.folded.length);
  }

  get folded(): string {
    return this.view().folded;
  }

  get original(): string {
    return this.view().original;
  }

  /** Whether no part of `span` was taken yet (matches of two patterns may overlap). */
  isFree(span: Span): boolean {
    for (let i = span.start; i < span.end; i++) if (this.taken[i]) return false;
    return true;
  }

  add(span: Span, start: CivilDate, end?: CivilDate): void {
    this.mentions.push({ start: toIso(start), ...(end ? { end: toIso(end) } : {}), span });
    this.consume(span);
  }

  bad(span: Span): void {
    this.invalid.push(this.text.original.slice(span.start, span.end).trim());
    this.consume(span);
  }

  private consume(span: Span): void {
    this.spans.push(span);
    this.taken.fill(1, span.start, span.end);
    this.stale = true;
  }

  private view(): SlotText {
    if (this.stale) {
      this.masked = { original: mask(this.text.original, this.spans), folded: mask(this.text.folded, this.spans) };
      this.stale = false;
    }
    return this.masked;
  }
}

function date(year: number, month: number, day: number): CivilDate | undefined {
  return isValidDate(year, month, day) ? { year, month, day } : undefined;
}

/** "12–15 March", "del 12 al 15 de marzo", "vom 12. bis 15. März", "March 12 to 15", "tarehe 12 hadi 15 Machi". */
function dayRanges(c: Collector, today: CivilDate): void {
  const dayFirst = re(
    `${B}(\\d{1,2})${DAY_SUFFIX}\\s*(?:${RANGE_JOINER})\\s*(?:the |el |le |il |al |den |o )?(\\d{1,2})${DAY_SUFFIX}\\s*(?:of |de |di |del |do |des )?(${MONTH_PATTERN})${E}(?:,?\\s+(\\d{4}))?`,
    'gu',
  );
  const monthFirst = re(
    `${B}(${MONTH_PATTERN})\\s+(\\d{1,2})${DAY_SUFFIX}\\s*(?:${RANGE_JOINER})\\s*(\\d{1,2})${DAY_SUFFIX}${E}(?:,?\\s+(\\d{4}))?`,
    'gu',
  );
  const found: { span: Span; d1: number; d2: number; month: number; year?: number }[] = [];
  for (const m of c.folded.matchAll(dayFirst)) {
    found.push({
      span: { start: m.index, end: m.index + m[0].length },
      d1: +m[1]!,
      d2: +m[2]!,
      month: MONTHS[m[3]!]!,
      year: m[4] ? +m[4] : undefined,
    });
  }
  for (const m of c.folded.matchAll(monthFirst)) {
    found.push({
      span: { start: m.index, end: m.index + m[0].length },
      d1: +m[2]!,
      d2: +m[3]!,
      month: MONTHS[m[1]!]!,
      year: m[4] ? +m[4] : undefined,
    });
  }
  for (const r of found) {
    if (!c.isFree(r.span)) continue; // overlaps one already taken
    const year = r.year ?? upcomingYear(today, r.month, Math.min(r.d1, 28));
    const start = date(year, r.month, r.d1);
    // "28 Dec – 2 Jan" written as "28-2 January" is rare; a second day before the first means the next month.
    const endMonth = r.d2 < r.d1 ? (r.month % 12) + 1 : r.month;
    const endYear = r.d2 < r.d1 && r.month === 12 ? year + 1 : year;
    const end = date(endYear, endMonth, r.d2);
    if (start && end) c.add(r.span, start, end);
    else c.bad(r.span);
  }
}

/** "12.03.", "12/03/2025", "2025-03-12": day first, as everywhere but the US. */
function numericDates(c: Collector, today: CivilDate): void {
  const iso = re(`${B}(\\d{4})-(\\d{1,2})-(\\d{1,2})${E}`, 'gu');
  for (const m of c.folded.matchAll(iso)) {
    const d = date(+m[1]!, +m[2]!, +m[3]!);
    const span = { start: m.index, end: m.index + m[0].length };
    if (d) c.add(span, d);
    else c.bad(span);
  }
  const dmy = re(`${B}(\\d{1,2})([./])(\\d{1,2})(?:\\2(\\d{4}|\\d{2}))?(?:\\.(?!\\d))?(?![\\p{L}\\p{N}/])`, 'gu');
  for (const m of c.folded.matchAll(dmy)) {
    const [, dd, sep, mm, yy] = m;
    // "2.5" or "12.30" without a trailing dot or year is more likely a number or a time.
    if (sep === '.' && !yy && !m[0].endsWith('.')) continue;
    const day = +dd!;
    const month = +mm!;
    const year = yy ? (yy.length === 2 ? 2000 + +yy : +yy) : upcomingYear(today, month, Math.min(day, 28));
    const span = { start: m.index, end: m.index + m[0].length };
    const d = date(year, month, day);
    if (d) c.add(span, d);
    else if (month <= 12) c.bad(span);
  }
}

/** "12 March", "12th of March 2026", "March 12", "tarehe 12 Machi", "12 مارس". */
function namedDates(c: Collector, today: CivilDate): void {
  const dayMonth = re(`${B}(\\d{1,2})${DAY_SUFFIX}\\s*(?:of |de |di |del |do )?(${MONTH_PATTERN})${E}(?:,?\\s+(\\d{4}))?`, 'gu');
  const monthDay = re(`${B}(${MONTH_PATTERN})\\s+(\\d{1,2})${DAY_SUFFIX}${E}(?:,?\\s+(\\d{4}))?`, 'gu');
  const found: { span: Span; day: number; month: number; year?: number }[] = [];
  for (const m of c.folded.matchAll(dayMonth))
    found.push({
      span: { start: m.index, end: m.index + m[0].length },
      day: +m[1]!,
      month: MONTHS[m[2]!]!,
      year: m[3] ? +m[3] : undefined,
    });
  for (const m of c.folded.matchAll(monthDay))
    found.push({
      span: { start: m.index, end: m.index + m[0].length },
      day: +m[2]!,
      month: MONTHS[m[1]!]!,
      year: m[3] ? +m[3] : undefined,
    });
  for (const r of found) {
    if (!c.isFree(r.span)) continue; // overlaps one already taken
    const d = date(r.year ?? upcomingYear(today, r.month, Math.min(r.day, 28)), r.month, r.day);
    if (d) c.add(r.span, d);
    else c.bad(r.span);
  }
}

/** The hotel weekend that `today` belongs to or precedes: Friday (today, when Saturday) to Sunday. */
function weekendFrom(today: CivilDate): [CivilDate, CivilDate] {
  const wd = weekday(today);
  if (wd === 6) return [today, addDays(today, 1)];
  const friday = addDays(today, (5 - wd + 7) % 7);
  return [friday, addDays(friday, 2)];
}

function relativeWords(c: Collector, today: CivilDate, language: string): void {
  const words = RELATIVE[language];
  if (!words) return;
  const find = (pattern: string | undefined): Span | undefined => {
    if (!pattern) return undefined;
    const m = re(`${B}(?:${pattern})${E}`, 'u').exec(c.folded);
    return m ? { start: m.index, end: m.index + m[0].length } : undefined;
  };
  const [friday, sunday] = weekendFrom(today);
  let span = find(words.nextWeekend);
  if (span) c.add(span, addDays(friday, 7), addDays(sunday, 7));
  span = find(words.thisWeekend);
  if (span) c.add(span, friday, sunday);
  span = find(words.dayAfterTomorrow);
  if (span) c.add(span, addDays(today, 2));
  span = find(words.tomorrow);
  if (span) c.add(span, addDays(today, 1));
  span = find(words.today);
  if (span) c.add(span, today);
}

/** Swahili weekdays: "Ijumaa", "Ijumaa ijayo" (the coming Friday), "Jumamosi hii". */
function swahiliWeekdays(c: Collector, today: CivilDate): void {
  const weekdays = re(`${B}(?:siku ya )?(${Object.keys(SW_WEEKDAYS).join('|')})(?:\\s+(?:ijayo|hii|inayokuja))?${E}`, 'gu');
  for (const m of c.folded.matchAll(weekdays)) {
    const target = SW_WEEKDAYS[m[1]!]!;
    c.add({ start: m.index, end: m.index + m[0].length }, addDays(today, (target - weekday(today) + 7) % 7));
  }
}

/** Everything else chrono-node understands: "next Friday", "tomorrow", "in two weeks", "el próximo viernes". */
function chronoDates(c: Collector, ctx: DateContext): void {
  if (!/\d/.test(c.folded) && !re(`${B}(?:${CHRONO_HINT}|${MONTH_PATTERN})${E}`).test(c.folded)) return;
  const parsers = [CHRONO[ctx.language], ctx.language === 'en' ? undefined : CHRONO.en].filter((p): p is chrono.Chrono => !!p);
  const reference = { instant: ctx.now, timezone: offsetMinutes(ctx.timeZone, ctx.now) };
  for (const parser of parsers) {
    // chrono's patterns (`(\W|^)…\s*…`) are quadratic on long runs of spaces, which is what
    // masking leaves behind; it reads the text with each run shortened to one space.
    const collapsed = collapseSpaces(c.original);
    const results = parser.parse(collapsed.text, reference, { forwardDate: true });
    let used = false;
    for (const r of results) {
      const certain = r.start.isCertain('day') || r.start.isCertain('weekday') || r.start.isCertain('month');
      // A bare number ("2"), a time of day ("at 3pm") or "now" (urgency, not a date) is no stay date.
      if (!certain || /^\d{1,2}$/.test(r.text.trim()) || NOW_WORDS.test(r.text.trim())) continue;
      const start = date(r.start.get('year')!, r.start.get('month')!, r.start.get('day')!);
      const end = r.end ? date(r.end.get('year')!, r.end.get('month')!, r.end.get('day')!) : undefined;
      if (!start) continue;
      c.add(collapsed.spanOf(r.index, r.index + r.text.length), start, end && toIso(end) !== toIso(start) ? end : undefined);
      used = true;
    }
    if (used) return;
  }
}

/**
 * Finds dates and ranges in `text`, resolved against the hotel's "today" in its time zone. The
 * plugin's own patterns run first (ranges, numeric dates, month names, weekends, Swahili), each
 * masking what it took; chrono-node reads what remains.
 */
export function extractDates(text: SlotText, ctx: DateContext): DatesFound {
  const today = todayIn(ctx.timeZone, ctx.now);
  const c = new Collector(text);
  dayRanges(c, today);
  numericDates(c, today);
  namedDates(c, today);
  relativeWords(c, today, ctx.language);
  if (ctx.language === 'sw') swahiliWeekdays(c, today);
  chronoDates(c, ctx);
  const mentions = [...c.mentions].sort((a, b) => a.span.start - b.span.start);
  return { mentions, invalid: c.invalid };
}
