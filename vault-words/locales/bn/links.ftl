# The pages that beneficiaries and lawyers see: upload links and their receipt, the
# personal space and its access report, share links, the "no longer valid" page.
# Keep sentences whole: every { $variable } is filled by the server. Plurals use Fluent's
# selectors ([one], [other], and the language's own categories).

## The language picker

# This language's name, in its own script.
language-name = বাংলা
language-picker = ভাষা

## A link that is dead, unknown or malformed

dead-title = লিংকের মেয়াদ শেষ, অথবা লিংকটি অজানা
dead-text = এই লিংকটি নেই অথবা আর কাজ করে না: হয়তো এর মেয়াদ শেষ হয়ে গেছে, যতবার ব্যবহার করা যায় ততবার ব্যবহার হয়ে গেছে, অথবা এটি বাতিল করা হয়েছে। যিনি লিংকটি পাঠিয়েছেন, তাঁর কাছে নতুন একটি লিংক চান।
internal-error = আমাদের দিকে একটি সমস্যা হয়েছে। কিছুই হারায়নি: কয়েক মিনিট পরে আবার চেষ্টা করুন।
log-unavailable = কে কী খুলেছে, সিস্টেম এখন তা লিখে রাখতে পারছে না, তাই কিছু দেখাচ্ছে না। পরে আবার চেষ্টা করুন।
too-many-requests = অনেক বেশি অনুরোধ এসেছে: এক মিনিট পরে আবার চেষ্টা করুন।
busy = সার্ভার এখন খুব ব্যস্ত: কয়েক সেকেন্ড পরে আবার চেষ্টা করুন।

## Share link (for a lawyer)

share-title = আপনার সঙ্গে শেয়ার করা নথি
share-intro = একটি আইনি সহায়তা সংস্থা আপনাকে এই নথিগুলো পাঠিয়েছে। লিংকের মেয়াদ শেষ হওয়ার আগে এগুলো ডাউনলোড করুন।
share-intro-named = সংস্থা { $association } আপনাকে এই নথিগুলো পাঠিয়েছে। লিংকের মেয়াদ শেষ হওয়ার আগে এগুলো ডাউনলোড করুন।
share-expires = এই লিংকের মেয়াদ শেষ হবে: { $when } ({ $days ->
    [0] আজ
    [1] আগামীকাল
   *[other] { $days } দিন পরে
})।
share-downloads-left = { $count ->
    [one] আর { $count } বার ডাউনলোড করা যাবে (সব নথি মিলিয়ে)।
   *[other] আর { $count } বার ডাউনলোড করা যাবে (সব নথি মিলিয়ে)।
}
share-message-title = সংস্থার বার্তা
download = ডাউনলোড করুন
share-download-all = সব ডাউনলোড করুন (একটি ZIP আর্কাইভ, একবার ডাউনলোড হিসেবে গণ্য হবে)
share-recorded = প্রতিবার খোলা এবং প্রতিটি ডাউনলোড এই কেসের রেকর্ডে লিখে রাখা হয়।
share-nothing-left = এই লিংক দিয়ে আর কোনো নথি পাওয়া যাবে না।
share-sealed-title = আপনার age কী-এর জন্য এনক্রিপ্ট করা
share-sealed-text = সংস্থাটি এই নথিগুলো আপনার নিজের age কী-এর জন্য এনক্রিপ্ট করেছে: ডাউনলোড করা প্রতিটি ফাইল, এবং ZIP আর্কাইভও, একটি .age ফাইল, যা শুধু আপনার age পরিচয় (identity) দিয়েই খোলে। শুধু লিংক দিয়ে এগুলো পড়া যায় না। ব্যবহৃত কী:
share-sealed-how = প্রতিটি ফাইল আপনার পরিচয় দিয়ে খুলুন, যেমন age টুল দিয়ে:
passphrase-title = গোপন বাক্য
passphrase-text = এই লিংকটি একটি গোপন বাক্য দিয়ে সুরক্ষিত, যা আলাদাভাবে পাঠানো হয়েছে (এসএমএস, ফোন)।
passphrase-label = গোপন বাক্য
passphrase-wrong = { $tries ->
    [one] গোপন বাক্য ভুল। লিংকটি লক হয়ে যাওয়ার আগে আর { $tries } বার চেষ্টা করতে পারবেন।
   *[other] গোপন বাক্য ভুল। লিংকটি লক হয়ে যাওয়ার আগে আর { $tries } বার চেষ্টা করতে পারবেন।
}
open = খুলুন

