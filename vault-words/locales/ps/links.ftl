# The pages that beneficiaries and lawyers see: upload links and their receipt, the
# personal space and its access report, share links, the "no longer valid" page.
# Keep sentences whole: every { $variable } is filled by the server. Plurals use Fluent's
# selectors ([one], [other], and the language's own categories).

## The language picker

# This language's name, in its own script.
language-name = پښتو
language-picker = ژبه

## A link that is dead, unknown or malformed

dead-title = لینک پای ته رسېدلی یا ناپېژندل شوی
dead-text = دا لینک نشته یا نور اعتبار نه لري: کېدای شي موده یې پوره شوې وي، څو ځله چې اجازه وه هغومره کارول شوی وي، یا لغوه شوی وي. له هغه چا چې دا لینک یې تاسو ته لېږلی، نوی لینک وغواړئ.
internal-error = زموږ له خوا یوه ستونزه پېښه شوه. هېڅ شی له منځه نه دی تللی: څو دقیقې وروسته بیا هڅه وکړئ.
log-unavailable = خوندي صندوق اوس نشي کولای ثبت کړي چې چا څه کتلي، نو هېڅ شی نه ښيي. وروسته بیا هڅه وکړئ.
too-many-requests = ډېرې زیاتې غوښتنې: یوه دقیقه وروسته بیا هڅه وکړئ.
busy = سرور ډېر بوخت دی: څو ثانیې وروسته بیا هڅه وکړئ.

## Share link (for a lawyer)

share-title = هغه اسناد چې تاسو ته لېږل شوي
share-intro = د حقوقي مرستې یوې موسسې دا اسناد تاسو ته لېږلي دي. مخکې له دې چې د لینک موده پای ته ورسېږي، ډاونلوډ یې کړئ.
share-intro-named = د { $association } موسسې دا اسناد تاسو ته لېږلي دي. مخکې له دې چې د لینک موده پای ته ورسېږي، ډاونلوډ یې کړئ.
share-expires = د دې لینک موده په { $when } پای ته رسېږي ({ $days ->
    [0] نن
    [1] سبا
   *[other] { $days } ورځې وروسته
}).
share-downloads-left = { $count ->
    [one] یو ځل نور ډاونلوډ کېدای شي (ټول اسناد یوځای).
   *[other] { $count } ځله نور ډاونلوډ کېدای شي (ټول اسناد یوځای).
}
share-message-title = د موسسې پیغام
download = ډاونلوډ
share-download-all = ټول ډاونلوډ (یو ZIP آرشیف، د یو ډاونلوډ په توګه شمېرل کېږي)
share-recorded = هر ځل پرانیستل او هر ډاونلوډ د دوسیې د لاسرسي په راپور کې ثبتېږي.
share-nothing-left = د دې لینک له لارې نور هېڅ سند نشته.
share-sealed-title = ستاسو د age کیلي لپاره کوډ شوي
share-sealed-text = موسسې دا اسناد ستاسو د خپلې age کیلي لپاره کوډ کړي دي: هر ډاونلوډ شوی فایل، او ZIP آرشیف هم، یو .age فایل دی چې یوازې ستاسو د age هویت یې خلاصوي. یوازې لینک د لوستلو لپاره بس نه دی. کارول شوې کیلي:
share-sealed-how = هر فایل په خپل هویت خلاص کړئ، د بېلګې په توګه د age وسیلې سره:
passphrase-title = پټنوم
passphrase-text = دا لینک په یوه پټنوم خوندي دی چې جلا لېږل شوی دی (پیغام، ټیلیفون).
passphrase-label = پټنوم
passphrase-wrong = { $tries ->
    [one] پټنوم غلط دی. یو ځل نور هڅه کولای شئ، بیا لینک قلفېږي.
   *[other] پټنوم غلط دی. { $tries } ځله نور هڅه کولای شئ، بیا لینک قلفېږي.
}
open = پرانیستل

## Upload link (for the person)

