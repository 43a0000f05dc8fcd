import { FakeHttpServer, randomId, type FakeReply, type RecordedRequest } from './fake-http-server';

/**
 * A hotel's reservation system behind the Hotello HTTP booking contract
 * (plugins/booking/docs/http-backend.md), in memory: room types with a number of rooms,
 * availability counted per night, idempotency keys honoured, the bearer key checked.
 *
 * Faults come in two kinds. Those of the base class ({@link FakeHttpServer.failNext},
 * {@link unavailableNext}, {@link throttleNext}) answer instead of the system: nothing is done.
 * Those that happen after handling ({@link slowNext}, {@link failAfterHandlingNext},
 * {@link malformedNext}) do the work and then answer late, wrongly or unreadably — the cases
 * where a client cannot know whether its write happened.
 */
export class ReservationSystemFake extends FakeHttpServer {
  /** The clock for holds and timestamps; tests may replace it. */
  now: () => Date;
  private readonly hotels: ReadonlyMap<string, readonly FakeRoomType[]>;
  private readonly bookings = new Map<string, FakeBooking[]>();
  /** `hotel\nkey` → reference. */
  private readonly idempotencyKeys = new Map<string, string>();
  private readonly afterHandling: ((reply: FakeReply) => FakeReply)[] = [];

  constructor(private readonly options: ReservationSystemFakeOptions) {
    super();
    this.hotels = new Map(Object.entries(options.hotels));
    this.now = options.now ?? (() => new Date());
  }

  static async start(options: ReservationSystemFakeOptions): Promise<ReservationSystemFake> {
    return new ReservationSystemFake(options).start();
  }

  /** The base URL a client is configured with (including `basePath`). */
  get baseUrl(): string {
    return `${this.url}${this.options.basePath ?? ''}`;
  }

  /** Every booking of a hotel, as stored (wire format). */
  bookingsOf(hotelId: string): FakeBooking[] {
    return [...(this.bookings.get(hotelId) ?? [])];
  }

