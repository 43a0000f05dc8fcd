import type { ChangePlan } from '../plan-changes';

/**
 * Applies a {@link ChangePlan} to a plain document the way MongoDB applies `$set`/`$unset`
 * with dotted paths: missing parents are created on set, missing paths are ignored on unset.
 * Only own properties are followed, so a key like `toString` never reaches a prototype.
 */
export function applyPlan(doc: Record<string, unknown>, plan: ChangePlan): void {
  for (const [path, value] of Object.entries(plan.set)) {
    const parts = path.split('.');
    const last = parts.pop()!;
    let target = doc;
    for (const part of parts) {
      const next = Object.hasOwn(target, part) ? target[part] : undefined;
      if (typeof next !== 'object' || next === null || Array.isArray(next)) target[part] = {};
      target = target[part] as Record<string, unknown>;
    }
    target[last] = value;
  }
  for (const path of plan.unset) {
    const parts = path.split('.');
    const last = parts.pop()!;
    let target: unknown = doc;
    for (const part of parts) {
      target =
        typeof target === 'object' && target !== null && Object.hasOwn(target, part)
          ? (target as Record<string, unknown>)[part]
          : undefined;
    }
    if (typeof target === 'object' && target !== null && Object.hasOwn(target, last)) delete (target as Record<string, unknown>)[last];
  }
}
