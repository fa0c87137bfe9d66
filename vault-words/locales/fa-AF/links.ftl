# The pages that beneficiaries and lawyers see: upload links and their receipt, the
# personal space and its access report, share links, the "no longer valid" page.
# Keep sentences whole: every { $variable } is filled by the server. Plurals use Fluent's
# selectors ([one], [other], and the language's own categories).
# Dari: CLDR puts 0 in [one] for Persian, so [one] also writes the number.

## The language picker

# This language's name, in its own script.
language-name = دری
language-picker = زبان

## A link that is dead, unknown or malformed

dead-title = لینک ختم شده یا ناشناخته
dead-text = این لینک وجود ندارد یا دیگر اعتبار ندارد: شاید وقت آن ختم شده، به تعدادی که اجازه بود استفاده شده، یا باطل شده باشد. از کسی که آن را برای شما فرستاده، یک لینک نو بخواهید.
internal-error = از طرف ما مشکلی پیش آمد. هیچ چیزی از بین نرفته است: چند دقیقه بعد دوباره کوشش کنید.
log-unavailable = صندوق امن فعلاً نمی‌تواند ثبت کند که چه کسی چه چیزی را دیده است، بنابراین چیزی نشان نمی‌دهد. بعداً دوباره کوشش کنید.
too-many-requests = درخواست‌ها بسیار زیاد است: یک دقیقه بعد دوباره کوشش کنید.
busy = سرور بسیار مصروف است: چند ثانیه بعد دوباره کوشش کنید.

## Share link (for a lawyer)

share-title = اسنادی که برای شما فرستاده شده
share-intro = یک موسسهٔ کمک حقوقی این اسناد را برای شما فرستاده است. پیش از ختم شدن وقت لینک، آنها را دانلود کنید.
share-intro-named = موسسهٔ { $association } این اسناد را برای شما فرستاده است. پیش از ختم شدن وقت لینک، آنها را دانلود کنید.
share-expires = وقت این لینک به تاریخ { $when } ختم می‌شود ({ $days ->
    [0] امروز
    [1] فردا
   *[other] { $days } روز بعد
}).
share-downloads-left = { $count ->
    [one] { $count } دانلود باقی مانده است (برای همهٔ اسناد با هم).
   *[other] { $count } دانلود باقی مانده است (برای همهٔ اسناد با هم).
}
share-message-title = پیام موسسه
download = دانلود
share-download-all = دانلود همه (یک آرشیف ZIP، یک دانلود حساب می‌شود)
share-recorded = هر بار باز کردن و هر دانلود در فهرست دسترسی‌های دوسیه ثبت می‌شود.
share-nothing-left = دیگر هیچ سندی از طریق این لینک در دسترس نیست.
share-sealed-title = رمزگذاری‌شده برای کلید age شما
share-sealed-text = موسسه این اسناد را برای کلید age خود شما رمزگذاری کرده است: هر فایلی که دانلود می‌کنید، و آرشیف ZIP هم، یک فایل .age است که تنها هویت age شما آن را باز می‌کند. لینک به تنهایی برای خواندن آنها کافی نیست. کلید استفاده‌شده:
share-sealed-how = هر فایل را با هویت خود باز کنید، برای مثال با ابزار age:
passphrase-title = رمز
passphrase-text = این لینک با یک رمز محافظت می‌شود که جداگانه فرستاده شده است (پیام، تیلفون).
passphrase-label = رمز
passphrase-wrong = { $tries ->
    [one] رمز غلط است. { $tries } بار دیگر می‌توانید کوشش کنید، بعد از آن لینک قفل می‌شود.
   *[other] رمز غلط است. { $tries } بار دیگر می‌توانید کوشش کنید، بعد از آن لینک قفل می‌شود.
}
open = باز کردن

## Upload link (for the person)

