import type { ConfigIssue } from './config-error';
import { formatPath } from './config-error';

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Replaces `${NAME}` and `${NAME:-default}` in every string of a parsed YAML document.
 * Interpolation happens after parsing so a secret containing YAML syntax cannot change the
 * document's structure. A missing variable without a default is reported as an issue.
 */
export function interpolateEnv(doc: unknown, env: NodeJS.ProcessEnv, issues: ConfigIssue[], path: PropertyKey[] = []): unknown {
  if (typeof doc === 'string') {
    return doc.replace(PLACEHOLDER, (_match, name: string, fallback: string | undefined) => {
      const value = env[name];
      if (value !== undefined && value !== '') return value;
      if (fallback !== undefined) return fallback;
      issues.push({ path: formatPath(path), message: `environment variable ${name} is not set` });
      return '';
    });
  }
  if (Array.isArray(doc)) return doc.map((item, i) => interpolateEnv(item, env, issues, [...path, i]));
  if (doc && typeof doc === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(doc)) out[key] = interpolateEnv(value, env, issues, [...path, key]);
    return out;
  }
  return doc;
}

/** True when a raw string value came from the environment rather than being written inline. */
export function isEnvReference(raw: unknown): boolean {
  return typeof raw === 'string' && /^\s*\$\{[A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?\}\s*$/.test(raw);
}
