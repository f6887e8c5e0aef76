# رسائل Laissez: نواة التحقق (credential-core).
#
# الأخطاء: رسالة واحدة لكل رمز خطأ (credential-core/src/error.rs)؛ المعرّف هو رمز الخطأ.
# المتغير $detail تفاصيل تقنية (اسم عضو، أو مؤشر JSON، أو موضع في المحلّل) باللغة الإنجليزية.
# رسائل الفحوص: ما يذكره تقرير التحقق عن كل فحص (credential-core/src/verify).
# القيم مثل المعرّفات والتواريخ وعناوين URL وسائط تُعرض كما هي.

## الأخطاء

input_too_large = حجم المُدخَل { $size } بايت؛ والحد الأقصى { $max } بايت
invalid_utf8 = المُدخَل ليس نصًا صالحًا بترميز UTF-8
json_too_deep = يتجاوز عمق التداخل في JSON الحد الأقصى ({ $max })
too_many_objects = يتجاوز عدد الكائنات في JSON الحد الأقصى ({ $max })
too_many_values = يتجاوز عدد القيم في JSON الحد الأقصى ({ $max })
array_too_long = يتجاوز عدد العناصر في إحدى مصفوفات JSON الحد الأقصى ({ $max })
malformed_json = المُدخَل ليس JSON صالحًا: { $detail }
duplicate_member = أحد كائنات JSON يكرر اسم عضو، { $detail } (وهذا محظور في I-JSON: إذ قد تختلف البرامج القارئة في تحديد قيمته)
malformed_document = مستند غير سليم البنية: { $detail }
invalid_context = قيمة @context غير صالحة: { $detail }
unknown_context = سياق JSON-LD غير معروف { $url }: ليس موجودًا في المخزن المحلي للسياقات (لا تُجلب السياقات من الشبكة أبدًا)
invalid_type = نوع غير صالح: { $detail }
invalid_issuer = جهة إصدار غير صالحة: { $detail }
invalid_credential_subject = قيمة credentialSubject غير صالحة: { $detail }
invalid_date = قيمة { $property } ليست dateTimeStamp صالحًا (يلزم التاريخ والوقت والمنطقة الزمنية): "{ $value }"
invalid_url = قيمة { $property } ليست عنوان URL: "{ $value }"
invalid_property = قيمة { $property } غير صالحة: { $detail }
schema_invalid = المستند لا يطابق مخطط ملف التعريف: { $detail }
unknown_profile = ملف التعريف { $profile } غير معروف
unknown_preset = إعداد الإفصاح المسبق { $preset } غير معروف
preset_not_applicable = لا تتضمن الوثيقة أيًّا من البيانات التي يعرضها الإعداد المسبق { $preset }
claim_not_disclosable = لا يمكن الكشف الانتقائي عن البيان { $pointer } في هذه الوثيقة
unsupported_version = إصدار نموذج البيانات غير مدعوم: { $detail }
jsonld_error = فشلت معالجة JSON-LD: { $detail }
data_loss_detected = اكتُشف فقدان في البيانات: { $detail }، لذا لن يُوقَّع المستند
canonicalization_limit = رُفضت عملية التوحيد القياسي لبيانات RDF: { $detail }
invalid_key = مفتاح غير صالح: { $detail }
weak_key = رُفض مفتاح ضعيف: { $detail }
key_type_mismatch = نوع المفتاح غير مطابق: { $detail }
invalid_multibase = قيمة multibase غير صالحة: { $detail }
invalid_jwk = مفتاح JWK غير صالح: { $detail }
invalid_pem = بيانات PEM/PKCS#8 غير صالحة: { $detail }
invalid_did = معرّف DID غير صالح: { $detail }
unresolvable_did = تعذّر حلّ { $did } دون اتصال بالشبكة: لا يُحلّ ذاتيًا إلا did:key و did:jwk؛ أما الطرق الأخرى فتحتاج إلى أداة حلّ (حزمة الثقة)
verification_method_not_found = لم يُعثر على طريقة التحقق: { $detail }
proof_missing = لا يحتوي المستند على أي إثبات
malformed_proof = إثبات غير سليم البنية: { $detail }
base_proof_not_verifiable = هذا إثبات أساسي من نوع { $suite } لا يستخدمه إلا حامله: لا يقبل المُتحقِّق إلا إثباتًا يشتقه الحامل منه، يكشف فيه ما هو مطلوب
unsupported_cryptosuite = مجموعة التشفير "{ $suite }" غير مدعومة
invalid_signature = فشل التحقق من التوقيع
invalid_proof_chain = سلسلة إثباتات غير صالحة: { $detail }
signing_failed = فشل التوقيع: { $detail }
envelope_wrong_prefix = ليس مغلّف Laissez: يجب أن يبدأ النص بالبادئة LZ1: (هل هو رمز QR بصيغة أخرى؟)
envelope_invalid_base45 = المغلّف ليس بترميز Base45 صالح: { $detail }
envelope_truncated = المغلّف ناقص (مقطوع)
envelope_unknown_encoding = ترميز المغلّف { $encoding } غير معروف (هل هي صيغة أحدث؟)
envelope_corrupt = المغلّف تالف: { $detail }
envelope_too_large = يتجاوز حجم المغلّف بعد فك الضغط { $max } بايت
envelope_too_deep = يتجاوز عمق التداخل في بيانات CBOR للمغلّف الحد الأقصى ({ $max })
envelope_invalid_cbor = بيانات CBOR للمغلّف غير صالحة: { $detail }
qr_not_found = لا يوجد رمز QR قابل للقراءة: { $detail }
unsupported_format = صيغة المُدخَل غير مدعومة: { $detail }
cborld_invalid = بيانات CBOR-LD غير صالحة: { $detail }
cborld_unknown_registry_entry = القيد { $entry } في سجل CBOR-LD غير معروف لأداة التحقق هذه (هل هي صيغة أحدث؟)
cborld_cannot_encode = يتعذّر ترميز هذا المستند بصيغة CBOR-LD: { $detail }
bundle_unsigned = حزمة الثقة غير موقّعة
bundle_unknown_anchor = حزمة الثقة موقّعة من { $anchor }، وليس من مراسي الثقة المُعدّة
bundle_malformed = حزمة ثقة غير سليمة البنية: { $detail }
bundle_rollback = إصدار حزمة الثقة { $offered } أقدم من الإصدار { $loaded } المحمَّل مسبقًا (رُفض الرجوع إلى إصدار أقدم)
sd_jwt_malformed = SD-JWT غير سليم البنية: { $detail }
sd_jwt_unsupported_algorithm = خوارزمية SD-JWT "{ $alg }" غير مدعومة (المدعوم: التوقيعات ES256 وES384 وEdDSA، والملخصات sha-256 وsha-384 وsha-512)
disclosure_invalid = أحد الإفصاحات غير مقبول: { $detail }
disclosure_not_referenced = أحد الإفصاحات (الملخص { $digest }) غير مُشار إليه في الوثيقة: فهو ينتمي إلى وثيقة أخرى أو جرى تعديله
disclosure_digest_duplicate = يظهر الملخص { $digest } أكثر من مرة في SD-JWT
key_binding_missing = لا يتضمن العرض رمز JWT لربط المفتاح، وهو مطلوب
key_binding_invalid = رمز JWT لربط المفتاح غير صالح: { $detail }
key_binding_mismatch = أُنشئ رمز JWT لربط المفتاح لقيمة { $claim } أخرى: المتوقع "{ $expected }"، والموجود "{ $found }"
key_binding_stale = أُنشئ رمز JWT لربط المفتاح منذ { $age ->
    [zero] { $age } ثانية
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $age } ثوانٍ
    [many] { $age } ثانية
   *[other] { $age } ثانية
}؛ والحد الأقصى المقبول { $max ->
    [zero] { $max } ثانية
    [one] ثانية واحدة
    [two] ثانيتان
    [few] { $max } ثوانٍ
    [many] { $max } ثانية
   *[other] { $max } ثانية
}
sd_jwt_expired = انتهت صلاحية SD-JWT في { $date }
sd_jwt_not_yet_valid = لا يكون SD-JWT صالحًا قبل { $date }
status_list_invalid = رمز قائمة الحالات غير صالح: { $detail }
vc_jwt_malformed = وثيقة vc+jwt غير سليمة البنية: { $detail }
unsupported_key_algorithm = لا يمكن التحقق من تواقيع { $algorithm } هنا: يترك هذا الإصدار من المتحقق التحقق منها لتشفير المنصة (WebCrypto، عبر verifyAsync)، وهو غير متوفر أو لم يُستخدم
format_invalid_base45 = نص رمز QR ليس Base45 صالحًا: { $detail }
format_decompress_failed = تعذّر فك ضغط البيانات المضغوطة: { $detail }
format_too_large = حجم الوثيقة أكبر من { $max } بايت (نصًا أو بعد فك الضغط)
cose_malformed = ليست رسالة COSE سليمة البنية: { $detail }
cose_unsupported_algorithm = خوارزمية التوقيع { $algorithm } غير مدعومة لهذا التنسيق
claim169_missing = لا يحتوي CWT على مطالبة الهوية (169)
claim169_encrypted = رمز QR للهوية مشفّر وليس لدى هذا المُتحقِّق مفتاح لفك تشفيره
dcc_unsupported_prefix = سياق الشهادة الصحية { $prefix } غير مدعوم (المدعوم HC1: فقط)
dcc_malformed = محتوى الشهادة الصحية غير سليم البنية: { $detail }
dcc_signer_not_permitted = لا يحق لموقّع الوثائق توقيع هذه الشهادة: { $detail }
shc_malformed = بطاقة SMART Health Card غير سليمة البنية: { $detail }

