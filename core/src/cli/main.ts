#!/usr/bin/env node
import { Command } from 'commander';
import { ConfigError } from '../config/config-error';
import { createBot } from '../kernel/kernel';
import { stopOnSignals } from '../kernel/run-until-signal';
import { registerIntentCommands } from './intents-commands';

const DEFAULT_CONFIG = 'config/default.yaml';

const program = new Command('hotello').description('Hotello WhatsApp bot framework for hotels');

program
  .command('validate')
  .description('check a config file and every plugin option in it; lists all problems')
  .argument('[file]', 'config file', DEFAULT_CONFIG)
  .action((file: string) => {
    try {
      const bot = createBot({ config: file });
      console.log(`${file}: OK (${bot.hotels.list().length} hotels, ${bot.plan.plugins.length} plugins)`);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      console.error(err.message);
      process.exitCode = 1;
    }
  });

program
  .command('start')
  .description('run a bot (PORT overrides the configured port)')
  .argument('[file]', 'config file', DEFAULT_CONFIG)
  .action(async (file: string) => {
    let bot;
    try {
      bot = createBot({ config: file });
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      console.error(err.message);
      process.exit(1);
    }
    stopOnSignals(bot);
    await bot.start();
    const port = await bot.listen();
    console.error(`Hotello is running on http://localhost:${port}`);
  });

registerIntentCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
