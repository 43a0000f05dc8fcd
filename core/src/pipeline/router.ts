import type { HotelDirectory } from '../kernel/hotel-directory';
import type { TurnRegistry } from '../turns/turn-registry';
import { isStepOutcome } from './step-outcome';
import type { TurnContextImpl } from './turn-context-impl';

/**
 * The last stage of a turn. With an active flow, its current step gets the message first; a
 * step that neither replies nor returns an outcome passes the message on. Then the intent's
 * handler, else a flow named like the intent, else core's fallback reply.
 */
export class Router {
  constructor(
    private readonly registry: TurnRegistry,
    private readonly hotels: HotelDirectory,
  ) {}

  async route(ctx: TurnContextImpl): Promise<void> {
    const hotelId = ctx.hotel.id;
    const active = ctx.conversation.flow;
    if (active) {
      const handled = await this.runStep(ctx, active.name, active.step);
      if (handled) return this.followUp(ctx);
    }

    const intent = ctx.intent;
    if (intent && intent.name !== 'none') {
      const handler = this.registry.handlerFor(intent.name, hotelId);
      if (handler) {
        await handler.value(ctx.forPlugin(handler.plugin, this.hotels.optionsFor(hotelId, handler.plugin)));
        return this.followUp(ctx);
      }
      if (this.registry.flowFor(intent.name, hotelId)) {
        await this.runStep(ctx, intent.name, 'start');
        return this.followUp(ctx);
      }
    }
    if (ctx.replies.length === 0 && !ctx.actions.handoffReason) {
      ctx.reply({ kind: 'text', text: ctx.t('fallback') });
    }
    await this.followUp(ctx);
  }

  /** A handler may ask for a flow to start; run its first step in the same turn. */
  private async followUp(ctx: TurnContextImpl): Promise<void> {
    const start = ctx.actions.startFlow;
    if (!start) return;
    ctx.actions.startFlow = undefined;
    await this.runStep(ctx, start.name, start.step);
  }

  /** Runs one step; returns false when the step passed the message on. */
  private async runStep(ctx: TurnContextImpl, flowName: string, step: string): Promise<boolean> {
    const flow = this.registry.flowFor(flowName, ctx.hotel.id);
    const fn = flow?.value[step];
    if (!flow || !fn) {
      // The flow was switched off for this hotel or its step was renamed in a new version.
      ctx.logger.warn({ flow: flowName, step }, 'flow step not found; ending the flow');
      ctx.update({ flow: null, replaceSlots: {} });
      return false;
    }
    const repliesBefore = ctx.replies.length;
    const options = this.hotels.optionsFor(ctx.hotel.id, flow.plugin);
    const outcome = await fn(ctx.forStep(flow.plugin, options, step));
    const next = isStepOutcome(outcome) ? outcome.transition : undefined;
    if (!isStepOutcome(outcome) && ctx.replies.length === repliesBefore) return false;

    if (next?.kind === 'end') {
      ctx.update({ flow: null, replaceSlots: {} });
    } else if (next?.kind === 'step' || step === 'start' || ctx.conversation.flow?.name !== flowName) {
      const nextStep = next?.kind === 'step' ? next.step : step;
      ctx.update({
        flow: {
          name: flowName,
          step: nextStep,
          plugin: flow.plugin,
          startedAt: ctx.conversation.flow?.name === flowName ? ctx.conversation.flow.startedAt : new Date(),
        },
      });
    }
    return true;
  }
}
