# The pages that beneficiaries and lawyers see: upload links and their receipt, the
# personal space and its access report, share links, the "no longer valid" page.
# Keep sentences whole: every { $variable } is filled by the server. Plurals use Fluent's
# selectors ([one], [other], and the language's own categories).

## The language picker

# This language's name, in its own script.
language-name = ქართული
language-picker = ენა

## A link that is dead, unknown or malformed

dead-title = ბმულს ვადა გაუვიდა ან ის უცნობია
dead-text = ეს ბმული არ არსებობს ან აღარ მოქმედებს: შესაძლოა, მას ვადა გაუვიდა, ის უკვე გამოიყენეს იმდენჯერ, რამდენჯერაც შეიძლებოდა, ან გააუქმეს. სთხოვეთ ახალი ბმული იმ ადამიანს, ვინც ის გამოგიგზავნათ.
internal-error = ჩვენს მხარეს რაღაც შეცდომა მოხდა. არაფერი დაკარგულა: სცადეთ ხელახლა რამდენიმე წუთში.
log-unavailable = საცავს ახლა არ შეუძლია ჩაწეროს, ვინ რა გახსნა, ამიტომ არაფერს აჩვენებს. სცადეთ მოგვიანებით.
too-many-requests = ძალიან ბევრი მოთხოვნაა: სცადეთ ხელახლა ერთ წუთში.
busy = სერვერი ახლა ძალიან დატვირთულია: სცადეთ ხელახლა რამდენიმე წამში.

## Share link (for a lawyer)

share-title = თქვენთვის გაზიარებული დოკუმენტები
share-intro = იურიდიული დახმარების ასოციაციამ გამოგიგზავნათ ეს დოკუმენტები. ჩამოტვირთეთ ისინი, სანამ ბმულს ვადა გაუვა.
share-intro-named = ასოციაციამ { $association } გამოგიგზავნათ ეს დოკუმენტები. ჩამოტვირთეთ ისინი, სანამ ბმულს ვადა გაუვა.
share-expires = ამ ბმულის ვადა იწურება: { $when } ({ $days ->
    [0] დღეს
    [1] ხვალ
   *[other] { $days } დღეში
}).
share-downloads-left = { $count ->
    [one] დარჩა { $count } ჩამოტვირთვა (ყველა დოკუმენტზე ერთად).
   *[other] დარჩა { $count } ჩამოტვირთვა (ყველა დოკუმენტზე ერთად).
}
share-message-title = ასოციაციის შეტყობინება
download = ჩამოტვირთვა
share-download-all = ყველას ჩამოტვირთვა (ერთი ZIP არქივი, ითვლება ერთ ჩამოტვირთვად)
share-recorded = ყოველი გახსნა და ყოველი ჩამოტვირთვა იწერება საქმის წვდომების ჟურნალში.
share-nothing-left = ამ ბმულით დოკუმენტები აღარ არის ხელმისაწვდომი.
share-sealed-title = დაშიფრულია თქვენი age გასაღებისთვის
share-sealed-text = ასოციაციამ ეს დოკუმენტები თქვენი საკუთარი age გასაღებისთვის დაშიფრა: ყოველი ჩამოტვირთული ფაილი, ისევე როგორც ZIP არქივი, არის .age ფაილი, რომელსაც მხოლოდ თქვენი age იდენტობა ხსნის. მხოლოდ ბმული მათ წასაკითხად საკმარისი არ არის. გამოყენებული გასაღები:
share-sealed-how = გახსენით თითოეული ფაილი თქვენი იდენტობით, მაგალითად age ხელსაწყოთი:
passphrase-title = საიდუმლო ფრაზა
passphrase-text = ეს ბმული დაცულია საიდუმლო ფრაზით, რომელიც ცალკე გამოგიგზავნეს (SMS, ტელეფონი).
passphrase-label = საიდუმლო ფრაზა
passphrase-wrong = { $tries ->
    [one] საიდუმლო ფრაზა არასწორია. ბმულის დაბლოკვამდე დარჩა { $tries } მცდელობა.
   *[other] საიდუმლო ფრაზა არასწორია. ბმულის დაბლოკვამდე დარჩა { $tries } მცდელობა.
}
open = გახსნა

