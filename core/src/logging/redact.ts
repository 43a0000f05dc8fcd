import { isSecretKey } from '../config/secret-keys';

/** Phone numbers as they appear in logs: `+254700000001`, `254700000001@c.us`, `whatsapp:+…`. */
const PHONE = /\+?\d[\d\s-]{7,16}\d/g;

/** Keeps the country prefix and the last two digits, enough to tell guests apart in a log. */
export function maskPhone(text: string): string {
  return text.replace(PHONE, (match) => {
    const digits = match.replace(/\D/g, '');
    if (digits.length < 8) return match;
    return `${match.startsWith('+') ? '+' : ''}${digits.slice(0, 3)}…${digits.slice(-2)}`;
  });
}

/**
 * Returns a copy of a log record with secrets replaced and phone numbers masked. Depth and
 * breadth are bounded so logging a huge payload stays cheap.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPhone(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { type: value.name, message: maskPhone(value.message) };
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = isSecretKey(key) || /^authorization$/i.test(key) ? '[redacted]' : redact(v, depth + 1);
  }
  return out;
}
