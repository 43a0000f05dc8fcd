/**
 * Keys whose values are secrets. The same rule drives two guarantees: such values must come
 * from the environment (never written inline in YAML), and they are redacted from logs.
 */
export const SECRET_KEY_PATTERN = /(secret|token|password|passwd|api[-_]?key|auth[-_]?key|private[-_]?key|credential)/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY_PATTERN.test(key);
}