## Upload link (for the person)

upload-title = আপনার কাগজপত্র পাঠান
upload-intro = আপনার কাগজপত্রের ছবি তুলুন অথবা ফাইল বেছে নিন। পৌঁছানোর সঙ্গে সঙ্গে এগুলো তালাবদ্ধ (এনক্রিপ্ট) করা হয়: শুধু সংস্থাটি এগুলো পড়তে পারে, আর আপনি এখানে এগুলো আর দেখতে পারবেন না।
upload-limits = { $files ->
    [one] এই লিংকে { $when } পর্যন্ত আর { $files }টি ফাইল পাঠানো যাবে (সর্বোচ্চ { $size })।
   *[other] এই লিংকে { $when } পর্যন্ত আর { $files }টি ফাইল পাঠানো যাবে (সব মিলিয়ে সর্বোচ্চ { $size })।
}
upload-camera-label = ছবি তুলুন
upload-files-label = ফাইল বেছে নিন (ছবি, PDF)
send = পাঠান
nothing-chosen = কোনো ফাইল বেছে নেওয়া হয়নি।
receipt-title = প্রাপ্তির রসিদ
receipt-intro = এই ফাইলগুলো পাওয়া গেছে এবং তালাবদ্ধ (এনক্রিপ্ট) করা হয়েছে। এই পাতাটি রেখে দিন: ডিজিটাল ছাপ (BLAKE3) প্রমাণ করে আপনি কী পাঠিয়েছেন।
receipt-name = ফাইল
receipt-size = আকার
receipt-hash = BLAKE3 ডিজিটাল ছাপ
refused-title = যে ফাইলগুলো নেওয়া হয়নি (এগুলোর কিছুই রাখা হয়নি)
refused-too-large = এই লিংকের জন্য খুব বড়
refused-full = এই লিংকে আর কোনো ফাইল নেওয়া হবে না
upload-too-much = সব মিলিয়ে এই ফাইলগুলো এই লিংকে এখনও যতটা নেওয়া যাবে তার চেয়ে বেশি (উপরে দেখানো আছে)। কিছুই রাখা হয়নি: কম ফাইল বা আরও ছোট ফাইল বেছে নিন।
refused-invalid = ফাইলটি নেওয়া হয়নি
refused-failed = পাঠানো যায়নি, আবার চেষ্টা করুন
refused-hidden-name = নামটি নেওয়া হয়নি: এতে অদৃশ্য অক্ষর, অথবা লেখার দিক বদলে দেয় এমন অক্ষর আছে, তাই এটিকে অন্য নাম বলে ভুল হতে পারে; ফাইলের নাম বদলান
refused-not-utf8 = নামটি নেওয়া হয়নি: এটি UTF-8 নয়; ফাইলের নাম বদলান

## Personal space (for the person)

space-title = আপনার ব্যক্তিগত পাতা
space-intro = এই লিংকের সঙ্গে সংস্থাটি আপনাকে যে কোড দিয়েছে, সেটি লিখুন (8টি অক্ষর ও সংখ্যা, যেমন K7PM-4RXT)।
space-code-label = কোড
space-wrong = { $tries ->
    [one] কোড ভুল। আপনার পাতা লক হয়ে যাওয়ার আগে আর { $tries } বার চেষ্টা করতে পারবেন।
   *[other] কোড ভুল। আপনার পাতা লক হয়ে যাওয়ার আগে আর { $tries } বার চেষ্টা করতে পারবেন।
}
space-home-title = আপনার কেস
space-docs-title = আপনার কাগজপত্র
space-no-docs = এখনো কোনো কাগজপত্র নেই।
space-document = { $kind }, { $size }
space-share-title = আপনার আইনজীবীকে কাগজপত্র পাঠান
space-share-text = কাগজপত্র বেছে নিন: আপনি একটি লিংক পাবেন, সেটি আপনার আইনজীবীকে পাঠাবেন। লিংকটি 7 দিন এবং 5 বার ডাউনলোডের জন্য কাজ করবে।
space-share-docs = যে কাগজপত্র পাঠাবেন
space-share-label = আপনার আইনজীবীর নাম (না দিলেও চলবে)
space-share-create = লিংক তৈরি করুন
space-link-once = এই লিংকটি এখনই কপি করে আপনার আইনজীবীকে পাঠান: এটি আর দেখানো হবে না।
space-link-label = আপনার আইনজীবীর জন্য লিংক
space-copy = লিংক কপি করুন
space-access-title = কে আপনার কেস দেখেছে
space-access-note = আপনার কেসে যা কিছু করা হয়েছে, সবচেয়ে নতুনটি আগে (প্যারিসের সময়)। এটি জানার অধিকার আপনার আছে।
space-leave = আমার পাতা বন্ধ করুন
space-expired = এই পাতার মেয়াদ শেষ: আপনার লিংকটি আবার খুলুন এবং কোড লিখুন।

