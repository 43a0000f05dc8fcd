import type { Context } from 'koa';
import { badRequest, notFound, toE164, type PlannedChannel, type PluginContext } from '@hotello/core';
import { parseGuestMessage } from './guest-message';
import type { SimulatorHub } from './simulator-hub';
import { openSseStream } from './sse-stream';
import { loadAssets } from './static-assets';

/** The hotel's simulator channel (`?channel=` picks one when a hotel has several). */
function channelOf(ctx: PluginContext, c: Context): PlannedChannel {
  const wanted = typeof c.query.channel === 'string' ? c.query.channel : undefined;
  const channel = ctx.channels.find((ch) => ch.hotelId === c.state.hotel?.id && (wanted === undefined || ch.id === wanted));
  if (!channel) throw notFound('this hotel has no simulator channel');
  return channel;
}

function guestOf(value: unknown): string {
  const guest = typeof value === 'string' ? toE164(value) : null;
  if (!guest) throw badRequest('guest: expected a phone number such as +254700000001');
  return guest;
}

/**
 * - `GET /simulator` — the chat page; `GET /simulator/assets/*` its script and style.
 * - `GET /simulator/hotels` — hotels that have a simulator channel.
 * - `POST /webhooks/simulator/:hotel` — a guest message `{ id, from, text | choice | location }`.
 * - `GET /simulator/:hotel/events?guest=+…` — replies and their statuses, as Server-Sent Events.
 * - `POST /simulator/:hotel/read` — `{ guest, ids }`: the page displayed these replies.
 */
export function registerRoutes(ctx: PluginContext, hub: SimulatorHub): void {
  const assets = loadAssets();
  const serve = (name: string) => (c: Context) => {
    const asset = assets.get(name);
    if (!asset) throw notFound();
    c.type = asset.type;
    c.set('Cache-Control', 'no-cache');
    c.body = asset.body;
  };

  ctx.http.router.get('/simulator', serve('index.html'));
  ctx.http.router.get('/simulator/assets/:file', (c) => serve(c.params.file ?? '')(c));
  ctx.http.router.get('/simulator/hotels', (c) => {
    const ids = new Set(ctx.channels.map((ch) => ch.hotelId));
    c.body = ctx.hotels
      .list()
      .filter((h) => ids.has(h.id))
      .map((h) => ({ id: h.id, name: h.name, language: h.defaultLanguage }));
  });

  ctx.http.hotelRouter.post('/webhooks/simulator/:hotel', async (c) => {
    const channel = channelOf(ctx, c);
    const parsed = parseGuestMessage(c.request.body, { hotelId: channel.hotelId, channelId: channel.id, channelType: channel.type });
    if (!parsed.ok) throw badRequest(parsed.error);
    const result = await ctx.messaging.receive([{ type: 'message', message: parsed.message }]);
    // Shown only once stored, like a real provider would only deliver an accepted message.
    if (result.accepted > 0) hub.recordGuestMessage(channel, parsed.message.from, parsed.message.providerMessageId, parsed.message.content);
    c.body = result;
  });

  ctx.http.hotelRouter.get('/simulator/:hotel/events', (c) => {
    const channel = channelOf(ctx, c);
    const guest = guestOf(c.query.guest);
    let unsubscribe = () => {};
    const stream = openSseStream(c, () => unsubscribe());
    unsubscribe = hub.subscribe(channel, guest, stream);
  });

  ctx.http.hotelRouter.post('/simulator/:hotel/read', (c) => {
    const channel = channelOf(ctx, c);
    const body = (c.request.body ?? {}) as { guest?: unknown; ids?: unknown };
    const guest = guestOf(body.guest);
    if (!Array.isArray(body.ids) || body.ids.length > 500 || !body.ids.every((id) => typeof id === 'string')) {
      throw badRequest('ids: expected a list of message ids');
    }
    c.body = { read: hub.markRead(channel, guest, body.ids as string[]) };
  });
}