upload-title = اسناد خود را بفرستید
upload-intro = از اسناد خود عکس بگیرید یا فایل‌ها را انتخاب کنید. آنها به محض رسیدن قفل (رمزگذاری) می‌شوند: تنها موسسه می‌تواند آنها را بخواند، و شما دیگر آنها را اینجا دیده نمی‌توانید.
upload-limits = { $files ->
    [one] این لینک تا { $when } هنوز { $files } فایل دیگر را قبول می‌کند (حداکثر { $size }).
   *[other] این لینک تا { $when } هنوز { $files } فایل دیگر را قبول می‌کند (روی هم حداکثر { $size }).
}
upload-camera-label = عکس گرفتن
upload-files-label = انتخاب فایل‌ها (عکس، PDF)
send = فرستادن
nothing-chosen = هیچ فایلی انتخاب نشده است.
receipt-title = رسید
receipt-intro = این فایل‌ها رسیدند و قفل (رمزگذاری) شدند. این صفحه را نگه دارید: اثر انگشت (BLAKE3) ثابت می‌کند که شما چه چیزی فرستاده‌اید.
receipt-name = فایل
receipt-size = اندازه
receipt-hash = اثر انگشت BLAKE3
refused-title = فایل‌های رد شده (هیچ چیزی از آنها نگه داشته نشد)
refused-too-large = برای این لینک بسیار بزرگ است
refused-full = این لینک دیگر فایل قبول نمی‌کند
upload-too-much = این فایل‌ها روی هم از آنچه این لینک هنوز قبول می‌کند بیشتر هستند (در بالا نوشته شده است). هیچ چیزی نگه داشته نشد: فایل‌های کمتر یا کوچک‌تر انتخاب کنید.
refused-invalid = فایل رد شد
refused-failed = فرستادن ناکام شد، دوباره کوشش کنید
refused-hidden-name = نام رد شد: حروف نادیدنی دارد یا حروفی که جهت متن را تغییر می‌دهند، و ممکن است با نام دیگری اشتباه شود؛ نام فایل را تغییر دهید
refused-not-utf8 = نام رد شد: به UTF-8 نیست؛ نام فایل را تغییر دهید

## Personal space (for the person)

space-title = صفحهٔ شخصی شما
space-intro = کودی را که موسسه همراه این لینک به شما داده است وارد کنید (8 حرف و عدد، مثلاً K7PM-4RXT).
space-code-label = کود
space-wrong = { $tries ->
    [one] کود غلط است. { $tries } بار دیگر می‌توانید کوشش کنید، بعد از آن صفحهٔ شما قفل می‌شود.
   *[other] کود غلط است. { $tries } بار دیگر می‌توانید کوشش کنید، بعد از آن صفحهٔ شما قفل می‌شود.
}
space-home-title = دوسیهٔ شما
space-docs-title = اسناد شما
space-no-docs = هنوز هیچ سندی نیست.
space-document = { $kind }، { $size }
space-share-title = فرستادن اسناد به وکیل خود
space-share-text = اسناد را انتخاب کنید: یک لینک برای شما ساخته می‌شود تا آن را به وکیل خود بفرستید. این لینک برای 7 روز و 5 دانلود کار می‌کند.
space-share-docs = اسناد برای فرستادن
space-share-label = نام وکیل شما (اختیاری)
space-share-create = ساختن لینک
space-link-once = همین حالا این لینک را کاپی کنید و به وکیل خود بفرستید: دوباره نشان داده نمی‌شود.
space-link-label = لینک برای وکیل شما
space-copy = کاپی کردن لینک
space-access-title = چه کسی دوسیهٔ شما را دیده است
space-access-note = همهٔ کارهایی که روی دوسیهٔ شما انجام شده، از تازه‌ترین تا کهنه‌ترین (به وقت پاریس). شما حق دارید این را بدانید.
space-leave = بستن صفحهٔ من
space-expired = وقت این صفحه ختم شده است: لینک خود را دوباره باز کنید و کود خود را وارد کنید.

## Who did something, in the access report

who-you = شما
who-lawyer = یک وکیل، از طریق لینک اشتراک
who-upload = یک لینک فرستادن اسناد
who-system = سیستم
who-association = موسسه ({ $name })
deleted-document = یک سند حذف شده

## One line of the access report: when, who, what

report-line = { $when } · { $who }: { $what }
report-line-refused = { $when } · { $who }: { $what } (رد شد یا ناکام شد)

## What was done (the "what" of a report line; { $doc } is a file name)

