/**
 * The admin roles, lowest first. Each role may do everything the roles below it may: a route
 * names the least role it needs, and a caller passes when their role is that one or higher.
 */
export const ADMIN_ROLES = ['front-desk', 'manager', 'admin'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

export function isAdminRole(value: unknown): value is AdminRole {
  return typeof value === 'string' && (ADMIN_ROLES as readonly string[]).includes(value);
}

/** Whether `held` (undefined: a caller with no known role) reaches `needed` on the ladder. */
export function roleAtLeast(held: AdminRole | undefined, needed: AdminRole): boolean {
  return held !== undefined && ADMIN_ROLES.indexOf(held) >= ADMIN_ROLES.indexOf(needed);
}
