# The pages that beneficiaries and lawyers see: upload links and their receipt, the
# personal space and its access report, share links, the "no longer valid" page.
# Keep sentences whole: every { $variable } is filled by the server. Plurals use Fluent's
# selectors ([one], [other], and the language's own categories).
# Urdu: { $doc } is treated as feminine (فائل, دستاویز), hence "کی گئی" after it.

## The language picker

# This language's name, in its own script.
language-name = اردو
language-picker = زبان

## A link that is dead, unknown or malformed

dead-title = لنک ختم ہو گیا یا نامعلوم ہے
dead-text = یہ لنک موجود نہیں یا اب کام نہیں کرتا: ہو سکتا ہے اس کی مدت ختم ہو گئی ہو، یہ جتنی بار استعمال ہو سکتا تھا اتنی بار ہو چکا ہو، یا اسے منسوخ کر دیا گیا ہو۔ جس شخص نے یہ لنک بھیجا ہے، اس سے نیا لنک مانگیں۔
internal-error = ہماری طرف سے کوئی مسئلہ ہو گیا۔ کچھ ضائع نہیں ہوا: چند منٹ بعد دوبارہ کوشش کریں۔
log-unavailable = تجوری ابھی یہ ریکارڈ نہیں کر سکتی کہ کس نے کیا دیکھا، اس لیے کچھ نہیں دکھا رہی۔ بعد میں دوبارہ کوشش کریں۔
too-many-requests = بہت زیادہ درخواستیں: ایک منٹ بعد دوبارہ کوشش کریں۔
busy = سرور بہت مصروف ہے: چند سیکنڈ بعد دوبارہ کوشش کریں۔

## Share link (for a lawyer)

share-title = آپ کو بھیجی گئی دستاویزات
share-intro = قانونی مدد کی ایک تنظیم نے آپ کو یہ دستاویزات بھیجی ہیں۔ لنک کی مدت ختم ہونے سے پہلے انہیں ڈاؤن لوڈ کر لیں۔
share-intro-named = تنظیم { $association } نے آپ کو یہ دستاویزات بھیجی ہیں۔ لنک کی مدت ختم ہونے سے پہلے انہیں ڈاؤن لوڈ کر لیں۔
share-expires = اس لنک کی مدت { $when } کو ختم ہو جائے گی ({ $days ->
    [0] آج
    [1] کل
   *[other] { $days } دن بعد
})۔
share-downloads-left = { $count ->
    [one] ایک ڈاؤن لوڈ باقی ہے (تمام دستاویزات ملا کر)۔
   *[other] { $count } ڈاؤن لوڈ باقی ہیں (تمام دستاویزات ملا کر)۔
}
share-message-title = تنظیم کا پیغام
download = ڈاؤن لوڈ کریں
share-download-all = سب ڈاؤن لوڈ کریں (ایک ZIP آرکائیو، ایک ڈاؤن لوڈ شمار ہوگا)
share-recorded = ہر بار کھولنا اور ہر ڈاؤن لوڈ کیس کے رسائی ریکارڈ میں درج ہوتا ہے۔
share-nothing-left = اس لنک کے ذریعے اب کوئی دستاویز دستیاب نہیں۔
share-sealed-title = آپ کی age کلید کے لیے خفیہ کردہ
share-sealed-text = تنظیم نے یہ دستاویزات آپ کی اپنی age کلید کے لیے خفیہ کی ہیں: ہر ڈاؤن لوڈ کی گئی فائل، اور ZIP آرکائیو بھی، ایک .age فائل ہے جسے صرف آپ کی age شناخت کھول سکتی ہے۔ صرف لنک سے انہیں پڑھا نہیں جا سکتا۔ استعمال شدہ کلید:
share-sealed-how = ہر فائل اپنی شناخت سے کھولیں، مثال کے طور پر age ٹول سے:
passphrase-title = پاس ورڈ
passphrase-text = یہ لنک ایک پاس ورڈ سے محفوظ ہے، جو الگ سے بھیجا گیا ہے (ایس ایم ایس، فون)۔
passphrase-label = پاس ورڈ
passphrase-wrong = { $tries ->
    [one] غلط پاس ورڈ۔ لنک لاک ہونے سے پہلے ایک اور کوشش باقی ہے۔
   *[other] غلط پاس ورڈ۔ لنک لاک ہونے سے پہلے { $tries } مزید کوششیں باقی ہیں۔
}
open = کھولیں