upload-title = خپل اسناد ولېږئ
upload-intro = د خپلو کاغذونو عکس واخلئ یا فایلونه وټاکئ. کله چې راورسېږي، قلف (رمزي) کېږي: یوازې موسسه یې لوستلای شي، او تاسو یې دلته بیا نشئ لیدلای.
upload-limits = { $files ->
    [one] دا لینک تر { $when } پورې یو بل فایل هم مني (تر ډېره { $size }).
   *[other] دا لینک تر { $when } پورې { $files } نور فایلونه هم مني (ټول یوځای تر ډېره { $size }).
}
upload-camera-label = عکس اخیستل
upload-files-label = فایلونه ټاکل (عکسونه، PDF)
send = لېږل
nothing-chosen = هېڅ فایل نه دی ټاکل شوی.
receipt-title = رسید
receipt-intro = دا فایلونه ترلاسه او قلف (رمزي) شول. دا پاڼه وساتئ: د ګوتې نښه (BLAKE3) ثابتوي چې تاسو څه لېږلي دي.
receipt-name = فایل
receipt-size = اندازه
receipt-hash = د ګوتې نښه (BLAKE3)
refused-title = رد شوي فایلونه (هېڅ شی یې نه دی ساتل شوی)
refused-too-large = د دې لینک لپاره ډېر لوی دی
refused-full = دا لینک نور فایلونه نه مني
upload-too-much = دا فایلونه ټول یوځای له هغه څه ډېر دي چې دا لینک یې لا هم مني (پورته ښودل شوی). هېڅ شی نه دی ساتل شوی: لږ یا کوچني فایلونه وټاکئ.
refused-invalid = فایل رد شو
refused-failed = لېږل ناکام شول، بیا هڅه وکړئ
refused-hidden-name = نوم رد شو: داسې توري لري چې نه لیدل کېږي یا د متن لوری بدلوي، او کېدای شي د بل نوم په څېر ښکاره شي؛ د فایل نوم بدل کړئ
refused-not-utf8 = نوم رد شو: په UTF-8 کې نه دی؛ د فایل نوم بدل کړئ

## Personal space (for the person)

space-title = ستاسو شخصي پاڼه
space-intro = هغه کوډ ولیکئ چې موسسې تاسو ته د دې لینک سره درکړی دی (8 توري او عددونه، د بېلګې په توګه K7PM-4RXT).
space-code-label = کوډ
space-wrong = { $tries ->
    [one] کوډ غلط دی. یو ځل نور هڅه کولای شئ، بیا ستاسو پاڼه قلفېږي.
   *[other] کوډ غلط دی. { $tries } ځله نور هڅه کولای شئ، بیا ستاسو پاڼه قلفېږي.
}
space-home-title = ستاسو دوسیه
space-docs-title = ستاسو اسناد
space-no-docs = تر اوسه هېڅ سند نشته.
space-document = { $kind }، { $size }
space-share-title = خپل وکیل ته اسناد ولېږئ
space-share-text = اسناد وټاکئ: یو لینک به درکړل شي چې خپل وکیل ته یې ولېږئ. دا لینک 7 ورځې کار کوي او 5 ځله ډاونلوډ کېدای شي.
space-share-docs = د لېږلو اسناد
space-share-label = د خپل وکیل نوم (اختیاري)
space-share-create = لینک جوړول
space-link-once = دا لینک همدا اوس کاپي کړئ او خپل وکیل ته یې ولېږئ: بیا به نه ښودل کېږي.
space-link-label = ستاسو د وکیل لپاره لینک
space-copy = لینک کاپي کول
space-access-title = چا ستاسو دوسیه کتلې ده
space-access-note = هر هغه څه چې ستاسو په دوسیه شوي دي، له نوي نه تر زاړه (د پاریس وخت). تاسو حق لرئ چې پرې پوه شئ.
space-leave = زما پاڼه بندول
space-expired = د دې پاڼې موده پای ته رسېدلې: خپل لینک بیا پرانیزئ او خپل کوډ ولیکئ.

## Who did something, in the access report

who-you = تاسو
who-lawyer = یو وکیل، د شریکولو لینک له لارې
who-upload = د اسنادو لېږلو یو لینک
who-system = سیستم
who-association = موسسه ({ $name })
deleted-document = یو حذف شوی سند

## One line of the access report: when, who, what

report-line = { $when } · { $who }: { $what }
report-line-refused = { $when } · { $who }: { $what } (رد شو یا ناکام شو)

## What was done (the "what" of a report line; { $doc } is a file name)

