import type { LlmInput } from './llm-types';
import type { ModelMessages } from './model-factory';

const ROLES = { system: 'system', user: 'human', assistant: 'ai' } as const;

/** A prompt or messages as langchain takes them, without loading its message classes. */
export function toModelMessages(input: LlmInput): ModelMessages {
  if (typeof input === 'string') return [['human', input]];
  return input.map((m) => [ROLES[m.role], m.content] as const);
}

/** All the text of the input, for estimating tokens the provider did not report. */
export function inputText(input: LlmInput): string {
  return typeof input === 'string' ? input : input.map((m) => m.content).join('\n');
}

/** The text of an AI message's content: a string, or the text blocks of a list of blocks. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((block: unknown) => {
      if (typeof block === 'string') return block;
      const b = block as { type?: unknown; text?: unknown };
      return b.type === 'text' && typeof b.text === 'string' ? b.text : '';
    })
    .join('');
}
