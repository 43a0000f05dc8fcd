import type { JWTPayload } from 'jose' with { 'resolution-mode': 'import' };
import type { AdminJwtConfig } from '../config/admin-jwt-schema';
import type { AdminPrincipal, HotelScope } from './admin-principal';
import { isAdminRole } from './admin-roles';

/**
 * The caller a verified token describes. Scope is least privilege: a missing or malformed
 * hotels claim means no hotel, and a missing or unknown role claim means no role, so a token
 * minted for another purpose by the same identity provider opens nothing.
 */
export function jwtPrincipal(claims: JWTPayload, names: AdminJwtConfig['claims']): AdminPrincipal {
  const hotelsClaim = claims[names.hotels];
  const hotels: HotelScope =
    hotelsClaim === '*' ? '*' : Array.isArray(hotelsClaim) ? hotelsClaim.filter((id): id is string => typeof id === 'string') : [];
  const role = claims[names.role];
  return {
    via: 'jwt',
    claims,
    hotels,
    ...(isAdminRole(role) ? { role } : {}),
    ...(claims.sub !== undefined ? { subject: claims.sub } : {}),
  };
}
