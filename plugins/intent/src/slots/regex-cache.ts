const cache = new Map<string, RegExp>();

/**
 * A compiled regular expression, built once per source and flags. Slot patterns depend on the
 * language (number words), so they are assembled at run time; compiling them on every message
 * cost more than matching them.
 */
export function re(source: string, flags = 'u'): RegExp {
  const key = `${flags}/${source}`;
  let found = cache.get(key);
  if (!found) {
    found = new RegExp(source, flags);
    cache.set(key, found);
  }
  // Global regexes carry state between exec calls; hand out a fresh cursor each time.
  found.lastIndex = 0;
  return found;
}
