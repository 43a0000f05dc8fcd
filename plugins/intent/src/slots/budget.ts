import { re } from './regex-cache';
import { B, E, type Span } from './slot-text';
import type { Budget } from './slot-types';

/** Currency words and symbols (normalised) → ISO 4217. `$` alone is read as US dollars. */
const CURRENCIES: readonly [string, string][] = [
  ['us\\$|usd|\\$|dollars?|dolares|dolar|dollari|dollaro|دولار|دولارات', 'USD'],
  ['€|eur|euros?|يورو', 'EUR'],
  ['£|gbp|pounds?|libras?|sterling|sterline|استرليني', 'GBP'],
  ['tsh|tzs', 'TZS'],
  ['ugx|ush', 'UGX'],
  ['kshs?\\.?|kes|shillings?|shilingi|bob', 'KES'],
  ['r\\$|brl|reais|real', 'BRL'],
  ['aed|dirhams?|درهم|دراهم', 'AED'],
  ['sar|ريال', 'SAR'],
  ['egp|جنيه', 'EGP'],
  ['chf|francs? suisses?|franken', 'CHF'],
  ['zar|rands?', 'ZAR'],
  ['ngn|naira|₦', 'NGN'],
];

const CURRENCY = CURRENCIES.map(([p]) => p).join('|');
/** Thousands grouped by , . ' or a space (never a bare space between two numbers), optional decimals. */
const AMOUNT = "(\\d{1,3}(?:[,.' ]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)";
const PER_NIGHT =
  'per night|a night|/ ?night|each night|por noche|la noche|cada noche|par nuit|la nuit|por noite|a noite|pro nacht|die nacht|je nacht|a notte|per notte|alla notte|kwa usiku|لليله|في الليله';
/** Words that make a bare number a budget; prepositions ("up to", "hadi") are not enough, they also join dates. */
const BUDGET_WORD = 'budget|presupuesto|orcamento|bajeti|ميزانيه|ميزانيتي|max(?:imum|imo)?|massimo|hochstens';

function currencyOf(token: string): string | undefined {
  for (const [pattern, code] of CURRENCIES) if (re(`^(?:${pattern})$`, 'u').test(token.trim())) return code;
  return undefined;
}

/**
 * "5,000" and "5.000" are five thousand, "99.50" and "99,50" are decimals: a separator followed
 * by exactly three digits groups thousands, otherwise it is the decimal point; with both kinds
 * present the last one is the decimal point.
 */
export function parseAmount(raw: string): number | undefined {
  const s = raw.replace(/[\s']/g, '');
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let normalised: string;
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    normalised = s.split(thousands).join('').replace(decimal, '.');
  } else {
    const sep = lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : undefined;
    if (!sep) normalised = s;
    else {
      const parts = s.split(sep);
      const grouping = parts.slice(1).every((p) => p.length === 3);
      normalised = grouping ? parts.join('') : parts.slice(0, -1).join('') + '.' + parts[parts.length - 1];
    }
  }
  const value = Number(normalised);
  return Number.isFinite(value) ? value : undefined;
}

export interface BudgetFound {
  budget?: Budget;
  spans: Span[];
}

/**
 * A budget: an amount with a currency ("under $120", "80 euros por noche", "KES 5,000",
 * "500 درهم"), or after a budget word when the hotel set a default currency.
 */
export function extractBudget(text: string, defaultCurrency?: string): BudgetFound {
  const before = re(`(?<![\\p{L}])(${CURRENCY})\\s?${AMOUNT}`, 'u');
  const after = re(`${B}${AMOUNT}\\s?(${CURRENCY})(?![\\p{L}])`, 'u');
  let amount: number | undefined;
  let currency: string | undefined;
  let span: Span | undefined;
  const m1 = before.exec(text);
  const m2 = after.exec(text);
  if (m1 && (!m2 || m1.index <= m2.index)) {
    amount = parseAmount(m1[2]!);
    currency = currencyOf(m1[1]!);
    span = { start: m1.index, end: m1.index + m1[0].length };
  } else if (m2) {
    amount = parseAmount(m2[1]!);
    currency = currencyOf(m2[2]!);
    span = { start: m2.index, end: m2.index + m2[0].length };
  } else if (defaultCurrency) {
    const m3 = re(`${B}(?:${BUDGET_WORD})\\s*(?:of|is|de|da|von|di|ni|:)?\\s*${AMOUNT}${E}`, 'u').exec(text);
    if (m3) {
      amount = parseAmount(m3[1]!);
      currency = defaultCurrency;
      span = { start: m3.index, end: m3.index + m3[0].length };
    }
  }
  if (amount === undefined || !currency || !span) return { spans: [] };
  const per = re(`${B}(?:${PER_NIGHT})`, 'u').test(text)
    ? 'night'
    : /\b(?:total|in total|en total|au total|insgesamt|in tutto|jumla)\b/.test(text)
      ? 'stay'
      : undefined;
  return { budget: { amount, currency, ...(per ? { per } : {}) }, spans: [span] };
}
