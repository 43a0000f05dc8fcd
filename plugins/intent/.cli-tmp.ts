import { Command } from 'commander';
import { registerIntentCommands } from '../../core/src/cli/intents-commands';
const program = new Command('hotello');
registerIntentCommands(program);
program.parseAsync(process.argv).catch((e) => { console.error(e); process.exit(1); });
