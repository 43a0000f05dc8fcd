// tsyringe refuses to load without a Reflect metadata polyfill, even with no decorators in use.
import 'reflect-metadata';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Router } from '@koa/router';
import Koa from 'koa';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import type { HotelloConfig } from '../config/config-schema';
import { loadConfigFile, parseConfig } from '../config/load-config';
import { EventBus } from '../events/event-bus';
import { EventDeliveries } from '../events/event-deliveries';
import { EventDispatcher } from '../events/event-dispatcher';
import { defineEventSweep, type EventSweep } from '../events/event-sweep-job';
import { WriteEvents } from '../events/write-events';
import { DeadLetters } from '../events/dead-letters';
import { eventRoutes } from '../admin/event-routes';
import { bodyParser } from '../http/body-parser';
import { errorHandler } from '../http/error-handler';
import { healthRoutes } from '../http/health-routes';
import { createHttpServer } from '../http/create-server';
import { createPluginHttp } from '../http/plugin-http';
import { Readiness } from '../http/readiness';
import { requestContext } from '../http/request-context';
import { createLogger, type Logger } from '../logging/logger';
import { Metrics } from '../metrics/metrics';
import { MessagingHub } from '../messaging/messaging-hub';
import type { PluginDefinition } from '../plugins/define-plugin';
import type { PluginContext } from '../plugins/plugin-context';
import { lifecycleOf, type PluginLifecycle } from '../plugins/plugin-lifecycle';
import { pluginServices, type PluginServices } from '../plugins/plugin-services';
import { serviceName } from '../plugins/service-token';
import { configBaseDir, planPlugins, type PlannedPlugin, type PluginPlan } from '../plugins/plugin-plan';
import { TurnRegistry } from '../turns/turn-registry';
import type { FlowDefinition, IntentHandler } from '../turns/turn-context';
import { AdminAuthenticator } from '../admin/admin-auth';
import { adminPathGate } from '../admin/admin-path-gate';
import { adminRoutes } from '../admin/admin-routes';
import { CORE_TEXTS } from '../i18n/core-texts';
import { MessagePipeline } from '../pipeline/message-pipeline';
import type { ConversationStore } from '../store/conversation-store';
import { createPluginStorage } from '../store/collections/plugin-storage';
import { createConversationStore } from '../store/create-store';
import { defineExpirySweep } from '../store/expiry-sweeper';
import { createJobService } from '../jobs/create-job-service';
import { CORE_OWNER, type JobService } from '../jobs/job-service';
import { systemClock, type Clock } from './clock';
import { HotelDirectory } from './hotel-directory';
import { Inflight } from './inflight';
import { PLUGIN_SERVICES } from '../plugins/plugin-services-token';
import { LLM_MODEL_FACTORY, LlmService } from '../llm/llm-service';
import { LangChainModelFactory } from '../llm/model-factory';
import { ConsentStore } from '../proactive/consent';
import { ProactiveSender } from '../proactive/proactive-sender';

export interface CreateBotOptions {
  /** A YAML file path, or a config object (tests). Defaults to `config/default.yaml`. */
  config?: string | Record<string, unknown>;
  /** Folder local plugin paths resolve from when `config` is an object. */
  baseDir?: string;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Plugins the host adds without naming them in the config (the testing kit uses this). */
  extraPlugins?: readonly PluginDefinition[];
  /** The bot's time (jobs ask it; other parts may follow). Defaults to the system clock; tests pass a `FakeClock`. */
  clock?: Clock;
}

type Phase = 'created' | 'starting' | 'running' | 'stopping' | 'stopped';

/**
 * One running bot: its container, config, plugins and HTTP server. Plugins are registered in
 * dependency order, started, and stopped in reverse on {@link Kernel.stop}.
 */
