/** Texts of one namespace: language code → key → template with `{{name}}` placeholders. */
export type Catalog = Readonly<Record<string, Readonly<Record<string, string>>>>;

export type TemplateVars = Readonly<Record<string, string | number | undefined>>;

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

/**
 * Every text a guest reads, per namespace and language. Plugins add their catalogues at
 * register time; a missing translation falls back to the hotel's default language, then to
 * English, so a guest never sees a raw key when any translation exists.
 */
export class MessageCatalog {
  private readonly namespaces = new Map<string, Map<string, Map<string, string>>>();

  add(namespace: string, catalog: Catalog): void {
    const ns = this.namespaces.get(namespace) ?? new Map<string, Map<string, string>>();
    for (const [lang, texts] of Object.entries(catalog)) {
      const table = ns.get(lang) ?? new Map<string, string>();
      for (const [key, text] of Object.entries(texts)) table.set(key, text);
      ns.set(lang, table);
    }
    this.namespaces.set(namespace, ns);
  }

  has(namespace: string, key: string): boolean {
    const ns = this.namespaces.get(namespace);
    return !!ns && [...ns.values()].some((t) => t.has(key));
  }

  /** Languages that have at least one text in any namespace. */
  languages(): string[] {
    const out = new Set<string>();
    for (const ns of this.namespaces.values()) for (const lang of ns.keys()) out.add(lang);
    return [...out];
  }

  /**
   * The text for `key` in the first language that has it, trying `namespace` then the shared
   * `core` namespace. Returns undefined when no language has it.
   */
  lookup(namespace: string, key: string, languages: readonly string[]): string | undefined {
    for (const ns of namespace === 'core' ? ['core'] : [namespace, 'core']) {
      const tables = this.namespaces.get(ns);
      if (!tables) continue;
      for (const lang of [...languages, 'en']) {
        const text = tables.get(lang)?.get(key);
        if (text !== undefined) return text;
      }
    }
    return undefined;
  }

  /** Like {@link lookup} with variables filled in; falls back to the key itself, loudly visible in tests. */
  render(namespace: string, key: string, languages: readonly string[], vars: TemplateVars = {}): string {
    const template = this.lookup(namespace, key, languages) ?? key;
    return template.replace(PLACEHOLDER, (_m, name: string) => {
      const value = vars[name];
      return value === undefined ? '' : String(value);
    });
  }
}
