import { Types } from 'mongoose';
import { StoreValidationError } from '../conversation-store';
import { isDate, isPlainObject } from '../validate-input';

/**
 * What plugin code may hand to a collection, checked before either store sees it. The lists
 * are the operators both stores (MongoDB through mongoose, mingo in memory) and FerretDB v1
 * give the same meaning; anything else — `$where`, `$expr`, `$function`, unknown operators —
 * is refused rather than sent, so a filter built from guest input can never run code or mean
 * something else on the other store.
 */
const VALUE_OPERATORS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte']);
const LIST_OPERATORS = new Set(['$in', '$nin', '$all']);
const LOGICAL_OPERATORS = new Set(['$and', '$or', '$nor']);
const UPDATE_OPERATORS = new Set(['$set', '$setOnInsert', '$unset', '$inc', '$push', '$addToSet', '$pull', '$pullAll']);

/** Keys that would reach an object's prototype in JavaScript. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;
const MAX_KEY_LENGTH = 256;

function fail(message: string): never {
  throw new StoreValidationError(message);
}

/** A key inside a stored document: no operator, no path separator, no prototype access. */
function assertDocumentKey(key: string, where: string): void {
  if (key.length === 0) fail(`${where}: empty key`);
  if (key.length > MAX_KEY_LENGTH) fail(`${where}: key longer than ${MAX_KEY_LENGTH} characters`);
  if (key.startsWith('$')) fail(`${where}: key "${key}" starts with "$"`);
  if (key.includes('.')) fail(`${where}: key "${key}" contains "."`);
  if (key.includes('\0')) fail(`${where}: key contains a NUL character`);
  if (PROTOTYPE_KEYS.has(key)) fail(`${where}: key "${key}" is not allowed`);
}

/**
 * A dotted field path (`stay.nights`, `items.0.price`). Segments follow the document-key rules,
 * so positional operators (`$`, `$[]`) are refused too: mingo and MongoDB differ on them.
 */
export function assertFieldPath(path: string, where: string): void {
  if (typeof path !== 'string' || path.length === 0) fail(`${where}: empty field path`);
  for (const segment of path.split('.')) assertDocumentKey(segment, `${where} (${path})`);
}

/** Whether a path is `hotelId` or inside it: core's field, never the caller's. */
function namesHotelId(path: string): boolean {
  return path === 'hotelId' || path.startsWith('hotelId.');
}

/** A value stored or compared: JSON-like data, Dates and ObjectIds, with safe keys all the way down. */
export function assertValue(value: unknown, where: string, depth = 0): void {
  if (depth > MAX_DEPTH) fail(`${where}: nested deeper than ${MAX_DEPTH} levels`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(`${where}: ${value} is not a finite number`);
    return;
  }
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) fail(`${where}: invalid Date`);
    return;
  }
  if (value instanceof Types.ObjectId) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertValue(item, `${where}[${i}]`, depth + 1));
    return;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      assertDocumentKey(key, where);
      if (item !== undefined) assertValue(item, `${where}.${key}`, depth + 1);
    }
    return;
  }
  fail(`${where}: unsupported value (${typeof value}); expected JSON-like data, a Date or an ObjectId`);
}

/** A document to insert. `hotelId` may be given only as the scope's own. */
export function checkDocument(doc: unknown, hotelId: string, where: string): Record<string, unknown> {
  if (!isPlainObject(doc)) fail(`${where}: expected a plain object`);
  assertValue(doc, where);
  if (doc.hotelId !== undefined && doc.hotelId !== hotelId) fail(`${where}: hotelId is set by core and must be "${hotelId}" here`);
  return doc;
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'));
}

