import type { InjectionToken } from 'tsyringe';
import type { BookingService } from './booking-service';

/**
 * How other plugins reach booking: declare `uses: [BOOKING_SERVICE]` and `dependsOn: ['booking']`,
 * then `services.get(BOOKING_SERVICE)` in `register` or any handler or flow step.
 */
export const BOOKING_SERVICE: InjectionToken<BookingService> = Symbol.for('hotello.booking.service');
