# رسائل Laissez: سطر الأوامر `laissez` (issuer-cli).
# المسارات والمعرّفات والأوامر وأسماء الخيارات وسائطُ أو نص حرفي: لا تُترجم أبدًا
# أوامر `laissez ...` ولا الخيارات `--options`.

## بدء التشغيل

unknown_language = قيمة --lang غير معروفة؛ اللغات المتاحة: { $available }

## أخطاء الملفات والسجل (المتغير $error هو النص الذي يعيده نظام التشغيل أو SQLite نفسه)

io_read = تعذّرت قراءة { $path }: { $error }
io_write = تعذّرت الكتابة في { $path }: { $error }
io_create = تعذّر إنشاء { $path }: { $error }
io_list = تعذّر عرض محتويات { $path }: { $error }
io_permissions = تعذّر ضبط الأذونات على { $path }: { $error }
io_temporary = تعذّر إنشاء ملف مؤقت في { $path }: { $error }
hint_check_path = تحقّق من المسار
hint_check_permissions = تحقّق من الأذونات، أو اختر موقعًا آخر
hint_already_exists = احذفه أو اختر مسارًا آخر
registry_error = خطأ في السجل: { $detail }
hint_registry_busy = عملية laissez أخرى تستخدم السجل؛ انتظر انتهاءها أو أوقفها
database_unsupported = قاعدة بيانات السجل «{ $scheme }» غير مدعومة: أعطِ مسار SQLite أو sqlite://PATH أو عنوان postgres://
database_bad_url = عنوان اتصال PostgreSQL غير صالح: { $detail }
hint_registry_unreachable = تحقّق من أن PostgreSQL يعمل ويقبل الاتصالات على عنوان --database (أو LAISSEZ_DATABASE)
hint_registry_corrupt = ملف السجل تالف؛ استعِده من نسخة احتياطية
hint_registry_readonly = تحقّق من إمكانية الكتابة في مجلد جهة الإصدار

## laissez verify: التقرير النصي

report_credential = الوثيقة     { $id }
report_issuer = جهة الإصدار { $issuer }
report_issuer_named = جهة الإصدار { $name } ({ $issuer })
report_type = النوع       { $types }
report_valid_from = صالحة من    { $time }
report_valid_until = صالحة حتى   { $time }
report_trust_bundle = الثقة       حزمة { $id }، الإصدار { $version }، صدرت في { $issued } (عمرها { $age ->
    [zero] أقل من يوم
    [one] يوم واحد
    [two] يومان
    [few] { $age } أيام
    [many] { $age } يومًا
   *[other] { $age } يوم
})
report_no_trust_bundle = الثقة       لم تُحدَّد حزمة ثقة (--bundle): لم يُتحقق من جهة الإصدار
report_checks = الفحوص:
# عمود نتيجة كل فحص (قصير؛ في الإنجليزية تميّز الأحرف الكبيرة حالة الفشل).
report_pass = ناجح
report_fail = فاشل
report_warn = تنبيه
report_skip = لم يُفحص
report_disclosed = البيانات المفصح عنها ({ $count })؛ وحجب الحامل كل ما سواها:
report_format = التنسيق: { $format }

## ملفات الإدخال والخيارات (مشتركة)

file_error = { $path }: { $error }
file_not_utf8 = الملف { $path } ليس بترميز UTF-8
file_too_large = حجم { $path } يتجاوز { $max } بايت؛ لن تتم قراءته
option_error = { $option }: { $error }
time_invalid = قيمة { $option } "{ $value }" ليست تاريخًا ووقتًا بصيغة RFC 3339 مع المنطقة الزمنية (مثل 2030-01-01T00:00:00Z)
passphrase_empty = يحتوي { $path } على عبارة مرور فارغة
serialise_file = تعذّرت سَلسَلة { $path }: { $detail }
serialise_config = تعذّرت سَلسَلة الإعدادات: { $detail }
serialise_credential = تعذّرت سَلسَلة الوثيقة: { $detail }
serialise_key_file = تعذّرت سَلسَلة ملف المفتاح { $path }: { $detail }
serialise_registry_entry = تعذّرت سَلسَلة قيد السجل الخاص بـ { $id }: { $detail }
serialise_report = تعذّرت سَلسَلة التقرير: { $detail }
serialise_decoded_credential = تعذّرت سَلسَلة الوثيقة بعد فك ترميزها: { $detail }
internal_not_object = خطأ داخلي: المستند ليس كائنًا
internal_raster_size = خطأ داخلي: عدم تطابق في حجم الصورة النقطية

