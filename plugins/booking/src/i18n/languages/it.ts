import type { BookingTexts } from './en';

/** Italian texts of the `booking` namespace. */
export const it: BookingTexts = {
  // Asking for what is missing
  ask_check_in: 'Quando desidera arrivare? Per esempio "venerdì prossimo" o "12 marzo".',
  ask_check_out: 'Quante notti si fermerà? Può anche inviarmi la data di partenza.',
  ask_guests: 'Per quante persone? Per esempio "2 adulti" o "2 adulti e 1 bambino".',
  resume: 'Riprendiamo la sua prenotazione.',
  not_understood_date: 'Mi scusi, non ho riconosciuto una data. Provi con "venerdì prossimo" o "12 marzo".',
  not_understood_nights: 'Mi scusi, quante notti? Invii un numero, come 3, oppure una data di partenza.',
  not_understood_guests: 'Mi scusi, per quante persone? Per esempio "2 adulti" o "2 adulti e 1 bambino".',
  // Stays and parties that cannot be booked
  error_date_in_past: 'Quella data è già passata.',
  error_invalid_date: 'Quella data non esiste.',
  error_checkout_not_after_checkin: 'La partenza deve essere successiva all’arrivo ({{checkIn}}).',
  error_stay_too_long: 'Qui si possono prenotare soggiorni fino a {{maxNights}} notti.',
  error_too_far_ahead: 'Accettiamo prenotazioni con arrivo fino a {{lastDate}}.',
  error_too_many_guests:
    'La nostra camera più grande ospita {{adults}} adulti e {{children}} bambini. Per un gruppo più numeroso, prenoti una camera alla volta o si rivolga al nostro staff.',
  error_zero_guests: 'Una prenotazione richiede almeno un adulto.',
  // Rooms
  choose_room: 'Disponibile da {{checkIn}} a {{checkOut}} ({{nights}}, {{guests}}). Scelga una camera:',
  rooms_button: 'Vedi camere',
  room_row: '{{total}} in totale · {{perNight}} a notte',
  no_rooms: 'Ci dispiace, non c’è nulla di libero da {{checkIn}} a {{checkOut}} per {{guests}}.',
  nearby: 'In queste date vicine c’è una camera libera. Ne tocchi una o invii altre date:',
  other_dates: 'Altre date',
  just_taken: 'Ci dispiace, quella camera è appena stata prenotata da un altro ospite.',
  // Guest details
  ask_name_profile: 'Intesto la prenotazione a {{name}}?',
  name_yes: 'Sì',
  name_other: 'Un altro nome',
  ask_name: 'A quale nome intesto la prenotazione?',
  invalid_name: 'Per favore, invii il nome completo per la prenotazione.',
  ask_email: 'A quale indirizzo email inviamo la conferma?',
  invalid_email: 'Non sembra un indirizzo email. Potrebbe controllarlo?',
  // Summary
  summary:
    'Controlli la sua prenotazione:\n🛏 {{room}}\n📅 {{checkIn}} → {{checkOut}} ({{nights}})\n👥 {{guests}}\n👤 {{name}} · {{email}}\n💶 Totale {{total}}',
  confirm: 'Conferma',
  change: 'Modifica',
  cancel: 'Annulla',
  change_what: 'Cosa desidera modificare?',
  change_button: 'Modifica',
  change_dates: 'Date',
  change_guests: 'Ospiti',
  change_room: 'Camera',
  change_name: 'Nome',
  change_email: 'Email',
  back: 'Indietro',
  // Outcome
  confirmed: 'Prenotato! ✅ Il suo codice di prenotazione è {{reference}}: {{room}}, {{checkIn}} → {{checkOut}}, totale {{total}}.',
  free_cancellation: 'Cancellazione gratuita fino al {{freeUntil}}.',
  held: 'Le teniamo la camera fino al {{until}} mentre effettua il pagamento. Codice {{reference}}, totale {{total}}.',
  abandoned: 'Nessun problema, non è stato prenotato nulla. Mi scriva quando desidera prenotare.',
  backend_down:
    'Il nostro sistema di prenotazione non risponde al momento, quindi non è stato prenotato nulla. Riprovi tra qualche minuto.',
  backend_unknown:
    'Il nostro sistema di prenotazione non ha confermato in tempo. Tocchi di nuovo Conferma tra un minuto: la prenotazione non verrà fatta due volte.',
  // My bookings and cancelling
  backend_down_manage:
    'Il nostro sistema di prenotazione non risponde in questo momento, quindi la sua prenotazione non è stata modificata. Riprovi tra qualche minuto.',
  my_bookings_none: 'Non ha prenotazioni future con noi. Desidera prenotare una camera?',
  book_room: 'Prenota una camera',
  my_bookings: 'Le sue prossime prenotazioni:\n{{lines}}\nPer annullarne una, la tocchi qui sotto.',
  bookings_button: 'Le sue prenotazioni',
  booking_line: '{{reference}}: {{room}}, {{checkIn}} → {{checkOut}} ({{status}})',
  booking_row: '{{checkIn}} → {{checkOut}} · {{status}}',
  status_pending: 'in corso',
  status_held: 'in attesa di pagamento',
  status_confirmed: 'confermata',
  status_cancelled: 'cancellata',
  status_expired: 'scaduta',
  status_failed: 'non riuscita',
  cancel_which: 'Quale prenotazione desidera annullare? La tocchi o invii il codice.',
  cancel_not_found: 'Non ho trovato la prenotazione {{reference}} per il suo numero presso {{hotel}}. Controlli il codice, per favore.',
  cancel_confirm_free: 'Annullare {{reference}} ({{room}}, {{checkIn}} → {{checkOut}})? La cancellazione è gratuita.',
  cancel_confirm_fee:
    'Annullare {{reference}} ({{room}}, {{checkIn}} → {{checkOut}})? Il periodo di cancellazione gratuita è terminato, quindi verranno addebitati {{fee}}.',
  cancel_yes: 'Sì, annulla',
  cancel_no: 'No, mantienila',
  cancel_refused:
    'La prenotazione {{reference}} non può più essere annullata qui: la cancellazione gratuita è terminata il {{freeUntil}}. Il nostro staff può aiutarla.',
  cancel_started:
    'Il soggiorno della prenotazione {{reference}} è già iniziato, quindi non può essere annullata qui. Il nostro staff può aiutarla.',
  cancel_final: 'La prenotazione {{reference}} è già {{status}}.',
  talk_to_person: 'Parla con lo staff',
  cancelled: 'La prenotazione {{reference}} è stata cancellata.',
  cancelled_fee: 'La prenotazione {{reference}} è stata cancellata. Si applica una penale di {{fee}}.',
  kept: 'Va bene, la prenotazione {{reference}} resta invariata.',
  // Plurals and words
  nights_one: '1 notte',
  nights_other: '{{count}} notti',
  adults_one: '1 adulto',
  adults_other: '{{count}} adulti',
  children_one: '1 bambino',
  children_other: '{{count}} bambini',
  back_words: 'indietro|torna indietro|tornare indietro|precedente|back',
};
