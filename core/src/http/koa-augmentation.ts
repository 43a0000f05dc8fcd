import type { AdminPrincipal } from '../admin/admin-principal';
import type { Hotel } from '../kernel/hotel-directory';
import type { Logger } from '../logging/logger';

// What Hotello adds to Koa's types. Imported by the package entry so plugins compiled against
// @hotello/core see the same request and state fields as core does.
declare module 'koa' {
  interface Request {
    /** The exact bytes received; signature checks must use these, never a re-serialisation. */
    rawBody?: Buffer;
    /** The parsed body: an object for JSON and form requests, undefined otherwise. */
    body?: unknown;
  }
  interface DefaultState {
    /** Set on hotel routes once the `:hotel` parameter named a hotel where the plugin is on. */
    hotel?: Hotel;
    /** Set on admin routes once the caller passed the admin check. */
    admin?: AdminPrincipal;
    /** The request's correlation id. */
    requestId?: string;
    /** A logger carrying the request id. */
    log?: Logger;
  }
  interface BaseContext {
    _matchedRoute?: string | RegExp;
  }
}

export {};
