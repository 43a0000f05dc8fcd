import fc from 'fast-check';
import { buildHostile, hostileArb, type Hostile, type JsonValue } from './hostile';

/**
 * One change to a JSON document. `at` picks a node: the index (modulo their count) into the
 * document's nodes in depth-first order, so a mutation stays meaningful whatever the previous
 * ones did, and shrinks towards the first nodes.
 */
export type JsonMutation =
  | { readonly op: 'delete'; readonly at: number }
  | { readonly op: 'replace'; readonly at: number; readonly value: Hostile }
  /** x → [x]: an array where an object or a scalar is expected. */
  | { readonly op: 'wrap-in-array'; readonly at: number }
  /** [a, b] → {"0": a, "1": b} and {k: v} → [v]: the other container where one is expected. */
  | { readonly op: 'swap-container'; readonly at: number }
  /** The same data, other type: 5 ↔ "5", {…} → "{…}". */
  | { readonly op: 'retype'; readonly at: number }
  /** The array element holding the node, repeated: duplicated items and very long batches. */
  | { readonly op: 'duplicate'; readonly at: number; readonly times: number }
  /** A `__proto__` / `constructor` / `prototype` key on the object holding the node. */
  | { readonly op: 'pollute'; readonly at: number; readonly key: PollutionKey };

export type PollutionKey = '__proto__' | 'constructor' | 'prototype';

/** The classic payloads: whichever key a merge or a path-setter walks, it ends at a prototype. */
export const POLLUTION_PAYLOADS: Readonly<Record<PollutionKey, JsonValue>> = {
  __proto__: { polluted: 'yes', toString: 'polluted' },
  constructor: { prototype: { polluted: 'yes' } },
  prototype: { polluted: 'yes' },
};

const at = fc.nat({ max: 10_000 });
export const jsonMutationArb: fc.Arbitrary<JsonMutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at }),
  { weight: 4, arbitrary: fc.record({ op: fc.constant('replace' as const), at, value: hostileArb }) },
  fc.record({ op: fc.constant('wrap-in-array' as const), at }),
  fc.record({ op: fc.constant('swap-container' as const), at }),
  fc.record({ op: fc.constant('retype' as const), at }),
  fc.record({ op: fc.constant('duplicate' as const), at, times: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constantFrom(50, 300)) }),
  fc.record({ op: fc.constant('pollute' as const), at, key: fc.constantFrom<PollutionKey>('__proto__', 'constructor', 'prototype') }),
);

type Container = JsonValue[] | { [key: string]: JsonValue };
type Key = string | number;
type Path = readonly Key[];

/** Nodes deeper than this are not picked: a 5000-level value is one target, not 5000. */
const MAX_PICK_DEPTH = 12;

function isContainer(v: JsonValue | undefined): v is Container {
  return typeof v === 'object' && v !== null;
}

/** Sets own data properties only: assigning `__proto__` would change the object's prototype instead. */
function put(container: Container, key: Key, value: JsonValue): void {
  Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
}

function childKeys(node: Container): Key[] {
  return Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
}

function nodePaths(root: JsonValue): Path[] {
  const out: Path[] = [];
  const walk = (node: JsonValue, path: Path) => {
    if (!isContainer(node) || path.length >= MAX_PICK_DEPTH) return;
    for (const key of childKeys(node)) {
      const child = (node as Record<Key, JsonValue>)[key]!;
      out.push([...path, key]);
      walk(child, [...path, key]);
    }
  };
  walk(root, []);
  return out;
}

function get(root: JsonValue, path: Path): JsonValue | undefined {
  let node: JsonValue | undefined = root;
  for (const key of path) node = isContainer(node) ? (node as Record<Key, JsonValue>)[key] : undefined;
  return node;
}

function retype(v: JsonValue): JsonValue {
  if (typeof v === 'string') return v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v.length;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function swapContainer(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return Object.fromEntries(v.map((item, i) => [String(i), item]));
  if (isContainer(v)) return Object.values(v);
  return { value: v };
}

/**
 * Bodies stay below this: a 400,000-character string repeated 300 times would be past every
 * body limit anyway, and building it would crash the test process before the bot saw it.
 */
const MAX_DOCUMENT_CHARS = 6_000_000;

function copiesWithin(item: JsonValue, wanted: number): number {
  const size = (JSON.stringify(item) ?? '').length + 1;
  return Math.max(0, Math.min(wanted, Math.floor(MAX_DOCUMENT_CHARS / size)));
}

/** Applies one mutation in place; returns the (possibly new) root. */
function applyOne(root: JsonValue, m: JsonMutation): JsonValue {
  const paths = nodePaths(root);
  if (paths.length === 0) return root;
  const path = paths[m.at % paths.length]!;
  const parent = get(root, path.slice(0, -1)) as Container;
  const key = path[path.length - 1]!;
  const node = get(root, path)!;
  switch (m.op) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete (parent as Record<string, JsonValue>)[key];
      break;
    case 'replace':
      put(parent, key, buildHostile(m.value));
      break;
    case 'wrap-in-array':
      put(parent, key, [node]);
      break;
    case 'swap-container':
      put(parent, key, swapContainer(node));
      break;
    case 'retype':
      put(parent, key, retype(node));
      break;
    case 'duplicate': {
      // The innermost array on the path, and the element of it the node sits in.
      for (let depth = path.length - 1; depth >= 0; depth -= 1) {
        const holder = get(root, path.slice(0, depth));
        if (!Array.isArray(holder)) continue;
        const index = path[depth] as number;
        holder.splice(index, 0, ...Array.from({ length: copiesWithin(holder[index]!, m.times) }, () => structuredClone(holder[index]!)));
        break;
      }
      break;
    }
    case 'pollute': {
      const target = isContainer(node) && !Array.isArray(node) ? node : isContainer(parent) && !Array.isArray(parent) ? parent : undefined;
      if (target) put(target, m.key, structuredClone(POLLUTION_PAYLOADS[m.key]));
      break;
    }
  }
  return root;
}

export function applyJsonMutations(base: JsonValue, mutations: readonly JsonMutation[]): JsonValue {
  let doc = structuredClone(base);
  for (const m of mutations) doc = applyOne(doc, m);
  return doc;
}

/** Appends `suffix` to the string values of `keys` anywhere in `doc`: every case gets message ids the inbox has not seen. */
export function freshIds(doc: JsonValue, keys: ReadonlySet<string>, suffix: string): JsonValue {
  if (Array.isArray(doc)) return doc.map((v) => freshIds(v, keys, suffix));
  if (!isContainer(doc)) return doc;
  return Object.fromEntries(
    Object.entries(doc).map(([k, v]) => [k, keys.has(k) && typeof v === 'string' ? `${v}${suffix}` : freshIds(v, keys, suffix)]),
  );
}
