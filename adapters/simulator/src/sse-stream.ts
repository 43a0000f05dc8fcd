import { PassThrough } from 'node:stream';
import type { Context } from 'koa';

/** How often an idle stream sends a comment, so proxies and browsers keep it open. */
const HEARTBEAT_MS = 15_000;

export interface SseStream {
  send(event: string, data: unknown): void;
  close(): void;
  readonly closed: boolean;
}

/**
 * Turns a Koa request into a Server-Sent Events stream. `onClose` runs once, whether the
 * browser went away or the server closed the stream.
 */
export function openSseStream(c: Context, onClose: () => void): SseStream {
  c.req.socket.setTimeout(0);
  c.req.socket.setNoDelay(true);
  c.set('Content-Type', 'text/event-stream; charset=utf-8');
  c.set('Cache-Control', 'no-cache, no-transform');
  // Reverse proxies (nginx) buffer responses unless told not to; events must arrive at once.
  c.set('X-Accel-Buffering', 'no');
  const body = new PassThrough();
  c.status = 200;
  c.body = body;

  let closed = false;
  const heartbeat = setInterval(() => body.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    body.end();
    onClose();
  };
  c.req.on('close', finish);
  body.write('retry: 2000\n\n');

  return {
    send(event, data) {
      if (closed) return;
      body.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close: finish,
    get closed() {
      return closed;
    },
  };
}
