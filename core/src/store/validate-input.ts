import { StoreValidationError } from './conversation-store';
import type { DeliveryState } from '../messaging/inbound';
import type { Conversation, ConversationKey } from './conversation';

/**
 * Bounds on what the store accepts. They keep one guest (or one buggy plugin) from growing a
 * document towards MongoDB's 16 MB limit, and keep the in-memory store honest about the same
 * limits so switching implementations never changes what is accepted.
 */
export const STORE_LIMITS = {
  /** Longest key in `slots`, `data` and nested values. */
  keyLength: 128,
  /** JSON size of one slot value (slots hold what guests typed). */
  valueBytes: 16 * 1024,
  /** JSON size of one `data.<plugin>.<key>` value (plugin state, e.g. a turn's pending replies). */
  dataValueBytes: 64 * 1024,
  /** Nesting depth of a stored value. */
  valueDepth: 32,
  /** Slots per conversation, keys per plugin in `data`, plugins in `data`. */
  slotCount: 100,
  dataKeysPerPlugin: 100,
  dataPlugins: 64,
  /** WhatsApp's own limit for a text body we send; applied to every string in outbound content. */
  textLength: 4096,
  /** JSON size of a whole message content (lists with many rows). */
  contentBytes: 64 * 1024,
  /**
   * Guests are not bound by the 4,096 we may send: WhatsApp lets them type up to 65,536
   * characters, and refusing a long complaint would lose it. This bound keeps a message row
   * far below MongoDB's document limit.
   */
  inboundTextLength: 65_536,
  /** JSON size of an inbound content: room for the longest text in multibyte characters. */
  inboundContentBytes: 256 * 1024,
  /** JSON size of a provider payload kept in the message log. */
  rawBytes: 256 * 1024,
  /** Provider message ids, flow names, error codes and the like. */
  idLength: 256,
  nameLength: 256,
  /** Error messages are truncated, not rejected: losing a failure record would be worse. */
  errorMessageLength: 1024,
  menuOptions: 100,
} as const;

/** The same rule as `hotels[].id` in the config. */
export const HOTEL_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
/** The same rule as `hotels[].channels[].id` in the config, bounded. */
const CHANNEL_ID = /^[a-z0-9-]{1,64}$/;
const E164 = /^\+[1-9]\d{1,14}$/;
/** BCP 47-ish: `en`, `pt-BR`, `zh-Hant`. */
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/;
/** Ids the store hands out (24 hex digits, the ObjectId format in both implementations). */
const STORE_ID = /^[0-9a-f]{24}$/;
/** Outbound rows carry `out:<id>` as provider id until sent, so inbound ids cannot use it. */
export const OUTBOUND_PLACEHOLDER_PREFIX = 'out:';

/** Keys that would reach an object's prototype in JavaScript. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function fail(message: string): never {
  throw new StoreValidationError(message);
}

function preview(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (isDate(value)) return 'a Date';
  return typeof value;
}

export function assertHotelId(hotelId: unknown): asserts hotelId is string {
  if (typeof hotelId !== 'string' || !HOTEL_ID.test(hotelId)) {
    fail(`invalid hotel id ${preview(hotelId)}: expected lowercase letters, digits and dashes`);
  }
}

export function assertChannelId(channelId: unknown): asserts channelId is string {
  if (typeof channelId !== 'string' || !CHANNEL_ID.test(channelId)) {
    fail(`invalid channel id ${preview(channelId)}: expected lowercase letters, digits and dashes`);
  }
}

export function assertGuest(guest: unknown): asserts guest is string {
  if (typeof guest !== 'string' || !E164.test(guest)) fail(`invalid guest number ${preview(guest)}: expected E.164 such as +254700000001`);
}

export function assertConversationKey(key: ConversationKey): void {
  if (typeof key !== 'object' || key === null) fail('expected a conversation key { hotelId, channelId, guest }');
  assertHotelId(key.hotelId);
  assertChannelId(key.channelId);
  assertGuest(key.guest);
}

/** Whether `id` has the shape of an id this store hands out; anything else is simply not found. */
export function isStoreId(id: unknown): id is string {
  return typeof id === 'string' && STORE_ID.test(id);
}

export function assertLanguage(language: unknown): asserts language is string {
  if (typeof language !== 'string' || language.length > 35 || !LANGUAGE.test(language)) {
    fail(`invalid language ${preview(language)}: expected a code such as "en" or "pt-BR"`);
  }
}