## Who did something, in the access report

who-you = আপনি
who-lawyer = একজন আইনজীবী, শেয়ার লিংকের মাধ্যমে
who-upload = ফাইল পাঠানোর একটি লিংক
who-system = সিস্টেম
who-association = সংস্থা ({ $name })
deleted-document = মুছে ফেলা একটি নথি

## One line of the access report: when, who, what

report-line = { $when } · { $who }: { $what }
report-line-refused = { $when } · { $who }: { $what } (প্রত্যাখ্যাত বা ব্যর্থ)

## What was done (the "what" of a report line; { $doc } is a file name)

action-case-create = কেস খোলা হয়েছে
action-case-view = কেস দেখা হয়েছে
action-case-list = কেসের তালিকায় নাম দেখা হয়েছে
action-case-index = অনুসন্ধান সূচির জন্য নাম পড়া হয়েছে (দেখানো হয়নি)
action-bundle-export = আইনজীবী বা আদালতের জন্য প্রমাণের ফাইল এক্সপোর্ট করা হয়েছে (নথি ও সেগুলোর ইতিহাস)
action-case-update = প্রোফাইল বদলানো হয়েছে
action-case-close = কেস বন্ধ করা হয়েছে
action-case-reopen = কেস আবার খোলা হয়েছে
action-case-report = এই রিপোর্ট দেখা হয়েছে
action-case-erase = কেস পুরোপুরি মুছে ফেলা হয়েছে
action-case-contact = যোগাযোগ নথিভুক্ত হয়েছে
action-case-hold = সংরক্ষণের মেয়াদের পরেও রাখা হয়েছে
action-retention-due = মুছে ফেলার তারিখের কাছাকাছি কেসের তালিকায় দেখা হয়েছে
action-retention-erase = সংরক্ষণের মেয়াদ শেষে মুছে ফেলা হয়েছে
action-document-add = { $doc } যোগ করা হয়েছে
action-document-version = { $doc } — নতুন সংস্করণ যোগ করা হয়েছে
action-document-list = নথির তালিকা দেখা হয়েছে
action-document-history = { $doc } — ইতিহাস দেখা হয়েছে
action-document-read = { $doc } ডাউনলোড করা হয়েছে
action-document-verify = { $doc } যাচাই করা হয়েছে
action-document-delete = { $doc } মুছে ফেলা হয়েছে
action-document-reclassify = { $doc } — ধরন বদলানো হয়েছে
action-document-export-key = { $doc } — চাবি এক্সপোর্ট করা হয়েছে
action-share-create = শেয়ার লিংক তৈরি করা হয়েছে
action-share-list = শেয়ার লিংকগুলো দেখা হয়েছে
action-share-open = শেয়ার লিংকের পাতা খোলা হয়েছে
action-share-download = { $doc } ডাউনলোড করা হয়েছে
action-share-passphrase-failed = ভুল গোপন বাক্য দেওয়া হয়েছে
action-share-locked = শেয়ার লিংক লক হয়ে গেছে (অনেকবার চেষ্টা)
action-share-revoke = শেয়ার লিংক বাতিল করা হয়েছে
action-share-expire = শেয়ার লিংকের মেয়াদ শেষ (এর চাবিগুলো নষ্ট করা হয়েছে)
action-upload-create = ফাইল পাঠানোর লিংক তৈরি করা হয়েছে
action-upload-list = ফাইল পাঠানোর লিংকগুলো দেখা হয়েছে
action-upload-open = ফাইল পাঠানোর পাতা খোলা হয়েছে
action-upload-revoke = ফাইল পাঠানোর লিংক বাতিল করা হয়েছে
action-space-create = ব্যক্তিগত পাতা তৈরি করা হয়েছে
action-space-list = ব্যক্তিগত পাতাগুলো দেখা হয়েছে
action-space-open = ব্যক্তিগত পাতা খোলা হয়েছে
action-space-passcode-failed = ভুল কোড দেওয়া হয়েছে
action-space-locked = ব্যক্তিগত পাতা লক হয়ে গেছে (অনেকবার চেষ্টা)
action-space-revoke = ব্যক্তিগত পাতা বন্ধ করা হয়েছে
action-space-expire = ব্যক্তিগত পাতার মেয়াদ শেষ (এর চাবি নষ্ট করা হয়েছে)
action-other = অন্য কাজ ({ $code })

