import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a presented secret with a configured one in constant time. Both are hashed first so
 * neither the comparison nor an early length check reveals how much of a guess was right.
 */
export function sameSecret(presented: string, expected: string): boolean {
  return timingSafeEqual(createHash('sha256').update(presented).digest(), createHash('sha256').update(expected).digest());
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}