/** The condition on one field: a value (equality) or an object of operators. */
function checkCondition(condition: unknown, where: string, depth: number): void {
  if (depth > MAX_DEPTH) fail(`${where}: nested deeper than ${MAX_DEPTH} levels`);
  if (condition instanceof RegExp) return;
  if (!isOperatorObject(condition)) return assertValue(condition, where, depth);
  for (const [op, arg] of Object.entries(condition)) {
    const at = `${where}.${op}`;
    if (VALUE_OPERATORS.has(op)) assertValue(arg, at, depth + 1);
    else if (LIST_OPERATORS.has(op)) {
      if (!Array.isArray(arg)) fail(`${at}: expected an array`);
      arg.forEach((item, i) => (item instanceof RegExp ? undefined : assertValue(item, `${at}[${i}]`, depth + 1)));
    } else if (op === '$exists') {
      if (typeof arg !== 'boolean') fail(`${at}: expected true or false`);
    } else if (op === '$size') {
      if (typeof arg !== 'number' || !Number.isInteger(arg) || arg < 0) fail(`${at}: expected a whole number`);
    } else if (op === '$regex') {
      if (typeof arg !== 'string' && !(arg instanceof RegExp)) fail(`${at}: expected a string or RegExp`);
    } else if (op === '$options') {
      if (typeof arg !== 'string' || !/^[imsx]*$/.test(arg)) fail(`${at}: expected regex flags (i, m, s, x)`);
    } else if (op === '$not') {
      if (!(arg instanceof RegExp) && !isOperatorObject(arg)) fail(`${at}: expected operators or a RegExp`);
      checkCondition(arg, at, depth + 1);
    } else if (op === '$elemMatch') {
      // FerretDB v1 knows only the operator form ({ $gte: 1, $lt: 5 }); field conditions on
      // array items ({ item: 'bed' }) fail there, so they are refused on every store.
      if (!isOperatorObject(arg))
        fail(`${at}: expected operators on the items ({ $gte: 1 }); match sub-document fields with "array.field" paths`);
      checkCondition(arg, at, depth + 1);
    } else if (op.startsWith('$')) fail(`${at}: unsupported query operator ${op}`);
    else fail(`${where}: mixes operators and fields ("${op}")`);
  }
}

/**
 * A filter. It may not name `hotelId`: core adds the scope itself, and refusing a caller's own (even an equal one) keeps a filter written for
 * one hotel from ever being widened, e.g. by `{ hotelId: { $ne: 'x' } }` inside an `$or`.
 */
export function checkFilter(filter: unknown, where: string, depth = 0): Record<string, unknown> {
  if (filter === undefined) return {};
  if (!isPlainObject(filter)) fail(`${where}: expected a plain object`);
  if (depth > MAX_DEPTH) fail(`${where}: nested deeper than ${MAX_DEPTH} levels`);
  for (const [key, condition] of Object.entries(filter)) {
    if (condition === undefined) fail(`${where}.${key}: undefined (leave the key out, or use null)`);
    if (LOGICAL_OPERATORS.has(key)) {
      if (!Array.isArray(condition) || condition.length === 0) fail(`${where}.${key}: expected a non-empty array of filters`);
      condition.forEach((sub, i) => checkFilter(sub, `${where}.${key}[${i}]`, depth + 1));
    } else if (key.startsWith('$')) fail(`${where}: unsupported query operator ${key}`);
    else {
      assertFieldPath(key, where);
      if (namesHotelId(key)) fail(`${where}: hotelId is set by core; filters may not name it`);
      checkCondition(condition, `${where}.${key}`, depth + 1);
    }
  }
  return filter;
}

function checkArrayItems(op: string, arg: unknown, where: string): void {
  if (!isOperatorObject(arg)) return assertValue(arg, where);
  const keys = Object.keys(arg);
  if (keys.length !== 1 || keys[0] !== '$each')
    fail(`${where}: ${op} takes a value or { $each: [...] } only (no $slice, $sort or $position: FerretDB v1 ignores $slice)`);
  if (!Array.isArray(arg.$each)) fail(`${where}.$each: expected an array`);
  assertValue(arg.$each, `${where}.$each`);
}

/**
 * What `$pull`/`$pullAll` remove: items equal to a plain value. FerretDB v1 ignores conditions
 * (`{ $in: [...] }`, `{ $gte: 5 }`) and matches sub-documents only whole, where MongoDB and
 * mingo match them field by field, so neither is accepted: list values with `$pullAll`, and
 * rewrite an array of sub-documents with `$set`.
 */