## laissez init ومجلد جهة الإصدار

init_done = أُنشئ مجلد جهة الإصدار { $path }
init_bad_status_url = قيمة --status-base-url "{ $url }" ليست عنوان URL
home_not_found = لا يوجد مجلد جهة إصدار في { $path }
hint_home_init = شغّل `laissez init { $path }` أولًا، أو حدّد --home
home_invalid_config = { $path } ليس ملف إعدادات صالحًا: { $detail }
home_exists = يحتوي { $path } بالفعل على مجلد جهة إصدار؛ لن يُستبدَل
hint_choose_another_directory = اختر مجلدًا آخر

## laissez key

key_list_default = (الافتراضي)
key_list_encrypted = مشفّر
key_show_name = الاسم       { $value }
key_show_algorithm = الخوارزمية  { $value }
key_show_multikey = multikey    { $value }
key_show_jwk = jwk         { $value }
key_show_did_key = did:key     { $value }
key_show_did_jwk = did:jwk     { $value }
key_invalid_name = اسم المفتاح "{ $name }" غير صالح: استخدم من 1 إلى 64 حرفًا أو رقمًا أو '-' أو '_'
key_exists = يوجد مفتاح باسم { $name } بالفعل؛ اختر قيمة أخرى لـ --name
key_not_found = لا يوجد مفتاح باسم { $name }
hint_see_key_list = راجع `laissez key list`
key_file_invalid = { $path } ليس ملف مفتاح laissez: { $detail }
key_encrypted_no_passphrase = المفتاح { $name } مشفّر: عيّن LAISSEZ_PASSPHRASE أو حدّد --passphrase-file
key_wrong_passphrase = عبارة المرور الخاصة بالمفتاح { $name } غير صحيحة
key_kdf_parameters = معاملات KDF في ملف المفتاح غير صالحة: { $detail }
key_derivation_failed = فشل اشتقاق المفتاح: { $detail }
key_encryption_failed = فشل التشفير
key_file_corrupt = ملف المفتاح تالف
key_file_corrupt_salt = قيمة الملح (salt) في ملف المفتاح تالفة
key_file_corrupt_nonce = قيمة nonce في ملف المفتاح تالفة
key_file_unsupported_encryption = معاملات تشفير ملف المفتاح غير مدعومة
key_file_no_secret = ملف المفتاح { $name } لا يحتوي على مفتاح سري
key_file_inconsistent = ملف المفتاح { $name } غير متّسق: مفتاحه السري لا يطابق مفتاحه العام
key_jwk_no_secret = لا يحتوي مفتاح JWK على العضو الخاص d: يتطلب الاستيراد مفتاحًا سريًا
key_unknown_format = { $path }: المتوقع مفتاح سري بصيغة PKCS#8 PEM أو JWK أو Multikey
key_export_refuse_terminal = لن يُطبع مفتاح سري على الطرفية: استخدم --out FILE

## laissez issue

