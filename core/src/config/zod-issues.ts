import type { z } from 'zod';
import { formatPath, joinPath, type ConfigIssue } from './config-error';
import { isSecretKey } from './secret-keys';

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

function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
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
  const lastKey = [...path].reverse().find((key): key is string => typeof key === 'string');
  if (typeof value === 'string' && lastKey !== undefined && isSecretKey(lastKey)) return `a secret of ${value.length} characters`;
  return describeFound(value);
}

/** Converts zod issues into config issues under `prefix`, with what was found at each path. */
export function zodIssuesToConfigIssues(error: z.ZodError, input: unknown, prefix = ''): ConfigIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path as PropertyKey[];
    const found = issue.code === 'unrecognized_keys' ? '' : `, found ${describeFoundAt(input, path)}`;
    return { path: joinPath(prefix, formatPath(path)), message: `${expectation(issue)}${found}` };
  });
}
