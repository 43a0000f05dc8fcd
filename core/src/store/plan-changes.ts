import type { Conversation, ConversationChanges } from './conversation';
import { StoreValidationError } from './conversation-store';
import {
  STORE_LIMITS,
  assertDate,
  assertLanguage,
  assertName,
  assertSafeKey,
  assertText,
  isPlainObject,
  sanitiseValue,
} from './validate-input';

/**
 * A save reduced to field paths to set and to remove. Keys inside paths are validated, so a
 * path splits on `.` unambiguously. MongoDB applies it as `$set`/`$unset`; the memory store
 * applies the very same plan to its objects, which is what keeps the two in step.
 */
export interface ChangePlan {
  readonly set: Record<string, unknown>;
  readonly unset: string[];
}

const CHANGE_FIELDS = new Set<keyof ConversationChanges>([
  'language',
  'flow',
  'slots',
  'replaceSlots',
  'menu',
  'handoff',
  'sentiment',
  'profile',
  'data',
  'lastInboundAt',
]);

const SENTIMENT_LABELS = new Set(['negative', 'neutral', 'positive']);

function fail(message: string): never {
  throw new StoreValidationError(message);
}

/**
 * Validates `changes` against the conversation as loaded and turns them into a plan. Counting
 * keys against the loaded state is exact: a save only applies if the stored version is still
 * the loaded one.
 */
export function planChanges(conversation: Conversation, changes: ConversationChanges): ChangePlan {
  if (!isPlainObject(changes)) fail('changes: expected an object');
  for (const field of Object.keys(changes)) {
    if (!CHANGE_FIELDS.has(field as keyof ConversationChanges)) fail(`changes: unknown field "${field}"`);
  }
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  const clearOr = <T>(path: string, value: T | null | undefined, check: (v: T) => unknown): void => {
    if (value === undefined) return;
    if (value === null) unset.push(path);
    else set[path] = check(value);
  };

  clearOr('language', changes.language, (v) => (assertLanguage(v), v));
  clearOr('flow', changes.flow, (v) => {
    if (!isPlainObject(v)) fail('flow: expected { name, step, plugin, startedAt }');
    assertName(v.name, 'flow.name');
    assertName(v.step, 'flow.step');
    assertName(v.plugin, 'flow.plugin');
    assertDate(v.startedAt, 'flow.startedAt');
    return { name: v.name, step: v.step, plugin: v.plugin, startedAt: new Date(v.startedAt.getTime()) };
  });
  planSlots(conversation, changes, set, unset);
  clearOr('menu', changes.menu, (v) => {
    if (!isPlainObject(v) || !Array.isArray(v.options)) fail('menu: expected { options, expiresAt }');
    if (v.options.length > STORE_LIMITS.menuOptions) fail(`menu.options: more than ${STORE_LIMITS.menuOptions} options`);
    assertDate(v.expiresAt, 'menu.expiresAt');
    const options = v.options.map((o: unknown, i) => {
      if (!isPlainObject(o)) fail(`menu.options[${i}]: expected { id, title }`);
      assertName(o.id, `menu.options[${i}].id`);
      assertText(o.title, `menu.options[${i}].title`);
      return { id: o.id, title: o.title };
    });
    return { options, expiresAt: new Date(v.expiresAt.getTime()) };
  });
  clearOr('handoff', changes.handoff, (v) => {
    if (!isPlainObject(v) || typeof v.active !== 'boolean') fail('handoff: expected { active, since, reason?, until? }');
    assertDate(v.since, 'handoff.since');
    const out: Record<string, unknown> = { active: v.active, since: new Date(v.since.getTime()) };
    if (v.reason !== undefined) {
      assertText(v.reason, 'handoff.reason', STORE_LIMITS.errorMessageLength);
      out.reason = v.reason;
    }
    if (v.until !== undefined) {
      assertDate(v.until, 'handoff.until');
      out.until = new Date(v.until.getTime());
    }
    return out;
  });
  clearOr('sentiment', changes.sentiment, (v) => {
    if (!isPlainObject(v)) fail('sentiment: expected { score, label, updatedAt }');
    if (typeof v.score !== 'number' || !(v.score >= -1 && v.score <= 1)) fail('sentiment.score: expected a number from -1 to 1');
    if (typeof v.label !== 'string' || !SENTIMENT_LABELS.has(v.label)) fail('sentiment.label: expected negative, neutral or positive');
    assertDate(v.updatedAt, 'sentiment.updatedAt');
    return { score: v.score, label: v.label, updatedAt: new Date(v.updatedAt.getTime()) };
  });
  if (changes.profile !== undefined) {
    if (!isPlainObject(changes.profile)) fail('profile: expected { name? }');
    for (const field of Object.keys(changes.profile)) if (field !== 'name') fail(`profile: unknown field "${field}"`);
    clearOr('profile.name', changes.profile.name, (v) => (assertName(v, 'profile.name'), v));
  }
  planData(conversation, changes, set, unset);
  if (changes.lastInboundAt !== undefined) {
    assertDate(changes.lastInboundAt, 'lastInboundAt');
    set.lastInboundAt = new Date(changes.lastInboundAt.getTime());
  }
  return { set, unset };
}

