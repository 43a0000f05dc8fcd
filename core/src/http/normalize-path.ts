/** Enough passes to undo any encoding a client could reasonably stack (`%2561` → `%61` → `a`). */
const MAX_DECODE_PASSES = 4;

const PERCENT_ESCAPE = /%([0-9a-f]{2})/gi;

/**
 * Percent-decodes every `%XX` escape, one byte to one character. Unlike decodeURIComponent it
 * never throws on a malformed sequence, and any ASCII letter, dot or slash an escape hides is
 * revealed, which is all a path classification needs.
 */
function decodeEscapes(path: string): string {
  let current = path;
  for (let pass = 0; pass < MAX_DECODE_PASSES; pass++) {
    const next = current.replace(PERCENT_ESCAPE, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (next === current) return current;
    current = next;
  }
  return current;
}

/**
 * The path a request could be taken to mean by any router, proxy or framework that is lenient
 * about spelling: escapes decoded, lowercase, `\` read as `/`, empty and `.` segments dropped,
 * `..` resolved (never above the root), no trailing slash. `/%41DMIN//x/../Hotels/` → `/admin/hotels`.
 * Use it to classify a request, never to route it.
 */
export function normalizeRequestPath(path: string): string {
  const segments: string[] = [];
  for (const segment of decodeEscapes(path).replace(/\\/g, '/').toLowerCase().split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join('/')}`;
}