export function assertDate(value: unknown, what: string): asserts value is Date {
  if (!isDate(value) || Number.isNaN(value.getTime())) fail(`${what}: expected a valid Date, got ${preview(value)}`);
}

/** A short identifier-like string: non-empty, bounded, no NUL. */
export function assertName(value: unknown, what: string, max: number = STORE_LIMITS.nameLength): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) fail(`${what}: expected a non-empty string, got ${preview(value)}`);
  if (value.length > max) fail(`${what}: longer than ${max} characters`);
  if (value.includes('\0')) fail(`${what}: contains a NUL character`);
}

export function assertText(value: unknown, what: string, max: number = STORE_LIMITS.textLength): asserts value is string {
  if (typeof value !== 'string') fail(`${what}: expected a string, got ${preview(value)}`);
  if (value.length > max) fail(`${what}: longer than ${max} characters`);
}

export function assertProviderMessageId(id: unknown, what = 'provider message id'): asserts id is string {
  assertName(id, what, STORE_LIMITS.idLength);
  if (id.startsWith(OUTBOUND_PLACEHOLDER_PREFIX))
    fail(`${what}: the prefix "${OUTBOUND_PLACEHOLDER_PREFIX}" is reserved for unsent replies`);
}

/**
 * A key that becomes part of a dotted MongoDB path (`slots.<key>`, `data.<plugin>.<key>`) or
 * a property of a plain object in memory. Keys can come from guest text, so anything that
 * could address another path (`.`), be read as an operator (`$where`), truncate a C string
 * (NUL) or reach a prototype (`__proto__`) is refused rather than stored.
 */
export function assertSafeKey(key: string, where: string): void {
  if (key.length === 0) fail(`${where}: empty key`);
  if (key.length > STORE_LIMITS.keyLength) fail(`${where}: key longer than ${STORE_LIMITS.keyLength} characters`);
  if (key.startsWith('$')) fail(`${where}: key ${preview(key)} starts with "$"`);
  if (key.includes('.')) fail(`${where}: key ${preview(key)} contains "."`);
  if (key.includes('\0')) fail(`${where}: key contains a NUL character`);
  if (PROTOTYPE_KEYS.has(key)) fail(`${where}: key ${preview(key)} is not allowed`);
}

/** A `{}` literal or `Object.create(null)`, from any realm (jest runs tests in a VM context); not a class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** A Date from any realm. */
export function isDate(value: unknown): value is Date {
  return value instanceof Date || Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * Returns a deep copy of a value made only of JSON-like data and Dates, so both stores keep
 * exactly the same thing: `undefined` properties are dropped and `undefined` array items
 * become `null` (as JSON would), and anything else (class instances, functions, NaN,
 * unsafe keys, depth or size over the limits) is rejected with the path that failed.
 */
export function sanitiseValue(value: unknown, where: string, maxBytes: number = STORE_LIMITS.valueBytes): unknown {
  const copy = copyValue(value, where, 0);
  const bytes = jsonBytes(copy, where);
  if (bytes > maxBytes) fail(`${where}: ${bytes} bytes as JSON, more than ${maxBytes}`);
  return copy;
}

function copyValue(value: unknown, where: string, depth: number): unknown {
  if (depth > STORE_LIMITS.valueDepth) fail(`${where}: nested deeper than ${STORE_LIMITS.valueDepth} levels`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(`${where}: ${value} is not a finite number`);
    return value;
  }
  if (isDate(value)) {
    assertDate(value, where);
    return new Date(value.getTime());
  }
  if (Array.isArray(value)) return value.map((item, i) => (item === undefined ? null : copyValue(item, `${where}[${i}]`, depth + 1)));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      assertSafeKey(key, where);
      if (item !== undefined) out[key] = copyValue(item, `${where}.${key}`, depth + 1);
    }
    return out;
  }
  return fail(`${where}: unsupported value (${preview(value)}); expected JSON-like data or a Date`);
}

function jsonBytes(value: unknown, where: string): number {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (err) {
    fail(`${where}: not serialisable (${(err as Error).message})`);
  }
  return json === undefined ? 0 : Buffer.byteLength(json, 'utf8');
}

/**
 * Serialises a provider payload for the message log. It is kept as a JSON string because
 * providers' field names are not ours to vet (they may contain `.` or start with `$`), and
 * the log only needs to show it back, never to query inside it.
 */