## Upload link (for the person)

upload-title = გამოგზავნეთ თქვენი დოკუმენტები
upload-intro = გადაუღეთ ფოტო თქვენს საბუთებს ან აირჩიეთ ფაილები. მიღებისთანავე ისინი იკეტება (იშიფრება): მათი წაკითხვა მხოლოდ ასოციაციას შეუძლია, თქვენ კი აქ მათ ვეღარ ნახავთ.
upload-limits = { $files ->
    [one] ამ ბმულით { $when }-მდე კიდევ შეგიძლიათ გამოგზავნოთ { $files } ფაილი (მაქსიმუმ { $size }).
   *[other] ამ ბმულით { $when }-მდე კიდევ შეგიძლიათ გამოგზავნოთ { $files } ფაილი (სულ მაქსიმუმ { $size }).
}
upload-camera-label = ფოტოს გადაღება
upload-files-label = ფაილების არჩევა (ფოტო, PDF)
send = გაგზავნა
nothing-chosen = ფაილი არ არის არჩეული.
receipt-title = მიღების დადასტურება
receipt-intro = ეს ფაილები მიღებულია და ჩაკეტილია (დაშიფრულია). შეინახეთ ეს გვერდი: ციფრული ანაბეჭდი (BLAKE3) ამტკიცებს, რა გამოგზავნეთ.
receipt-name = ფაილი
receipt-size = ზომა
receipt-hash = BLAKE3 ანაბეჭდი
refused-title = მიუღებელი ფაილები (მათგან არაფერი შენახულა)
refused-too-large = ამ ბმულისთვის ძალიან დიდია
refused-full = ეს ბმული მეტ ფაილს აღარ იღებს
upload-too-much = ერთად ეს ფაილები იმაზე მეტია, რასაც ეს ბმული კიდევ იღებს (მითითებულია ზემოთ). არაფერი შენახულა: აირჩიეთ ნაკლები ან უფრო პატარა ფაილები.
refused-invalid = ფაილი არ იქნა მიღებული
refused-failed = გაგზავნა ვერ მოხერხდა, სცადეთ ხელახლა
refused-hidden-name = სახელი არ იქნა მიღებული: ის შეიცავს უხილავ სიმბოლოებს ან სიმბოლოებს, რომლებიც ტექსტის მიმართულებას ცვლის, ამიტომ შეიძლება სხვა სახელს ჰგავდეს; გადაარქვით ფაილს სახელი
refused-not-utf8 = სახელი არ იქნა მიღებული: ის UTF-8 კოდირებაში არ არის; გადაარქვით ფაილს სახელი

## Personal space (for the person)

