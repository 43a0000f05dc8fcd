import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { createBot, createLogger } from '@hotello/core';
import { createCli, runCli } from '@hotello/core/internal';
import { parseLabelled, type EvaluationReport } from '../src/cli/evaluate';
import { registerIntentCommands } from '../src/cli/intents-command';

const CONFIG = path.join(__dirname, 'fixtures', 'intent-hotel.yaml');
const LABELLED = path.join(__dirname, '..', '..', '..', 'test', 'intents', 'labelled.jsonl');

async function run(...args: string[]): Promise<{ out: string[]; err: string[]; exitCode: number }> {
  const out: string[] = [];
  const err: string[] = [];
  // As core's CLI would: the bot is built from the `--config` file before the command runs.
  const config = args[args.indexOf('--config') + 1]!;
  const bot = createBot({ config, logger: createLogger({ level: 'silent' }) });
  const program = new Command('hotello').exitOverride();
  registerIntentCommands(
    program,
    { configFile: config, loadBot: () => bot },
    { output: { out: (l) => out.push(l), err: (l) => err.push(l) } },
  );
  process.exitCode = 0;
  await program.parseAsync(['node', 'hotello', ...args]);
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, exitCode };
}

describe('hotello intents', () => {
  it('lists intents with their plugin, slots and languages', async () => {
    const { out, exitCode } = await run('intents', 'list', '--config', CONFIG);
    expect(exitCode).toBe(0);
    expect(out[0]).toBe('hotel seaside:');
    const book = out.find((l) => l.startsWith('book_room'))!;
    expect(book).toMatch(/intent\s+checkIn, checkOut, nights, adults, children, roomType, budget\s+ar de en es fr it pt sw/);
    expect(out.filter((l) => /^[a-z_]+\s+intent\s/.test(l))).toHaveLength(11);
  });

  it('evaluates the project labelled set: at least 90% per language without the LLM', async () => {
    const { out, exitCode } = await run('intents', 'evaluate', LABELLED, '--config', CONFIG, '--no-llm', '--json', '--min-accuracy', '0.9');
    expect(exitCode).toBe(0);
    const report = JSON.parse(out.join('\n')) as EvaluationReport;
    expect(report.total).toBeGreaterThanOrEqual(8 * 40);
    for (const [language, tally] of Object.entries(report.byLanguage)) {
      expect({ language, ok: tally.accuracy >= 0.9 }).toEqual({ language, ok: true });
      expect(tally.total).toBeGreaterThanOrEqual(40);
    }
    expect(Object.keys(report.byLanguage).sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'it', 'pt', 'sw']);
    expect(report.byLayer.llm).toBeUndefined();
    expect(report.languageDetection!.accuracy).toBeGreaterThan(0.95);
  });

  it('prints a readable report with confusions and deciding layers', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'intents-')), 'mini.jsonl');
    fs.writeFileSync(
      file,
      [
        '# a comment',
        JSON.stringify({ text: 'I want to cancel my booking', intent: 'cancel_booking', lang: 'en' }),
        JSON.stringify({ text: 'hola', intent: 'greeting', lang: 'es' }),
        JSON.stringify({ text: 'is breakfast included', intent: 'complaint' }),
        '',
      ].join('\n'),
    );
    const { out, exitCode } = await run('intents', 'evaluate', file, '--config', CONFIG, '--no-llm', '--min-accuracy', '0.9');
    expect(exitCode).toBe(1);
    expect(out[0]).toBe('hotel seaside: 2/3 correct (66.7%)');
    expect(out).toContain('by deciding layer');
    expect(out.some((l) => /^\s+rules\s+2\s+3\s+66\.7%/.test(l))).toBe(true);
    expect(out).toContain('  complaint → faq_question: 1   e.g. "is breakfast included"');
  });

  it('measures the classifier alone with --no-rules', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'intents-')), 'one.jsonl');
    fs.writeFileSync(file, `${JSON.stringify({ text: 'I want to cancel my booking', intent: 'cancel_booking', lang: 'en' })}\n`);
    const { out } = await run('intents', 'evaluate', file, '--config', CONFIG, '--no-llm', '--no-rules', '--json');
    const report = JSON.parse(out.join('\n')) as EvaluationReport;
    expect(Object.keys(report.byLayer)).toEqual(['classifier']);
  });

  it('names the lines it cannot read', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'intents-')), 'bad.jsonl');
    fs.writeFileSync(file, '{"text":"hi","intent":"greeting"}\n{"text": 3}\nnot json\n');
    const { err, exitCode } = await run('intents', 'evaluate', file, '--config', CONFIG);
    expect(exitCode).toBe(1);
    expect(err.join('\n')).toMatch(
      /bad\.jsonl:2: expected \{"text": string, "intent": string, "lang"\?: string\}\n.*bad\.jsonl:3: not JSON/,
    );
  });

  it('reports an unknown hotel and a broken config', async () => {
    expect((await run('intents', 'list', '--config', CONFIG, '--hotel', 'nowhere')).err).toEqual([
      'unknown hotel "nowhere"; hotels: seaside',
    ]);
    // A broken config never reaches the plugin: core's CLI reports it while looking for plugin commands.
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'intents-')), 'broken.yaml');
    fs.writeFileSync(broken, 'hotels: []\n');
    const err: string[] = [];
    process.exitCode = 0;
    await runCli(['intents', 'list', '--config', broken], { output: { out: () => undefined, err: (l) => err.push(l) } });
    expect(Number(process.exitCode)).toBe(1);
    process.exitCode = 0;
    expect(err.join('\n')).toMatch(/hotels/);
  });

  it('is a command of the hotello CLI wherever the config runs the intent plugin', () => {
    const program = createCli(['intents', 'list', '--config', CONFIG], { program: new Command('hotello').exitOverride() })!;
    const intents = program.commands.find((c) => c.name() === 'intents')!;
    expect(intents.commands.map((c) => c.name())).toEqual(['list', 'evaluate']);
    const without = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'intents-')), 'no-intent.yaml');
    fs.writeFileSync(without, fs.readFileSync(CONFIG, 'utf8').replace(/^plugins:\n\s+- use: .*\n/m, 'plugins: []\n'));
    const plain = createCli(['intents', 'list', '--config', without], { program: new Command('hotello').exitOverride() });
    expect(plain?.commands.some((c) => c.name() === 'intents')).toBe(false);
  });

  it('parses JSON Lines strictly', () => {
    expect(parseLabelled('{"text":"a","intent":"b","lang":"en"}\n\n# x\n{"text":"c","intent":"d"}')).toEqual([
      { text: 'a', intent: 'b', lang: 'en' },
      { text: 'c', intent: 'd' },
    ]);
    expect(() => parseLabelled('{"text":"a"}', 'f.jsonl')).toThrow('f.jsonl:1');
  });
});
