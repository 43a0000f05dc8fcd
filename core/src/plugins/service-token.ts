import type { InjectionToken } from 'tsyringe';

/** Any service token a plugin may declare in `provides` or `uses`. */
export type ServiceToken = InjectionToken<unknown>;

/** How a token is named in errors: a symbol's description, a class's name, or the string itself. */
export function serviceName(token: ServiceToken): string {
  if (typeof token === 'symbol') return token.description ?? token.toString();
  if (typeof token === 'string') return token;
  if (typeof token === 'function') return token.name || '(anonymous class)';
  return '(delayed token)';
}