export class Kernel {
  readonly container: DependencyContainer;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly events: EventBus;
  /** Delivers recorded events to plugin listeners (retries, dead letters). */
  readonly eventDispatcher: EventDispatcher;
  private readonly eventSweep: EventSweep;
  /** Events recorded with plugins' writes to their collections. */
  private readonly writeEvents: WriteEvents;
  /** One row per event and listener, in the store. */
  readonly eventDeliveries: EventDeliveries;
  /** Events parked after their last attempt, for operators (admin API, `hotello events`). */
  readonly deadLetters: DeadLetters;
  readonly hotels: HotelDirectory;
  readonly readiness = new Readiness();
  readonly inflight = new Inflight();
  readonly messaging = new MessagingHub();
  readonly turns: TurnRegistry;
  readonly app = new Koa();
  readonly store: ConversationStore;
  /** The LLM service behind every plugin's `ctx.llm` (calls and spend in `core_llm*` collections). */
  readonly llm: LlmService;
  /** Guests' opt-outs of proactive messages (`core_consent`), behind every plugin's `ctx.consent`. */
  readonly consent: ConsentStore;
  /** Messages plugins send outside a turn (`ctx.messaging.send`), into the same outbox as replies. */
  readonly proactive: ProactiveSender;
  /** The bot's time: jobs are due by it (a test's `FakeClock` moves it). */
  readonly clock: Clock;
  /** Delayed, timed and repeating jobs (`ctx.jobs`, core's sweeps): BullMQ with Redis, else the store. */
  readonly jobs: JobService;
  private readonly expirySweep: { schedule(): Promise<void> };
  private pipelineInstance?: MessagePipeline;
  private server?: http.Server;
  private phase: Phase = 'created';
  private readonly contexts = new Map<string, PluginContext>();
  /** What each plugin's `register` returned, by plugin name. */
  private readonly lifecycles = new Map<string, PluginLifecycle>();
  private readonly services = new Map<string, PluginServices>();
  private readonly closers: (() => Promise<void> | void)[] = [];
  /** One admin check for core's and plugins' admin routes: the same credentials open both. */
  private readonly adminAuthenticator: AdminAuthenticator;
  private readonly mountedRouters: Router[] = [];

  /** @internal Use {@link createBot}. */
  constructor(
    readonly config: HotelloConfig,
    readonly plan: PluginPlan,
    readonly file: string | undefined,
    logger: Logger | undefined,
    clock: Clock = systemClock,
  ) {
    this.logger = logger ?? createLogger({ level: config.log.level });
    this.clock = clock;
    this.metrics = new Metrics();
    this.hotels = new HotelDirectory(config.hotels, plan.plugins, plan.channels);
    this.events = new EventBus(
      this.logger,
      (plugin, hotelId) => this.hotels.isEnabled(hotelId, plugin),
      () => this.metrics.errors.inc({ kind: 'event_listener' }),
      () => clock.now(),
    );
    this.turns = new TurnRegistry(this.hotels);
    this.turns.addMessages('core', CORE_TEXTS);
    this.store = createConversationStore(config.store, { logger: this.logger.child({ component: 'store' }) });
    // Core's own collections (`core_*`: jobs, event deliveries, consent, LLM usage), one storage for all of them.
    const coreStorage = createPluginStorage(CORE_OWNER, this.store.pluginCollections);
    // Jobs: schedules in Redis (BullMQ) or in the `core_jobs` collection; core's sweeps are jobs too.
    this.jobs = createJobService({ config, storage: coreStorage, hotels: this.hotels, clock, logger: this.logger, metrics: this.metrics });
    this.expirySweep = defineExpirySweep(this.jobs, this.store, this.logger.child({ component: 'store' }));
    // Events are stored as one row per listener in a core collection before `emit` resolves.
    this.eventDeliveries = new EventDeliveries(coreStorage);
    const eventLogger = this.logger.child({ component: 'events' });
    this.writeEvents = new WriteEvents(this.events, eventLogger, () => clock.now(), config.events.leaseMs);
    this.eventDispatcher = new EventDispatcher({
      recover: (hotelId) => this.writeEvents.recover(hotelId),
      bus: this.events,
      deliveries: this.eventDeliveries,
      hotels: () => this.hotels.list().map((h) => h.id),
      logger: eventLogger,
      metrics: this.metrics,
      options: config.events,
      now: () => clock.now(),
    });
    this.eventSweep = defineEventSweep(this.jobs, this.eventDispatcher, config.pipeline.sweepIntervalMs);
    this.events.persistTo({ deliveries: this.eventDeliveries, kick: (hotelId) => this.eventDispatcher.kick(hotelId) });
    this.deadLetters = new DeadLetters(this.eventDeliveries, (hotelId) => this.eventDispatcher.kick(hotelId));
    // Proactive messages: consent lives in a core collection; sends go to the pipeline once it runs.
    this.consent = new ConsentStore(coreStorage, this.hotels, this.logger);
    this.proactive = new ProactiveSender({
      store: this.store,
      hotels: this.hotels,
      messaging: this.messaging,
      catalog: this.turns.messages,
      consent: this.consent,
      scheduler: () => this.pipelineInstance?.scheduler,
      logger: this.logger.child({ component: 'proactive' }),
      metrics: this.metrics,
    });
    // One LLM service for every plugin: per-hotel models, one monthly budget per hotel, calls logged
    // in core collections. A model factory registered under LLM_MODEL_FACTORY (tests) is asked at first use.
    this.llm = new LlmService({
      llm: config.llm,
      hotels: config.hotels,
      storage: coreStorage,
      emit: (info) => this.events.emit('llm.budget_exceeded', info),
      now: () => clock.now(),
      logger: this.logger.child({ component: 'llm' }),
      models: () =>
        this.container.isRegistered(LLM_MODEL_FACTORY, true) ? this.container.resolve(LLM_MODEL_FACTORY) : new LangChainModelFactory(),
      isEnabled: (plugin, hotelId) => this.hotels.isEnabled(hotelId, plugin),
    });
    this.adminAuthenticator = new AdminAuthenticator(config.admin);
    // The container holds the services plugins provide each other (one child per bot, so bots in one
    // process never share one). Core's own parts reach plugins through their context, not from here.
    this.container = rootContainer.createChildContainer();
    this.container.registerInstance(PLUGIN_SERVICES, (plugin: string) => this.servicesOf(plugin));
  }