action-case-create = دوسیه پرانیستل شوه
action-case-view = دوسیه وکتل شوه
action-case-list = نوم د دوسیو په لړلیک کې ولیدل شو
action-case-index = نوم د لټون د فهرست لپاره ولوستل شو (ښکاره نه شو)
action-bundle-export = د ثبوتونو بسته د وکیل یا محکمې لپاره بهر ته وایستل شوه (اسناد او د هغوی تاریخچه)
action-case-update = مشخصات بدل شول
action-case-close = دوسیه وتړل شوه
action-case-reopen = دوسیه بیا پرانیستل شوه
action-case-report = دا راپور وکتل شو
action-case-erase = دوسیه پاکه شوه
action-case-contact = اړیکه ثبت شوه
action-case-hold = د ساتنې له مودې وروسته هم وساتل شوه
action-retention-due = د ړنګېدو نېټې ته د نږدې دوسیو په لېست کې ولیدل شوه
action-retention-erase = د ساتنې د مودې په پای کې ړنګه شوه
action-document-add = { $doc } اضافه شو
action-document-version = د { $doc } نوې نسخه اضافه شوه
action-document-list = د اسنادو لړلیک وکتل شو
action-document-history = د { $doc } تاریخچه وکتل شوه
action-document-read = { $doc } ډاونلوډ شو
action-document-verify = { $doc } وڅېړل شو
action-document-delete = { $doc } حذف شو
action-document-reclassify = د { $doc } ډول بدل شو
action-document-export-key = د { $doc } کیلي بهر ته وایستل شوه
action-share-create = د شریکولو لینک جوړ شو
action-share-list = د شریکولو لینکونه وکتل شول
action-share-open = د شریکولو لینک پاڼه پرانیستل شوه
action-share-download = { $doc } ډاونلوډ شو
action-share-passphrase-failed = غلط پټنوم ولیکل شو
action-share-locked = د شریکولو لینک قلف شو (ډېرې زیاتې هڅې)
action-share-revoke = د شریکولو لینک لغوه شو
action-share-expire = د شریکولو لینک موده پای ته ورسېده (کیلۍ یې له منځه یوړل شوې)
action-upload-create = د اسنادو لېږلو لینک جوړ شو
action-upload-list = د اسنادو لېږلو لینکونه وکتل شول
action-upload-open = د اسنادو لېږلو پاڼه پرانیستل شوه
action-upload-revoke = د اسنادو لېږلو لینک لغوه شو
action-space-create = شخصي پاڼه جوړه شوه
action-space-list = شخصي پاڼې وکتل شوې
action-space-open = شخصي پاڼه پرانیستل شوه
action-space-passcode-failed = غلط کوډ ولیکل شو
action-space-locked = شخصي پاڼه قلفه شوه (ډېرې زیاتې هڅې)
action-space-revoke = شخصي پاڼه وتړل شوه
action-space-expire = د شخصي پاڼې موده پای ته ورسېده (کیلي یې له منځه یوړل شوه)
action-other = بل کار ({ $code })

## Kinds of documents

kind-identity = د هویت سند
kind-appeal = اعتراض
kind-evidence = ثبوت
kind-other = نور

## Sizes ({ $n } is already written with this language's decimal mark)

decimal-mark = .
size-bytes = { $n } بایټ
size-kb = { $n } کیلوبایټ
size-mb = { $n } مېګابایټ
size-gb = { $n } ګیګابایټ

## Dates and times, in Paris time

month-1 = جنوري
month-2 = فبروري
month-3 = مارچ
month-4 = اپریل
month-5 = مۍ
month-6 = جون
month-7 = جولای
month-8 = اګست
month-9 = سېپتمبر
month-10 = اکتوبر
month-11 = نومبر
month-12 = دسمبر
# { $day } and { $year } are numbers, { $month } one of the names above, { $time } the time-of-day below.
date-time = { $day } { $month } { $year }، { $time }
# { $hour } is 0 to 23, { $minute } two digits.
time-of-day = { $hour }:{ $minute }

## The printed handout for a personal space (given at the desk, in the person's language)

handout-title = ستاسو شخصي پاڼه
handout-text = دا لینک په خپل ټیلیفون کې پرانیزئ، یا څلورګوټی کوډ په کمره سکن کړئ. بیا هغه کوډ ولیکئ چې لاندې لیکل شوی دی. دا کاغذ په خوندي ځای کې وساتئ او هېچا ته یې مه ورکوئ.
handout-code-label = ستاسو کوډ

## The access report: grouped lines, and what the person did themselves

# A date without the time; { $day } is a number.
date-only = { $day } { $month } { $year }
# Several reads of the same thing by the same person within the hour. { $day } is a date (date-only), { $from } and { $to } times of day (time-of-day), { $count } is 2 or more.
report-group = { $day } · { $who }: { $what } ({ $count } ځله، د { $from } او { $to } ترمنځ)
report-group-at = { $day } · { $who }: { $what } ({ $count } ځله، په { $from } بجو)
# A line of what the person did themselves; { $what } is one of the "you-…" sentences below.
report-line-you = { $when } · { $what }
report-group-you = { $day } · { $what } ({ $count } ځله، د { $from } او { $to } ترمنځ)
report-group-you-at = { $day } · { $what } ({ $count } ځله، په { $from } بجو)
you-case-view = تاسو خپله دوسیه وکتله
you-space-open = تاسو خپله شخصي پاڼه پرانیسته
you-document-read = تاسو { $doc } ډاونلوډ کړ
you-share-create = تاسو د خپل وکیل لپاره یو لینک جوړ کړ
you-space-passcode-failed = ستاسو په لینک کې یو غلط کوډ ولیکل شو
you-space-locked = ستاسو شخصي پاڼه قلفه شوه، ځکه چې ډېر ځله غلط کوډ ولیکل شو
# A document that was never kept (a refused upload).
unnamed-document = یو سند
report-older = زاړه
report-newer = نوي
report-page = پاڼه { $page } له { $pages }
