import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ChildReport, ChildRequest } from './protocol';

const root = path.resolve(__dirname, '..', '..', '..');
const CHILD = path.join(__dirname, 'bot-child.ts');
const START_TIMEOUT_MS = 30_000;

export type ProbeReport = Extract<ChildReport, { type: 'probe' }>;

/**
 * A bot in a child process, run from the TypeScript sources (through @swc-node/register, like
 * the benchmarks) so the fuzz suite always tests the adapters as they are in the working tree.
 * When a case hangs or kills it, {@link FuzzBot.restart} gives the next case a fresh one.
 */
export class FuzzBot {
  private child?: ChildProcess;
  private port = 0;
  private nextProbe = 1;
  private readonly stderr: string[] = [];
  /**
   * Set by {@link FuzzBot.stop}. fast-check's time limit abandons a running case without
   * stopping it; should that case restart the bot after the suite ended, the new process would
   * keep jest alive forever.
   */
  private stopped = false;
  /** How often a case left the bot hung or dead and it had to be started again. */
  restarts = 0;

  constructor(
    /** The adapter plugin's source file (its package's src/index.ts). */
    private readonly adapterSource: string,
    private readonly config: Record<string, unknown>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    if (this.stopped) throw new Error('the fuzz bot was stopped');
    const child = spawn(process.execPath, ['-r', '@swc-node/register', '-r', 'reflect-metadata', CHILD], {
      cwd: root,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: path.join(root, 'tsconfig.json'),
        TS_NODE_PROJECT: path.join(root, 'tsconfig.json'),
        FUZZ_BOT_CONFIG: JSON.stringify(this.config),
        FUZZ_BOT_ADAPTER: this.adapterSource,
      },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child = child;
    child.stderr!.on('data', (d: Buffer) => {
      this.stderr.push(String(d));
      if (this.stderr.length > 20) this.stderr.shift();
    });
    this.port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fuzz bot did not start: ${this.stderr.join('')}`)), START_TIMEOUT_MS);
      child.on('message', (m: ChildReport) => {
        if (m.type !== 'ready') return;
        clearTimeout(timer);
        resolve(m.port);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`fuzz bot exited with ${code} while starting: ${this.stderr.join('')}`));
      });
    });
  }

  /** Log lines since the last probe and the pollution check, once the bot has settled; rejects after `timeoutMs`. */
  probe(timeoutMs: number): Promise<ProbeReport> {
    const child = this.child;
    if (!child || !this.alive) return Promise.reject(new Error('the bot process is not running'));
    const id = this.nextProbe++;
    return new Promise<ProbeReport>((resolve, reject) => {
      const done = (error?: Error, report?: ProbeReport) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (error) reject(error);
        else resolve(report!);
      };
      const onMessage = (m: ChildReport) => m.type === 'probe' && m.id === id && done(undefined, m);
      const onExit = (code: number | null, signal: string | null) => done(new Error(`the bot process died (${signal ?? code})`));
      const timer = setTimeout(() => done(new Error(`the bot did not answer a probe within ${timeoutMs} ms`)), timeoutMs);
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ type: 'probe', id } satisfies ChildRequest);
    });
  }

  /** Kills a hung or dead bot and starts a new one on another port. */
  async restart(): Promise<void> {
    this.restarts += 1;
    await this.kill();
    await this.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.kill();
  }

  private async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // SIGKILL: a bot stuck in a loop would never run a graceful stop.
    child.kill('SIGKILL');
    await exited;
  }
}