  /** Requests with this method whose path (below `basePath`) matches. */
  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(this.routePath(r.path)));
  }

  /** The next `times` requests get a 5xx before any work is done (a proxy with the system down). */
  unavailableNext(times: number, status = 503, retryAfter?: string): void {
    this.failNext(times, {
      status,
      body: { error: 'unavailable_temporarily' },
      headers: retryAfter ? { 'Retry-After': retryAfter } : undefined,
    });
  }

  /** The next `times` requests get 429 with `Retry-After`, before any work is done. */
  throttleNext(times: number, retryAfter: string): void {
    this.failNext(times, { status: 429, body: { error: 'rate_limited' }, headers: { 'Retry-After': retryAfter } });
  }

  /** The next `times` requests are handled, and answered only after `delayMs`. */
  slowNext(times: number, delayMs: number): void {
    for (let i = 0; i < times; i += 1) this.afterHandling.push((reply) => ({ ...reply, delayMs }));
  }

  /** The next `times` requests are handled, then answered with a 5xx as if the system crashed replying. */
  failAfterHandlingNext(times: number, status = 500): void {
    for (let i = 0; i < times; i += 1) this.afterHandling.push(() => ({ status, body: { error: 'internal' } }));
  }

  /** The next `times` requests are handled, then answered 200 with a body that breaks the contract. */
  malformedNext(times: number, kind: 'wrong-shape' | 'not-json' = 'wrong-shape'): void {
    const reply: FakeReply =
      kind === 'not-json'
        ? { status: 200, body: '<html><body>Welcome to nginx</body></html>', headers: { 'Content-Type': 'text/html' } }
        : { status: 200, body: { result: 'ok', booking: { reference: 42 } } };
    for (let i = 0; i < times; i += 1) this.afterHandling.push(() => reply);
  }

  override reset(): void {
    super.reset();
    this.bookings.clear();
    this.idempotencyKeys.clear();
    this.afterHandling.length = 0;
  }

  protected answer(request: RecordedRequest): FakeReply {
    const reply = this.handle(request);
    const fault = this.afterHandling.shift();
    return fault ? fault(reply) : reply;
  }

  private handle(request: RecordedRequest): FakeReply {
    if (this.options.apiKey !== undefined && request.headers.authorization !== `Bearer ${this.options.apiKey}`) {
      return { status: 401, body: { error: 'unauthorized', message: 'missing or wrong bearer key' } };
    }
    const segments = this.routePath(request.path).split('/').slice(1).map(decodeURIComponent);
    const [root, hotelId, resource, reference, action, ...rest] = segments;
    const roomTypes = hotelId === undefined ? undefined : this.hotels.get(hotelId);
    if (root !== 'hotels' || !roomTypes || rest.length > 0) return notFound('no such resource');
    const route = `${request.method} ${resource ?? ''}${reference === undefined ? '' : '/:reference'}${action === undefined ? '' : `/${action}`}`;
    switch (route) {
      case 'GET room-types':
        return ok({ roomTypes: roomTypes.map((room) => roomTypeInfo(room)) });
      case 'GET availability':
        return this.availability(hotelId!, roomTypes, request.query);
      case 'POST bookings':
        return this.create(hotelId!, roomTypes, request);
      case 'GET bookings':
        return this.list(hotelId!, request.query);
      case 'GET bookings/:reference': {
        const booking = this.find(hotelId!, reference!);
        return booking ? ok({ booking }) : notFound(`no booking ${reference}`);
      }
      case 'POST bookings/:reference/cancel':
        return this.cancel(hotelId!, reference!, request.json);
      case 'POST bookings/:reference/confirm':
        return this.confirm(hotelId!, reference!);
      default:
        return notFound('no such resource');
    }
  }

  private availability(hotelId: string, roomTypes: readonly FakeRoomType[], query: URLSearchParams): FakeReply {
    const stay = parseStay(query.get('checkIn'), query.get('checkOut'), query.get('adults'), query.get('children') ?? '0');
    if (typeof stay === 'string') return invalid(stay);
    const wanted = query.get('roomType');
    const offers = roomTypes
      .filter((room) => (wanted === null || room.id === wanted) && fits(room, stay))
      .map((room) => ({ room, available: this.freeRooms(hotelId, room, stay.nights) }))
      .filter(({ available }) => available > 0)
      .map(({ room, available }) => ({
        roomType: room.id,
        name: room.name,
        capacity: room.capacity,
        available,
        total: this.money(room.rate * stay.nights.length),
        nightly: stay.nights.map((date) => ({ date, amount: room.rate })),
      }))
      .sort((a, b) => a.total.amount - b.total.amount);
    return ok({ offers });
  }

  private create(hotelId: string, roomTypes: readonly FakeRoomType[], request: RecordedRequest): FakeReply {
    const key = header(request, 'idempotency-key');
    if (!key) return invalid('the Idempotency-Key header is required');
    const known = this.idempotencyKeys.get(`${hotelId}\n${key}`);
    if (known !== undefined) return ok({ booking: this.find(hotelId, known) });

    const body = request.json as CreateBody | undefined;
    const room = roomTypes.find((r) => r.id === body?.roomType);
    if (!body || !room) return invalid('roomType must name one of the hotel’s room types');
    if (!body.guest?.phone || !body.guest.name) return invalid('guest.phone and guest.name are required');
    const stay = parseStay(body.checkIn, body.checkOut, String(body.adults), String(body.children ?? 0));
    if (typeof stay === 'string') return invalid(stay);
    if (!fits(room, stay) || stay.nights.length < (room.minStay ?? 1) || this.freeRooms(hotelId, room, stay.nights) < 1) {
      return { status: 409, body: { error: 'unavailable', message: `no ${room.id} room is free on every night` } };
    }

    const now = this.now().toISOString();
    const booking: FakeBooking = {
      hotelId,
      reference: this.newReference(hotelId),
      status: body.holdUntil ? 'held' : 'confirmed',
      roomType: room.id,
      roomName: room.name,
      checkIn: stay.checkIn,
      checkOut: stay.checkOut,
      nights: stay.nights.length,
      adults: stay.adults,
      children: stay.children,
      guest: body.guest,
      total: this.money(room.rate * stay.nights.length),
      nightly: stay.nights.map((date) => ({ date, amount: room.rate })),
      ...(body.holdUntil && { holdExpiresAt: body.holdUntil }),
      createdAt: now,
      updatedAt: now,
    };
    this.bookings.set(hotelId, [...(this.bookings.get(hotelId) ?? []), booking]);
    this.idempotencyKeys.set(`${hotelId}\n${key}`, booking.reference);
    return { status: 201, body: { booking } };
  }

  private list(hotelId: string, query: URLSearchParams): FakeReply {
    const guest = query.get('guest');
    const from = query.get('from');
    const to = query.get('to');
    const statuses = query.get('status')?.split(',');
    const limit = query.get('limit');
    const bookings = this.bookingsOf(hotelId)
      .map((b) => this.withExpiry(b))
      .filter(
        (b) =>
          (guest === null || (b.guest.identity ?? b.guest.phone) === guest) &&
          (from === null || b.checkOut > from) &&
          (to === null || b.checkIn < to),
      )
      .filter((b) => !statuses || statuses.includes(b.status))
      .sort((a, b) => a.checkIn.localeCompare(b.checkIn))
      .slice(0, limit === null ? undefined : Number(limit));
    return ok({ bookings });
  }

  private cancel(hotelId: string, reference: string, body: unknown): FakeReply {
    const booking = this.find(hotelId, reference);
    if (!booking) return notFound(`no booking ${reference}`);
    const change = body as { by?: string; fee?: { amount: number; currency: string } } | undefined;
    if (change?.by !== 'guest' && change?.by !== 'staff') return invalid('by must be "guest" or "staff"');
    if (booking.status === 'cancelled') return ok({ booking });
    if (booking.status === 'expired' || booking.status === 'failed') return stateConflict(booking);
    return ok({
      booking: this.update(hotelId, {
        ...booking,
        status: 'cancelled',
        cancelledBy: change.by,
        ...(change.fee && { cancellationFee: change.fee }),
      }),
    });
  }

  private confirm(hotelId: string, reference: string): FakeReply {
    const booking = this.find(hotelId, reference);
    if (!booking) return notFound(`no booking ${reference}`);
    if (booking.status === 'confirmed') return ok({ booking });
    if (booking.status !== 'held' && booking.status !== 'pending') return stateConflict(booking);
    return ok({ booking: this.update(hotelId, { ...booking, status: 'confirmed' }) });
  }

  /** The booking, with a hold past its expiry turned into `expired` first. */
  private find(hotelId: string, reference: string): FakeBooking | undefined {
    const booking = this.bookings.get(hotelId)?.find((b) => b.reference === reference);
    if (!booking) return undefined;
    const current = this.withExpiry(booking);
    return current === booking ? booking : this.update(hotelId, current);
  }

  private withExpiry(booking: FakeBooking): FakeBooking {
    const expired = booking.status === 'held' && booking.holdExpiresAt !== undefined && new Date(booking.holdExpiresAt) <= this.now();
    return expired ? { ...booking, status: 'expired' } : booking;
  }

  private update(hotelId: string, booking: FakeBooking): FakeBooking {
    const updated = { ...booking, updatedAt: this.now().toISOString() };
    this.bookings.set(
      hotelId,
      this.bookingsOf(hotelId).map((b) => (b.reference === booking.reference ? updated : b)),
    );
    return updated;
  }

  /** Rooms of the type free on every one of `nights`: the per-night count is what prevents overbooking. */
  private freeRooms(hotelId: string, room: FakeRoomType, nights: readonly string[]): number {
    const occupying = this.bookingsOf(hotelId)
      .map((b) => this.withExpiry(b))
      .filter((b) => b.roomType === room.id && OCCUPYING.has(b.status));
    const takenPerNight = nights.map((night) => occupying.filter((b) => b.checkIn <= night && night < b.checkOut).length);
    return room.rooms - Math.max(0, ...takenPerNight);
  }

  private newReference(hotelId: string): string {
    let reference: string;
    do reference = `HT${randomId(5, '23456789ABCDEFGHJKMNPQRSTUVWXYZ')}`;
    while (this.bookings.get(hotelId)?.some((b) => b.reference === reference));
    return reference;
  }

  private money(amount: number): { amount: number; currency: string } {
    return { amount: Math.round(amount * 100) / 100, currency: this.options.currency ?? 'EUR' };
  }

  private routePath(path: string): string {
    const base = this.options.basePath ?? '';
    return path.startsWith(base) ? path.slice(base.length) : path;
  }
}