## Upload link (for the person)

upload-title = اپنی دستاویزات بھیجیں
upload-intro = اپنے کاغذات کی تصویر لیں یا فائلیں چنیں۔ پہنچتے ہی انہیں لاک (انکرپٹ) کر دیا جاتا ہے: صرف تنظیم انہیں پڑھ سکتی ہے، اور آپ انہیں یہاں دوبارہ نہیں دیکھ سکیں گے۔
upload-limits = { $files ->
    [one] یہ لنک { $when } تک ایک اور فائل قبول کر سکتا ہے (زیادہ سے زیادہ { $size })۔
   *[other] یہ لنک { $when } تک { $files } اور فائلیں قبول کر سکتا ہے (کل ملا کر زیادہ سے زیادہ { $size })۔
}
upload-camera-label = تصویر لیں
upload-files-label = فائلیں چنیں (تصاویر، PDF)
send = بھیجیں
nothing-chosen = کوئی فائل نہیں چنی گئی۔
receipt-title = رسید
receipt-intro = یہ فائلیں موصول ہو گئیں اور لاک (انکرپٹ) کر دی گئیں۔ یہ صفحہ سنبھال کر رکھیں: فنگر پرنٹ (BLAKE3) ثابت کرتا ہے کہ آپ نے کیا بھیجا۔
receipt-name = فائل
receipt-size = سائز
receipt-hash = BLAKE3 فنگر پرنٹ
refused-title = رد کی گئی فائلیں (ان میں سے کچھ بھی نہیں رکھا گیا)
refused-too-large = اس لنک کے لیے بہت بڑی ہے
refused-full = یہ لنک اب مزید فائلیں قبول نہیں کرتا
upload-too-much = یہ فائلیں کل ملا کر اس سے زیادہ ہیں جتنا یہ لنک اب بھی قبول کر سکتا ہے (اوپر بتایا گیا ہے)۔ کچھ بھی نہیں رکھا گیا: کم یا چھوٹی فائلیں چنیں۔
refused-invalid = فائل رد کر دی گئی
refused-failed = بھیجنا ناکام رہا، دوبارہ کوشش کریں
refused-hidden-name = نام رد کر دیا گیا: اس میں نظر نہ آنے والے حروف ہیں یا ایسے حروف جو متن کی سمت بدل دیتے ہیں، اور یہ کسی دوسرے نام جیسا لگ سکتا ہے؛ فائل کا نام بدلیں
refused-not-utf8 = نام رد کر دیا گیا: یہ UTF-8 میں نہیں ہے؛ فائل کا نام بدلیں

## Personal space (for the person)