issue_done = أُصدرت { $id } ({ $profile }، { $suite }) -> { $path }
issue_unknown_profile = ملف التعريف "{ $profile }" غير معروف (المتاح: { $available })
issue_unknown_suite = مجموعة التشفير "{ $suite }" غير معروفة
issue_suite_hint = استخدم { $suites }
issue_key_suite_mismatch = المفتاح { $key } من نوع { $algorithm }، لكن { $suite } تتطلب { $needed }؛ اختر قيمة أخرى لـ --key أو --suite
issue_valid_until_past = تاريخ --valid-until في الماضي
issue_already_issued = سبق إصدار القيد { $record } بالمعرّف { $id }
hint_issue_already_issued = راجع `laissez registry show { $id }`؛ أو حدّد قيمة أخرى لـ --record-id لإعادة الإصدار
issue_no_output_dir = مجلد الإخراج { $path } غير موجود
issue_unknown_securing = آلية التأمين "{ $securing }" غير معروفة
issue_securing_hint = استخدم { $names }
issue_selective_needs_profile = تتطلب { $securing } ملف تعريف (--profile): فقواعد الإفصاح فيه تحدد البيانات الإلزامية والبيانات الانتقائية
issue_ecdsa_sd_needs_p256 = المفتاح { $key } من نوع { $algorithm }، لكن ecdsa-sd-2023 تتطلب مفتاح P-256
hint_issue_p256_key = أنشئ مفتاحًا بالأمر `laissez key generate --alg p256` وحدّده بالخيار --key
issue_holder_key_conflict = القيد { $record }: قيمة --holder-key ليست مفتاح معرّف صاحب الوثيقة
issue_holder_key_missing = القيد { $record }: وثيقة SD-JWT VC مرتبطة بمفتاح حاملها، ومعرّف صاحب الوثيقة ليس did:key ولا did:jwk
hint_issue_holder_key = اجعل معرّف صاحب الوثيقة did:key أو did:jwk، أو حدّد لـ `laissez issue` المفتاح العام للحامل بالخيار --holder-key (PEM أو JWK أو Multikey أو did:key أو did:jwk)
record_not_object = يجب أن يكون قيد صاحب الوثيقة كائن JSON
record_id_not_string = يجب أن تكون قيمة recordId نصًا غير فارغ
record_id_missing = قيمة recordId مفقودة
record_id_too_long = يتجاوز عدد أحرف recordId الحد الأقصى ({ $max })
record_no_claims = لا يتضمن القيد أي بيانات عن صاحب الوثيقة

## laissez issue-batch

batch_jobs_zero = يجب ألا تقل قيمة --jobs عن 1
batch_too_large = حجم { $path } يتجاوز { $max } بايت؛ قسّم الدفعة
batch_bad_extension = { $path }: استخدم ملف .csv (يتضمن عمود record_id) أو ملف .jsonl
batch_bad_csv_header = { $path }: ترويسة CSV غير صالحة: { $detail }
batch_no_record_id_column = { $path }: يجب أن تتضمن ترويسة CSV عمود record_id
batch_malformed_csv_row = صف CSV غير سليم البنية: { $detail }
batch_empty_record_id = قيمة record_id فارغة
batch_duplicate_record = معرّف القيد { $id } مكرر
batch_thread_panicked = توقف خيط التوقيع بشكل غير متوقع
# شريط التقدم: "<bar> 12/100 وثيقة  35/s  المتبقي 3s".
batch_progress_bar_unit = وثيقة
batch_progress_bar_eta = المتبقي
batch_progress = التقدم: { $done }/{ $total } { $total ->
        [one] صف
        [two] صفّان
        [few] صفوف
        [many] صفًا
       *[other] صف
    } ({ $rate }/ث)
batch_summary = { $total ->
        [one] صف واحد
        [two] صفّان
        [few] { $total } صفوف
        [many] { $total } صفًا
       *[other] { $total } صف
    }: الصادرة { $issued }، المتخطّاة { $skipped } (صدرت سابقًا)، الفاشلة { $failed }  [{ $seconds } ث، { $rate } وثيقة/ث]
batch_failed_row = الصف { $row }: { $reason }
batch_more_failed = … و{ $count ->
        [one] صف آخر فاشل
        [two] صفّان آخران فاشلان
        [few] { $count } صفوف أخرى فاشلة
        [many] { $count } صفًا آخر فاشلًا
       *[other] { $count } صف آخر فاشل
    }

## laissez revoke و suspend و reinstate و status publish

