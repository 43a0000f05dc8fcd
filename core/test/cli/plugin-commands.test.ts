import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { configFileFrom } from '../../src/cli/plugin-commands';
import { createCli } from '../../src/cli/program';

const root = path.resolve(__dirname, '..', '..', '..');
const cli = path.join(root, 'core', 'dist', 'cli', 'main.js');
const fixture = path.join(__dirname, '..', 'fixtures', 'plugins', 'with-commands.js');

interface Seen {
  configFile: string;
  opts: Record<string, unknown>;
  hotels?: string[];
  sameBot?: boolean;
}
const seen = () => (globalThis as { __withCommands?: Seen }).__withCommands;

function configFile(text: string, name = 'hotello.yaml'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotello-plugin-cli-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const GOOD = configFile(`
plugins:
  - use: ${fixture}
hotels:
  - { id: seaside, name: Seaside }
  - { id: citylodge, name: City Lodge }
`);

/** Runs the CLI in-process, as `hotello <args>` would, with commander's exits turned into results. */
async function run(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ out: string[]; err: string[]; exitCode: number; error?: CommanderError }> {
  const out: string[] = [];
  const err: string[] = [];
  const program = new Command('hotello').exitOverride().configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s) });
  (globalThis as { __withCommands?: Seen }).__withCommands = undefined;
  process.exitCode = 0;
  let error: CommanderError | undefined;
  try {
    const built = createCli(args, { env, program, output: { out: (l) => out.push(l), err: (l) => err.push(l) } });
    if (built) await built.parseAsync(args, { from: 'user' });
  } catch (caught) {
    if (!(caught instanceof CommanderError)) throw caught;
    error = caught;
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, exitCode, error };
}

describe('plugin CLI commands', () => {
  // The fixture prints for the binary test; in-process runs are checked through what it recorded.
  beforeEach(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('adds the commands of the plugins in the config named by --config, with a bot built from it', async () => {
    const { exitCode } = await run(['arrivals', '--hotel', 'citylodge', '--config', GOOD]);
    expect(exitCode).toBe(0);
    expect(seen()).toEqual({ configFile: GOOD, opts: { hotel: 'citylodge', config: GOOD }, hotels: ['citylodge'], sameBot: true });
  });

  it('finds the config from -c, --config=, HOTELLO_CONFIG, or config/default.yaml', async () => {
    await run(['arrivals', '-c', GOOD]);
    expect(seen()?.hotels).toEqual(['seaside', 'citylodge']);
    await run(['desk', 'report', `--config=${GOOD}`]);
    expect(seen()).toEqual({ configFile: GOOD, opts: { config: GOOD } });
    await run(['arrivals'], { HOTELLO_CONFIG: GOOD });
    expect(seen()?.configFile).toBe(GOOD);

    expect(configFileFrom(['x', '-cother.yaml'], {})).toBe('other.yaml');
    expect(configFileFrom(['x', '--config', 'a.yaml', '-c', 'b.yaml'], { HOTELLO_CONFIG: 'env.yaml' })).toBe('b.yaml');
    expect(configFileFrom(['x', '--', '--config', 'a.yaml'], { HOTELLO_CONFIG: 'env.yaml' })).toBe('env.yaml');
    expect(configFileFrom(['x'], {})).toBe('config/default.yaml');
  });

  it('leaves unknown commands to commander', async () => {
    const { error, err } = await run(['depatures', '--config', GOOD]);
    expect(error?.code).toBe('commander.unknownCommand');
    expect(err.join('')).toMatch(/unknown command 'depatures'/);
  });

  it('prints a broken config and exits 1', async () => {
    const broken = configFile('hotels:\n  - { id: Bad_Id, name: "" }\n');
    const { err, exitCode, error } = await run(['arrivals', '--config', broken]);
    expect(error).toBeUndefined();
    expect(exitCode).toBe(1);
    expect(err[0]).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 2 config errors\\n  - hotels\\[0\\]\\.id`));
    expect(err[1]).toBe(`("arrivals" is not a core command; plugin commands come from ${broken})`);
  });

  it('does not read the config for core commands', async () => {
    const { out, exitCode } = await run(['validate', GOOD], { HOTELLO_CONFIG: '/nonexistent/hotello.yaml' });
    expect(exitCode).toBe(0);
    expect(out).toEqual([`${GOOD}: OK (2 hotels, 1 plugins)`]);
  });

  it('names the plugin whose commands clash with existing ones', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotello-plugin-cli-'));
    fs.writeFileSync(
      path.join(dir, 'clash.js'),
      "module.exports = { name: 'clash', register() {}, commands(program) { program.command('validate'); } };",
    );
    const file = path.join(dir, 'hotello.yaml');
    fs.writeFileSync(file, 'plugins: [ { use: ./clash.js } ]\nhotels: [ { id: seaside, name: Seaside } ]\n');
    const { err, exitCode } = await run(['anything', '--config', file]);
    expect(exitCode).toBe(1);
    expect(err).toEqual(["plugin \"clash\" could not add its commands: cannot add command 'validate' as already have command 'validate'"]);
  });

  it('lists plugin commands in the help when the config loads, and says why not when it does not', async () => {
    const { out } = await run(['--help'], { HOTELLO_CONFIG: GOOD });
    expect(out.join('')).toMatch(/arrivals \[options\]\s+list hotels/);
    const missing = await run(['--help'], { HOTELLO_CONFIG: '/nonexistent/hotello.yaml' });
    expect(missing.out.join('')).toContain('Plugin commands are not listed: /nonexistent/hotello.yaml could not be loaded');
  });

  // The built CLI, exactly as an operator runs it (`npm test` builds first).
  it('runs plugin commands from the hotello binary', () => {
    const ok = spawnSync(process.execPath, [cli, 'arrivals', '--hotel', 'seaside', '-c', GOOD], { encoding: 'utf8' });
    expect({ status: ok.status, stdout: ok.stdout, stderr: ok.stderr }).toEqual({ status: 0, stdout: 'arrivals at seaside\n', stderr: '' });
    const unknown = spawnSync(process.execPath, [cli, 'nope', '-c', GOOD], { encoding: 'utf8' });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/error: unknown command 'nope'/);
    const broken = spawnSync(process.execPath, [cli, 'arrivals'], {
      encoding: 'utf8',
      env: { ...process.env, HOTELLO_CONFIG: '/nonexistent/x.yaml' },
    });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('/nonexistent/x.yaml: 1 config error');
  });
});
