import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { createCli } from '@hotello/core/internal';

// Core must not know any plugin's internals, so another intent plugin (or none) can replace ours:
// core's source names no plugin package and none of the intent plugin's own types.

const SRC = path.join(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const files = sourceFiles(SRC).map((file) => ({ file: path.relative(SRC, file), text: fs.readFileSync(file, 'utf8') }));

/** The module specifiers a file imports or re-exports from. */
function specifiers(text: string): string[] {
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

describe('core knows no plugin internals', () => {
  it('reads its own source', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('imports no plugin or adapter package, and nothing outside core', () => {
    const offending = files.flatMap(({ file, text }) =>
      specifiers(text)
        .filter(
          (s) => /^@hotello\/(plugin|adapter)-/.test(s) || (s.startsWith('.') && !path.resolve(SRC, path.dirname(file), s).startsWith(SRC)),
        )
        .map((s) => `${file}: ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it.each(['IntentLayer', 'LayeredClassifier', 'ClassifyRequest', 'plugin-intent', 'intents-command'])('never names %s', (name) => {
    expect(files.filter(({ text }) => text.includes(name)).map(({ file }) => file)).toEqual([]);
  });

  it("asks a classifier only what any classifier understands (no layer switches such as 'llm' or 'skip')", () => {
    const contract = files.find(({ file }) => file === path.join('turns', 'intent-classifier.ts'))!.text;
    const classifyInput = /export interface ClassifyInput \{([^}]*)\}/.exec(contract)![1]!;
    const fields = [...classifyInput.matchAll(/readonly (\w+)\??:/g)].map((m) => m[1]);
    expect(fields).toEqual(['hotelId', 'text', 'language', 'menu']);
  });

  it('has no `intents` command of its own: the intent plugin adds it', () => {
    const program = createCli(['validate'], { program: new Command('hotello') })!;
    // `events` is core's own (dead letters of core's event delivery).
    expect(program.commands.map((c) => c.name()).sort()).toEqual(['events', 'start', 'validate']);
  });
});