  /** Loads and validates the config and every plugin's options; throws ConfigError listing all problems. */
  static create(options: CreateBotOptions = {}): Kernel {
    const env = options.env ?? process.env;
    const source = options.config ?? 'config/default.yaml';
    const { config, file } =
      typeof source === 'string'
        ? loadConfigFile(source, { env })
        : { config: parseConfig(source, { env, requireEnvSecrets: false }), file: undefined };
    const baseDir = file ? configBaseDir(file) : (options.baseDir ?? process.cwd());
    const plan = planPlugins(config, baseDir, options.extraPlugins ?? [], file);
    return new Kernel(config, plan, file, options.logger, options.clock);
  }

  get state(): Phase {
    return this.phase;
  }

  get draining(): boolean {
    return this.phase === 'stopping' || this.phase === 'stopped';
  }

  /** The message pipeline; exists once the bot started. */
  get pipeline(): MessagePipeline {
    if (!this.pipelineInstance) throw new Error('the bot has not started');
    return this.pipelineInstance;
  }

  /** Every router the HTTP app serves, core's and plugins', in mount order; for introspection such as route-coverage tests. */
  get routers(): readonly Router[] {
    return this.mountedRouters;
  }

  /** The context handed to a plugin; exposed for the testing kit and core services. */
  contextOf(name: string): PluginContext | undefined {
    return this.contexts.get(name);
  }

  /** Runs `fn` when the bot stops, after plugins stopped (connections, timers). */
  onClose(fn: () => Promise<void> | void): void {
    this.closers.push(fn);
  }

  /** Registers then starts every plugin, and builds the HTTP app. */
  async start(): Promise<void> {
    if (this.phase !== 'created') throw new Error(`cannot start a bot that is ${this.phase}`);
    this.phase = 'starting';
    await this.store.open();
    this.readiness.add(this.config.store.type === 'mongodb' ? 'mongodb' : 'store', () => this.store.ping());
    for (const planned of this.plan.plugins) {
      const ctx = this.buildContext(planned);
      this.contexts.set(planned.definition.name, ctx);
      refuseV1Lifecycle(planned.definition);
      this.lifecycles.set(planned.definition.name, lifecycleOf(await planned.definition.register(ctx, planned.options)));
    }
    this.checkProvided();
    // Plugin collections and models declared during register get their indexes before anything uses them.
    await this.store.pluginCollections.ready();
    const pipeline = new MessagePipeline({
      config: this.config,
      store: this.store,
      registry: this.turns,
      hotels: this.hotels,
      messaging: this.messaging,
      container: this.container,
      events: this.events,
      logger: this.logger,
      metrics: this.metrics,
      allowsProactive: (hotelId, guest) => this.consent.allowsProactive(hotelId, guest),
      jobs: this.jobs,
    });
    this.pipelineInstance = pipeline;
    if (this.config.redis) this.readiness.add('redis', () => pipeline.pingRedis());
    for (const planned of this.plan.plugins) await this.lifecycles.get(planned.definition.name)?.start?.();
    // Every listener is registered by now: deliver what an earlier run left, then new events as they come.
    this.eventDispatcher.start();
    await pipeline.start();
    // Jobs run once every plugin started (handlers use what `start` opened) and the pipeline schedules work.
    await this.jobs.start();
    await this.expirySweep.schedule();
    await this.eventSweep.schedule(this.hotels.list().map((h) => h.id));
    this.buildHttp();
    this.phase = 'running';
    this.logger.info(
      { plugins: this.plan.plugins.map((p) => p.definition.name), hotels: this.hotels.list().map((h) => h.id) },
      'bot started',
    );
  }

