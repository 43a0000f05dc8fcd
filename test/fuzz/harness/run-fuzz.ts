import path from 'node:path';
import fc from 'fast-check';
import type { FakeHttpServer } from '../../fakes/fake-http-server';
import { checkDelivery, preview, sendWebhook, type Delivery, type WebhookRequest } from './check-delivery';
import { FailureCatalog } from './failure-catalog';
import { FuzzBot } from './fuzz-bot';
import { fuzzSettings } from './settings';
import { RunStats } from './run-stats';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** What a provider's suite supplies; everything else (bot, checks, seed, reporting) is shared. */
export interface ProviderSpec<Base, Mutation> {
  /** The adapter's channel type and folder under adapters/, e.g. `cloud-api`. */
  readonly name: string;
  /** The local provider API the bot's replies go to. */
  startFake(): Promise<FakeHttpServer>;
  /** The bot's config, sending to `fakeUrl`. */
  config(fakeUrl: string): Record<string, unknown>;
  /** Documented example deliveries the mutations start from; each must be accepted unmutated. */
  readonly bases: readonly Base[];
  readonly mutation: fc.Arbitrary<Mutation>;
  /** The mutated delivery as the provider would send it, signed; `nonce` makes its message ids new. */
  request(base: Base, mutations: readonly Mutation[], nonce: string): WebhookRequest;
}

interface FuzzCase<Mutation> {
  readonly base: number;
  readonly mutations: readonly Mutation[];
}

/**
 * fast-check shrinks a list by dropping items from its front, so a needless mutation after the
 * one that matters survives shrinking; dropping each in turn, while the case still fails, finds it.
 */
async function withoutRedundantMutations<Mutation>(
  failing: FuzzCase<Mutation>,
  run: (c: FuzzCase<Mutation>) => Promise<string | undefined>,
): Promise<{ case: FuzzCase<Mutation>; failure: string } | undefined> {
  let current = failing;
  let failure = await run(current);
  if (!failure) return undefined; // not reproducible on its own (timing): fast-check's report stands
  for (let i = current.mutations.length - 1; i >= 0 && current.mutations.length > 1; i -= 1) {
    const candidate = { ...current, mutations: current.mutations.filter((_, j) => j !== i) };
    const again = await run(candidate);
    if (again) [current, failure] = [candidate, again];
  }
  return { case: current, failure };
}

/**
 * Defines a provider's fuzz suite: one bot process, warmed up with the unmutated examples,
 * then `FUZZ_RUNS` mutated, correctly signed deliveries, each checked by {@link checkDelivery}.
 */
export function describeFuzz<Base, Mutation>(spec: ProviderSpec<Base, Mutation>): void {
  const settings = fuzzSettings();
  let fake: FakeHttpServer;
  let bot: FuzzBot;
  let nonce = 0;
  const delivery = (c: FuzzCase<Mutation>): Delivery => ({
    build: () => spec.request(spec.bases[c.base]!, c.mutations, `.fz${(nonce += 1)}`),
  });

  /** Valid deliveries first and unmeasured: a cold bot's first answers are slow for reasons no payload caused. */
  async function warmUp(): Promise<void> {
    for (let i = 0; i < settings.warmup; i += 1) {
      const request = spec.request(spec.bases[i % spec.bases.length]!, [], `.warm${(nonce += 1)}`);
      const { status } = await sendWebhook(bot, request, settings.hangMs * 10);
      if (status < 200 || status > 299)
        throw new Error(`the unmutated example #${i % spec.bases.length} was answered ${status}: is the harness signing it right?`);
    }
    await bot.probe(settings.hangMs * 10);
  }

  describe(`${spec.name} webhook fuzz`, () => {
    beforeAll(async () => {
      process.stdout.write(
        `[fuzz ${spec.name}] seed=${settings.seed} runs=${settings.numRuns} — replay with FUZZ_SEED=${settings.seed} npx jest test/fuzz/${spec.name}\n`,
      );
      fake = await spec.startFake();
      bot = new FuzzBot(path.join(ROOT, 'adapters', spec.name, 'src', 'index.ts'), spec.config(fake.url));
      await bot.start();
      await warmUp();
    }, 60_000);

    afterAll(async () => {
      await bot?.stop();
      await fake?.close();
    });

    it(
      `survives ${settings.numRuns} mutated, signed deliveries: no 5xx, answers within ${settings.budgetMs} ms, ≤ ${settings.maxLogLines} log lines each, healthy, no prototype pollution`,
      async () => {
        const stats = new RunStats();
        const catalog = new FailureCatalog();
        const cases = fc.record({
          base: fc.nat({ max: spec.bases.length - 1 }),
          mutations: fc.array(spec.mutation, { minLength: 1, maxLength: 4 }),
        });
        /** Runs one case; the violations' details, or undefined when it passed. */
        const run = async (c: FuzzCase<Mutation>): Promise<string | undefined> => {
          fake.reset(); // the fake keeps every request; nothing reads them here
          const outcome = await checkDelivery(bot, delivery(c), settings, stats);
          if (outcome.restartNeeded) {
            await bot.restart();
            await warmUp();
          }
          if (outcome.violations.length === 0) return undefined;
          if (settings.survey) catalog.add(outcome.violations, outcome.body);
          return `${outcome.violations.map((v) => v.detail).join('\n')}\nbody: ${preview(outcome.body)}`;
        };
        const property = fc.asyncProperty(cases, async (c) => {
          const failure = await run(c);
          if (failure && !settings.survey) throw new Error(failure);
        });
        let details: fc.RunDetails<unknown>;
        try {
          details = await fc.check(property, {
            seed: settings.seed,
            numRuns: settings.numRuns,
            ...(settings.path ? { path: settings.path } : {}),
            plugins: [fc.interruptAfterTimeLimit(settings.timeLimitMs, { failOnInterrupt: true })],
          });
        } finally {
          process.stdout.write(`[fuzz ${spec.name}] seed=${settings.seed} ${stats.summary()} restarts=${bot.restarts}\n`);
        }
        if (catalog.size > 0) throw new Error(`${catalog.size} distinct failures (seed ${settings.seed}):\n${catalog.report()}`);
        if (details.failed) {
          const shrunk = (details.counterexample as [FuzzCase<Mutation>] | null)?.[0];
          const minimal = shrunk ? await withoutRedundantMutations(shrunk, run) : undefined;
          const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance ?? '');
          const extra = minimal
            ? `\n\nWith only the mutations it needs: ${JSON.stringify(minimal.case)}\n${minimal.failure}`
            : `\n${cause}`;
          throw new Error(`${fc.defaultReportMessage(details)}${extra}`);
        }
        // Once more at the very end: the bot is still up and answering.
        expect((await fetch(`${bot.url}/healthz`, { signal: AbortSignal.timeout(settings.hangMs) })).status).toBe(200);
      },
      settings.timeLimitMs + 60_000,
    );
  });
}