function planSlots(conversation: Conversation, changes: ConversationChanges, set: Record<string, unknown>, unset: string[]): void {
  const { slots, replaceSlots } = changes;
  if (slots !== undefined && !isPlainObject(slots)) fail('slots: expected an object');
  if (replaceSlots !== undefined && !isPlainObject(replaceSlots)) fail('replaceSlots: expected an object');
  if (replaceSlots !== undefined) {
    // One `$set` of the whole object: MongoDB refuses `slots` and `slots.x` in one update.
    const next: Record<string, unknown> = {};
    for (const [key, value] of [...Object.entries(replaceSlots), ...Object.entries(slots ?? {})]) {
      assertSafeKey(key, 'slots');
      if (value === null) delete next[key];
      else if (value !== undefined) next[key] = sanitiseValue(value, `slots.${key}`);
    }
    assertCount(Object.keys(next).length, STORE_LIMITS.slotCount, 'slots');
    set.slots = next;
    return;
  }
  if (slots === undefined) return;
  const keys = new Set(Object.keys(conversation.slots));
  for (const [key, value] of Object.entries(slots)) {
    assertSafeKey(key, 'slots');
    if (value === undefined) continue;
    if (value === null) {
      unset.push(`slots.${key}`);
      keys.delete(key);
    } else {
      set[`slots.${key}`] = sanitiseValue(value, `slots.${key}`);
      keys.add(key);
    }
  }
  assertCount(keys.size, STORE_LIMITS.slotCount, 'slots');
}

function planData(conversation: Conversation, changes: ConversationChanges, set: Record<string, unknown>, unset: string[]): void {
  if (changes.data === undefined) return;
  if (!isPlainObject(changes.data)) fail('data: expected { <plugin>: { <key>: value } }');
  const plugins = new Set(Object.keys(conversation.data));
  for (const [plugin, entries] of Object.entries(changes.data)) {
    assertSafeKey(plugin, 'data');
    if (entries === undefined) continue;
    if (!isPlainObject(entries)) fail(`data.${plugin}: expected an object`);
    const keys = new Set(Object.keys(conversation.data[plugin] ?? {}));
    plugins.add(plugin);
    for (const [key, value] of Object.entries(entries)) {
      assertSafeKey(key, `data.${plugin}`);
      if (value === undefined) continue;
      if (value === null) {
        unset.push(`data.${plugin}.${key}`);
        keys.delete(key);
      } else {
        set[`data.${plugin}.${key}`] = sanitiseValue(value, `data.${plugin}.${key}`, STORE_LIMITS.dataValueBytes);
        keys.add(key);
      }
    }
    assertCount(keys.size, STORE_LIMITS.dataKeysPerPlugin, `data.${plugin}`);
  }
  assertCount(plugins.size, STORE_LIMITS.dataPlugins, 'data');
}

function assertCount(count: number, max: number, where: string): void {
  if (count > max) fail(`${where}: more than ${max} keys`);
}
