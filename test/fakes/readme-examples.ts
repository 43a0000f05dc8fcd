import fs from 'node:fs';
import path from 'node:path';

/**
 * README examples that run as written: a section's fenced blocks name their file on their first
 * line (`// plugins/x.ts`, `# config/x.yaml`); a test writes them to a fresh folder at those paths
 * and runs the example's own test file there, so the README cannot drift from what works.
 */

/** A fence's language, as written after the opening backticks. */
export type BlockKind = 'ts' | 'yaml';

/** One fenced block of a README example. */
export interface ExampleBlock {
  /** The path its first line names, relative to the folder the example is written to. */
  readonly file: string;
  /** The block as written, that first line included. */
  readonly code: string;
}

/** One `it(name, fn)` of an example's test file, to run inside the calling test. */
export interface ExampleCase {
  readonly name: string;
  readonly run: () => unknown;
}

const FENCE = '```';
/** `// path` or `# path`, alone on the line; a path has an extension, so a one-word comment is not one. */
const NAMES_FILE = /^(?:\/\/|#) (\S+\.\w+)$/;

/**
 * The fenced blocks (of `kinds`, default ts and yaml) under `## heading` in `readmePath`, up to the
 * next `## ` heading, that name their file on their first line. Blocks that name none — a snippet
 * of an API — are left out. Throws when the README has no such heading, or a fence is not closed.
 */
export function exampleBlocks(
  readmePath: string,
  heading: string,
  { kinds = ['ts', 'yaml'] }: { kinds?: readonly BlockKind[] } = {},
): ExampleBlock[] {
  const lines = fs.readFileSync(readmePath, 'utf8').split(/\r?\n/);
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`${readmePath} has no "## ${heading}" section`);
  const blocks: ExampleBlock[] = [];
  let open: { kind: string; from: number } | undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (open) {
      if (line.trimEnd() !== FENCE) continue;
      const body = lines.slice(open.from, i);
      const file = NAMES_FILE.exec(body[0] ?? '')?.[1];
      if (file && (kinds as readonly string[]).includes(open.kind)) blocks.push({ file, code: `${body.join('\n')}\n` });
      open = undefined;
    } else if (line.startsWith('## ')) {
      break;
    } else if (line.startsWith(FENCE)) {
      open = { kind: line.slice(FENCE.length).trim(), from: i + 1 };
    }
  }
  if (open) throw new Error(`${readmePath}: the code block at line ${open.from} of "## ${heading}" is not closed`);
  return blocks;
}

/** Writes each block to `dir` at the path it names (creating folders), and returns those paths. */
export function writeBlocks(dir: string, blocks: readonly ExampleBlock[]): string[] {
  const root = path.resolve(dir);
  return blocks.map(({ file, code }) => {
    const target = path.resolve(root, file);
    if (!target.startsWith(root + path.sep)) throw new Error(`README example block names a file outside its folder: ${file}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, code);
    return target;
  });
}

/**
 * Loads the test file at `file` (an absolute path) with `it` swapped for a recorder, so its cases
 * come back to run inside the calling test instead of nesting tests in it.
 */
export function collectCases(file: string): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const globals = globalThis as unknown as { it: unknown };
  const realIt = globals.it;
  globals.it = (name: string, run: () => unknown) => cases.push({ name, run });
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the README's test, loaded as written
    require(file);
  } finally {
    globals.it = realIt;
  }
  return cases;
}
