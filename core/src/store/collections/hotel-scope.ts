import type { Doc } from './collection-driver';

/**
 * The one place the hotel scope is applied. Callers' filters cannot name `hotelId` (see
 * `checkFilter`), so adding it as a top-level equality both confines the query and, on an
 * upsert, is what puts `hotelId` into the inserted document on both stores.
 */
export function scopedFilter(filter: Doc, hotelId: string): Doc {
  return { ...filter, hotelId };
}

export function scopedDocument(doc: Doc, hotelId: string): Doc {
  return { ...doc, hotelId };
}
