import fc from 'fast-check';
import { hostileArb, hostileText, type Hostile } from './hostile';

/**
 * One change to a form-encoded webhook (Twilio): values are strings, so "wrong types" become
 * wrong-looking strings, and structure becomes extra, missing or repeated parameters.
 * `at` picks a parameter by index (modulo their count), like the JSON mutations.
 */
export type FormMutation =
  | { readonly op: 'delete'; readonly at: number }
  | { readonly op: 'replace'; readonly at: number; readonly value: Hostile }
  | { readonly op: 'add'; readonly key: string; readonly value: Hostile }
  /** NumMedia = n with n MediaUrl/MediaContentType pairs: the longest batch a Twilio webhook carries. */
  | { readonly op: 'many-media'; readonly count: number };

/** Names an adapter may look up by building them (MediaUrl<n>) or that live on every object. */
const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'NumMedia',
  'MediaUrl1',
  'MediaUrl9999',
  'MessageStatus',
  'ErrorCode',
  'Latitude',
  'ButtonPayload',
  '',
];

const at = fc.nat({ max: 10_000 });
export const formMutationArb: fc.Arbitrary<FormMutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at }),
  { weight: 4, arbitrary: fc.record({ op: fc.constant('replace' as const), at, value: hostileArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('add' as const),
      key: fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 12 })),
      value: hostileArb,
    }),
  },
  fc.record({ op: fc.constant('many-media' as const), count: fc.constantFrom(2, 10, 100, 300) }),
);

/** Own data properties only, so a `__proto__` parameter is a parameter and not a prototype change. */
function put(params: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(params, key, { value, enumerable: true, writable: true, configurable: true });
}

export function applyFormMutations(base: Readonly<Record<string, string>>, mutations: readonly FormMutation[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) put(params, k, v);
  for (const m of mutations) {
    const keys = Object.keys(params);
    switch (m.op) {
      case 'delete':
        if (keys.length > 0) delete params[keys[m.at % keys.length]!];
        break;
      case 'replace':
        if (keys.length > 0) put(params, keys[m.at % keys.length]!, hostileText(m.value));
        break;
      case 'add':
        put(params, m.key, hostileText(m.value));
        break;
      case 'many-media':
        put(params, 'NumMedia', String(m.count));
        for (let i = 0; i < m.count; i += 1) {
          put(params, `MediaUrl${i}`, `https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM/Media/ME${i}`);
          put(params, `MediaContentType${i}`, 'image/jpeg');
        }
        break;
    }
  }
  return params;
}
