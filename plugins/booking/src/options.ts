import { z } from '@hotello/core';

const CURRENCY = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as "EUR"');
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_DAY = /^\d{2}-\d{2}$/;
const localized = z.union([z.string().min(1), z.record(z.string().regex(/^[a-z]{2}$/), z.string().min(1))]);
const rate = z.number().positive();

/** `mon`..`sun` → nightly rate for nights starting on that weekday. */
export const weekdayRatesSchema = z.partialRecord(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), rate);

export const seasonSchema = z
  .object({
    name: z.string().optional(),
    /** First night of the season: `YYYY-MM-DD`, or `MM-DD` for every year. */
    from: z.string().regex(new RegExp(`${ISO_DATE.source}|${MONTH_DAY.source}`), 'expected "YYYY-MM-DD" or "MM-DD"'),
    /** Last night of the season (inclusive), in the same form as `from`. */
    to: z.string().regex(new RegExp(`${ISO_DATE.source}|${MONTH_DAY.source}`), 'expected "YYYY-MM-DD" or "MM-DD"'),
    rate: rate.optional(),
    weekdayRates: weekdayRatesSchema.optional(),
    /** Stays starting in the season need at least this many nights. */
    minStay: z.number().int().positive().optional(),
  })
  .strict()
  .refine((s) => (s.from.length === 10) === (s.to.length === 10), { message: 'from and to must both be YYYY-MM-DD or both MM-DD' })
  .refine((s) => s.from.length !== 10 || s.from <= s.to, { message: 'from must not be after to' });

export const roomTypeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'expected a lowercase id such as "double" or "sea-view-suite"'),
    /** Shown to guests: a string, or text per language (`{ en: Double room, es: Habitación doble }`). */
    name: localized,
    description: localized.optional(),
    adults: z.number().int().min(1).max(20),
    children: z.number().int().min(0).max(20).default(0),
    /** How many rooms of this type the hotel sells. */
    rooms: z.number().int().min(0).max(10_000),
    /** Base nightly rate. */
    rate,
    currency: CURRENCY.optional(),
    weekdayRates: weekdayRatesSchema.optional(),
    seasons: z.array(seasonSchema).default([]),
    minStay: z.number().int().positive().default(1),
  })
  .strict();

export const backendSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('builtin') }).strict(),
  z
    .object({
      type: z.literal('http'),
      /** Base URL of the reservation system's Hotello API (wire format: docs/http-backend.md). */
      baseUrl: z.url(),
      /** Sent as `Authorization: Bearer …`; write it as `${ENV}`. */
      apiKey: z.string().optional(),
      timeoutMs: z.number().int().positive().default(5_000),
      /** Extra attempts for calls that are safe to repeat (reads, and creates with their idempotency key). */
      retries: z.number().int().min(0).max(10).default(2),
    })
    .strict(),
]);

export const bookingOptionsSchema = z
  .object({
    backend: backendSchema.default({ type: 'builtin' }),
    /** Currency of room types that name none. */
    currency: CURRENCY.default('EUR'),
    roomTypes: z.array(roomTypeSchema).default([]),
    /** A YAML or JSON file with `roomTypes: [...]`, relative to the working directory; merged after `roomTypes`. */
    roomTypesFile: z.string().min(1).optional(),
    /** Longest stay a guest may book over WhatsApp. */
    maxNights: z.number().int().positive().max(365).default(30),
    /** How far ahead check-in may be. */
    maxAdvanceDays: z.number().int().positive().max(1000).default(365),
    /**
     * `auto`: hold pending payment where a plugin named `payments` is on for the hotel, confirm
     * directly elsewhere. `hold` / `direct` force one behaviour.
     */
    confirmation: z.enum(['auto', 'hold', 'direct']).default('auto'),
    /** How long a held booking keeps its rooms without payment. */
    holdMinutes: z
      .number()
      .int()
      .positive()
      .max(7 * 24 * 60)
      .default(30),
    cancellation: z
      .object({
        /** Free until this many hours before check-in time. */
        freeHours: z
          .number()
          .int()
          .min(0)
          .max(24 * 365)
          .default(48),
        /** After the free window: cancel charging the first night, or refuse (the guest is offered the team). */
        late: z.enum(['charge-first-night', 'refuse']).default('charge-first-night'),
      })
      .strict()
      .default({ freeHours: 48, late: 'charge-first-night' }),
    /** Hotel-local check-in time, the reference for the free-cancellation window. */
    checkInTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time such as "14:00"')
      .default('14:00'),
    /** How often expired holds and interrupted bookings are looked for. */
    sweepIntervalMs: z.number().int().positive().default(15_000),
  })
  .strict()
  .superRefine((options, ctx) => {
    const seen = new Set<string>();
    options.roomTypes.forEach((room, i) => {
      if (seen.has(room.id)) ctx.addIssue({ code: 'custom', path: ['roomTypes', i, 'id'], message: `duplicate room type "${room.id}"` });
      seen.add(room.id);
    });
  });

export type BookingOptions = z.output<typeof bookingOptionsSchema>;
export type RoomTypeOptions = z.output<typeof roomTypeSchema>;
export type SeasonOptions = z.output<typeof seasonSchema>;
export type WeekdayRates = z.output<typeof weekdayRatesSchema>;
export type BackendOptions = z.output<typeof backendSchema>;
