import type { BookingTexts } from './en';

/** Portuguese texts of the `booking` namespace. */
export const pt: BookingTexts = {
  // Asking for what is missing
  ask_check_in: 'Quando gostaria de chegar? Por exemplo "próxima sexta-feira" ou "12 de março".',
  ask_check_out: 'Quantas noites vai ficar? Também pode enviar a data de saída.',
  ask_guests: 'Para quantas pessoas? Por exemplo "2 adultos" ou "2 adultos e 1 criança".',
  resume: 'Vamos continuar com a sua reserva.',
  not_understood_date: 'Desculpe, não percebi a data. Experimente "próxima sexta-feira" ou "12 de março".',
  not_understood_nights: 'Desculpe, quantas noites? Envie um número, como 3, ou a data de saída.',
  not_understood_guests: 'Desculpe, para quantas pessoas? Por exemplo "2 adultos" ou "2 adultos e 1 criança".',
  // Stays and parties that cannot be booked
  error_date_in_past: 'Essa data já passou.',
  error_invalid_date: 'Essa data não existe.',
  error_checkout_not_after_checkin: 'A saída tem de ser depois da entrada ({{checkIn}}).',
  error_stay_too_long: 'Aqui pode reservar estadias de até {{maxNights}} noites.',
  error_too_far_ahead: 'Aceitamos reservas com chegada até {{lastDate}}.',
  error_too_many_guests:
    'O nosso maior quarto acomoda {{adults}} adultos e {{children}} crianças. Para um grupo maior, reserve um quarto de cada vez ou fale com a nossa equipa.',
  error_zero_guests: 'Uma reserva precisa de pelo menos um adulto.',
  // Rooms
  choose_room: 'Disponível de {{checkIn}} a {{checkOut}} ({{nights}}, {{guests}}). Escolha um quarto:',
  rooms_button: 'Ver quartos',
  room_row: '{{total}} no total · {{perNight}} por noite',
  no_rooms: 'Lamentamos, não há nada disponível de {{checkIn}} a {{checkOut}} para {{guests}}.',
  nearby: 'Há quartos livres nestas datas próximas. Toque numa delas ou envie outras datas:',
  other_dates: 'Outras datas',
  just_taken: 'Lamentamos, esse quarto acabou de ser reservado por outro hóspede.',
  // Guest details
  ask_name_profile: 'Posso fazer a reserva em nome de {{name}}?',
  name_yes: 'Sim',
  name_other: 'Outro nome',
  ask_name: 'Em nome de quem devo fazer a reserva?',
  invalid_name: 'Por favor, envie o nome completo para a reserva.',
  ask_email: 'Para que endereço de e-mail devemos enviar a confirmação?',
  invalid_email: 'Isso não parece um endereço de e-mail. Pode verificá-lo?',
  // Summary
  summary:
    'Por favor, verifique a sua reserva:\n🛏 {{room}}\n📅 {{checkIn}} → {{checkOut}} ({{nights}})\n👥 {{guests}}\n👤 {{name}} · {{email}}\n💶 Total {{total}}',
  confirm: 'Confirmar',
  change: 'Alterar',
  cancel: 'Cancelar',
  change_what: 'O que gostaria de alterar?',
  change_button: 'Alterar',
  change_dates: 'Datas',
  change_guests: 'Hóspedes',
  change_room: 'Quarto',
  change_name: 'Nome',
  change_email: 'E-mail',
  back: 'Voltar',
  // Outcome
  confirmed: 'Reservado! ✅ A sua referência é {{reference}}: {{room}}, {{checkIn}} → {{checkOut}}, total {{total}}.',
  free_cancellation: 'Cancelamento gratuito até {{freeUntil}}.',
  held: 'O seu quarto fica guardado até {{until}} enquanto efetua o pagamento. Referência {{reference}}, total {{total}}.',
  abandoned: 'Sem problema, não foi feita nenhuma reserva. Escreva-me sempre que quiser reservar.',
  backend_down:
    'O nosso sistema de reservas não está a responder neste momento, por isso não foi feita nenhuma reserva. Tente novamente daqui a alguns minutos.',
  backend_unknown:
    'O nosso sistema de reservas não confirmou a tempo. Toque novamente em Confirmar daqui a um minuto: a reserva não será feita em duplicado.',
  // My bookings and cancelling
  backend_down_manage:
    'O nosso sistema de reservas não está a responder neste momento, por isso a sua reserva não foi alterada. Tente novamente dentro de alguns minutos.',
  my_bookings_none: 'Não tem reservas futuras connosco. Gostaria de reservar um quarto?',
  book_room: 'Reservar quarto',
  my_bookings: 'As suas próximas reservas:\n{{lines}}\nPara cancelar uma, toque nela abaixo.',
  bookings_button: 'As suas reservas',
  booking_line: '{{reference}}: {{room}}, {{checkIn}} → {{checkOut}} ({{status}})',
  booking_row: '{{checkIn}} → {{checkOut}} · {{status}}',
  status_pending: 'em curso',
  status_held: 'a aguardar pagamento',
  status_confirmed: 'confirmada',
  status_cancelled: 'cancelada',
  status_expired: 'expirada',
  status_failed: 'não concluída',
  cancel_which: 'Que reserva gostaria de cancelar? Toque nela ou envie a referência.',
  cancel_not_found: 'Não encontrei a reserva {{reference}} associada ao seu número no {{hotel}}. Verifique a referência, por favor.',
  cancel_confirm_free: 'Cancelar {{reference}} ({{room}}, {{checkIn}} → {{checkOut}})? O cancelamento é gratuito.',
  cancel_confirm_fee:
    'Cancelar {{reference}} ({{room}}, {{checkIn}} → {{checkOut}})? O período de cancelamento gratuito terminou, por isso será cobrado {{fee}}.',
  cancel_yes: 'Sim, cancelar',
  cancel_no: 'Não, manter',
  cancel_refused:
    'A reserva {{reference}} já não pode ser cancelada por aqui: o cancelamento gratuito terminou a {{freeUntil}}. A nossa equipa pode ajudar.',
  cancel_started: 'A estadia da reserva {{reference}} já começou, por isso não pode ser cancelada por aqui. A nossa equipa pode ajudar.',
  cancel_final: 'A reserva {{reference}} já está {{status}}.',
  talk_to_person: 'Falar com a equipa',
  cancelled: 'A reserva {{reference}} foi cancelada.',
  cancelled_fee: 'A reserva {{reference}} foi cancelada. Aplica-se uma taxa de {{fee}}.',
  kept: 'Muito bem, a reserva {{reference}} mantém-se como está.',
  // Plurals and words
  nights_one: '1 noite',
  nights_other: '{{count}} noites',
  adults_one: '1 adulto',
  adults_other: '{{count}} adultos',
  children_one: '1 criança',
  children_other: '{{count}} crianças',
  back_words: 'voltar|voltar atrás|atrás|atras|anterior|desfazer|back',
};
