/**
 * @hotello/plugin-booking — room booking over WhatsApp for Hotello bots.
 *
 * The default export is the plugin. `BookingService`, provided under `BOOKING_SERVICE`, is how other
 * plugins book, confirm paid holds or cancel; `BookingBackend` is the interface an external
 * reservation system is reached through.
 */
import './events';

export { bookingPlugin as default, bookingPlugin } from './plugin';
export { BookingService, type NearbyStay, type PartyTooLarge } from './booking-service';
export { BOOKING_SERVICE } from './booking-service-token';
export {
  bookingOptionsSchema,
  roomTypeSchema,
  seasonSchema,
  type BookingOptions,
  type RoomTypeOptions,
  type SeasonOptions,
  type BackendOptions,
} from './options';
export type {
  Booking,
  BookingGuest,
  BookingListQuery,
  BookingRequest,
  BookingStatus,
  NightlyRate,
  Offer,
  RoomTypeInfo,
  StayQuery,
} from './domain/booking';
export type { Money } from './domain/money';
export type { LocalizedText } from './domain/localized-text';
export {
  BackendUnavailableError,
  BookingNotFoundError,
  BookingStateError,
  RoomUnavailableError,
  type BookingBackend,
  type CancelChange,
} from './backend/booking-backend';
export { quoteStay, nightlyRate, minimumStay, type Quote } from './domain/rates';
export { NAMESPACE, TEXTS } from './i18n/texts';
