import type { BookingTexts } from './en';

/**
 * Arabic (Modern Standard) texts of the `booking` namespace. Date ranges use ← rather than →:
 * in right-to-left text the stay reads from the arrival on the right to the departure on the left.
 */
export const ar: BookingTexts = {
  // Asking for what is missing
  ask_check_in: 'متى تودّ الوصول؟ على سبيل المثال «الجمعة القادمة» أو «12 مارس».',
  ask_check_out: 'كم ليلة ستقيم؟ يمكنك أيضًا إرسال تاريخ المغادرة.',
  ask_guests: 'كم عدد الضيوف؟ على سبيل المثال «2 بالغين» أو «2 بالغين وطفل».',
  resume: 'لنكمل حجزك.',
  not_understood_date: 'عذرًا، لم أتعرّف على تاريخ. جرّب «الجمعة القادمة» أو «12 مارس».',
  not_understood_nights: 'عذرًا، كم ليلة؟ أرسل رقمًا مثل 3، أو تاريخ المغادرة.',
  not_understood_guests: 'عذرًا، كم عدد الضيوف؟ على سبيل المثال «2 بالغين» أو «2 بالغين وطفل».',
  // Stays and parties that cannot be booked
  error_date_in_past: 'هذا التاريخ قد مضى.',
  error_invalid_date: 'هذا التاريخ غير موجود.',
  error_checkout_not_after_checkin: 'يجب أن يكون تاريخ المغادرة بعد تاريخ الوصول ({{checkIn}}).',
  error_stay_too_long: 'يمكن الحجز من هنا لإقامات لا تتجاوز {{maxNights}} ليلة.',
  error_too_far_ahead: 'نقبل الحجوزات للوصول حتى {{lastDate}}.',
  error_too_many_guests:
    'تتسع أكبر غرفنا لـ {{adults}} بالغين و{{children}} أطفال. للمجموعات الأكبر، احجز غرفة واحدة في كل مرة أو تواصل مع فريقنا.',
  error_zero_guests: 'يجب أن يشمل الحجز شخصًا بالغًا واحدًا على الأقل.',
  // Rooms
  choose_room: 'متاح من {{checkIn}} إلى {{checkOut}} ({{nights}}، {{guests}}). اختر غرفة:',
  rooms_button: 'عرض الغرف',
  room_row: 'الإجمالي {{total}} · {{perNight}} لليلة الواحدة',
  no_rooms: 'عذرًا، لا يوجد شيء متاح من {{checkIn}} إلى {{checkOut}} لـ {{guests}}.',
  nearby: 'تتوفر غرفة في هذه التواريخ القريبة. اضغط على أحدها، أو أرسل تواريخ أخرى:',
  other_dates: 'تواريخ أخرى',
  just_taken: 'عذرًا، لقد حجز ضيف آخر هذه الغرفة للتو.',
  // Guest details
  ask_name_profile: 'هل أسجّل الحجز باسم {{name}}؟',
  name_yes: 'نعم',
  name_other: 'اسم آخر',
  ask_name: 'بأي اسم تودّ تسجيل الحجز؟',
  invalid_name: 'يرجى إرسال الاسم الكامل للحجز.',
  ask_email: 'ما عنوان البريد الإلكتروني الذي نرسل إليه التأكيد؟',
  invalid_email: 'لا يبدو هذا عنوان بريد إلكتروني. هل يمكنك التحقق منه؟',
  // Summary
  summary:
    'يرجى مراجعة حجزك:\n🛏 {{room}}\n📅 {{checkIn}} ← {{checkOut}} ({{nights}})\n👥 {{guests}}\n👤 {{name}} · {{email}}\n💶 الإجمالي {{total}}',
  confirm: 'تأكيد',
  change: 'تعديل',
  cancel: 'إلغاء',
  change_what: 'ماذا تودّ أن تعدّل؟',
  change_button: 'تعديل',
  change_dates: 'التواريخ',
  change_guests: 'الضيوف',
  change_room: 'الغرفة',
  change_name: 'الاسم',
  change_email: 'البريد الإلكتروني',
  back: 'رجوع',
  // Outcome
  confirmed: 'تم الحجز! ✅ رقمك المرجعي هو {{reference}}: {{room}}، {{checkIn}} ← {{checkOut}}، الإجمالي {{total}}.',
  free_cancellation: 'الإلغاء مجاني حتى {{freeUntil}}.',
  held: 'الغرفة محجوزة لك مؤقتًا حتى {{until}} ريثما تُتمّ الدفع. الرقم المرجعي {{reference}}، الإجمالي {{total}}.',
  abandoned: 'لا مشكلة، لم يتم حجز أي شيء. راسلني متى رغبت في الحجز.',
  backend_down: 'نظام الحجز لدينا لا يستجيب حاليًا، لذا لم يتم حجز أي شيء. يرجى المحاولة مرة أخرى بعد بضع دقائق.',
  backend_unknown: 'لم يؤكد نظام الحجز لدينا في الوقت المحدد. اضغط على «تأكيد» مرة أخرى بعد دقيقة: لن يتم الحجز مرتين.',
  // My bookings and cancelling
  backend_down_manage: 'نظام الحجز لدينا لا يستجيب حاليًا، لذا لم يتغير حجزك. يرجى المحاولة مرة أخرى بعد بضع دقائق.',
  my_bookings_none: 'ليس لديك حجوزات قادمة لدينا. هل تودّ حجز غرفة؟',
  book_room: 'حجز غرفة',
  my_bookings: 'حجوزاتك القادمة:\n{{lines}}\nلإلغاء أحدها، اضغط عليه أدناه.',
  bookings_button: 'حجوزاتك',
  booking_line: '{{reference}}: {{room}}، {{checkIn}} ← {{checkOut}} ({{status}})',
  booking_row: '{{checkIn}} ← {{checkOut}} · {{status}}',
  status_pending: 'قيد الإنجاز',
  status_held: 'بانتظار الدفع',
  status_confirmed: 'مؤكد',
  status_cancelled: 'ملغى',
  status_expired: 'منتهي الصلاحية',
  status_failed: 'لم يكتمل',
  cancel_which: 'أي حجز تودّ إلغاءه؟ اضغط عليه أو أرسل رقمه المرجعي.',
  cancel_not_found: 'لم أجد الحجز {{reference}} المرتبط برقمك في {{hotel}}. يرجى التحقق من الرقم المرجعي.',
  cancel_confirm_free: 'هل تودّ إلغاء {{reference}} ({{room}}، {{checkIn}} ← {{checkOut}})؟ الإلغاء مجاني.',
  cancel_confirm_fee:
    'هل تودّ إلغاء {{reference}} ({{room}}، {{checkIn}} ← {{checkOut}})؟ انتهت فترة الإلغاء المجاني، لذا ستُحتسب رسوم قدرها {{fee}}.',
  cancel_yes: 'نعم، ألغِه',
  cancel_no: 'لا، أبقِه',
  cancel_refused: 'لم يعد بالإمكان إلغاء الحجز {{reference}} من هنا: انتهى الإلغاء المجاني في {{freeUntil}}. يمكن لفريقنا مساعدتك.',
  cancel_started: 'بدأت الإقامة الخاصة بالحجز {{reference}} بالفعل، لذا لا يمكن إلغاؤه من هنا. يمكن لفريقنا مساعدتك.',
  cancel_final: 'الحجز {{reference}} {{status}} بالفعل.',
  talk_to_person: 'التحدث مع الفريق',
  cancelled: 'تم إلغاء الحجز {{reference}}.',
  cancelled_fee: 'تم إلغاء الحجز {{reference}}. تُطبَّق رسوم قدرها {{fee}}.',
  kept: 'حسنًا، سيبقى الحجز {{reference}} كما هو.',
  // Plurals and words
  nights_one: 'ليلة واحدة',
  nights_other: '{{count}} ليالٍ',
  adults_one: 'بالغ واحد',
  adults_other: '{{count}} بالغين',
  children_one: 'طفل واحد',
  children_other: '{{count}} أطفال',
  back_words: 'رجوع|الرجوع|عودة|العودة|ارجع|السابق|تراجع|back',
};
