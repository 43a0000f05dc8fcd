import type { JWTPayload } from 'jose' with { 'resolution-mode': 'import' };
import type { AdminRole } from './admin-roles';

/** The hotels a caller may see: every hotel (`'*'`), or these ids. */
export type HotelScope = '*' | readonly string[];

/** What every admin caller carries, however they authenticated. */
interface AdminAccessScope {
  readonly hotels: HotelScope;
  /** Undefined for a token without a recognised role claim: such a caller passes no role check. */
  readonly role?: AdminRole;
}

/**
 * Who passed the admin check, in `ctx.state.admin`: an API key (with its `name` when the config
 * gives one), or a token with its subject and claims; each with its hotels and role.
 */
export type AdminPrincipal =
  | (AdminAccessScope & { readonly via: 'api-key'; readonly name?: string })
  | (AdminAccessScope & { readonly via: 'jwt'; readonly subject?: string; readonly claims: JWTPayload });

export function mayAccessHotel(principal: AdminPrincipal, hotelId: string): boolean {
  return principal.hotels === '*' || principal.hotels.includes(hotelId);
}
