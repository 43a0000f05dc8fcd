import fc from 'fast-check';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * A value a provider should never send, described rather than built: fast-check prints and
 * shrinks the description ("5000 levels of arrays"), and {@link buildHostile} makes the value
 * only when a case is sent.
 */
export type Hostile =
  | { readonly literal: JsonValue }
  /** A number token JSON.stringify cannot write (it would print null or 0): sent verbatim. */
  | { readonly raw: string }
  | { readonly deep: number; readonly shape: 'array' | 'object' }
  | { readonly repeat: string; readonly times: number };

const NUMBERS = [1e308, -1e308, -1, 0, 1e7, 2 ** 53 + 1, -(2 ** 31), 5e-324, 0.5, 1739321024000];
const NUMBER_STRINGS = ['NaN', 'Infinity', '-Infinity', '1e308', '1e999', '1e7', '-1', '0x1F', ' 42 ', '', '00000000001', '1,5'];
/** Lone surrogates, zero-width and bidi controls, NUL, BOM, combining marks, line separators. */
const UNICODE = [
  '\uD800',
  '\uDFFF',
  'ok\uD83D',
  '\u200B',
  '\u200E\u200F',
  '\u202Eevil\u202C',
  '\u0000',
  'nul\u0000inside',
  '\uFEFFbom',
  'e\u0301\u0301\u0301',
  '\u2028\u2029\u0085',
  '\uFFFF\uFFFE',
  '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}',
  'مرحبا\u200F',
  '%00%s%n{{7*7}}${x}',
];
const SHAPES: JsonValue[] = [null, true, false, {}, [], [null], [{}], { '': '' }, [[]]];
const RAW_NUMBERS = ['1e999', '-1e999', '-0', '1e-400', '123456789012345678901234567890'];

/** Any single UTF-16 code unit, lone surrogates included (fast-check's own units avoid them). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

export const hostileArb: fc.Arbitrary<Hostile> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<JsonValue>(...NUMBERS, ...NUMBER_STRINGS, ...SHAPES).map((literal) => ({ literal })) },
  { weight: 3, arbitrary: fc.constantFrom(...UNICODE).map((literal) => ({ literal })) },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_NUMBERS).map((raw) => ({ raw })) },
  {
    weight: 1,
    arbitrary: fc.record({ deep: fc.constantFrom(100, 1_000, 5_000), shape: fc.constantFrom<'array' | 'object'>('array', 'object') }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      repeat: fc.constantFrom('x', 'é', '\u{1F3E8}', '\u0000', 'a,'),
      times: fc.constantFrom(1_000, 100_000, 400_000),
    }),
  },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 40 }).map((literal) => ({ literal })) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((literal) => ({ literal: literal as JsonValue })) },
);

/**
 * Marks where verbatim JSON text goes; replaced in the serialised body by {@link spliceRawJson}.
 * Deep nesting travels this way too: JSON.stringify recurses and overflows jest's stack at depths
 * a parser must still survive.
 */
const RAW_MARK = (token: string) => `@@raw:${token}@@`;

function rawJson(token: string): string {
  const deep = /^deep-(array|object)-(\d+)$/.exec(token);
  if (!deep) return token;
  const depth = Number(deep[2]);
  return deep[1] === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}{}${'}'.repeat(depth)}`;
}

export function buildHostile(h: Hostile): JsonValue {
  if ('literal' in h) return structuredClone(h.literal);
  if ('raw' in h) return RAW_MARK(h.raw);
  if ('repeat' in h) return h.repeat.repeat(h.times);
  return RAW_MARK(`deep-${h.shape}-${h.deep}`);
}

/** The same value as form text (Twilio posts strings only). */
export function hostileText(h: Hostile): string {
  if ('raw' in h) return h.raw;
  if ('deep' in h) return rawJson(`deep-${h.shape}-${h.deep}`);
  const value = buildHostile(h);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Puts verbatim JSON where {@link buildHostile} left marks, after serialisation. */
export function spliceRawJson(json: string): string {
  return json.replace(/"@@raw:([^"@]+)@@"/g, (_, token: string) => rawJson(token));
}