  /** Starts listening; `port` 0 picks a free one. Resolves with the bound port. */
  async listen(port = this.config.server.port, host = this.config.server.host): Promise<number> {
    const server = createHttpServer(this.app.callback(), this.config.server.timeouts);
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const bound = (server.address() as AddressInfo).port;
    this.logger.info({ port: bound }, 'listening');
    return bound;
  }

  /**
   * Graceful stop: refuse new requests, let in-flight work finish (bounded by
   * `server.shutdownTimeoutMs`), stop plugins in reverse order, then close connections.
   */
  async stop(reason = 'stop requested'): Promise<void> {
    if (this.phase === 'stopping' || this.phase === 'stopped') return;
    this.phase = 'stopping';
    this.logger.info({ reason, inflight: this.inflight.count }, 'stopping');
    const closing = this.server ? new Promise<void>((resolve) => this.server!.close(() => resolve())) : Promise.resolve();
    this.server?.closeIdleConnections();
    const deadline = Date.now() + this.config.server.shutdownTimeoutMs;
    const finished = await this.inflight.drained(this.config.server.shutdownTimeoutMs);
    if (!finished) this.logger.warn({ inflight: this.inflight.count }, 'shutdown timeout: stopping with work in flight');
    // Turns already running finish; unfinished ones stay pending in the store for the next start.
    // Jobs are plugin code and feed the pipeline: they stop taking runs first; running ones may finish.
    await this.jobs.stop(Math.max(0, deadline - Date.now()));
    await this.pipelineInstance?.stop(Math.max(0, deadline - Date.now()));
    // Listeners are plugin code: deliveries stop before plugins do; undelivered rows wait for the next start.
    await this.eventDispatcher.stop(Math.max(0, deadline - Date.now()));
    for (const planned of [...this.plan.plugins].reverse()) {
      const lifecycle = this.lifecycles.get(planned.definition.name);
      if (!lifecycle) continue;
      try {
        await lifecycle.stop?.();
      } catch (err) {
        this.logger.error({ err, plugin: planned.definition.name }, 'plugin stop failed');
      }
    }
    for (const close of this.closers.reverse()) {
      try {
        await close();
      } catch (err) {
        this.logger.error({ err }, 'close failed');
      }
    }
    await this.store.close().catch((err: unknown) => this.logger.error({ err }, 'store close failed'));
    this.server?.closeAllConnections();
    await closing;
    this.phase = 'stopped';
    this.logger.info('stopped');
  }

  /** One services view per plugin, checked against its `provides` and `uses`; core's own parts declare none. */
  private servicesOf(plugin: string): PluginServices {
    let view = this.services.get(plugin);
    if (!view) {
      const definition = this.plan.plugins.find((p) => p.definition.name === plugin)?.definition ?? { name: plugin };
      view = pluginServices(this.container, definition);
      this.services.set(plugin, view);
    }
    return view;
  }

  /** A declared service nobody provided would fail in the first guest's turn; fail at start instead. */
  private checkProvided(): void {
    for (const { definition } of this.plan.plugins)
      for (const token of definition.provides ?? [])
        if (!this.container.isRegistered(token, true))
          throw new Error(
            `plugin "${definition.name}" declares it provides service "${serviceName(token)}" but did not call services.provide for it in register`,
          );
  }

