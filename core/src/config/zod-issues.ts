import type { z } from 'zod';
import { formatPath, joinPath, type ConfigIssue } from './config-error';
import { isSecretPath } from './secret-keys';

/** Describes what was found at a path, so messages read "expected string, found number 42". */
function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** An issue that says only "this option is a different kind of value", not what is wrong inside it. */
const isShapeMismatch = (issue: z.core.$ZodIssue) =>
  issue.path.length === 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_value');

/**
 * A union no option accepted (`admin.apiKeys[i]`: a string or an object) is reported through the
 * one option the value was shaped for, so "key: expected at least 16 characters" is said rather
 * than "Invalid input". When no option fits, the issue stays and names what each option expects.
 */
function flattenUnions(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union') return [issue];
    const fitting = issue.errors.filter((option) => !option.every(isShapeMismatch));
    if (fitting.length !== 1) return [issue];
    return flattenUnions(fitting[0]!.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })));
  });
}

function unionExpectation(issue: z.core.$ZodIssueInvalidUnion): string {
  const kinds = issue.errors.flatMap((option) =>
    option
      .filter(isShapeMismatch)
      .map((inner) =>
        inner.code === 'invalid_value'
          ? inner.values.map((v) => JSON.stringify(v)).join(' or ')
          : inner.code === 'invalid_type'
            ? inner.expected
            : '',
      ),
  );
  return kinds.length > 0 && kinds.every(Boolean) ? `expected ${[...new Set(kinds)].join(' or ')}` : issue.message;
}

function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_union':
      return unionExpectation(issue);
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

/** A secret's value never appears in an error message (terminals and CI logs keep them); only its length does. */
function describeFoundAt(root: unknown, path: readonly PropertyKey[]): string {
  const value = valueAt(root, path);
  if (typeof value === 'string' && isSecretPath(path)) return `a secret of ${value.length} characters`;
  return describeFound(value);
}

/** Converts zod issues into config issues under `prefix`, with what was found at each path. */
export function zodIssuesToConfigIssues(error: z.ZodError, input: unknown, prefix = ''): ConfigIssue[] {
  return flattenUnions(error.issues).map((issue) => {
    const path = issue.path as PropertyKey[];
    const found = issue.code === 'unrecognized_keys' ? '' : `, found ${describeFoundAt(input, path)}`;
    return { path: joinPath(prefix, formatPath(path)), message: `${expectation(issue)}${found}` };
  });
}