action-case-create = دوسیه باز شد
action-case-view = دوسیه دیده شد
action-case-list = نام در فهرست دوسیه‌ها دیده شد
action-case-index = نام برای فهرست جستجو خوانده شد (بدون نمایش)
action-bundle-export = بستهٔ ثبوت برای وکیل یا محکمه صادر شد (اسناد و تاریخچهٔ آن‌ها)
action-case-update = مشخصات تغییر کرد
action-case-close = دوسیه بسته شد
action-case-reopen = دوسیه دوباره باز شد
action-case-report = این گزارش دیده شد
action-case-erase = دوسیه پاک شد
action-case-contact = تماس ثبت شد
action-case-hold = پس از پایان مدت نگهداری نگه داشته شد
action-retention-due = در فهرست دوسیه‌های نزدیک به تاریخ حذف دیده شد
action-retention-erase = در پایان مدت نگهداری حذف شد
action-document-add = { $doc } اضافه شد
action-document-version = نسخهٔ نو از { $doc } اضافه شد
action-document-list = فهرست اسناد دیده شد
action-document-history = تاریخچهٔ { $doc } دیده شد
action-document-read = { $doc } دانلود شد
action-document-verify = { $doc } بررسی شد
action-document-delete = { $doc } حذف شد
action-document-reclassify = نوع { $doc } تغییر کرد
action-document-export-key = کلید { $doc } صادر شد
action-share-create = لینک اشتراک ساخته شد
action-share-list = لینک‌های اشتراک دیده شد
action-share-open = صفحهٔ لینک اشتراک باز شد
action-share-download = { $doc } دانلود شد
action-share-passphrase-failed = رمز غلط وارد شد
action-share-locked = لینک اشتراک قفل شد (کوشش‌های بسیار زیاد)
action-share-revoke = لینک اشتراک باطل شد
action-share-expire = وقت لینک اشتراک ختم شد (کلیدهای آن از بین برده شد)
action-upload-create = لینک فرستادن اسناد ساخته شد
action-upload-list = لینک‌های فرستادن اسناد دیده شد
action-upload-open = صفحهٔ فرستادن اسناد باز شد
action-upload-revoke = لینک فرستادن اسناد باطل شد
action-space-create = صفحهٔ شخصی ساخته شد
action-space-list = صفحه‌های شخصی دیده شد
action-space-open = صفحهٔ شخصی باز شد
action-space-passcode-failed = کود غلط وارد شد
action-space-locked = صفحهٔ شخصی قفل شد (کوشش‌های بسیار زیاد)
action-space-revoke = صفحهٔ شخصی بسته شد
action-space-expire = وقت صفحهٔ شخصی ختم شد (کلید آن از بین برده شد)
action-other = کار دیگر ({ $code })

## Kinds of documents

kind-identity = سند هویت
kind-appeal = اعتراض
kind-evidence = ثبوت
kind-other = دیگر

## Sizes ({ $n } is already written with this language's decimal mark)

decimal-mark = .
size-bytes = { $n } بایت
size-kb = { $n } کیلوبایت
size-mb = { $n } میگابایت
size-gb = { $n } گیگابایت

## Dates and times, in Paris time

month-1 = جنوری
month-2 = فبروری
month-3 = مارچ
month-4 = اپریل
month-5 = می
month-6 = جون
month-7 = جولای
month-8 = اگست
month-9 = سپتمبر
month-10 = اکتوبر
month-11 = نومبر
month-12 = دسمبر
# { $day } and { $year } are numbers, { $month } one of the names above, { $time } the time-of-day below.
date-time = { $day } { $month } { $year }، ساعت { $time }
# { $hour } is 0 to 23, { $minute } two digits.
time-of-day = { $hour }:{ $minute }

## The printed handout for a personal space (given at the desk, in the person's language)

handout-title = صفحهٔ شخصی شما
handout-text = این لینک را در تیلفون خود باز کنید، یا کود مربع را با کمره اسکن کنید. بعد کودی را که در پایین نوشته شده است وارد کنید. این کاغذ را در جای محفوظ نگه دارید و به هیچ کس ندهید.
handout-code-label = کود شما

## The access report: grouped lines, and what the person did themselves

# A date without the time; { $day } is a number.
date-only = { $day } { $month } { $year }
# Several reads of the same thing by the same person within the hour. { $day } is a date (date-only), { $from } and { $to } times of day (time-of-day), { $count } is 2 or more.
report-group = { $day } · { $who }: { $what } ({ $count } بار، بین { $from } و { $to })
report-group-at = { $day } · { $who }: { $what } ({ $count } بار، در ساعت { $from })
# A line of what the person did themselves; { $what } is one of the "you-…" sentences below.
report-line-you = { $when } · { $what }
report-group-you = { $day } · { $what } ({ $count } بار، بین { $from } و { $to })
report-group-you-at = { $day } · { $what } ({ $count } بار، در ساعت { $from })
you-case-view = شما دوسیهٔ خود را دیدید
you-space-open = شما صفحهٔ شخصی خود را باز کردید
you-document-read = شما { $doc } را دانلود کردید
you-share-create = شما یک لینک برای وکیل خود ساختید
you-space-passcode-failed = یک کود غلط در لینک شما وارد شد
you-space-locked = صفحهٔ شخصی شما قفل شد، چون کود غلط بسیار زیاد وارد شد
# A document that was never kept (a refused upload).
unnamed-document = یک سند
report-older = کهنه‌تر
report-newer = تازه‌تر
report-page = صفحهٔ { $page } از { $pages }