status_already_revoked = { $id }: ملغاة مسبقًا؛ شغّل `laissez status publish` ووزّع حزمة ثقة جديدة
status_revoked = { $id }: أُلغيت (إلغاءً نهائيًا)؛ شغّل `laissez status publish` ووزّع حزمة ثقة جديدة
status_suspended = { $id }: أُوقفت؛ شغّل `laissez status publish` ووزّع حزمة ثقة جديدة
status_not_suspended = { $id }: غير موقوفة؛ لا يوجد ما يُعاد تفعيله؛ شغّل `laissez status publish` ووزّع حزمة ثقة جديدة
status_reinstated = { $id }: أُعيد تفعيلها؛ شغّل `laissez status publish` ووزّع حزمة ثقة جديدة
status_suspend_revoked = { $id } ملغاة؛ إيقافها لا يغيّر شيئًا
status_reinstate_revoked = { $id } ملغاة؛ الإلغاء نهائي
status_no_suspension_entry = { $id } (القيد { $record }): رُفض الإيقاف؛ فهي كما صدرت لا تتضمن أي مدخل حالة للإيقاف، فلن يقرأ أي مدقّق إيقافها أبدًا؛ لم يتغيّر شيء
status_no_revocation_entry = { $id } (القيد { $record }): رُفض الإلغاء؛ فهي كما صدرت لا تتضمن أي مدخل حالة للإلغاء من هذا المُصدِر، فلن يقرأ أي مدقّق إلغاءها أبدًا؛ لم يتغيّر شيء
status_purposes_unknown = { $id } (القيد { $record }): مرفوض؛ لا يعرف السجل مداخل الحالة التي تتضمنها (صف أقدم من تسجيل laissez لها، وتعذّرت قراءة الوثيقة المخزّنة فيه)؛ لم يتغيّر شيء
hint_status_revoke_instead = يمكن إلغاؤها نهائيًا بالأمر `laissez revoke { $id }`؛ ولا تُوقَف إلا وثيقة صدرت بمدخل إيقاف (دون --compact)
hint_status_no_entry = تبقى صالحة حتى انتهاء مدتها؛ والوثيقة التي جاءت بحقل credentialStatus خاص بها تتغيّر حالتها في القوائم التي يسمّيها ذلك المدخل
hint_status_purposes_unknown = اقرأها بالأمر `laissez registry show { $id }`؛ وإن كانت تتضمن المدخل فسجّل ذلك في عمود status_purposes في السجل (README: الإلغاء والإيقاف)
status_nothing_to_publish = لم يصدر شيء بعد: لا توجد قائمة حالة لنشرها
status_published = { $url }  { $entries ->
        [one] خانة واحدة
        [two] خانتان
        [few] { $entries } خانات
        [many] { $entries } خانةً
       *[other] { $entries } خانة
    }، المفعّلة منها { $set }  -> { $path }
status_published_token = { $uri }  { $entries ->
        [one] خانة واحدة
        [two] خانتان
        [few] { $entries } خانات
        [many] { $entries } خانةً
       *[other] { $entries } خانة
    }، غير الصالحة منها { $set }  -> { $path }

## laissez registry

registry_missing = لا يوجد سجل في { $path }
hint_run_init = شغّل `laissez init`
registry_no_credential = لا توجد في السجل وثيقة بالمعرّف { $id }
hint_see_registry_list = راجع `laissez registry list`
registry_schema_newer = إصدار مخطط السجل هو { $found }، وهو أحدث مما يدعمه إصدار laissez هذا ({ $supported })؛ حدّث laissez
registry_row_no_text = صف السجل الخاص بـ { $id } لا يحتوي على نص الوثيقة
hint_registry_row_corrupt = السجل تالف؛ استعِده من نسخة احتياطية
registry_row_not_json = صف السجل الخاص بـ { $id } يحتوي على وثيقة ليست بصيغة JSON: { $detail }
hint_restore_registry = استعِد السجل من نسخة احتياطية
# أسماء أعمدة `laissez registry list` (جدول مفصول بعلامات الجدولة).
registry_column_id = معرّف الوثيقة
registry_column_profile = ملف التعريف
registry_column_suite = مجموعة التشفير
registry_column_issued_at = تاريخ الإصدار
registry_column_status_index = فهرس الحالة
registry_column_digest = البصمة (sha256)
registry_column_status_purposes = أغراض الحالة

## laissez bundle

