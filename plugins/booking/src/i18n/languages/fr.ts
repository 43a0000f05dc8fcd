import type { BookingTexts } from './en';

/** French texts of the `booking` namespace. */
export const fr: BookingTexts = {
  // Asking for what is missing
  ask_check_in: 'Quand souhaitez-vous arriver ? Par exemple « vendredi prochain » ou « 12 mars ».',
  ask_check_out: 'Combien de nuits resterez-vous ? Vous pouvez aussi m’envoyer votre date de départ.',
  ask_guests: 'Pour combien de personnes ? Par exemple « 2 adultes » ou « 2 adultes et 1 enfant ».',
  resume: 'Reprenons votre réservation.',
  not_understood_date: 'Désolé, je n’ai pas reconnu de date. Essayez « vendredi prochain » ou « 12 mars ».',
  not_understood_nights: 'Désolé, combien de nuits ? Envoyez un nombre, par exemple 3, ou une date de départ.',
  not_understood_guests: 'Désolé, pour combien de personnes ? Par exemple « 2 adultes » ou « 2 adultes et 1 enfant ».',
  // Stays and parties that cannot be booked
  error_date_in_past: 'Cette date est déjà passée.',
  error_invalid_date: 'Cette date n’existe pas.',
  error_checkout_not_after_checkin: 'Le départ doit être postérieur à l’arrivée ({{checkIn}}).',
  error_stay_too_long: 'Ici, vous pouvez réserver des séjours de {{maxNights}} nuits maximum.',
  error_too_far_ahead: 'Nous acceptons les réservations pour des arrivées jusqu’au {{lastDate}}.',
  error_too_many_guests:
    'Notre plus grande chambre accueille {{adults}} adultes et {{children}} enfants. Pour un groupe plus nombreux, réservez une chambre à la fois ou adressez-vous à notre équipe.',
  error_zero_guests: 'Une réservation doit comprendre au moins un adulte.',
  // Rooms
  choose_room: 'Disponible du {{checkIn}} au {{checkOut}} ({{nights}}, {{guests}}). Choisissez une chambre :',
  rooms_button: 'Voir les chambres',
  room_row: '{{total}} au total · {{perNight}} par nuit',
  no_rooms: 'Désolé, rien n’est disponible du {{checkIn}} au {{checkOut}} pour {{guests}}.',
  nearby: 'Une chambre est libre à ces dates proches. Choisissez-en une ou envoyez d’autres dates :',
  other_dates: 'Autres dates',
  just_taken: 'Désolé, cette chambre vient d’être réservée par un autre client.',
  // Guest details
  ask_name_profile: 'Dois-je faire la réservation au nom de {{name}} ?',
  name_yes: 'Oui',
  name_other: 'Un autre nom',
  ask_name: 'À quel nom dois-je faire la réservation ?',
  invalid_name: 'Merci d’envoyer le nom complet pour la réservation.',
  ask_email: 'À quelle adresse e-mail devons-nous envoyer la confirmation ?',
  invalid_email: 'Cela ne ressemble pas à une adresse e-mail. Pourriez-vous la vérifier ?',
  // Summary
  summary:
    'Veuillez vérifier votre réservation :\n🛏 {{room}}\n📅 {{checkIn}} → {{checkOut}} ({{nights}})\n👥 {{guests}}\n👤 {{name}} · {{email}}\n💶 Total {{total}}',
  confirm: 'Confirmer',
  change: 'Modifier',
  cancel: 'Annuler',
  change_what: 'Que souhaitez-vous modifier ?',
  change_button: 'Modifier',
  change_dates: 'Dates',
  change_guests: 'Personnes',
  change_room: 'Chambre',
  change_name: 'Nom',
  change_email: 'E-mail',
  back: 'Retour',
  // Outcome
  confirmed: 'C’est réservé ! ✅ Votre référence est {{reference}} : {{room}}, {{checkIn}} → {{checkOut}}, total {{total}}.',
  free_cancellation: 'Annulation gratuite jusqu’au {{freeUntil}}.',
  held: 'Nous vous gardons la chambre jusqu’au {{until}}, le temps du paiement. Référence {{reference}}, total {{total}}.',
  abandoned: 'Pas de problème, rien n’a été réservé. Écrivez-moi quand vous souhaiterez réserver.',
  backend_down:
    'Notre système de réservation ne répond pas pour le moment, donc rien n’a été réservé. Veuillez réessayer dans quelques minutes.',
  backend_unknown:
    'Notre système de réservation n’a pas confirmé à temps. Appuyez de nouveau sur Confirmer dans une minute : la réservation ne sera pas faite en double.',
  // My bookings and cancelling
  backend_down_manage:
    "Notre système de réservation ne répond pas pour le moment, votre réservation n'a donc pas été modifiée. Veuillez réessayer dans quelques minutes.",
  my_bookings_none: 'Vous n’avez aucune réservation à venir chez nous. Souhaitez-vous réserver une chambre ?',
  book_room: 'Réserver une chambre',
  my_bookings: 'Vos réservations à venir :\n{{lines}}\nPour en annuler une, touchez-la ci-dessous.',
  bookings_button: 'Vos réservations',
  booking_line: '{{reference}} : {{room}}, {{checkIn}} → {{checkOut}} ({{status}})',
  booking_row: '{{checkIn}} → {{checkOut}} · {{status}}',
  status_pending: 'en cours',
  status_held: 'en attente de paiement',
  status_confirmed: 'confirmée',
  status_cancelled: 'annulée',
  status_expired: 'expirée',
  status_failed: 'non aboutie',
  cancel_which: 'Quelle réservation souhaitez-vous annuler ? Touchez-la ou envoyez sa référence.',
  cancel_not_found: 'Je n’ai pas trouvé de réservation {{reference}} pour votre numéro chez {{hotel}}. Veuillez vérifier la référence.',
  cancel_confirm_free: 'Annuler {{reference}} ({{room}}, {{checkIn}} → {{checkOut}}) ? L’annulation est gratuite.',
  cancel_confirm_fee:
    'Annuler {{reference}} ({{room}}, {{checkIn}} → {{checkOut}}) ? La période d’annulation gratuite est terminée : des frais de {{fee}} seront donc facturés.',
  cancel_yes: 'Oui, l’annuler',
  cancel_no: 'Non, la garder',
  cancel_refused:
    'La réservation {{reference}} ne peut plus être annulée ici : l’annulation gratuite a pris fin le {{freeUntil}}. Notre équipe peut vous aider.',
  cancel_started:
    'Le séjour de la réservation {{reference}} a déjà commencé, elle ne peut donc pas être annulée ici. Notre équipe peut vous aider.',
  cancel_final: 'La réservation {{reference}} est déjà {{status}}.',
  talk_to_person: 'Parler à l’équipe',
  cancelled: 'La réservation {{reference}} est annulée.',
  cancelled_fee: 'La réservation {{reference}} est annulée. Des frais de {{fee}} s’appliquent.',
  kept: 'Très bien, la réservation {{reference}} reste inchangée.',
  // Plurals and words
  nights_one: '1 nuit',
  nights_other: '{{count}} nuits',
  adults_one: '1 adulte',
  adults_other: '{{count}} adultes',
  children_one: '1 enfant',
  children_other: '{{count}} enfants',
  back_words: 'retour|revenir|revenir en arrière|en arrière|précédent|precedent|back',
};
