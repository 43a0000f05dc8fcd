import { preview, type Violation } from './check-delivery';

/**
 * Distinct failures of a survey run (FUZZ_SURVEY=1), each with how often it happened and the
 * smallest body that showed it: the list to hand to whoever fixes the adapter, where a normal
 * run stops at the first failure and shrinks it.
 */
export class FailureCatalog {
  private readonly byKind = new Map<string, { count: number; detail: string; body: string }>();

  add(violations: readonly Violation[], body: string): void {
    for (const v of violations) {
      const seen = this.byKind.get(v.kind);
      if (!seen) this.byKind.set(v.kind, { count: 1, detail: v.detail, body });
      else {
        seen.count += 1;
        if (body.length < seen.body.length) Object.assign(seen, { detail: v.detail, body });
      }
    }
  }

  get size(): number {
    return this.byKind.size;
  }

  report(): string {
    return [...this.byKind]
      .sort(([, a], [, b]) => b.count - a.count)
      .map(([kind, f]) => `- ${kind} ×${f.count}\n    ${f.detail}\n    smallest body: ${preview(f.body)}`)
      .join('\n');
  }
}
