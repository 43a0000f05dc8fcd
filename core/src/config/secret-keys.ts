/**
 * Keys whose values are secrets. The same rule drives two guarantees: such values must come
 * from the environment (never written inline in YAML), and they are redacted from logs.
 */
export const SECRET_KEY_PATTERN = /(secret|token|password|passwd|api[-_]?key|auth[-_]?key|private[-_]?key|credential)/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY_PATTERN.test(key);
}

/**
 * Whether the value at a config path is a secret: its own key is a secret key, or it is the
 * `key` field of an entry in a list of secrets (`admin.apiKeys[0].key`, where an entry may also
 * carry non-secret fields such as `hotels` and `role`).
 */
export function isSecretPath(path: readonly PropertyKey[]): boolean {
  const names = path.filter((k): k is string => typeof k === 'string');
  const last = names[names.length - 1];
  if (last === undefined) return false;
  if (isSecretKey(last)) return true;
  const parent = names[names.length - 2];
  return last === 'key' && parent !== undefined && isSecretKey(parent) && typeof path[path.length - 2] === 'number';
}
