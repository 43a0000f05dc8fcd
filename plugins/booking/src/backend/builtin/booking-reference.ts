import { randomInt } from 'node:crypto';

/** No I or O: read aloud or typed by a guest they are mistaken for 1 and 0. */
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** `KMT4821`: three letters and four digits, about 138 million of them per hotel. */
export const BOOKING_REFERENCE = /^[A-HJ-NP-Z]{3}\d{4}$/;

export function newBookingReference(): string {
  let letters = '';
  for (let i = 0; i < 3; i++) letters += LETTERS[randomInt(LETTERS.length)];
  return `${letters}${String(randomInt(10_000)).padStart(4, '0')}`;
}

/** What a guest typed (`kmt 4821`) as a reference, or undefined when it cannot be one. */
export function normalizeBookingReference(text: string): string | undefined {
  const reference = text.replace(/[\s-]/g, '').toUpperCase();
  return BOOKING_REFERENCE.test(reference) ? reference : undefined;
}