## رسائل الفحوص

input_well_formed = المُدخَل بصيغة JSON سليمة وضمن الحدود المسموح بها
conforms_to_data_model = الوثيقة مطابقة لمواصفات { $model }
conforms_to_profile = الوثيقة مطابقة لمخطط ملف التعريف { $profile }
conforms_to_presentation_model = العرض مطابق لنموذج بيانات VC
holder_signed = وقّع الحامل على العرض
holder_not_signer = لا يوجد أي إثبات صادر بمفتاح يعود إلى الحامل { $holder }
no_holder = لا يحدد العرض أي حامل
enveloping_proof = مؤمَّنة بتوقيع مغلِّف ({ $format })
key_binding_verified = وقّع مفتاح الحامل هذا العرض لـ { $aud } بالقيمة العشوائية المتوقعة
key_binding_unchecked = يحمل العرض ربطًا بالمفتاح، لكن لم يُعطَ جمهور ولا قيمة عشوائية للتحقق منه
key_binding_absent = لا ربط بالمفتاح: يستطيع أي حائز لهذا العرض أن يُظهره
token_status_other = تعطي قائمة الحالات القيمة { $status }، ولا يفسّرها هذا المتحقق
no_trust_bundle = لم تُحمَّل حزمة ثقة: لم يُتحقق من جهة الإصدار مقابل قائمة بالجهات المعترف بها
no_usable_proof = لا يوجد إثبات قابل للاستخدام
proof_count = { $count ->
    [zero] لا توجد أي إثباتات
    [one] إثبات واحد
    [two] إثباتان
    [few] { $count } إثباتات
    [many] { $count } إثباتًا
   *[other] { $count } إثبات
}
proofs_verify = جميع الإثباتات صحيحة ({ $suites })
proof_chain_verified = كل إثبات سابق (previousProof) موجود وتم التحقق منه
no_readable_issuer = تعذّرت قراءة جهة الإصدار
proof_did_not_verify = فشل التحقق من أحد الإثباتات
issuer_key_signed = الوثيقة موقّعة بمفتاح جهة الإصدار نفسها
signed_by_another_key = جهة الإصدار هي { $issuer } لكن الوثيقة موقّعة من { $signer }
issuer_not_did = جهة الإصدار { $issuer } ليست معرّف DID؛ ولا يمكن تأكيد مفتاحها دون حزمة ثقة
not_valid_before = الوثيقة غير صالحة قبل { $time }
valid_since = صالحة منذ { $time }
no_valid_from = لا يوجد تاريخ لبدء الصلاحية
expired_at = انتهت صلاحية الوثيقة في { $time }
valid_until_time = صالحة حتى { $time }
no_valid_until = لا يوجد تاريخ لانتهاء الصلاحية
issuer_not_in_bundle = جهة الإصدار { $issuer } غير موجودة في حزمة الثقة
issuer_authorised_for_nothing = جهة الإصدار { $issuer } غير معترف بها، ولذلك فهي غير مخوّلة لإصدار أي نوع من الوثائق
issuer_outside_validity = جهة الإصدار { $name } معترف بها فقط من { $from } حتى { $until }
no_proof_verified = لم ينجح التحقق من أي إثبات
issuer_key_not_listed = جهة الإصدار { $name } معترف بها، لكن مفتاح التوقيع ليس من المفاتيح المدرجة لها
issuer_recognised = جهة الإصدار { $name } معترف بها
issuer_recognised_in = جهة الإصدار { $name } معترف بها ({ $jurisdiction })
issuer_authorised_for = مخوّلة لإصدار { $types }
issuer_not_authorised_for = جهة الإصدار { $name } غير مخوّلة لإصدار { $types }
trust_bundle_stale = عمر حزمة الثقة (الإصدار { $version }) { $age ->
    [zero] { $age } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $age } أيام
    [many] { $age } يومًا
   *[other] { $age } يوم
}، وقد تجاوزت موعد تحديثها التالي ({ $next }) بمقدار { $late ->
    [zero] { $late } يوم
    [one] يوم واحد
    [two] يومين
    [few] { $late } أيام
    [many] { $late } يومًا
   *[other] { $late } يوم
}: يُرجى تحميل حزمة أحدث
trust_bundle_fresh = صدرت حزمة الثقة (الإصدار { $version }) { $age ->
    [zero] منذ أقل من يوم
    [one] منذ يوم واحد
    [two] منذ يومين
    [few] منذ { $age } أيام
    [many] منذ { $age } يومًا
   *[other] منذ { $age } يوم
}؛ التحديث التالي { $next }
status_not_checked = لم يُتحقق من حالة { $purpose ->
    [suspension] الإيقاف
   *[revocation] الإلغاء
}: لم تُعدّ أي حزمة ثقة تتضمن قوائم الحالة
status_list_missing = حالة { $purpose ->
    [suspension] الإيقاف
   *[revocation] الإلغاء
} غير معروفة: لا تتضمن حزمة الثقة نسخة من { $list }
status_list_unusable = حالة { $purpose ->
    [suspension] الإيقاف
   *[revocation] الإلغاء
} غير معروفة: القائمة المخزّنة { $list } غير قابلة للاستخدام ({ $error })
status_list_not_issuers = حالة { $purpose ->
    [suspension] الإيقاف
   *[revocation] الإلغاء
} غير معروفة: القائمة { $list } ليست قائمة { $purpose ->
    [suspension] الإيقاف
   *[revocation] الإلغاء
} الخاصة بجهة الإصدار
status_set = { $purpose ->
    [suspension] أوقفت جهة الإصدار هذه الوثيقة
   *[revocation] ألغت جهة الإصدار هذه الوثيقة
} (صدرت القائمة { $days ->
    [zero] منذ أقل من يوم
    [one] منذ يوم واحد
    [two] منذ يومين
    [few] منذ { $days } أيام
    [many] منذ { $days } يومًا
   *[other] منذ { $days } يوم
})
status_set_undated = { $purpose ->
    [suspension] أوقفت جهة الإصدار هذه الوثيقة
   *[revocation] ألغت جهة الإصدار هذه الوثيقة
} (تاريخ القائمة غير معروف)
status_clear = { $purpose ->
    [suspension] غير موقوفة
   *[revocation] غير ملغاة
} (صدرت القائمة { $days ->
    [zero] منذ أقل من يوم
    [one] منذ يوم واحد
    [two] منذ يومين
    [few] منذ { $days } أيام
    [many] منذ { $days } يومًا
   *[other] منذ { $days } يوم
})
status_clear_undated = { $purpose ->
    [suspension] غير موقوفة
   *[revocation] غير ملغاة
} (تاريخ القائمة غير معروف)
format_decoded = فُكّ ترميزه بتنسيق { $format }
payload_conforms = يحتوي محتوى { $format } على الحقول التي تتطلبها مواصفته
signing_key_not_in_bundle = مفتاح التوقيع { $kid } غير موجود في حزمة الثقة، لذا لا يمكن التحقق من التوقيع
rid_revoked = ألغت الجهة المُصدِرة هذه البطاقة (معرّف الإلغاء { $rid })
rid_not_revoked = قائمة الإلغاء لدى الجهة المُصدِرة لا تتضمن هذه البطاقة (معرّف الإلغاء { $rid })
unknown_fields = توجد حقول لا يعرفها هذا المُتحقِّق وقد احتُفظ بها: { $fields }
field_name = الاسم
field_secondary_name = الاسم (باللغة الثانية)
field_birth_date = تاريخ الميلاد
field_id = رقم الهوية
field_nationality = الجنسية
field_legal_status = الوضع القانوني
field_issuing_country = بلد الإصدار
field_vaccination = التطعيم
field_test = الفحص
field_recovery = التعافي
field_immunization = التحصين