## Kinds of documents

kind-identity = পরিচয়পত্র
kind-appeal = আপিল
kind-evidence = প্রমাণ
kind-other = অন্যান্য

## Sizes ({ $n } is already written with this language's decimal mark)

decimal-mark = .
size-bytes = { $n } বাইট
size-kb = { $n } কেবি
size-mb = { $n } এমবি
size-gb = { $n } জিবি

## Dates and times, in Paris time

month-1 = জানুয়ারি
month-2 = ফেব্রুয়ারি
month-3 = মার্চ
month-4 = এপ্রিল
month-5 = মে
month-6 = জুন
month-7 = জুলাই
month-8 = আগস্ট
month-9 = সেপ্টেম্বর
month-10 = অক্টোবর
month-11 = নভেম্বর
month-12 = ডিসেম্বর
# { $day } and { $year } are numbers, { $month } one of the names above, { $time } the time-of-day below.
date-time = { $day } { $month } { $year }, { $time }
# { $hour } is 0 to 23, { $minute } two digits.
time-of-day = { $hour }:{ $minute }

## The printed handout for a personal space (given at the desk, in the person's language)

handout-title = আপনার ব্যক্তিগত পাতা
handout-text = এই লিংকটি আপনার ফোনে খুলুন, অথবা ক্যামেরা দিয়ে চারকোনা কোডটি স্ক্যান করুন। তারপর নিচের কোডটি লিখুন। এই কাগজটি নিরাপদে রাখুন এবং কাউকে দেবেন না।
handout-code-label = আপনার কোড

## The access report: grouped lines, and what the person did themselves

# A date without the time; { $day } is a number.
date-only = { $day } { $month } { $year }
# Several reads of the same thing by the same person within the hour. { $day } is a date (date-only), { $from } and { $to } times of day (time-of-day), { $count } is 2 or more.
report-group = { $day } · { $who }: { $what } ({ $from } থেকে { $to } পর্যন্ত { $count } বার)
report-group-at = { $day } · { $who }: { $what } ({ $from }-এ { $count } বার)
# A line of what the person did themselves; { $what } is one of the "you-…" sentences below.
report-line-you = { $when } · { $what }
report-group-you = { $day } · { $what } ({ $from } থেকে { $to } পর্যন্ত { $count } বার)
report-group-you-at = { $day } · { $what } ({ $from }-এ { $count } বার)
you-case-view = আপনি আপনার কেস দেখেছেন
you-space-open = আপনি আপনার ব্যক্তিগত পাতা খুলেছেন
you-document-read = আপনি { $doc } ডাউনলোড করেছেন
you-share-create = আপনি আপনার আইনজীবীর জন্য একটি লিংক তৈরি করেছেন
you-space-passcode-failed = আপনার লিংকে একটি ভুল কোড দেওয়া হয়েছে
you-space-locked = অনেকবার ভুল কোড দেওয়ায় আপনার ব্যক্তিগত পাতা লক হয়ে গেছে
# A document that was never kept (a refused upload).
unnamed-document = একটি নথি
report-older = আরও পুরোনো
report-newer = আরও নতুন
report-page = পাতা { $page } / { $pages }
