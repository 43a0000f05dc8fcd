import http from 'node:http';
import type { ServerConfig } from '../config/config-schema';

/**
 * The bot's HTTP server with the slow-client bounds from `server.timeouts` applied. Node checks
 * for requests past their deadline only every `connectionsCheckingInterval` (30 s by default),
 * so a connection dripping one header byte at a time would outlive a short `headersTimeout`;
 * checking at a tenth of the shortest deadline keeps the bound close to what the config says.
 */
export function createHttpServer(listener: http.RequestListener, timeouts: ServerConfig['timeouts']): http.Server {
  const server = http.createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: Math.max(100, Math.min(1_000, Math.floor(timeouts.headersMs / 10))),
    },
    listener,
  );
  server.keepAliveTimeout = timeouts.keepAliveMs;
  return server;
}
