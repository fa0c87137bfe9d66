# The pages that beneficiaries and lawyers see: upload links and their receipt, the
# personal space and its access report, share links, the "no longer valid" page.
# Keep sentences whole: every { $variable } is filled by the server. Plurals use Fluent's
# selectors ([one], [other], and the language's own categories).
# Arabic: written so that it needs no masculine/feminine form of "you" (يُرجى + verbal noun,
# يمكنك…), and report actions use "تم + verbal noun", which agrees with nobody.

## The language picker

# This language's name, in its own script.
language-name = العربية
language-picker = اللغة

## A link that is dead, unknown or malformed

dead-title = الرابط منتهي الصلاحية أو غير معروف
dead-text = هذا الرابط غير موجود أو لم يعد صالحًا: ربما انتهت مدته، أو استُعمل كل المرات المسموح بها، أو تم إلغاؤه. يُرجى طلب رابط جديد من الشخص الذي أرسله إليك.
internal-error = حدث خطأ من جهتنا. لم يضِع أي شيء: يُرجى المحاولة مرة أخرى بعد بضع دقائق.
log-unavailable = لا تستطيع الخزنة الآن تسجيل من يطّلع على الملفات، لذلك لا تعرض أي شيء. يُرجى المحاولة مرة أخرى لاحقًا.
too-many-requests = طلبات كثيرة جدًا: يُرجى المحاولة مرة أخرى بعد دقيقة.
busy = الخادم مشغول جدًا: يُرجى المحاولة مرة أخرى بعد بضع ثوانٍ.

## Share link (for a lawyer)

share-title = مستندات تمت مشاركتها معك
share-intro = أرسلت إليك جمعية للمساعدة القانونية هذه المستندات. يُرجى تنزيلها قبل انتهاء صلاحية الرابط.
share-intro-named = أرسلت إليك جمعية { $association } هذه المستندات. يُرجى تنزيلها قبل انتهاء صلاحية الرابط.
share-expires = تنتهي صلاحية هذا الرابط في { $when } ({ $days ->
    [0] اليوم
    [1] غدًا
    [two] بعد يومين
    [few] بعد { $days } أيام
    [many] بعد { $days } يومًا
   *[other] بعد { $days } يوم
}).
share-downloads-left = { $count ->
    [zero] لم يبقَ أي تنزيل (لكل المستندات معًا).
    [one] بقي تنزيل واحد (لكل المستندات معًا).
    [two] بقي تنزيلان (لكل المستندات معًا).
    [few] بقي { $count } تنزيلات (لكل المستندات معًا).
    [many] بقي { $count } تنزيلًا (لكل المستندات معًا).
   *[other] بقي { $count } تنزيل (لكل المستندات معًا).
}
share-message-title = رسالة من الجمعية
download = تنزيل
share-download-all = تنزيل الكل (أرشيف ZIP واحد، يُحتسب تنزيلًا واحدًا)
share-recorded = كل فتح وكل تنزيل يُسجَّل في سجل الاطلاع على الملف.
share-nothing-left = لم يعد أي مستند متاحًا عبر هذا الرابط.
share-sealed-title = مشفّرة لمفتاح age الخاص بك
share-sealed-text = شفّرت الجمعية هذه المستندات لمفتاح age الخاص بك: كل ملف تُنزّله، وكذلك أرشيف ZIP، هو ملف .age لا تفتحه إلا هويتك في age. الرابط وحده لا يكفي لقراءتها. المفتاح المستخدم:
share-sealed-how = افتح كل ملف بهويتك، مثلًا بأداة age:
passphrase-title = كلمة السر
passphrase-text = هذا الرابط محميّ بكلمة سر أُرسلت بشكل منفصل (رسالة نصية، هاتف).
passphrase-label = كلمة السر
passphrase-wrong = { $tries ->
    [zero] كلمة السر غير صحيحة. لم تبقَ أي محاولة قبل قفل الرابط.
    [one] كلمة السر غير صحيحة. بقيت محاولة واحدة قبل قفل الرابط.
    [two] كلمة السر غير صحيحة. بقيت محاولتان قبل قفل الرابط.
    [few] كلمة السر غير صحيحة. بقيت { $tries } محاولات قبل قفل الرابط.
    [many] كلمة السر غير صحيحة. بقيت { $tries } محاولة قبل قفل الرابط.
   *[other] كلمة السر غير صحيحة. بقيت { $tries } محاولة قبل قفل الرابط.
}
open = فتح

