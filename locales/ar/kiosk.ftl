# رسائل Laissez: كشك التحقق دون اتصال (verifier-wasm/kiosk).

kiosk_title = التحقق من الوثيقة
kiosk_scan = مسح رمز QR
kiosk_stop = إيقاف الكاميرا
kiosk_paste = لصق نص الوثيقة
kiosk_verify_text = التحقق من النص
kiosk_open_image = فتح صورة
kiosk_again = التحقق من وثيقة أخرى
kiosk_scanning = وجّه الكاميرا نحو رمز QR…
kiosk_no_camera = لا توجد كاميرا متاحة
kiosk_no_qr = لم يُعثر على رمز QR في هذه الصورة
kiosk_issuer = جهة الإصدار
kiosk_type = الوثيقة
kiosk_yes = نعم
kiosk_no = لا
kiosk_checked = ما تم التحقق منه
kiosk_trust_age = عمر بيانات الثقة
kiosk_days = { $days ->
    [zero] { $days } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
}
kiosk_no_trust = لم تُحمَّل أي قائمة ثقة
kiosk_trust = قائمة الثقة
kiosk_load_trust = تحميل قائمة الثقة
kiosk_anchor = مرساة الثقة (did:key)
kiosk_trust_loaded = تم تحميل قائمة الثقة (الإصدار { $version }): { $issuers ->
    [zero] لا توجد جهات إصدار
    [one] جهة إصدار واحدة
    [two] جهتا إصدار
    [few] { $issuers } جهات إصدار
    [many] { $issuers } جهة إصدار
   *[other] { $issuers } جهة إصدار
}، وعمرها { $days ->
    [zero] أقل من يوم
    [one] يوم واحد
    [two] يومان
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
}
kiosk_forget = حذف
kiosk_error = { $message } [{ $code }]
kiosk_request = الطلب من محفظة
kiosk_request_title = طلب وثيقة من محفظة
kiosk_request_what = المطلوب
kiosk_request_show = عرض الطلب
kiosk_request_help = دع المحفظة تمسح هذا الرمز، ثم امسح ردّها. يصلح الطلب مرة واحدة وتنتهي صلاحيته خلال { $minutes } دقائق.
kiosk_scan_answer = مسح الرد
kiosk_request_expired = انتهت صلاحية الطلب: اعرض طلبًا جديدًا
kiosk_request_not_bound = الرد غير مرتبط بطلب جهاز التحقق هذا
kiosk_preset_proof_of_registration = إثبات التسجيل
kiosk_preset_age_over_18 = فوق 18 عامًا
kiosk_preset_yellow_fever = التطعيم ضد الحمى الصفراء
kiosk_preset_fit_to_travel = لائق للسفر
kiosk_preset_authorised_to_travel = مسموح له بالسفر
kiosk_format_eu_dcc = الشهادة الرقمية الأوروبية لكوفيد
kiosk_format_shc = بطاقة SMART الصحية
kiosk_format_claim169 = هوية (MOSIP Claim 169)