space-title = آپ کا ذاتی صفحہ
space-intro = وہ کوڈ درج کریں جو تنظیم نے آپ کو اس لنک کے ساتھ دیا ہے (8 حروف اور ہندسے، مثلاً K7PM-4RXT)۔
space-code-label = کوڈ
space-wrong = { $tries ->
    [one] غلط کوڈ۔ صفحہ لاک ہونے سے پہلے ایک اور کوشش باقی ہے۔
   *[other] غلط کوڈ۔ صفحہ لاک ہونے سے پہلے { $tries } مزید کوششیں باقی ہیں۔
}
space-home-title = آپ کا کیس
space-docs-title = آپ کی دستاویزات
space-no-docs = ابھی کوئی دستاویز نہیں۔
space-document = { $kind }، { $size }
space-share-title = اپنے وکیل کو دستاویزات بھیجیں
space-share-text = دستاویزات چنیں: آپ کو ایک لنک ملے گا جو آپ اپنے وکیل کو بھیج سکتے ہیں۔ یہ لنک 7 دن اور 5 ڈاؤن لوڈ تک کام کرتا ہے۔
space-share-docs = بھیجنے کے لیے دستاویزات
space-share-label = آپ کے وکیل کا نام (اختیاری)
space-share-create = لنک بنائیں
space-link-once = یہ لنک ابھی کاپی کریں اور اپنے وکیل کو بھیجیں: یہ دوبارہ نہیں دکھایا جائے گا۔
space-link-label = آپ کے وکیل کے لیے لنک
space-copy = لنک کاپی کریں
space-access-title = آپ کا کیس کس نے دیکھا
space-access-note = آپ کے کیس کے ساتھ جو کچھ بھی کیا گیا، سب سے نیا سب سے پہلے (پیرس کا وقت)۔ آپ کو یہ جاننے کا حق ہے۔
space-leave = میرا صفحہ بند کریں
space-expired = اس صفحے کی مدت ختم ہو گئی: اپنا لنک دوبارہ کھولیں اور اپنا کوڈ درج کریں۔

## Who did something, in the access report

who-you = آپ
who-lawyer = ایک وکیل، شیئر لنک کے ذریعے
who-upload = دستاویزات بھیجنے کا ایک لنک
who-system = سسٹم
who-association = تنظیم ({ $name })
deleted-document = ایک حذف شدہ فائل

## One line of the access report: when, who, what

report-line = { $when } · { $who }: { $what }
report-line-refused = { $when } · { $who }: { $what } (رد یا ناکام)

## What was done (the "what" of a report line; { $doc } is a file name)

action-case-create = کیس کھولا گیا
action-case-view = کیس دیکھا گیا
action-case-list = نام کیسوں کی فہرست میں دیکھا گیا
action-case-index = نام تلاش کے اشاریے کے لیے پڑھا گیا (دکھایا نہیں گیا)
action-bundle-export = وکیل یا عدالت کے لیے ثبوت کی فائل ایکسپورٹ کی گئی (دستاویزات اور ان کی ہسٹری)
action-case-update = ذاتی معلومات تبدیل کی گئیں
action-case-close = کیس بند کیا گیا
action-case-reopen = کیس دوبارہ کھولا گیا
action-case-report = یہ رپورٹ دیکھی گئی
action-case-erase = کیس مٹا دیا گیا
action-case-contact = رابطہ درج کیا گیا
action-case-hold = مدتِ محفوظگی کے بعد بھی رکھا گیا
action-retention-due = حذف ہونے کی تاریخ کے قریب کیسوں کی فہرست میں دیکھا گیا
action-retention-erase = مدتِ محفوظگی ختم ہونے پر حذف کیا گیا
action-document-add = { $doc } شامل کی گئی
action-document-version = { $doc } کا نیا ورژن شامل کیا گیا
action-document-list = دستاویزات کی فہرست دیکھی گئی
action-document-history = { $doc } کی ہسٹری دیکھی گئی
action-document-read = { $doc } ڈاؤن لوڈ کی گئی
action-document-verify = { $doc } چیک کی گئی
action-document-delete = { $doc } حذف کی گئی
action-document-reclassify = { $doc } کی قسم تبدیل کی گئی
action-document-export-key = { $doc } کی چابی ایکسپورٹ کی گئی
action-share-create = شیئر لنک بنایا گیا
action-share-list = شیئر لنک دیکھے گئے
action-share-open = شیئر لنک کا صفحہ کھولا گیا
action-share-download = { $doc } ڈاؤن لوڈ کی گئی
action-share-passphrase-failed = غلط پاس ورڈ درج کیا گیا
action-share-locked = شیئر لنک لاک کر دیا گیا (بہت زیادہ کوششیں)
action-share-revoke = شیئر لنک منسوخ کیا گیا
action-share-expire = شیئر لنک کی مدت ختم ہو گئی (اس کی چابیاں ختم کر دی گئیں)
action-upload-create = دستاویزات بھیجنے کا لنک بنایا گیا
action-upload-list = دستاویزات بھیجنے کے لنک دیکھے گئے
action-upload-open = دستاویزات بھیجنے کا صفحہ کھولا گیا
action-upload-revoke = دستاویزات بھیجنے کا لنک منسوخ کیا گیا
action-space-create = ذاتی صفحہ بنایا گیا
action-space-list = ذاتی صفحات دیکھے گئے
action-space-open = ذاتی صفحہ کھولا گیا
action-space-passcode-failed = غلط کوڈ درج کیا گیا
action-space-locked = ذاتی صفحہ لاک کر دیا گیا (بہت زیادہ کوششیں)
action-space-revoke = ذاتی صفحہ بند کیا گیا
action-space-expire = ذاتی صفحے کی مدت ختم ہو گئی (اس کی چابی ختم کر دی گئی)
action-other = کوئی اور کارروائی ({ $code })