## Upload link (for the person)

upload-title = إرسال مستنداتك
upload-intro = يمكنك تصوير أوراقك أو اختيار ملفات. تُقفَل (تُشفَّر) فور وصولها: الجمعية وحدها يمكنها قراءتها، ولن يمكنك رؤيتها هنا مرة أخرى.
upload-limits = { $files ->
    [one] لا يزال بإمكانك إرسال ملف واحد بهذا الرابط (بحد أقصى { $size })، حتى { $when }.
    [two] لا يزال بإمكانك إرسال ملفين بهذا الرابط (بحد أقصى { $size } في المجموع)، حتى { $when }.
    [few] لا يزال بإمكانك إرسال { $files } ملفات بهذا الرابط (بحد أقصى { $size } في المجموع)، حتى { $when }.
    [many] لا يزال بإمكانك إرسال { $files } ملفًا بهذا الرابط (بحد أقصى { $size } في المجموع)، حتى { $when }.
   *[other] لا يزال بإمكانك إرسال { $files } ملف بهذا الرابط (بحد أقصى { $size } في المجموع)، حتى { $when }.
}
upload-camera-label = التقاط صورة
upload-files-label = اختيار ملفات (صور، PDF)
send = إرسال
nothing-chosen = لم يتم اختيار أي ملف.
receipt-title = إيصال
receipt-intro = تم استلام هذه الملفات وقفلها (تشفيرها). يُرجى الاحتفاظ بهذه الصفحة: البصمة (BLAKE3) تُثبت ما أرسلته.
receipt-name = الملف
receipt-size = الحجم
receipt-hash = بصمة BLAKE3
refused-title = ملفات مرفوضة (لم يُحفظ منها أي شيء)
refused-too-large = كبير جدًا بالنسبة لهذا الرابط
refused-full = هذا الرابط لم يعد يقبل ملفات
upload-too-much = هذه الملفات معًا تتجاوز ما لا يزال هذا الرابط يقبله (مذكور أعلاه). لم يُحفظ أي شيء: يُرجى اختيار ملفات أقل عددًا أو أصغر حجمًا.
refused-invalid = ملف مرفوض
refused-failed = فشل الإرسال، يُرجى المحاولة مرة أخرى
refused-hidden-name = الاسم مرفوض: فيه أحرف لا تُرى أو أحرف تغيّر اتجاه النص، وقد يبدو كاسم آخر؛ يُرجى تغيير اسم الملف
refused-not-utf8 = الاسم مرفوض: ليس بترميز UTF-8؛ يُرجى تغيير اسم الملف

## Personal space (for the person)

