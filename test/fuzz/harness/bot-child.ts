/**
 * The bot under fuzz, run as its own process by {@link FuzzBot}. It is a separate process so a
 * payload that blocks the event loop (an endless loop in a parser) shows up as a timed-out
 * request in the test instead of freezing jest itself.
 *
 * Protocol over the IPC channel:
 * - child → parent `{ type: 'ready', port }` once listening;
 * - parent → child `{ type: 'probe', id }`; child waits (bounded) until no turn or reply is in
 *   flight, then answers `{ type: 'probe', id, lines, sample, polluted }`: the log lines written
 *   since the previous probe, the first few of them, and any sign of prototype pollution.
 */
import { createBot, definePlugin, createLogger, type PluginDefinition } from '@hotello/core';
import type { ChildRequest, ChildReport } from './protocol';

const SETTLE_MS = Number(process.env.FUZZ_SETTLE_MS ?? 2_000);
const SAMPLE_LINES = 3;
const SAMPLE_CHARS = 400;

/** Counts the JSON lines pino writes, keeping the first few for failure messages. */
class LineCounter {
  private lines = 0;
  private sample: string[] = [];

  write(chunk: string): void {
    for (const line of chunk.split('\n')) {
      if (line === '') continue;
      this.lines += 1;
      if (this.sample.length < SAMPLE_LINES) this.sample.push(line.slice(0, SAMPLE_CHARS));
    }
  }

  take(): { lines: number; sample: string[] } {
    const taken = { lines: this.lines, sample: this.sample };
    this.lines = 0;
    this.sample = [];
    return taken;
  }
}

// What the prototypes look like before any payload arrived; anything added later is pollution.
const PROTOTYPES: Record<string, object> = {
  'Object.prototype': Object.prototype,
  'Array.prototype': Array.prototype,
  'Function.prototype': Function.prototype,
  'String.prototype': String.prototype,
};
const baseline = new Map(Object.entries(PROTOTYPES).map(([name, proto]) => [name, new Set(Reflect.ownKeys(proto))]));

function pollution(): string[] {
  const found: string[] = [];
  for (const [name, proto] of Object.entries(PROTOTYPES)) {
    for (const key of Reflect.ownKeys(proto)) if (!baseline.get(name)!.has(key)) found.push(`${name}.${String(key)}`);
  }
  // A polluted Object.prototype may also be reached through a getter or a changed prototype chain.
  if (({} as Record<string, unknown>).polluted !== undefined) found.push('({}).polluted');
  if (Object.getPrototypeOf({}) !== Object.prototype) found.push('Object.getPrototypeOf({})');
  return found;
}

/** Answers every guest message, so each case also exercises the adapter's send path against the fake provider. */
const echo = definePlugin({
  name: 'fuzz-echo',
  register(ctx) {
    ctx.turns.use('route', async (turn, next) => {
      turn.reply({ kind: 'text', text: `ack ${turn.text ?? ''}`.slice(0, 1_000) });
      await next();
    });
  },
});

async function main(): Promise<void> {
  const config = JSON.parse(process.env.FUZZ_BOT_CONFIG ?? '{}') as Record<string, unknown>;
  // A source path, not a package name: Node would resolve `@hotello/adapter-…` to its build in
  // dist/, which loads a second, stale @hotello/core whose HttpError the kernel does not know.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the adapter under test is named at run time
  const adapter = (require(process.env.FUZZ_BOT_ADAPTER ?? '') as { default: PluginDefinition }).default;
  const built = Object.keys(require.cache).filter((file) => /\/(core|adapters\/[^/]+|plugins\/[^/]+)\/dist\//.test(file));
  if (built.length > 0) throw new Error(`loaded built code instead of the sources: ${built.slice(0, 3).join(', ')}`);
  const counter = new LineCounter();
  const bot = createBot({
    config,
    // `info` is what operators run with: a payload flooding it floods their logs.
    logger: createLogger({ level: 'info', destination: counter }),
    extraPlugins: [adapter, echo],
  });
  await bot.start();
  const port = await bot.listen(0, '127.0.0.1');
  counter.take(); // start-up lines are not any webhook's

  process.on('message', (request: ChildRequest) => {
    if (request.type !== 'probe') return;
    const settled = Promise.race([bot.pipeline.scheduler.idle(), new Promise((r) => setTimeout(r, SETTLE_MS))]);
    void settled.then(() => {
      const report: ChildReport = { type: 'probe', id: request.id, ...counter.take(), polluted: pollution() };
      process.send?.(report);
    });
  });
  // The parent going away (jest killed, test finished) ends the bot too.
  process.on('disconnect', () => void bot.stop('parent gone').finally(() => process.exit(0)));
  process.send?.({ type: 'ready', port } satisfies ChildReport);
}

main().catch((err: unknown) => {
  process.stderr.write(`fuzz bot failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