export interface ReservationSystemFakeOptions {
  /** Hotel id → its room types. */
  readonly hotels: Readonly<Record<string, readonly FakeRoomType[]>>;
  /** When set, requests without `Authorization: Bearer <apiKey>` get 401. */
  readonly apiKey?: string;
  /** Where the API lives below the server's root, e.g. `/pms`. */
  readonly basePath?: string;
  readonly currency?: string;
  readonly now?: () => Date;
}

export interface FakeRoomType {
  readonly id: string;
  readonly name: string | Readonly<Record<string, string>>;
  readonly capacity: { readonly adults: number; readonly children: number };
  readonly rooms: number;
  /** The same rate every night keeps expected totals obvious in tests. */
  readonly rate: number;
  readonly minStay?: number;
}

/** A booking as the fake stores and sends it: the wire format. */
export interface FakeBooking {
  readonly hotelId: string;
  readonly reference: string;
  readonly status: 'pending' | 'held' | 'confirmed' | 'cancelled' | 'expired' | 'failed';
  readonly roomType: string;
  readonly roomName: FakeRoomType['name'];
  readonly checkIn: string;
  readonly checkOut: string;
  readonly nights: number;
  readonly adults: number;
  readonly children: number;
  readonly guest: {
    readonly phone: string;
    /** The owner, when not `phone` (a simulator guest); the contract matches `?guest=` against it. */
    readonly identity?: string;
    readonly name: string;
    readonly email?: string;
    readonly language?: string;
    readonly channelId?: string;
  };
  readonly total: { readonly amount: number; readonly currency: string };
  readonly nightly: readonly { readonly date: string; readonly amount: number }[];
  readonly holdExpiresAt?: string;
  readonly cancellationFee?: { readonly amount: number; readonly currency: string };
  readonly cancelledBy?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface CreateBody {
  roomType?: string;
  checkIn?: string;
  checkOut?: string;
  adults?: number;
  children?: number;
  guest?: FakeBooking['guest'];
  holdUntil?: string;
}

interface Stay {
  readonly checkIn: string;
  readonly checkOut: string;
  readonly adults: number;
  readonly children: number;
  /** `YYYY-MM-DD` of every night, check-in night first. */
  readonly nights: readonly string[];
}

const OCCUPYING = new Set<FakeBooking['status']>(['pending', 'held', 'confirmed']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The stay, or what is wrong with it. */
function parseStay(checkIn: unknown, checkOut: unknown, adults: string | null, children: string): Stay | string {
  if (typeof checkIn !== 'string' || typeof checkOut !== 'string' || !DATE.test(checkIn) || !DATE.test(checkOut)) {
    return 'checkIn and checkOut must be YYYY-MM-DD dates';
  }
  if (checkIn >= checkOut) return 'checkOut must be after checkIn';
  const party = { adults: Number(adults), children: Number(children) };
  if (!Number.isInteger(party.adults) || party.adults < 1 || !Number.isInteger(party.children) || party.children < 0) {
    return 'adults must be a whole number of at least 1, children of at least 0';
  }
  const nights: string[] = [];
  for (let day = new Date(`${checkIn}T00:00:00Z`); day.toISOString().slice(0, 10) < checkOut; day.setUTCDate(day.getUTCDate() + 1)) {
    nights.push(day.toISOString().slice(0, 10));
  }
  return { checkIn, checkOut, ...party, nights };
}

function fits(room: FakeRoomType, stay: Stay): boolean {
  return stay.adults <= room.capacity.adults && stay.children <= room.capacity.children;
}

function roomTypeInfo(room: FakeRoomType): Record<string, unknown> {
  return { id: room.id, name: room.name, capacity: room.capacity, rooms: room.rooms, minStay: room.minStay ?? 1 };
}

function header(request: RecordedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function ok(body: unknown): FakeReply {
  return { status: 200, body };
}

function invalid(message: string): FakeReply {
  return { status: 400, body: { error: 'invalid', message } };
}

function notFound(message: string): FakeReply {
  return { status: 404, body: { error: 'not_found', message } };
}

function stateConflict(booking: FakeBooking): FakeReply {
  return { status: 409, body: { error: 'state', status: booking.status, message: `booking ${booking.reference} is ${booking.status}` } };
}