bundle_created = أُنشئت حزمة غير موقّعة { $path } (أضف جهات الإصدار، ثم وقّعها)
bundle_not_object = الحزمة ليست كائن JSON
bundle_not_array = { $member } ليس مصفوفة
bundle_wrong_type = { $path } ليس حزمة ثقة (النوع { $bundle_type })
bundle_signature_removed = ملاحظة: كانت الحزمة موقّعة، وقد أُزيل التوقيع (وقّعها من جديد)
bundle_bad_name = --name "{ $value }": استخدم LANG=TEXT، مثل fr="État civil"
bundle_bad_valid_until = قيمة --valid-until "{ $value }" ليست تاريخًا ووقتًا بصيغة RFC 3339
bundle_did_needs_key = يتطلب --did خيار --key واحدًا على الأقل (مفتاح Multikey عام)
bundle_no_issuer_source = حدّد --from-home HOME، أو --did DID مع --key KEY
bundle_bad_context = --context "{ $value }": استخدم URL=FILE
bundle_status_list_no_id = { $path }: تحتاج وثيقة قائمة الحالة إلى معرّف id نصي (عنوان URL الخاص بها)
bundle_did_document_no_id = { $path }: يحتاج مستند DID إلى معرّف id من نوع DID
bundle_bad_anchor = --anchor { $anchor }: { $error }
hint_anchor = حدّد مفتاح Multikey أو did:key
bundle_added_issuer = جهة الإصدار { $did }
bundle_added_status_list = قائمة الحالة { $id }
bundle_added_status_token = قائمة حالة الرموز { $uri }
bundle_status_token_unverified = { $path }: ليست قائمة حالة رموز موقّعة بمفتاح من هذا المجلد، أو انتهت صلاحيتها
bundle_added_context = السياق { $url } (sha256 { $sha256 })
bundle_added_did_document = مستند DID { $id }
bundle_added_dcc_signers = { $count ->
    [one] أُضيف موقّع وثائق EU DCC واحد
   *[other] أُضيف { $count } من موقّعي وثائق EU DCC
}
bundle_added_shc_issuer = أُضيفت الجهة المُصدِرة لبطاقات SMART Health Cards { $iss }
bundle_added_claim169_keys = { $count ->
    [one] أُضيف مفتاح Claim 169 واحد لـ { $iss }
   *[other] أُضيف { $count } من مفاتيح Claim 169 لـ { $iss }
}
bundle_signed = وُقّع الملف { $path } بمرساة الثقة { $anchor } ({ $suite })
bundle_signature_valid = التوقيع: صالح (مرساة الثقة { $anchor })
bundle_signature_not_checked = التوقيع: لم يُتحقق منه (حدّد --anchor للتحقق منه)
bundle_inspect_version = الإصدار        { $value }
bundle_inspect_issued = تاريخ الإصدار  { $value }
bundle_inspect_next_update = التحديث التالي { $value }
bundle_inspect_issuer = جهة الإصدار    { $id }  { $name }  الأنواع: { $types }
bundle_inspect_status_list = قائمة الحالة   { $id }  ({ $purpose })

## laissez verify

verify_bundle_error = حزمة الثقة { $path }: { $error } [{ $code }]

## laissez qr

qr_unknown_encoding = الترميز "{ $encoding }" غير معروف
qr_encoding_hint = استخدم generic أو generic-dict أو cborld أو cborld-zlib أو smallest
qr_print_mm_positive = يجب أن تكون قيمة --print-mm موجبة
qr_summary = الحمولة { $bytes } بايت ({ $characters } حرف، { $encoding })، إصدار QR { $version }، ECC { $ecc }، { $width }×{ $width } وحدة
qr_summary_print = الحمولة { $bytes } بايت ({ $characters } حرف، { $encoding })، إصدار QR { $version }، ECC { $ecc }، { $width }×{ $width } وحدة، { $mm } مم بدقة { $dpi } dpi = { $px } بكسل/وحدة
qr_decode_unrecognised = { $input }: ليس صورة QR (PNG أو JPEG) ولا نص مغلّف يبدأ بـ { $prefix }
qr_png_encode = تعذّر ترميز صورة PNG: { $detail }
qr_image_unreadable = تعذّرت قراءة الصورة: { $detail }

## laissez demo

