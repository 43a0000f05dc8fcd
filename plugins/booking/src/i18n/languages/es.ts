import type { BookingTexts } from './en';

/** Spanish texts of the `booking` namespace. */
export const es: BookingTexts = {
  // Asking for what is missing
  ask_check_in: '¿Qué día desea llegar? Por ejemplo "el próximo viernes" o "12 de marzo".',
  ask_check_out: '¿Cuántas noches se alojará? También puede enviarme la fecha de salida.',
  ask_guests: '¿Para cuántas personas? Por ejemplo "2 adultos" o "2 adultos y 1 niño".',
  resume: 'Sigamos con su reserva.',
  not_understood_date: 'Perdone, no he reconocido ninguna fecha. Pruebe con "el próximo viernes" o "12 de marzo".',
  not_understood_nights: 'Perdone, ¿cuántas noches? Envíe un número, como 3, o la fecha de salida.',
  not_understood_guests: 'Perdone, ¿para cuántas personas? Por ejemplo "2 adultos" o "2 adultos y 1 niño".',
  // Stays and parties that cannot be booked
  error_date_in_past: 'Esa fecha ya ha pasado.',
  error_invalid_date: 'Esa fecha no existe.',
  error_checkout_not_after_checkin: 'La salida debe ser posterior a la llegada ({{checkIn}}).',
  error_stay_too_long: 'Por aquí se pueden reservar estancias de hasta {{maxNights}} noches.',
  error_too_far_ahead: 'Aceptamos reservas con llegada hasta el {{lastDate}}.',
  error_too_many_guests:
    'Nuestra habitación más grande admite {{adults}} adultos y {{children}} niños. Para un grupo mayor, reserve una habitación cada vez o consulte a nuestro equipo.',
  error_zero_guests: 'La reserva debe incluir al menos un adulto.',
  // Rooms
  choose_room: 'Disponible del {{checkIn}} al {{checkOut}} ({{nights}}, {{guests}}). Elija una habitación:',
  rooms_button: 'Ver habitaciones',
  room_row: '{{total}} en total · {{perNight}} por noche',
  no_rooms: 'Lo sentimos, no hay nada libre del {{checkIn}} al {{checkOut}} para {{guests}}.',
  nearby: 'En estas fechas cercanas hay habitación libre. Elija una o envíe otras fechas:',
  other_dates: 'Otras fechas',
  just_taken: 'Lo sentimos, otro huésped acaba de reservar esa habitación.',
  // Guest details
  ask_name_profile: '¿Hago la reserva a nombre de {{name}}?',
  name_yes: 'Sí',
  name_other: 'Otro nombre',
  ask_name: '¿A nombre de quién hago la reserva?',
  invalid_name: 'Por favor, envíe el nombre completo para la reserva.',
  ask_email: '¿A qué correo electrónico le enviamos la confirmación?',
  invalid_email: 'Eso no parece una dirección de correo electrónico. ¿Podría revisarla?',
  // Summary
  summary:
    'Por favor, revise su reserva:\n🛏 {{room}}\n📅 {{checkIn}} → {{checkOut}} ({{nights}})\n👥 {{guests}}\n👤 {{name}} · {{email}}\n💶 Total {{total}}',
  confirm: 'Confirmar',
  change: 'Cambiar',
  cancel: 'Cancelar',
  change_what: '¿Qué desea cambiar?',
  change_button: 'Cambiar',
  change_dates: 'Fechas',
  change_guests: 'Huéspedes',
  change_room: 'Habitación',
  change_name: 'Nombre',
  change_email: 'Correo electrónico',
  back: 'Atrás',
  // Outcome
  confirmed: '¡Reservado! ✅ Su código de reserva es {{reference}}: {{room}}, {{checkIn}} → {{checkOut}}, total {{total}}.',
  free_cancellation: 'Cancelación gratuita hasta el {{freeUntil}}.',
  held: 'Le guardamos la habitación hasta el {{until}} mientras realiza el pago. Código {{reference}}, total {{total}}.',
  abandoned: 'No hay problema, no se ha reservado nada. Escríbame cuando quiera reservar.',
  backend_down:
    'Nuestro sistema de reservas no responde en este momento, así que no se ha reservado nada. Inténtelo de nuevo en unos minutos.',
  backend_unknown:
    'Nuestro sistema de reservas no ha confirmado a tiempo. Pulse Confirmar de nuevo dentro de un minuto: la reserva no se hará dos veces.',
  // My bookings and cancelling
  backend_down_manage:
    'Nuestro sistema de reservas no responde en este momento, así que su reserva no ha cambiado. Inténtelo de nuevo en unos minutos.',
  my_bookings_none: 'No tiene próximas reservas con nosotros. ¿Le gustaría reservar una habitación?',
  book_room: 'Reservar habitación',
  my_bookings: 'Sus próximas reservas:\n{{lines}}\nPara cancelar una, púlsela abajo.',
  bookings_button: 'Sus reservas',
  booking_line: '{{reference}}: {{room}}, {{checkIn}} → {{checkOut}} ({{status}})',
  booking_row: '{{checkIn}} → {{checkOut}} · {{status}}',
  status_pending: 'en trámite',
  status_held: 'pendiente de pago',
  status_confirmed: 'confirmada',
  status_cancelled: 'cancelada',
  status_expired: 'caducada',
  status_failed: 'no realizada',
  cancel_which: '¿Qué reserva desea cancelar? Púlsela o envíe su código.',
  cancel_not_found: 'No he encontrado la reserva {{reference}} asociada a su número en {{hotel}}. Por favor, revise el código.',
  cancel_confirm_free: '¿Cancelar {{reference}} ({{room}}, {{checkIn}} → {{checkOut}})? La cancelación es gratuita.',
  cancel_confirm_fee:
    '¿Cancelar {{reference}} ({{room}}, {{checkIn}} → {{checkOut}})? El plazo de cancelación gratuita ha terminado, por lo que se cobrará {{fee}}.',
  cancel_yes: 'Sí, cancelarla',
  cancel_no: 'No, mantenerla',
  cancel_refused:
    'La reserva {{reference}} ya no se puede cancelar por aquí: la cancelación gratuita terminó el {{freeUntil}}. Nuestro equipo puede ayudarle.',
  cancel_started:
    'La estancia de la reserva {{reference}} ya ha comenzado, así que no se puede cancelar por aquí. Nuestro equipo puede ayudarle.',
  cancel_final: 'La reserva {{reference}} ya figura como {{status}}.',
  talk_to_person: 'Hablar con el equipo',
  cancelled: 'La reserva {{reference}} está cancelada.',
  cancelled_fee: 'La reserva {{reference}} está cancelada. Se aplica un cargo de {{fee}}.',
  kept: 'De acuerdo, la reserva {{reference}} se mantiene tal cual.',
  // Plurals and words
  nights_one: '1 noche',
  nights_other: '{{count}} noches',
  adults_one: '1 adulto',
  adults_other: '{{count}} adultos',
  children_one: '1 niño',
  children_other: '{{count}} niños',
  back_words: 'atrás|atras|volver|volver atrás|anterior|deshacer|back',
};
