import { STORE_LIMITS } from '../store/validate-input';
import { cutText } from './cut-text';

/**
 * A guest's WhatsApp profile name as the conversation may keep it: trimmed, without NUL, cut at
 * the store's name limit. WhatsApp allows long names and a provider may send anything; a name
 * is a courtesy, so an overlong one is shortened rather than failing the guest's turn.
 */
export function guestProfileName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = cutText(value.replaceAll('\0', '').trim(), STORE_LIMITS.nameLength).trimEnd();
  return name === '' ? undefined : name;
}
