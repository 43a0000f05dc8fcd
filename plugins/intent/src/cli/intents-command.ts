import fs from 'node:fs';
import { INTENT_CLASSIFIER, type Command, type Kernel, type PluginCommandContext } from '@hotello/core';
import { LayeredClassifier } from '../classifier/layered-classifier';
import { evaluateIntents, formatReport, parseLabelled, pct, table, type LabelledExample } from './evaluate';

/** Where a command writes: results to `out` (stdout), problems to `err` (stderr). */
export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

export interface IntentCommandOptions {
  readonly output?: CommandOutput;
}

const stdio: CommandOutput = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };

const CONFIG_HELP = 'config file (else HOTELLO_CONFIG, else config/default.yaml)';

interface EvaluateOptions {
  readonly hotel?: string;
  readonly llm: boolean;
  readonly rules: boolean;
  readonly json?: boolean;
  readonly minAccuracy?: number;
}

function fail(output: CommandOutput, message: string): undefined {
  output.err(message);
  process.exitCode = 1;
  return undefined;
}

/** Starts the bot the CLI built (no HTTP port), so the command sees what a running bot would, and stops it after. */
async function withStartedBot(bot: Kernel, run: (bot: Kernel) => Promise<void>): Promise<void> {
  await bot.start();
  try {
    await run(bot);
  } finally {
    await bot.stop('intents command finished');
  }
}

function pickHotel(bot: Kernel, requested: string | undefined, output: CommandOutput): string | undefined {
  const hotels = bot.hotels.list();
  const hotel = requested ? hotels.find((h) => h.id === requested) : hotels[0];
  if (!hotel) return fail(output, `unknown hotel "${requested}"; hotels: ${hotels.map((h) => h.id).join(', ')}`);
  return hotel.id;
}

/**
 * This plugin's classifier as the bot registered it. Evaluation switches layers on and off, which
 * only this plugin's classifier understands; another intent plugin brings its own tools.
 */
function layeredClassifier(bot: Kernel, output: CommandOutput): LayeredClassifier | undefined {
  const classifier = bot.container.isRegistered(INTENT_CLASSIFIER, true) ? bot.container.resolve(INTENT_CLASSIFIER) : undefined;
  if (classifier instanceof LayeredClassifier) return classifier;
  return fail(output, 'the intent classifier in this bot is not @hotello/plugin-intent’s; evaluate measures only that one');
}

/**
 * `hotello intents list` and `hotello intents evaluate`, added through the plugin's `commands`
 * hook, so they exist wherever the config runs this plugin and see exactly its intents.
 */
export function registerIntentCommands(program: Command, ctx: PluginCommandContext, options: IntentCommandOptions = {}): void {
  const output = options.output ?? stdio;
  const intents = program.command('intents').description('inspect and measure intent understanding');

  intents
    .command('list')
    .description('the intents on at a hotel, the plugin that declares each, its slots and languages')
    .option('-c, --config <file>', CONFIG_HELP)
    .option('--hotel <id>', 'hotel (default: the first in the config)')
    .action(async (opts: { hotel?: string }) => {
      await withStartedBot(ctx.loadBot(), async (bot) => {
        const hotelId = pickHotel(bot, opts.hotel, output);
        if (!hotelId) return;
        const rows = [['intent', 'plugin', 'slots', 'languages']];
        for (const def of bot.turns.intents(hotelId).sort((a, b) => a.name.localeCompare(b.name))) {
          rows.push([def.name, def.plugin, def.slots.join(', ') || '-', Object.keys(def.utterances).sort().join(' ')]);
        }
        output.out(`hotel ${hotelId}:`);
        for (const line of table(rows)) output.out(line);
      });
    });

  intents
    .command('evaluate')
    .description(
      'accuracy on a labelled JSONL file ({"text","intent","lang"?} per line): per intent, per language, confusions, deciding layer',
    )
    .argument('<file>', 'labelled examples, JSON Lines')
    .option('-c, --config <file>', CONFIG_HELP)
    .option('--hotel <id>', 'hotel whose intents are used (default: the first in the config)')
    .option('--no-llm', 'leave out the LLM layer (no cost, local layers only)')
    .option('--no-rules', 'leave out the rules layer (measures the local classifier on its own)')
    .option('--json', 'print the report as JSON')
    .option('--min-accuracy <ratio>', 'exit with status 1 when overall accuracy is below this (0..1)', parseFloat)
    .action(async (file: string, opts: EvaluateOptions) => {
      let examples: LabelledExample[];
      try {
        examples = parseLabelled(fs.readFileSync(file, 'utf8'), file);
      } catch (err) {
        fail(output, (err as Error).message);
        return;
      }
      await withStartedBot(ctx.loadBot(), async (bot) => {
        const hotelId = pickHotel(bot, opts.hotel, output);
        const classifier = hotelId ? layeredClassifier(bot, output) : undefined;
        if (!hotelId || !classifier) return;
        const report = await evaluateIntents(classifier, hotelId, examples, { llm: opts.llm, rules: opts.rules });
        if (opts.json) output.out(JSON.stringify(report, null, 2));
        else for (const line of formatReport(report)) output.out(line);
        if (opts.minAccuracy !== undefined && report.accuracy < opts.minAccuracy) {
          fail(output, `accuracy ${pct(report.accuracy)} is below ${pct(opts.minAccuracy)}`);
        }
      });
    });
}