## Kinds of documents

kind-identity = شناختی دستاویز
kind-appeal = اپیل
kind-evidence = ثبوت
kind-other = دیگر

## Sizes ({ $n } is already written with this language's decimal mark)

decimal-mark = .
size-bytes = { $n } بائٹ
size-kb = { $n } کلو بائٹ
size-mb = { $n } میگا بائٹ
size-gb = { $n } گیگا بائٹ

## Dates and times, in Paris time

month-1 = جنوری
month-2 = فروری
month-3 = مارچ
month-4 = اپریل
month-5 = مئی
month-6 = جون
month-7 = جولائی
month-8 = اگست
month-9 = ستمبر
month-10 = اکتوبر
month-11 = نومبر
month-12 = دسمبر
# { $day } and { $year } are numbers, { $month } one of the names above, { $time } the time-of-day below.
date-time = { $day } { $month } { $year }، { $time } بجے
# { $hour } is 0 to 23, { $minute } two digits.
time-of-day = { $hour }:{ $minute }

## The printed handout for a personal space (given at the desk, in the person's language)

handout-title = آپ کا ذاتی صفحہ
handout-text = یہ لنک اپنے فون پر کھولیں، یا چوکور کوڈ کو کیمرے سے اسکین کریں۔ پھر نیچے لکھا ہوا کوڈ درج کریں۔ یہ کاغذ سنبھال کر رکھیں اور کسی کو نہ دیں۔
handout-code-label = آپ کا کوڈ

## The access report: grouped lines, and what the person did themselves

# A date without the time; { $day } is a number.
date-only = { $day } { $month } { $year }
# Several reads of the same thing by the same person within the hour. { $day } is a date (date-only), { $from } and { $to } times of day (time-of-day), { $count } is 2 or more.
report-group = { $day } · { $who }: { $what } ({ $from } اور { $to } کے درمیان { $count } بار)
report-group-at = { $day } · { $who }: { $what } ({ $from } بجے { $count } بار)
# A line of what the person did themselves; { $what } is one of the "you-…" sentences below.
report-line-you = { $when } · { $what }
report-group-you = { $day } · { $what } ({ $from } اور { $to } کے درمیان { $count } بار)
report-group-you-at = { $day } · { $what } ({ $from } بجے { $count } بار)
you-case-view = آپ نے اپنا کیس دیکھا
you-space-open = آپ نے اپنا ذاتی صفحہ کھولا
you-document-read = آپ نے { $doc } ڈاؤن لوڈ کی
you-share-create = آپ نے اپنے وکیل کے لیے ایک لنک بنایا
you-space-passcode-failed = آپ کے لنک پر غلط کوڈ درج کیا گیا
you-space-locked = بہت زیادہ غلط کوڈ درج ہونے کی وجہ سے آپ کا ذاتی صفحہ لاک کر دیا گیا
# A document that was never kept (a refused upload).
unnamed-document = ایک دستاویز
report-older = پرانے
report-newer = نئے
report-page = صفحہ { $page } از { $pages }