export function serialiseRaw(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  let json: string | undefined;
  try {
    json = JSON.stringify(raw);
  } catch (err) {
    fail(`raw provider payload: not serialisable (${(err as Error).message})`);
  }
  if (json === undefined) return undefined;
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > STORE_LIMITS.rawBytes) fail(`raw provider payload: ${bytes} bytes as JSON, more than ${STORE_LIMITS.rawBytes}`);
  return json;
}

/** How long each string of a message content may be, and how large the whole. */
export interface ContentLimits {
  readonly textLength: number;
  readonly bytes: number;
}

/** What we send: WhatsApp's limits for a business message. */
export const OUTBOUND_CONTENT_LIMITS: ContentLimits = { textLength: STORE_LIMITS.textLength, bytes: STORE_LIMITS.contentBytes };
/** What guests send: see {@link STORE_LIMITS.inboundTextLength}. */
export const INBOUND_CONTENT_LIMITS: ContentLimits = {
  textLength: STORE_LIMITS.inboundTextLength,
  bytes: STORE_LIMITS.inboundContentBytes,
};

/** Message content: safe keys, every string within the text limit, bounded overall. */
export function sanitiseContent(
  content: unknown,
  where: string,
  kinds: ReadonlySet<string>,
  limits: ContentLimits = OUTBOUND_CONTENT_LIMITS,
): Record<string, unknown> {
  if (!isPlainObject(content)) fail(`${where}: expected an object with a "kind"`);
  if (typeof content.kind !== 'string' || !kinds.has(content.kind)) fail(`${where}: unknown kind ${preview(content.kind)}`);
  assertStringsWithin(content, where, 0, limits.textLength);
  return sanitiseValue(content, where, limits.bytes) as Record<string, unknown>;
}

function assertStringsWithin(value: unknown, where: string, depth: number, max: number): void {
  if (depth > STORE_LIMITS.valueDepth) return; // sanitiseValue reports the depth
  if (typeof value === 'string') {
    if (value.length > max) fail(`${where}: longer than ${max} characters`);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => assertStringsWithin(item, `${where}[${i}]`, depth + 1, max));
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) assertStringsWithin(item, `${where}.${key}`, depth + 1, max);
  }
}

/** Provider error reports are kept even when long: code and message are truncated. */
export function normaliseError(error: unknown, where: string): { code: string; message: string } {
  if (!isPlainObject(error)) fail(`${where}: expected { code, message }`);
  const { code, message } = error;
  if (typeof code !== 'string' || typeof message !== 'string') fail(`${where}: expected string code and message`);
  return {
    code: code.replaceAll('\0', '').slice(0, STORE_LIMITS.idLength),
    message: message.replaceAll('\0', '').slice(0, STORE_LIMITS.errorMessageLength),
  };
}

/** A `limit` argument: a positive integer, capped at `max` so no call reads unbounded data. */
export function clampLimit(limit: unknown, fallback: number, max: number): number {
  if (limit === undefined) return fallback;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) fail(`limit: expected a positive integer, got ${preview(limit)}`);
  return Math.min(limit, max);
}

export function assertPositiveMs(value: unknown, what: string, max = 24 * 60 * 60 * 1000): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max)
    fail(`${what}: expected whole milliseconds between 1 and ${max}`);
}

/** The identity a save is checked against, validated so a forged object cannot widen the match. */
export function savedIdentity(conversation: Conversation): { id: string; hotelId: string; version: number } {
  if (typeof conversation !== 'object' || conversation === null) throw new StoreValidationError('save: expected a loaded conversation');
  assertHotelId(conversation.hotelId);
  const { id, version } = conversation;
  if (typeof id !== 'string') throw new StoreValidationError('save: conversation has no id');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    throw new StoreValidationError('save: conversation has no valid version');
  return { id, hotelId: conversation.hotelId, version };
}

export function assertInboundOutcome(status: unknown): asserts status is 'handled' | 'failed' {
  if (status !== 'handled' && status !== 'failed')
    throw new StoreValidationError(`inbound status: expected "handled" or "failed", got ${String(status)}`);
}

const DELIVERY_STATES: ReadonlySet<unknown> = new Set<DeliveryState>(['sent', 'delivered', 'read', 'failed']);

export function assertDeliveryState(status: unknown): asserts status is DeliveryState {
  if (!DELIVERY_STATES.has(status))
    throw new StoreValidationError(`delivery status: expected sent, delivered, read or failed, got ${String(status)}`);
}

/** Just the key of a conversation, for error reports that should not hold the whole state. */
export function keyOfConversation(c: ConversationKey): ConversationKey {
  return { hotelId: c.hotelId, channelId: c.channelId, guest: c.guest };
}
