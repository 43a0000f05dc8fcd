/** Messages between the fuzz harness (parent) and the bot process (child); see bot-child.ts. */
export type ChildRequest = { readonly type: 'probe'; readonly id: number };

export type ChildReport =
  | { readonly type: 'ready'; readonly port: number }
  | {
      readonly type: 'probe';
      readonly id: number;
      /** Log lines written since the previous probe. */
      readonly lines: number;
      /** The first of those lines, truncated. */
      readonly sample: readonly string[];
      /** Prototype properties that appeared since start-up; empty when clean. */
      readonly polluted: readonly string[];
    };