space-title = თქვენი პირადი კაბინეტი
space-intro = შეიყვანეთ კოდი, რომელიც ასოციაციამ ამ ბმულთან ერთად მოგცათ (8 ასო და ციფრი, მაგალითად K7PM-4RXT).
space-code-label = კოდი
space-wrong = { $tries ->
    [one] კოდი არასწორია. კაბინეტის დაბლოკვამდე დარჩა { $tries } მცდელობა.
   *[other] კოდი არასწორია. კაბინეტის დაბლოკვამდე დარჩა { $tries } მცდელობა.
}
space-home-title = თქვენი საქმე
space-docs-title = თქვენი დოკუმენტები
space-no-docs = დოკუმენტები ჯერ არ არის.
space-document = { $kind }, { $size }
space-share-title = დოკუმენტების გაგზავნა თქვენი ადვოკატისთვის
space-share-text = აირჩიეთ დოკუმენტები: მიიღებთ ბმულს, რომელიც ადვოკატს უნდა გაუგზავნოთ. ის მოქმედებს 7 დღის განმავლობაში და 5 ჩამოტვირთვისთვის.
space-share-docs = გასაგზავნი დოკუმენტები
space-share-label = თქვენი ადვოკატის სახელი (არასავალდებულო)
space-share-create = ბმულის შექმნა
space-link-once = დააკოპირეთ ეს ბმული ახლავე და გაუგზავნეთ ადვოკატს: ის აღარ გამოჩნდება.
space-link-label = ბმული თქვენი ადვოკატისთვის
space-copy = ბმულის კოპირება
space-access-title = ვინ ნახა თქვენი საქმე
space-access-note = ყველაფერი, რაც თქვენს საქმესთან დაკავშირებით გაკეთდა, უახლესიდან დაწყებული (პარიზის დროით). თქვენ გაქვთ უფლება, ეს იცოდეთ.
space-leave = კაბინეტიდან გასვლა
space-expired = ამ გვერდს ვადა გაუვიდა: ხელახლა გახსენით თქვენი ბმული და შეიყვანეთ კოდი.

## Who did something, in the access report

who-you = თქვენ
who-lawyer = ადვოკატი, გაზიარების ბმულით
who-upload = დოკუმენტების გამოგზავნის ბმული
who-system = სისტემა
who-association = ასოციაცია ({ $name })
deleted-document = წაშლილი დოკუმენტი

## One line of the access report: when, who, what

report-line = { $when } · { $who }: { $what }
report-line-refused = { $when } · { $who }: { $what } (უარყოფილია ან ვერ შესრულდა)

## What was done (the "what" of a report line; { $doc } is a file name)

action-case-create = საქმის გახსნა
action-case-view = საქმის ნახვა
action-case-list = სახელის ჩვენება საქმეების სიაში
action-case-index = სახელი წაკითხულია საძიებო ინდექსისთვის (არ გამოჩენილა)
action-bundle-export = მტკიცებულებების პაკეტის ექსპორტი ადვოკატისთვის ან სასამართლოსთვის (დოკუმენტები და მათი ისტორია)
action-case-update = პროფილის შეცვლა
action-case-close = საქმის დახურვა
action-case-reopen = საქმის ხელახლა გახსნა
action-case-report = ამ ჟურნალის ნახვა
action-case-erase = საქმის სრულად წაშლა
action-case-contact = კონტაქტი დაფიქსირდა
action-case-hold = შენახულია შენახვის ვადის შემდეგაც
action-retention-due = ნანახია წაშლის ვადასთან ახლოს მყოფი საქმეების სიაში
action-retention-erase = წაიშალა შენახვის ვადის ბოლოს
action-document-add = { $doc } დაემატა
action-document-version = { $doc } — დაემატა ახალი ვერსია
action-document-list = დოკუმენტების სიის ნახვა
action-document-history = { $doc } — ისტორიის ნახვა
action-document-read = { $doc } ჩამოიტვირთა
action-document-verify = { $doc } შემოწმდა
action-document-delete = { $doc } წაიშალა
action-document-reclassify = { $doc } — ტიპის შეცვლა
action-document-export-key = { $doc } — გასაღების ექსპორტი
action-share-create = გაზიარების ბმულის შექმნა
action-share-list = გაზიარების ბმულების ნახვა
action-share-open = გაზიარების ბმულის გვერდის გახსნა
action-share-download = { $doc } ჩამოიტვირთა
action-share-passphrase-failed = არასწორი საიდუმლო ფრაზის შეყვანა
action-share-locked = გაზიარების ბმულის დაბლოკვა (ძალიან ბევრი მცდელობა)
action-share-revoke = გაზიარების ბმულის გაუქმება
action-share-expire = გაზიარების ბმულის ვადის გასვლა (მისი გასაღებები განადგურდა)
action-upload-create = გამოგზავნის ბმულის შექმნა
action-upload-list = გამოგზავნის ბმულების ნახვა
action-upload-open = გამოგზავნის გვერდის გახსნა
action-upload-revoke = გამოგზავნის ბმულის გაუქმება
action-space-create = პირადი კაბინეტის შექმნა
action-space-list = პირადი კაბინეტების ნახვა
action-space-open = პირადი კაბინეტის გახსნა
action-space-passcode-failed = არასწორი კოდის შეყვანა
action-space-locked = პირადი კაბინეტის დაბლოკვა (ძალიან ბევრი მცდელობა)
action-space-revoke = პირადი კაბინეტის დახურვა
action-space-expire = პირადი კაბინეტის ვადის გასვლა (მისი გასაღები განადგურდა)
action-other = სხვა მოქმედება ({ $code })