demo_step_home = 1. إنشاء مجلد جهة إصدار في { $path }
demo_step_issue = 2. إصدار وثيقة واحدة لكل ملف تعريف، ووثيقة الهوية القانونية بكل مجموعات التشفير
demo_issued = { $id } ({ $bytes } بايت JSON، { $qr })
demo_qr_summary = رمز QR v{ $version } من { $characters } حرف
demo_step_verify = 3. التحقق (دون اتصال، وبالسياقات المضمّنة فقط؛ لا توجد حزمة ثقة بعد، لذا فأفضل نتيجة ممكنة هي توقيع صالح دون التحقق من جهة الإصدار)
demo_step_tamper = 4. العبث بإحدى الوثائق (تغيير الجنسية) ثم التحقق منها مجددًا
demo_tampered = معدّلة
demo_step_trust = 5. الثقة دون اتصال: قوائم الحالة، وحزمة ثقة موقّعة من مرساة ثقة، والإلغاء
# تسميات أسطر عرض الثقة (تُكمَّل بالمسافات حتى 12 حرفًا).
demo_trusted = موثوقة
demo_untrusted = غير موثوقة
demo_revoked = ملغاة
demo_unrecognised_issuer = { $profile } (جهة إصدار غير معروفة)
demo_step_disclosure = 6. الإفصاح الأدنى: لا يُظهر الحامل إلا ما يلزم لغرض ما (ecdsa-sd-2023، وSD-JWT VC مرتبطة بمفتاحه)
demo_disclosure_shown = المعروض: { $fields }
demo_disclosure_hidden = المحجوب: { $fields }
demo_disclosure_checked = { $bytes } بايت؛ يسرد التقرير البيانات المعروضة بالضبط؛ وتُحقّق من غياب { $count ->
        [one] قيمة محجوبة واحدة
        [two] قيمتين محجوبتين
        [few] { $count } قيم محجوبة
        [many] { $count } قيمةً محجوبة
       *[other] { $count } قيمة محجوبة
    } عن العرض
demo_disclosure_report_differs = تقرير التحقق لا يسرد البيانات المعروضة بالضبط
demo_disclosure_leak = { $securing }: يُظهر العرض البيان المحجوب { $pointer }
demo_step_files = 7. الملفات
demo_file_home = مجلد جهة الإصدار  { $path }
demo_file_credentials = الوثائق           { $path }
demo_file_registry = السجل             { $path }
demo_file_bundle = حزمة الثقة        { $path }
demo_try = جرّب: laissez verify { $path }
demo_complete = اكتمل العرض التوضيحي: { $count ->
        [one] وثيقة واحدة صالحة
        [two] وثيقتان صالحتان
        [few] { $count } وثائق صالحة
        [many] { $count } وثيقة صالحة
       *[other] { $count } وثيقة صالحة
    }، ورُفضت الوثيقة المعدّلة؛ وعُرضت الحالات: موثوقة وغير موثوقة وملغاة
demo_unexpected = العرض التوضيحي: جاءت إحدى النتائج خلافًا للمتوقع
demo_bad_sample = عيّنة مضمّنة: { $detail }
demo_internal = خطأ داخلي: { $detail }

## laissez present

present_not_selective_credential = الملف { $path } ليس وثيقة بإثبات أساسي ecdsa-sd-2023 ولا وثيقة SD-JWT VC
hint_present_issue_selective = أصدرها بالأمر `laissez issue --securing ecdsa-sd-2023` أو `--securing sd-jwt`
present_no_profile = الوثيقة لا تتبع أي ملف تعريف من Laissez، فليست لها قواعد إفصاح
present_list_heading = الإعدادات المسبقة لـ { $profile }:
present_unknown_preset = الإعداد المسبق "{ $preset }" غير معروف لـ { $profile } [{ $code }]؛ الإعدادات المتاحة: { $presets }
present_nothing_chosen = اختر ما يُعرض بالخيار --preset NAME أو --disclose POINTER
hint_present_presets = الإعدادات المسبقة: { $presets }
present_pointer_not_selective = { $pointer } ليس بيانًا قابلًا للإفصاح الانتقائي في هذه الوثيقة
hint_present_selective = البيانات الانتقائية: { $pointers }
present_binding_partial = ربط العرض يتطلب --holder-key و--challenge (--nonce) و--domain (--aud) معًا؛ الناقص: { $missing }
present_no_holder_binding = وثيقة SD-JWT VC هذه لا تسمّي مفتاح حامل (cnf)، فلا يمكن ربطها بمفتاح
present_holder_key_mismatch = قيمة --holder-key ليست مفتاح الحامل الذي ترتبط به وثيقة SD-JWT VC هذه
hint_present_holder_key = استخدم المفتاح الذي ربطت جهة الإصدار جزأه العام (did:key لصاحب الوثيقة أو قيمة --holder-key المعطاة لـ `laissez issue`)
present_no_out = الخيار --out مطلوب
present_preset = الإعداد المسبق { $name }: { $label }
present_shown = المعروض ({ $count }):
present_hidden = المحجوب ({ $count }):
present_bound = مرتبط بـ { $domain } مع التحدي { $challenge }
present_written = كُتب العرض في { $path } ({ $bytes } بايت)
present_qr_written = كُتب رمز QR في { $path } (v{ $version }، { $characters } حرفًا)

