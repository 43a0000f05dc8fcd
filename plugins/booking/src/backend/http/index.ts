/**
 * The HTTP booking backend: a hotel's reservations kept in its own system, behind the wire
 * contract of `docs/http-backend.md`.
 */
export { HttpBookingBackend, type HttpBookingBackendDeps } from './http-booking-backend';
export { ReservationSystemError } from './reservation-system-error';
export type { HttpBackendOptions } from './reservation-api-client';
export type { RetryBackoffOptions } from './retry-policy';