space-title = مساحتك الشخصية
space-intro = يُرجى إدخال الرمز الذي أعطتك إياه الجمعية مع هذا الرابط (8 أحرف وأرقام، مثلًا K7PM-4RXT).
space-code-label = الرمز
space-wrong = { $tries ->
    [zero] الرمز غير صحيح. لم تبقَ أي محاولة قبل قفل المساحة.
    [one] الرمز غير صحيح. بقيت محاولة واحدة قبل قفل المساحة.
    [two] الرمز غير صحيح. بقيت محاولتان قبل قفل المساحة.
    [few] الرمز غير صحيح. بقيت { $tries } محاولات قبل قفل المساحة.
    [many] الرمز غير صحيح. بقيت { $tries } محاولة قبل قفل المساحة.
   *[other] الرمز غير صحيح. بقيت { $tries } محاولة قبل قفل المساحة.
}
space-home-title = ملفك
space-docs-title = مستنداتك
space-no-docs = لا يوجد أي مستند حتى الآن.
space-document = { $kind }، { $size }
space-share-title = إرسال مستندات إلى محاميك
space-share-text = يمكنك اختيار المستندات، وسيظهر لك رابط لإرساله إلى محاميك. يعمل الرابط 7 أيام، ويسمح بـ 5 تنزيلات.
space-share-docs = المستندات المراد إرسالها
space-share-label = اسم محاميك (اختياري)
space-share-create = إنشاء الرابط
space-link-once = يُرجى نسخ هذا الرابط الآن وإرساله إلى محاميك: لن يظهر مرة أخرى.
space-link-label = الرابط لمحاميك
space-copy = نسخ الرابط
space-access-title = من اطّلع على ملفك
space-access-note = كل ما تم في ملفك، من الأحدث إلى الأقدم (بتوقيت باريس). من حقك أن تعرف ذلك.
space-leave = إغلاق مساحتي
space-expired = انتهت صلاحية هذه الصفحة: يُرجى فتح رابطك مرة أخرى وإدخال رمزك.

## Who did something, in the access report

who-you = أنت
who-lawyer = محامٍ، عبر رابط مشاركة
who-upload = رابط إرسال
who-system = النظام
who-association = الجمعية ({ $name })
deleted-document = مستند محذوف

## One line of the access report: when, who, what

report-line = { $when } · { $who }: { $what }
report-line-refused = { $when } · { $who }: { $what } (رُفض أو فشل)

## What was done (the "what" of a report line; { $doc } is a file name)

action-case-create = تم فتح الملف
action-case-view = تم الاطلاع على الملف
action-case-list = تمت رؤية الاسم في قائمة الملفات
action-case-index = تمت قراءة الاسم لفهرس البحث (دون عرضه)
action-bundle-export = تم تصدير مجموعة أدلة لمحامٍ أو لمحكمة (المستندات وسجلها)
action-case-update = تم تعديل البيانات الشخصية
action-case-close = تم إغلاق الملف
action-case-reopen = تمت إعادة فتح الملف
action-case-report = تم الاطلاع على هذا التقرير
action-case-erase = تم محو الملف
action-case-contact = تم تسجيل تواصل
action-case-hold = تم الاحتفاظ بالملف بعد انتهاء مدة حفظه
action-retention-due = ظهر في قائمة الملفات القريبة من موعد حذفها
action-retention-erase = تم حذف الملف عند انتهاء مدة حفظه
action-document-add = تمت إضافة { $doc }
action-document-version = تمت إضافة نسخة جديدة من { $doc }
action-document-list = تم الاطلاع على قائمة المستندات
action-document-history = تم الاطلاع على سجل { $doc }
action-document-read = تم تنزيل { $doc }
action-document-verify = تم التحقق من { $doc }
action-document-delete = تم حذف { $doc }
action-document-reclassify = تم تغيير نوع { $doc }
action-document-export-key = تم تصدير مفتاح { $doc }
action-share-create = تم إنشاء رابط مشاركة
action-share-list = تم الاطلاع على روابط المشاركة
action-share-open = تم فتح صفحة رابط المشاركة
action-share-download = تم تنزيل { $doc }
action-share-passphrase-failed = تم إدخال كلمة سر خاطئة
action-share-locked = تم قفل رابط المشاركة (محاولات كثيرة جدًا)
action-share-revoke = تم إلغاء رابط المشاركة
action-share-expire = انتهت صلاحية رابط المشاركة (تم إتلاف مفاتيحه)
action-upload-create = تم إنشاء رابط إرسال
action-upload-list = تم الاطلاع على روابط الإرسال
action-upload-open = تم فتح صفحة الإرسال
action-upload-revoke = تم إلغاء رابط الإرسال
action-space-create = تم إنشاء مساحة شخصية
action-space-list = تم الاطلاع على المساحات الشخصية
action-space-open = تم فتح المساحة الشخصية
action-space-passcode-failed = تم إدخال رمز خاطئ
action-space-locked = تم قفل المساحة الشخصية (محاولات كثيرة جدًا)
action-space-revoke = تم إغلاق المساحة الشخصية
action-space-expire = انتهت صلاحية المساحة الشخصية (تم إتلاف مفتاحها)
action-other = إجراء آخر ({ $code })