## Kinds of documents

kind-identity = პირადობის დამადასტურებელი დოკუმენტი
kind-appeal = საჩივარი
kind-evidence = მტკიცებულება
kind-other = სხვა

## Sizes ({ $n } is already written with this language's decimal mark)

decimal-mark = ,
size-bytes = { $n } ბაიტი
size-kb = { $n } კბ
size-mb = { $n } მბ
size-gb = { $n } გბ

## Dates and times, in Paris time

month-1 = იანვარი
month-2 = თებერვალი
month-3 = მარტი
month-4 = აპრილი
month-5 = მაისი
month-6 = ივნისი
month-7 = ივლისი
month-8 = აგვისტო
month-9 = სექტემბერი
month-10 = ოქტომბერი
month-11 = ნოემბერი
month-12 = დეკემბერი
# { $day } and { $year } are numbers, { $month } one of the names above, { $time } the time-of-day below.
date-time = { $day } { $month }, { $year }, { $time }
# { $hour } is 0 to 23, { $minute } two digits.
time-of-day = { $hour }:{ $minute }

## The printed handout for a personal space (given at the desk, in the person's language)

handout-title = თქვენი პირადი კაბინეტი
handout-text = გახსენით ეს ბმული თქვენს ტელეფონზე, ან კამერით დაასკანერეთ კვადრატული კოდი. შემდეგ შეიყვანეთ ქვემოთ მოცემული კოდი. შეინახეთ ეს ფურცელი უსაფრთხო ადგილას და არავის მისცეთ.
handout-code-label = თქვენი კოდი

## The access report: grouped lines, and what the person did themselves

# A date without the time; { $day } is a number.
date-only = { $day } { $month }, { $year }
# Several reads of the same thing by the same person within the hour. { $day } is a date (date-only), { $from } and { $to } times of day (time-of-day), { $count } is 2 or more.
report-group = { $day } · { $who }: { $what } ({ $count }-ჯერ, { $from }-დან { $to }-მდე)
report-group-at = { $day } · { $who }: { $what } ({ $count }-ჯერ, { $from }-ზე)
# A line of what the person did themselves; { $what } is one of the "you-…" sentences below.
report-line-you = { $when } · { $what }
report-group-you = { $day } · { $what } ({ $count }-ჯერ, { $from }-დან { $to }-მდე)
report-group-you-at = { $day } · { $what } ({ $count }-ჯერ, { $from }-ზე)
you-case-view = თქვენ ნახეთ თქვენი საქმე
you-space-open = თქვენ გახსენით თქვენი პირადი კაბინეტი
you-document-read = თქვენ ჩამოტვირთეთ { $doc }
you-share-create = თქვენ შექმენით ბმული თქვენი ადვოკატისთვის
you-space-passcode-failed = თქვენს ბმულზე არასწორი კოდი შეიყვანეს
you-space-locked = თქვენი პირადი კაბინეტი დაიბლოკა, რადგან ძალიან ბევრჯერ შეიყვანეს არასწორი კოდი
# A document that was never kept (a refused upload).
unnamed-document = დოკუმენტი
report-older = უფრო ძველი
report-newer = უფრო ახალი
report-page = გვერდი { $page } / { $pages }
