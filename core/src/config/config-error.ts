/** One problem found in a config file: where, what was expected, what was found. */
export interface ConfigIssue {
  /** Path in the file, e.g. `hotels[1].channels[0].appSecret`. Empty for the document root. */
  path: string;
  message: string;
}

/**
 * Thrown when a config file cannot be used. It carries every issue found, not only the first,
 * so an operator fixes the file in one pass.
 */
export class ConfigError extends Error {
  constructor(
    readonly issues: readonly ConfigIssue[],
    readonly source?: string,
  ) {
    super(formatIssues(issues, source));
    this.name = 'ConfigError';
  }
}

export function formatIssues(issues: readonly ConfigIssue[], source?: string): string {
  const head = `${source ? `${source}: ` : ''}${issues.length} config error${issues.length === 1 ? '' : 's'}`;
  return [head, ...issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`)].join('\n');
}

/** Renders a property path the way an operator reads it in YAML: `a.b[2].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function joinPath(prefix: string, suffix: string): string {
  if (!prefix) return suffix;
  if (!suffix) return prefix;
  return suffix.startsWith('[') ? `${prefix}${suffix}` : `${prefix}.${suffix}`;
}