## النتائج النهائية (رموز النتيجة في التقرير)

verdict_valid = صالحة
verdict_issuer_not_checked = التوقيع صالح — لم يُتحقق من جهة الإصدار
verdict_invalid = غير صالحة
verdict_expired = منتهية الصلاحية
verdict_not_yet_valid = لم تصبح صالحة بعد
verdict_untrusted = جهة إصدار غير معروفة
verdict_revoked = ملغاة
verdict_suspended = موقوفة

## أسماء الفحوص (رموز الفحوص في التقرير)

check_well_formed = وثيقة مقروءة
check_data_model = صيغة الوثيقة
check_schema_valid = الحقول المطلوبة
check_proof_present = التوقيع موجود
check_signature_valid = التوقيع
check_issuer_key_binding = موقّعة من جهة الإصدار
check_proof_chain = سلسلة التوقيعات
check_holder_binding = الحامل
check_valid_from = صالحة من
check_valid_until = صالحة حتى
check_issuer_trusted = جهة إصدار معروفة
check_issuer_authorised_for_type = جهة الإصدار مخوّلة لهذه الوثيقة
check_trust_data_fresh = قائمة الثقة محدّثة
check_trust_not_evaluated = التعرّف على جهة الإصدار
check_revocation_status = غير ملغاة
check_suspension_status = غير موقوفة
check_status_unknown = حالة الإلغاء
check_credential_status = الحالة

## نتائج الفحوص

outcome_pass = ناجح
outcome_fail = فاشل
outcome_warning = تنبيه
outcome_skipped = لم يُفحص