## Kinds of documents

kind-identity = وثيقة هوية
kind-appeal = طعن
kind-evidence = إثبات
kind-other = أخرى

## Sizes ({ $n } is already written with this language's decimal mark)

decimal-mark = .
size-bytes = { $n } بايت
size-kb = { $n } كيلوبايت
size-mb = { $n } ميغابايت
size-gb = { $n } غيغابايت

## Dates and times, in Paris time

month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر
# { $day } and { $year } are numbers, { $month } one of the names above, { $time } the time-of-day below.
date-time = { $day } { $month } { $year }، الساعة { $time }
# { $hour } is 0 to 23, { $minute } two digits.
time-of-day = { $hour }:{ $minute }

## The printed handout for a personal space (given at the desk, in the person's language)

handout-title = مساحتك الشخصية
handout-text = يُرجى فتح هذا الرابط على هاتفك، أو مسح الرمز المربّع بالكاميرا، ثم إدخال الرمز المكتوب في الأسفل. يُرجى الاحتفاظ بهذه الورقة في مكان آمن، وعدم إعطائها لأي شخص.
handout-code-label = رمزك

## The access report: grouped lines, and what the person did themselves

# A date without the time; { $day } is a number.
date-only = { $day } { $month } { $year }
# Several reads of the same thing by the same person within the hour. { $day } is a date (date-only), { $from } and { $to } times of day (time-of-day), { $count } is 2 or more.
report-group = { $day } · { $who }: { $what } ({ $count ->
    [zero] { $count } مرة
    [one] مرة واحدة
    [two] مرتين
    [few] { $count } مرات
    [many] { $count } مرة
   *[other] { $count } مرة
} بين { $from } و{ $to })
report-group-at = { $day } · { $who }: { $what } ({ $count ->
    [zero] { $count } مرة
    [one] مرة واحدة
    [two] مرتين
    [few] { $count } مرات
    [many] { $count } مرة
   *[other] { $count } مرة
} في الساعة { $from })
# A line of what the person did themselves; { $what } is one of the "you-…" sentences below.
report-line-you = { $when } · { $what }
report-group-you = { $day } · { $what } { $count ->
    [zero] { $count } مرة
    [one] مرة واحدة
    [two] مرتين
    [few] { $count } مرات
    [many] { $count } مرة
   *[other] { $count } مرة
} بين { $from } و{ $to }
report-group-you-at = { $day } · { $what } { $count ->
    [zero] { $count } مرة
    [one] مرة واحدة
    [two] مرتين
    [few] { $count } مرات
    [many] { $count } مرة
   *[other] { $count } مرة
} في الساعة { $from }
# The you-… sentences are in the past tense, which (without vowel marks) is written the
# same for a man and a woman.
you-case-view = اطّلعت على ملفك
you-space-open = فتحت مساحتك
you-document-read = نزّلت { $doc }
you-share-create = أنشأت رابطًا لمحاميك
you-space-passcode-failed = تم إدخال رمز خاطئ عبر رابطك
you-space-locked = تم قفل مساحتك بعد إدخال رموز خاطئة كثيرة جدًا
# A document that was never kept (a refused upload).
unnamed-document = مستند
report-older = الأقدم
report-newer = الأحدث
report-page = الصفحة { $page } من { $pages }
