import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The chat page's files, read once at start. They live beside `src/` and `dist/` (in `public/`),
 * so the same lookup works from sources and from the build. A fixed map — no path from the
 * request ever reaches the file system.
 */
const PUBLIC_DIR = path.join(__dirname, '..', 'public');

const FILES = {
  'index.html': 'text/html; charset=utf-8',
  'simulator.css': 'text/css; charset=utf-8',
  'simulator.js': 'text/javascript; charset=utf-8',
} as const;

export type AssetName = keyof typeof FILES;

export interface Asset {
  readonly body: Buffer;
  readonly type: string;
}

export function loadAssets(): ReadonlyMap<string, Asset> {
  return new Map(Object.entries(FILES).map(([name, type]) => [name, { body: readFileSync(path.join(PUBLIC_DIR, name)), type }]));
}
