import type { BookingTexts } from './en';

/** Swahili texts of the `booking` namespace. */
export const sw: BookingTexts = {
  // Asking for what is missing
  ask_check_in: 'Ungependa kufika lini? Kwa mfano "Ijumaa ijayo" au "12 Machi".',
  ask_check_out: 'Utakaa usiku ngapi? Unaweza pia kutuma tarehe ya kuondoka.',
  ask_guests: 'Wageni wangapi? Kwa mfano "watu wazima 2" au "watu wazima 2 na mtoto 1".',
  resume: 'Tuendelee na booking yako.',
  not_understood_date: 'Samahani, sijapata tarehe. Jaribu "Ijumaa ijayo" au "12 Machi".',
  not_understood_nights: 'Samahani, usiku ngapi? Tuma namba kama 3, au tarehe ya kuondoka.',
  not_understood_guests: 'Samahani, wageni wangapi? Kwa mfano "watu wazima 2" au "watu wazima 2 na mtoto 1".',
  // Stays and parties that cannot be booked
  error_date_in_past: 'Tarehe hiyo imeshapita.',
  error_invalid_date: 'Tarehe hiyo haipo.',
  error_checkout_not_after_checkin: 'Tarehe ya kuondoka lazima iwe baada ya tarehe ya kufika ({{checkIn}}).',
  error_stay_too_long: 'Hapa unaweza kuweka nafasi ya hadi usiku {{maxNights}}.',
  error_too_far_ahead: 'Tunapokea booking za kufika hadi {{lastDate}}.',
  error_too_many_guests:
    'Chumba chetu kikubwa zaidi kinatosha watu wazima {{adults}} na watoto {{children}}. Kwa kundi kubwa zaidi, weka nafasi ya chumba kimoja kimoja au waulize wafanyakazi wetu.',
  error_zero_guests: 'Booking inahitaji angalau mtu mzima mmoja.',
  // Rooms
  choose_room: 'Nafasi ipo kuanzia {{checkIn}} hadi {{checkOut}} ({{nights}}, {{guests}}). Chagua chumba:',
  rooms_button: 'Ona vyumba',
  room_row: 'Jumla {{total}} · {{perNight}} kwa usiku',
  no_rooms: 'Samahani, hakuna nafasi kuanzia {{checkIn}} hadi {{checkOut}} kwa {{guests}}.',
  nearby: 'Tarehe hizi za karibu zina chumba wazi. Gusa mojawapo, au tuma tarehe nyingine:',
  other_dates: 'Tarehe nyingine',
  just_taken: 'Samahani, chumba hicho kimechukuliwa sasa hivi na mgeni mwingine.',
  // Guest details
  ask_name_profile: 'Niweke booking kwa jina la {{name}}?',
  name_yes: 'Ndiyo',
  name_other: 'Jina lingine',
  ask_name: 'Booking iwe kwa jina gani?',
  invalid_name: 'Tafadhali tuma jina kamili la booking.',
  ask_email: 'Tutume uthibitisho kwa anwani gani ya barua pepe?',
  invalid_email: 'Hiyo haionekani kuwa anwani ya barua pepe. Unaweza kuikagua?',
  // Summary
  summary:
    'Tafadhali kagua booking yako:\n🛏 {{room}}\n📅 {{checkIn}} → {{checkOut}} ({{nights}})\n👥 {{guests}}\n👤 {{name}} · {{email}}\n💶 Jumla {{total}}',
  confirm: 'Thibitisha',
  change: 'Badilisha',
  cancel: 'Ghairi',
  change_what: 'Ungependa kubadilisha nini?',
  change_button: 'Badilisha',
  change_dates: 'Tarehe',
  change_guests: 'Wageni',
  change_room: 'Chumba',
  change_name: 'Jina',
  change_email: 'Barua pepe',
  back: 'Rudi',
  // Outcome
  confirmed: 'Imekamilika! ✅ Namba yako ya kumbukumbu ni {{reference}}: {{room}}, {{checkIn}} → {{checkOut}}, jumla {{total}}.',
  free_cancellation: 'Unaweza kughairi bila malipo hadi {{freeUntil}}.',
  held: 'Chumba chako kimeshikiliwa hadi {{until}} wakati unalipa. Kumbukumbu {{reference}}, jumla {{total}}.',
  abandoned: 'Hakuna shida, hakuna kilichowekwa. Niandikie wakati wowote ungependa kuweka nafasi.',
  backend_down: 'Mfumo wetu wa booking haujibu kwa sasa, kwa hiyo hakuna kilichowekwa. Tafadhali jaribu tena baada ya dakika chache.',
  backend_unknown:
    'Mfumo wetu wa booking haukuthibitisha kwa wakati. Gusa Thibitisha tena baada ya dakika moja: booking haitawekwa mara mbili.',
  // My bookings and cancelling
  backend_down_manage:
    'Mfumo wetu wa booking haujibu kwa sasa, kwa hiyo booking yako haijabadilishwa. Tafadhali jaribu tena baada ya dakika chache.',
  my_bookings_none: 'Huna booking zijazo kwetu. Ungependa kuweka nafasi ya chumba?',
  book_room: 'Hifadhi chumba',
  my_bookings: 'Booking zako zijazo:\n{{lines}}\nIli kughairi mojawapo, iguse hapa chini.',
  bookings_button: 'Booking zako',
  booking_line: '{{reference}}: {{room}}, {{checkIn}} → {{checkOut}} ({{status}})',
  booking_row: '{{checkIn}} → {{checkOut}} · {{status}}',
  status_pending: 'inashughulikiwa',
  status_held: 'inasubiri malipo',
  status_confirmed: 'imethibitishwa',
  status_cancelled: 'imeghairiwa',
  status_expired: 'muda wake umeisha',
  status_failed: 'haikufanikiwa',
  cancel_which: 'Ungependa kughairi booking ipi? Iguse au tuma namba yake ya kumbukumbu.',
  cancel_not_found: 'Sikupata booking {{reference}} kwa namba yako ya simu katika {{hotel}}. Tafadhali kagua namba ya kumbukumbu.',
  cancel_confirm_free: 'Ungependa kughairi {{reference}} ({{room}}, {{checkIn}} → {{checkOut}})? Kughairi ni bure.',
  cancel_confirm_fee:
    'Ungependa kughairi {{reference}} ({{room}}, {{checkIn}} → {{checkOut}})? Muda wa kughairi bila malipo umekwisha, kwa hiyo utatozwa {{fee}}.',
  cancel_yes: 'Ndiyo, ighairi',
  cancel_no: 'Hapana, ibaki',
  cancel_refused:
    'Booking {{reference}} haiwezi tena kughairiwa hapa: muda wa kughairi bila malipo uliisha {{freeUntil}}. Wafanyakazi wetu wanaweza kukusaidia.',
  cancel_started: 'Booking {{reference}} imeshaanza, kwa hiyo haiwezi kughairiwa hapa. Wafanyakazi wetu wanaweza kukusaidia.',
  cancel_final: 'Booking {{reference}} tayari {{status}}.',
  talk_to_person: 'Ongea na wafanyakazi',
  cancelled: 'Booking {{reference}} imeghairiwa.',
  cancelled_fee: 'Booking {{reference}} imeghairiwa. Ada ya {{fee}} inatozwa.',
  kept: 'Sawa, booking {{reference}} inabaki kama ilivyo.',
  // Plurals and words
  nights_one: 'usiku mmoja',
  nights_other: 'usiku {{count}}',
  adults_one: 'mtu mzima mmoja',
  adults_other: 'watu wazima {{count}}',
  children_one: 'mtoto mmoja',
  children_other: 'watoto {{count}}',
  back_words: 'rudi|rudi nyuma|nyuma|iliyopita|back',
};