## laissez serve
serve_bad_config = { $path }: يجب أن تكون قيم rate_per_second و registry_connections و token_lifetime_seconds و status_index_block (بحد أقصى 1000000) أكبر من صفر
serve_key_added = أُنشئ مفتاح الواجهة البرمجية { $id }؛ رمزه، ويُعرض الآن فقط:
serve_key_none = لا توجد مفاتيح للواجهة البرمجية
serve_key_revoked_state = مُلغى
serve_key_active_state = نشط
serve_key_line = { $id }  { $scopes }  { $state }  { $created }  { $label }
serve_key_unknown = لا يوجد مفتاح واجهة برمجية { $id } (انظر `laissez serve key list`)
serve_key_revoked = أُلغي مفتاح الواجهة البرمجية { $id }
serve_tls_error = فشل إعداد TLS: { $detail }
serve_tls_pem = { $path }: ملف PEM غير صالح للاستخدام: { $detail }
serve_rate_limited = طلبات كثيرة جدًا من هذا العميل؛ أعد المحاولة لاحقًا
serve_timeout = استغرق الطلب أكثر من { $seconds } ثانية
serve_body_too_large = جسم الطلب أكبر من { $max } بايت
serve_internal_error = خطأ داخلي في الخادم (انظر سجل الخادم)
serve_member_not_object = يجب أن يكون «{ $member }» كائن JSON
serve_option_not_string = الخيار «{ $option }» من نوع خاطئ
serve_unknown_cryptosuite = مجموعة تشفير غير معروفة «{ $suite }»
serve_unknown_issuer = لا يوجد مفتاح مُصدِر باسم «{ $key }»
serve_key_suite_mismatch = لا يستطيع المفتاح { $key } التوقيع بـ { $suite }
serve_no_key_for_suite = لا يوجد مفتاح في هذا الخادم يستطيع التوقيع بـ { $suite }
serve_issuer_mismatch = يجب أن يكون مُصدِر الشهادة { $issuer } (مفتاح نقطة الوصول هذه) أو أن يُترك فارغًا
serve_missing_member = لا يحتوي الطلب على «{ $member }»
serve_unsupported_proof_type = نوع إثبات غير مدعوم «{ $proof_type }»؛ هذا الخادم يُنتج DataIntegrityProof
serve_id_too_long = معرّف شهادة أو سجل أطول من { $max } بايت
serve_already_issued = سبق إصدار شهادة بهذا المعرّف أو لهذا السجل
serve_status_set = بت هذه الشهادة مُفعَّل في قائمة { $purpose } لدى المُصدِر
serve_unsupported_status_type = لا يمكن تغيير سوى حالة من نوع BitstringStatusListEntry
serve_unknown_status_purpose = يجب أن يكون statusPurpose إما revocation أو suspension
serve_status_not_boolean = يجب أن تكون قيمة «status» هي true أو false
serve_unknown_status_list = قائمة حالة غير معروفة
serve_unauthenticated = يلزم مفتاح واجهة برمجية صالح (Authorization: Bearer <token>)
serve_forbidden = لا يملك مفتاح الواجهة البرمجية هذا النطاق { $scope }
serve_token_expired = انتهت صلاحية رمز الوصول؛ احصل على رمز جديد من /oauth/token
serve_client_added = أُنشئ عميل OAuth2 { $id } (معرّفه client_id)؛ سرّه، ويُعرض الآن فقط:
serve_client_none = لا يوجد عملاء OAuth2
serve_client_unknown = لا يوجد عميل OAuth2 { $id } (انظر `laissez serve client list`)
serve_client_revoked = أُلغي عميل OAuth2 { $id }؛ تُرفض رموز الوصول الخاصة به من الآن
serve_oauth_invalid_request = يتطلب طلب الرمز grant_type=client_credentials، وكل معامل مرة واحدة، وبيانات اعتماد العميل في مكان واحد (RFC 6749 § 4.4)
serve_oauth_unsupported_grant = لا يُدعم إلا grant_type=client_credentials
serve_oauth_invalid_client = عميل غير معروف أو ملغى، أو سرّ خاطئ
serve_oauth_invalid_scope = لا يجوز لهذا العميل الحصول على النطاق «{ $scope }»
serve_body_not_object = يجب أن يكون جسم الطلب كائن JSON
serve_not_found = نقطة وصول غير معروفة
serve_start_failed = تعذّر تشغيل الخادم: { $detail }
serve_bind_failed = تعذّر الاستماع على { $address }: { $detail }
serve_listening = يستمع على { $url }
serve_stopped = توقّف
serve_vc_1_1_not_issued = تُتحقَّق شهادات VC 1.1 لكنها لا تُصدَر أبدًا؛ استخدم سياق VC 2.0
serve_already_secured = الشهادة المراد إصدارها تحمل إثباتًا بالفعل
serve_invalid_shape = لا يتخذ «{ $property }» الشكل الذي يشترطه نموذج بيانات VC 2.0