function checkPulled(value: unknown, where: string): void {
  if (isPlainObject(value) || Array.isArray(value))
    fail(`${where}: $pull and $pullAll remove items equal to a plain value (no conditions or sub-documents: FerretDB v1 differs)`);
  assertValue(value, where);
}

/** Paths written by one update, to find two operators touching the same field (MongoDB refuses those). */
function assertNoConflicts(paths: readonly string[], where: string): void {
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    if (a === b || b.startsWith(`${a}.`)) fail(`${where}: "${a}" and "${b}" are updated by more than one operator`);
  }
}

/** An update document: operators only, known ones, never touching `hotelId` (nor `_id` outside `$setOnInsert`). */
export function checkUpdate(update: unknown, where: string): Record<string, Record<string, unknown>> {
  if (!isPlainObject(update)) fail(`${where}: expected an object of update operators`);
  const entries = Object.entries(update);
  if (entries.length === 0) fail(`${where}: nothing to update`);
  const paths: string[] = [];
  for (const [op, fields] of entries) {
    if (!op.startsWith('$')) fail(`${where}: "${op}" is not an operator; replace fields with $set`);
    if (!UPDATE_OPERATORS.has(op)) fail(`${where}: unsupported update operator ${op}`);
    if (!isPlainObject(fields) || Object.keys(fields).length === 0) fail(`${where}.${op}: expected an object with at least one field`);
    for (const [path, arg] of Object.entries(fields)) {
      const at = `${where}.${op}.${path}`;
      assertFieldPath(path, `${where}.${op}`);
      if (namesHotelId(path)) fail(`${where}.${op}: hotelId is set by core; updates may not change it`);
      if ((path === '_id' || path.startsWith('_id.')) && op !== '$setOnInsert') fail(`${where}.${op}: _id cannot be changed`);
      if (arg === undefined) fail(`${at}: undefined`);
      if (op === '$inc') {
        if (typeof arg !== 'number' || !Number.isFinite(arg)) fail(`${at}: $inc takes a finite number`);
      } else if (op === '$push' || op === '$addToSet') checkArrayItems(op, arg, at);
      else if (op === '$pull') checkPulled(arg, at);
      else if (op === '$pullAll') {
        if (!Array.isArray(arg)) fail(`${at}: $pullAll takes an array of values`);
        arg.forEach((item, i) => checkPulled(item, `${at}[${i}]`));
      } else if (op !== '$unset') assertValue(arg, at);
      paths.push(path);
    }
  }
  assertNoConflicts(paths, where);
  return update as Record<string, Record<string, unknown>>;
}

export function checkProjection(projection: unknown, where: string): Record<string, 0 | 1> | undefined {
  if (projection === undefined) return undefined;
  if (!isPlainObject(projection) || Object.keys(projection).length === 0) fail(`${where}: expected a non-empty object`);
  const out: Record<string, 0 | 1> = {};
  for (const [path, flag] of Object.entries(projection)) {
    assertFieldPath(path, where);
    if (flag !== 0 && flag !== 1 && typeof flag !== 'boolean') fail(`${where}.${path}: expected 0 or 1`);
    out[path] = flag === 1 || flag === true ? 1 : 0;
  }
  const kinds = new Set(
    Object.entries(out)
      .filter(([path]) => path !== '_id')
      .map(([, flag]) => flag),
  );
  if (kinds.size > 1) fail(`${where}: cannot mix included and excluded fields (except _id: 0)`);
  return out;
}

export function checkSort(sort: unknown, where: string): Record<string, 1 | -1> | undefined {
  if (sort === undefined) return undefined;
  if (!isPlainObject(sort) || Object.keys(sort).length === 0) fail(`${where}: expected a non-empty object`);
  for (const [path, order] of Object.entries(sort)) {
    assertFieldPath(path, where);
    if (order !== 1 && order !== -1) fail(`${where}.${path}: expected 1 or -1`);
  }
  return sort as Record<string, 1 | -1>;
}

export function checkCount(value: unknown, where: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) fail(`${where}: expected a whole number ≥ ${min}`);
  return value;
}