  private buildContext(planned: PlannedPlugin): PluginContext {
    const name = planned.definition.name;
    const types = new Set((planned.definition.channels ?? []).map((c) => c.type));
    return {
      name,
      container: this.container,
      services: this.servicesOf(name),
      logger: this.logger.child({ plugin: name }),
      config: this.config,
      hotels: this.hotels,
      http: createPluginHttp(name, this.hotels, this.adminAuthenticator),
      events: {
        on: (event, listener, options) => this.events.on(event, listener, name, options),
        emit: (event, payload, options) => this.events.emit(event, payload, options),
      },
      metrics: this.metrics,
      optionsFor: (hotelId) => this.hotels.optionsFor(hotelId, name),
      isEnabledFor: (hotelId) => this.hotels.isEnabled(hotelId, name),
      channels: this.hotels.channels().filter((c) => types.has(c.type)),
      addReadinessCheck: (check, fn) => this.readiness.add(check, fn),
      store: this.store,
      storage: createPluginStorage(name, this.store.pluginCollections, this.writeEvents),
      jobs: this.jobs.forPlugin(name),
      clock: this.clock,
      intents: this.turns.catalogFor(name),
      messages: {
        add: (namespace, catalog) => this.turns.addMessages(namespace, catalog),
        has: (namespace, key) => this.turns.messages.has(namespace, key),
      },
      flows: { add: (flow, definition) => this.turns.addFlow(name, flow, definition as FlowDefinition) },
      handlers: { on: (intent, handler) => this.turns.handle(name, intent, handler as IntentHandler) },
      turns: {
        use: (stage, middleware) => this.turns.use(name, stage, middleware),
        answers: (intent, hotelId) => !!this.turns.handlerFor(intent, hotelId) || !!this.turns.flowFor(intent, hotelId),
      },
      messaging: {
        registerAdapter: (adapter) => this.messaging.registerAdapter(adapter),
        receive: (events) => this.messaging.receive(events),
        identityOf: (address, guest) => this.messaging.identityOf(address, guest),
        send: (request) => this.proactive.send(name, request),
      },
      consent: this.consent.forPlugin(name),
      llm: this.llm.forPlugin(name),
    };
  }

  private buildHttp(): void {
    const app = this.app;
    app.proxy = true;
    app.silent = true;
    app.use(requestContext(this.logger, this.metrics));
    app.use(async (ctx, next) => {
      if (this.draining) {
        ctx.status = 503;
        ctx.set('Connection', 'close');
        ctx.body = { error: 'unavailable', message: 'shutting down' };
        return;
      }
      await this.inflight.track(next);
    });
    app.use(errorHandler(this.logger, this.metrics));
    // Before the body is read and before any router: see adminPathGate.
    app.use(adminPathGate(this.adminAuthenticator));
    app.use(bodyParser(this.config.server.bodyLimit));
    const mount = (router: Router, withAllowedMethods = true) => {
      this.mountedRouters.push(router);
      app.use(router.routes());
      if (withAllowedMethods) app.use(router.allowedMethods());
    };
    const health = healthRoutes(this.readiness, this.metrics, () => this.draining);
    mount(health, false);
    const admin = adminRoutes({
      auth: this.adminAuthenticator,
      store: this.store,
      hotels: this.hotels,
      scheduler: () => this.pipeline.scheduler,
      events: this.events,
      catalog: this.turns.messages,
    });
    mount(admin);
    mount(eventRoutes({ auth: this.adminAuthenticator, hotels: this.hotels, deadLetters: this.deadLetters }));
    for (const ctx of this.contexts.values()) {
      mount(ctx.http.router);
      mount(ctx.http.hotelRouter);
      mount(ctx.http.adminRouter);
    }
  }
}

/**
 * Plugin v1 declared `start(ctx)`/`stop(ctx)` beside `register`; a plugin still written so would
 * otherwise load and silently never start.
 */
function refuseV1Lifecycle(definition: PluginDefinition): void {
  const legacy = ['start', 'stop'].filter((key) => key in definition);
  if (legacy.length > 0)
    throw new Error(
      `plugin "${definition.name}" declares ${legacy.join(' and ')} beside register: return { ${legacy.join(', ')} } from register instead`,
    );
}

/** Creates a bot from a config file or object; call `start()` then `listen()`. */
export function createBot(options: CreateBotOptions = {}): Kernel {
  return Kernel.create(options);
}