## laissez print: بطاقات قابلة للطباعة

print_bad_layout = تنسيق غير معروف { $layout }؛ استخدم id1 أو a6 أو a4
print_bad_output = { $path }: تُكتب البطاقة بصيغة ‎.pdf أو ‎.svg
print_bad_lang = ‎--labels { $lang }: لغة أو لغتان من { $available }، تفصل بينهما فاصلة
print_not_valid = لم تُطبع: الشهادة { $verdict }
print_font_missing = لم يُعثر على الخط { $font } في ‎/usr/share/fonts (ولا في ‎$LAISSEZ_FONT_DIR)
print_no_font_for = لا يوجد خط مثبت يحتوي كل حروف «{ $text }»
hint_print_fonts = ثبّت حزم دبيان fonts-noto-core (و fonts-noto-cjk للأسماء بالحروف الصينية)، أو عيّن LAISSEZ_FONT_DIR
print_qr_too_dense = رمز QR من الإصدار { $version } ستكون وحداته { $module } مم في هذا التنسيق، أقل من 0.4 مم التي يقرؤها الهاتف من نسخة مصورة
hint_print_compact = أصدر الشهادة مع ‎--compact، أو اختر ‎--layout أكبر
print_pdf_failed = تعذّرت كتابة ملف PDF: { $detail }
print_written = كُتبت البطاقة في { $path } (QR v{ $version }، { $characters } حرفًا، وحدات { $module } مم)
print_title_generic = شهادة
print_issuer = جهة الإصدار
print_valid_from = صالحة من
print_valid_until = صالحة حتى
print_yes = نعم
print_no = لا

# laissez issue --portrait, laissez verify --photo-out (القرار 0023)
portrait_not_an_image = الصورة الشخصية { $path } ليست صورة JPEG أو PNG
portrait_too_large = أبعاد الصورة الشخصية { $path } هي { $width } × { $height } بكسل؛ الحد الأقصى { $max } لكل ضلع
portrait_undecodable = تعذّر فك ترميز الصورة الشخصية { $path }: { $detail }
verify_photo = الصورة الشخصية (موقَّعة): { $media }، { $width } × { $height } بكسل، { $bytes } بايت
verify_photo_unsized = الصورة الشخصية (موقَّعة): { $media }، { $bytes } بايت
verify_no_photo = لم تُكتب أي صورة شخصية: لا تحمل الوثيقة صورة شخصية متحقَّقًا منها
verify_photo_written = كُتبت الصورة الشخصية في { $path }
