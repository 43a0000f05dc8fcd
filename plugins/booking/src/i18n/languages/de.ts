import type { BookingTexts } from './en';

/** German texts of the `booking` namespace. */
export const de: BookingTexts = {
  // Asking for what is missing
  ask_check_in: 'Wann möchten Sie anreisen? Zum Beispiel „nächsten Freitag“ oder „12. März“.',
  ask_check_out: 'Wie viele Nächte bleiben Sie? Sie können mir auch Ihr Abreisedatum schicken.',
  ask_guests: 'Für wie viele Personen? Zum Beispiel „2 Erwachsene“ oder „2 Erwachsene und 1 Kind“.',
  resume: 'Machen wir mit Ihrer Buchung weiter.',
  not_understood_date: 'Entschuldigung, ich habe kein Datum erkannt. Versuchen Sie es mit „nächsten Freitag“ oder „12. März“.',
  not_understood_nights: 'Entschuldigung, wie viele Nächte? Senden Sie eine Zahl wie 3 oder ein Abreisedatum.',
  not_understood_guests: 'Entschuldigung, für wie viele Personen? Zum Beispiel „2 Erwachsene“ oder „2 Erwachsene und 1 Kind“.',
  // Stays and parties that cannot be booked
  error_date_in_past: 'Dieses Datum liegt bereits in der Vergangenheit.',
  error_invalid_date: 'Dieses Datum gibt es nicht.',
  error_checkout_not_after_checkin: 'Die Abreise muss nach der Anreise ({{checkIn}}) liegen.',
  error_stay_too_long: 'Hier können Aufenthalte von bis zu {{maxNights}} Nächten gebucht werden.',
  error_too_far_ahead: 'Wir nehmen Buchungen für Anreisen bis {{lastDate}} an.',
  error_too_many_guests:
    'Unser größtes Zimmer bietet Platz für {{adults}} Erwachsene und {{children}} Kinder. Für eine größere Gruppe buchen Sie bitte ein Zimmer nach dem anderen oder wenden Sie sich an unser Team.',
  error_zero_guests: 'Eine Buchung braucht mindestens einen Erwachsenen.',
  // Rooms
  choose_room: 'Frei von {{checkIn}} bis {{checkOut}} ({{nights}}, {{guests}}). Wählen Sie ein Zimmer:',
  rooms_button: 'Zimmer ansehen',
  room_row: '{{total}} gesamt · {{perNight}} pro Nacht',
  no_rooms: 'Leider ist von {{checkIn}} bis {{checkOut}} nichts frei ({{guests}}).',
  nearby: 'An diesen nahen Terminen ist ein Zimmer frei. Tippen Sie auf einen oder senden Sie andere Daten:',
  other_dates: 'Andere Termine',
  just_taken: 'Leider wurde dieses Zimmer gerade von einem anderen Gast gebucht.',
  // Guest details
  ask_name_profile: 'Soll ich die Buchung auf den Namen {{name}} vornehmen?',
  name_yes: 'Ja',
  name_other: 'Anderer Name',
  ask_name: 'Auf welchen Namen soll die Buchung laufen?',
  invalid_name: 'Bitte senden Sie den vollständigen Namen für die Buchung.',
  ask_email: 'An welche E-Mail-Adresse sollen wir die Bestätigung senden?',
  invalid_email: 'Das sieht nicht nach einer E-Mail-Adresse aus. Könnten Sie sie bitte prüfen?',
  // Summary
  summary:
    'Bitte prüfen Sie Ihre Buchung:\n🛏 {{room}}\n📅 {{checkIn}} → {{checkOut}} ({{nights}})\n👥 {{guests}}\n👤 {{name}} · {{email}}\n💶 Gesamt {{total}}',
  confirm: 'Bestätigen',
  change: 'Ändern',
  cancel: 'Abbrechen',
  change_what: 'Was möchten Sie ändern?',
  change_button: 'Ändern',
  change_dates: 'Reisedaten',
  change_guests: 'Gäste',
  change_room: 'Zimmer',
  change_name: 'Name',
  change_email: 'E-Mail',
  back: 'Zurück',
  // Outcome
  confirmed: 'Gebucht! ✅ Ihre Buchungsnummer ist {{reference}}: {{room}}, {{checkIn}} → {{checkOut}}, gesamt {{total}}.',
  free_cancellation: 'Kostenlose Stornierung bis {{freeUntil}}.',
  held: 'Ihr Zimmer ist bis {{until}} für Sie reserviert, während Sie bezahlen. Buchungsnummer {{reference}}, gesamt {{total}}.',
  abandoned: 'Kein Problem, es wurde nichts gebucht. Schreiben Sie mir einfach, wann immer Sie buchen möchten.',
  backend_down:
    'Unser Buchungssystem antwortet gerade nicht, daher wurde nichts gebucht. Bitte versuchen Sie es in ein paar Minuten noch einmal.',
  backend_unknown:
    'Unser Buchungssystem hat nicht rechtzeitig bestätigt. Tippen Sie in einer Minute erneut auf Bestätigen: Es wird nicht doppelt gebucht.',
  // My bookings and cancelling
  backend_down_manage:
    'Unser Buchungssystem antwortet gerade nicht, Ihre Buchung wurde daher nicht geändert. Bitte versuchen Sie es in ein paar Minuten erneut.',
  my_bookings_none: 'Sie haben keine bevorstehenden Buchungen bei uns. Möchten Sie ein Zimmer buchen?',
  book_room: 'Zimmer buchen',
  my_bookings: 'Ihre bevorstehenden Buchungen:\n{{lines}}\nZum Stornieren tippen Sie unten auf die Buchung.',
  bookings_button: 'Ihre Buchungen',
  booking_line: '{{reference}}: {{room}}, {{checkIn}} → {{checkOut}} ({{status}})',
  booking_row: '{{checkIn}} → {{checkOut}} · {{status}}',
  status_pending: 'in Bearbeitung',
  status_held: 'Zahlung ausstehend',
  status_confirmed: 'bestätigt',
  status_cancelled: 'storniert',
  status_expired: 'abgelaufen',
  status_failed: 'fehlgeschlagen',
  cancel_which: 'Welche Buchung möchten Sie stornieren? Tippen Sie darauf oder senden Sie die Buchungsnummer.',
  cancel_not_found:
    'Ich konnte die Buchung {{reference}} für Ihre Telefonnummer im {{hotel}} nicht finden. Bitte prüfen Sie die Buchungsnummer.',
  cancel_confirm_free: '{{reference}} ({{room}}, {{checkIn}} → {{checkOut}}) stornieren? Die Stornierung ist kostenlos.',
  cancel_confirm_fee:
    '{{reference}} ({{room}}, {{checkIn}} → {{checkOut}}) stornieren? Die Frist für die kostenlose Stornierung ist abgelaufen, daher werden {{fee}} berechnet.',
  cancel_yes: 'Ja, stornieren',
  cancel_no: 'Nein, behalten',
  cancel_refused:
    'Die Buchung {{reference}} kann hier nicht mehr storniert werden: Die kostenlose Stornierung war bis {{freeUntil}} möglich. Unser Team hilft Ihnen gern.',
  cancel_started:
    'Der Aufenthalt zur Buchung {{reference}} hat bereits begonnen, daher kann sie hier nicht storniert werden. Unser Team hilft Ihnen gern.',
  cancel_final: 'Die Buchung {{reference}} ist bereits {{status}}.',
  talk_to_person: 'Mit Team sprechen',
  cancelled: 'Die Buchung {{reference}} ist storniert.',
  cancelled_fee: 'Die Buchung {{reference}} ist storniert. Es fällt eine Gebühr von {{fee}} an.',
  kept: 'In Ordnung, die Buchung {{reference}} bleibt unverändert.',
  // Plurals and words
  nights_one: '1 Nacht',
  nights_other: '{{count}} Nächte',
  adults_one: '1 Erwachsener',
  adults_other: '{{count}} Erwachsene',
  children_one: '1 Kind',
  children_other: '{{count}} Kinder',
  back_words: 'zurück|zurueck|zurück gehen|zurückgehen|vorherige|rückgängig|back',
};
