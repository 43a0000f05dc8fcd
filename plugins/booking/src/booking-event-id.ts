/**
 * The id of a booking's lifecycle event: each happens at most once per booking, so the id names
 * it. The built-in backend records it with the write that made it happen, the service and the
 * flows emit it again for backends that cannot (an external system), and listeners get it once.
 */
export function bookingEventId(
  event: 'booking.held' | 'booking.confirmed' | 'booking.cancelled' | 'booking.expired',
  reference: string,
): string {
  return `${event}:${reference}`;
}
