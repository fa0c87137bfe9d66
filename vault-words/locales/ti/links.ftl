# The pages that beneficiaries and lawyers see: upload links and their receipt, the
# personal space and its access report, share links, the "no longer valid" page.
# Keep sentences whole: every { $variable } is filled by the server. Plurals use Fluent's
# selectors ([one], [other], and the language's own categories).

## The language picker

# This language's name, in its own script.
language-name = ትግርኛ
language-picker = ቋንቋ

## A link that is dead, unknown or malformed

dead-title = ግዜኡ ዝሓለፈ ወይ ዘይፍለጥ ሊንክ
dead-text = እዚ ሊንክ የለን ወይ ድማ ድሕሪ ሕጂ ኣይሰርሕን እዩ፡ ግዜኡ ሓሊፉ፣ ዝተፈቕደሉ ቁጽሪ ኣጠቓቕማ ተወዲኡ፣ ወይ ተሰሪዙ ክኸውን ይኽእል። ነቲ ዝሰደደልኩም ሰብ ሓድሽ ሊንክ ሕተትዎ።
internal-error = ኣብ ወገንና ጸገም ኣጋጢሙ። ዝጠፍአ ነገር የለን፡ ድሕሪ ቁሩብ ደቓይቕ ደጊምኩም ፈትኑ።
log-unavailable = እቲ ካዝና ሕጂ ንምእታዋት ክምዝግብ ኣይክእልን እዩ፣ ስለዚ ገለ ነገር ኣየርእን። ጸኒሕኩም ደጊምኩም ፈትኑ።
too-many-requests = ብዙሕ ሕቶታት ተላኢኹ፡ ድሕሪ ሓደ ደቒቕ ደጊምኩም ፈትኑ።
busy = እቲ ሰርቨር ኣዝዩ ተጸሚዱ ኣሎ፡ ድሕሪ ቁሩብ ካልኢታት ደጊምኩም ፈትኑ።

## Share link (for a lawyer)

share-title = ንዓኹም ዝተላእኩ ሰነዳት
share-intro = ሓደ ናይ ሕጋዊ ሓገዝ ማሕበር እዞም ሰነዳት ሰዲዱልኩም ኣሎ። ግዜ ናይቲ ሊንክ ከይሓለፈ ኣውርድዎም።
share-intro-named = ማሕበር { $association } እዞም ሰነዳት ሰዲዱልኩም ኣሎ። ግዜ ናይቲ ሊንክ ከይሓለፈ ኣውርድዎም።
share-expires = እዚ ሊንክ ክሳብ { $when } ይሰርሕ ({ $days ->
    [0] ሎሚ
    [1] ጽባሕ
   *[other] ድሕሪ { $days } መዓልቲ
})።
share-downloads-left = { $count ->
    [one] ሓንሳብ ጥራይ ምውራድ ተሪፉ (ኩሎም ሰነዳት ብሓባር)።
   *[other] { $count } ግዜ ምውራድ ተሪፉ (ኩሎም ሰነዳት ብሓባር)።
}
share-message-title = መልእኽቲ ካብ ማሕበር
download = ምውራድ
share-download-all = ኩሉ ምውራድ (ሓደ ZIP ማህደር፣ ከም ሓደ ምውራድ ይቑጸር)
share-recorded = ነፍሲ ወከፍ ምኽፋትን ነፍሲ ወከፍ ምውራድን ኣብ መዝገብ ምእታው ናይቲ ጉዳይ ይምዝገብ።
share-nothing-left = ብዚ ሊንክ ዝርከብ ሰነድ ድሕሪ ሕጂ የለን።
share-sealed-title = ንመፍትሕ age ኹም ዝተመስጠሩ
share-sealed-text = እቲ ማሕበር እዞም ሰነዳት ንናይ ባዕልኹም መፍትሕ age መስጢርዎም ኣሎ፦ ዝወረደ ነፍሲ ወከፍ ፋይል፣ ከምኡ'ውን እቲ ZIP ማህደር፣ ናይ ባዕልኹም መንነት age ጥራይ ዝኸፍቶ ፋይል .age እዩ። እቲ ሊንክ ጥራይ ንምንባቦም ኣይኣክልን። ዝተጠቐምናሉ መፍትሕ፦
share-sealed-how = ነፍሲ ወከፍ ፋይል ብመንነትኩም ክፈትዎ፣ ንኣብነት ብመሳርሒ age፦
passphrase-title = ምስጢራዊ ሓረግ
passphrase-text = እዚ ሊንክ ብምስጢራዊ ሓረግ ዝተሓለወ እዩ። እቲ ሓረግ በበይኑ ተላኢኹልኩም ኣሎ (ብጽሑፍ መልእኽቲ፣ ብተሌፎን)።
passphrase-label = ምስጢራዊ ሓረግ
passphrase-wrong = { $tries ->
    [one] ምስጢራዊ ሓረግ ጌጋ እዩ። ቅድሚ እቲ ሊንክ ምዕጻዉ ገና ሓደ ፈተነ ኣለኩም።
   *[other] ምስጢራዊ ሓረግ ጌጋ እዩ። ቅድሚ እቲ ሊንክ ምዕጻዉ ገና { $tries } ፈተነታት ኣለኩም።
}
open = ምኽፋት

## Upload link (for the person)

upload-title = ሰነዳትኩም ስደዱ
upload-intro = ናይ ወረቓቕትኹም ስእሊ ኣልዕሉ ወይ ፋይላት ምረጹ። ከም ዝበጽሑ ይዕጸዉ (ይምስጠሩ)፡ ከንብቦም ዝኽእል እቲ ማሕበር ጥራይ እዩ፣ ንስኹም ድማ ኣብዚ ደጊምኩም ክትርእይዎም ኣይትኽእሉን ኢኹም።
upload-limits = { $files ->
    [one] ክሳብ { $when }፣ እዚ ሊንክ ገና ሓደ ፋይል (ክሳብ { $size }) ይቕበል።
   *[other] ክሳብ { $when }፣ እዚ ሊንክ ገና { $files } ፋይላት (ብድምር ክሳብ { $size }) ይቕበል።
}
upload-camera-label = ስእሊ ምልዓል
upload-files-label = ፋይላት ምምራጽ (ስእልታት፣ PDF)
send = ምስዳድ
nothing-chosen = ዝተመርጸ ፋይል የለን።
receipt-title = ቅብሊት
receipt-intro = እዞም ፋይላት ተቐቢልናዮም፣ ተዓጽዮም (ተመስጢሮም) ድማ ኣለዉ። ነዚ ገጽ ዓቕብዎ፡ እቲ ኣሻራ (BLAKE3) እንታይ ከም ዝሰደድኩም የረጋግጽ።
receipt-name = ፋይል
receipt-size = ዓቐን
receipt-hash = ኣሻራ BLAKE3
refused-title = ዝተነጸጉ ፋይላት (ካብኦም ዝተዓቕበ የለን)
refused-too-large = ነዚ ሊንክ ኣዝዩ ዓቢ እዩ
refused-full = እዚ ሊንክ ተወሳኺ ፋይል ኣይቕበልን
upload-too-much = እዞም ፋይላት ብድምር ካብቲ እዚ ሊንክ ገና ዝቕበሎ ይበዝሑ (ኣብ ላዕሊ ተጠቒሱ ኣሎ)። ዝተዓቕበ የለን፡ ዝወሓዱ ወይ ዝነኣሱ ፋይላት ምረጹ።
refused-invalid = ፋይል ተነጺጉ
refused-failed = ምስዳድ ኣይሰለጠን፣ ደጊምኩም ፈትኑ
refused-hidden-name = ስም ተነጺጉ፡ ዘይርኣዩ ምልክታት ወይ ኣንፈት ጽሑፍ ዝቕይሩ ምልክታት ኣለውዎ፣ ንኻልእ ስም ድማ ክመስል ይኽእል፤ ናይቲ ፋይል ስም ቀይሩ
refused-not-utf8 = ስም ተነጺጉ፡ UTF-8 ኣይኮነን፤ ናይቲ ፋይል ስም ቀይሩ

## Personal space (for the person)

space-title = ውልቃዊ ቦታኹም
space-intro = እቲ ማሕበር ምስዚ ሊንክ ዝሃበኩም ኮድ ኣእትዉ (8 ፊደላትን ቁጽርታትን፣ ንኣብነት K7PM-4RXT)።
space-code-label = ኮድ
space-wrong = { $tries ->
    [one] ኮድ ጌጋ እዩ። ቅድሚ እቲ ቦታ ምዕጻዉ ገና ሓደ ፈተነ ኣለኩም።
   *[other] ኮድ ጌጋ እዩ። ቅድሚ እቲ ቦታ ምዕጻዉ ገና { $tries } ፈተነታት ኣለኩም።
}
space-home-title = ጉዳይኩም
space-docs-title = ሰነዳትኩም
space-no-docs = ክሳብ ሕጂ ሰነድ የለን።
space-document = { $kind }፣ { $size }
space-share-title = ንጠበቓኹም ሰነዳት ስደዱ
space-share-text = ሰነዳት ምረጹ፡ ንጠበቓኹም እትሰድዎ ሊንክ ክወሃበኩም እዩ። ን7 መዓልቲ ይሰርሕ፣ 5 ግዜ ድማ ክውረድ ይኽእል።
space-share-docs = ዝስደዱ ሰነዳት
space-share-label = ስም ጠበቓኹም (ግዴታ ኣይኮነን)
space-share-create = ሊንክ ምስራሕ
space-link-once = ነዚ ሊንክ ሕጂ ቅድሕዎ እሞ ንጠበቓኹም ስደድዎ፡ ደጊሙ ኣይክወጽእን እዩ።
space-link-label = ሊንክ ንጠበቓኹም
space-copy = ሊንክ ምቕዳሕ
space-access-title = ንጉዳይኩም መን ረኣዮ
space-access-note = ኣብ ጉዳይኩም ዝተገብረ ኩሉ፣ እቲ ሓድሽ ኣብ ላዕሊ (ሰዓት ፓሪስ)። ክትፈልጥዎ መሰል ኣለኩም።
space-leave = ቦታይ ምዕጻው
space-expired = ግዜ ናይዚ ገጽ ሓሊፉ፡ ሊንክኹም ደጊምኩም ክፈቱ፣ ኮድኩም ድማ ኣእትዉ።

## Who did something, in the access report

who-you = ንስኹም
who-lawyer = ጠበቓ፣ ብናይ ምክፋል ሊንክ
who-upload = ናይ ምስዳድ ሊንክ
who-system = ስርዓት
who-association = ማሕበር ({ $name })
deleted-document = ዝተደምሰሰ ሰነድ

## One line of the access report: when, who, what

report-line = { $when } · { $who }: { $what }
report-line-refused = { $when } · { $who }: { $what } (ተነጺጉ ወይ ኣይሰለጠን)

## What was done (the "what" of a report line; { $doc } is a file name)

action-case-create = ጉዳይ ተኸፊቱ
action-case-view = ጉዳይ ተራእዩ
action-case-list = ስም ኣብ ዝርዝር ጉዳያት ተራእዩ
action-case-index = ስም ንመድለዪ ኢንዴክስ ተነቢቡ (ኣይተራእየን)
action-bundle-export = ጥቕላል መርትዖ ንጠበቓ ወይ ንቤት ፍርዲ ተወጺኡ (ሰነዳትን ታሪኾምን)
action-case-update = ውልቃዊ ሓበሬታ ተቐይሩ
action-case-close = ጉዳይ ተዓጽዩ
action-case-reopen = ጉዳይ ደጊሙ ተኸፊቱ
action-case-report = እዚ ጸብጻብ ተራእዩ
action-case-erase = ጉዳይ ተደምሲሱ
action-case-contact = ርክብ ተመዝጊቡ
action-case-hold = ካብ ግዜ ዕቃበ ንላዕሊ ተዓቂቡ
action-retention-due = ኣብ ዝርዝር ናብ ዕለት ምድምሳስ ዝቐረቡ ጉዳያት ተራእዩ
action-retention-erase = ኣብ መወዳእታ ግዜ ዕቃበ ተደምሲሱ
action-document-add = { $doc } ተወሲኹ
action-document-version = ሓድሽ ቅዳሕ ናይ { $doc } ተወሲኹ
action-document-list = ዝርዝር ሰነዳት ተራእዩ
action-document-history = ታሪኽ ናይ { $doc } ተራእዩ
action-document-read = { $doc } ተወሪዱ
action-document-verify = { $doc } ተረጋጊጹ
action-document-delete = { $doc } ተደምሲሱ
action-document-reclassify = ዓይነት ናይ { $doc } ተቐይሩ
action-document-export-key = መፍትሕ ናይ { $doc } ተወጺኡ
action-share-create = ናይ ምክፋል ሊንክ ተሰሪሑ
action-share-list = ናይ ምክፋል ሊንክታት ተራእዮም
action-share-open = ገጽ ናይ ምክፋል ሊንክ ተኸፊቱ
action-share-download = { $doc } ተወሪዱ
action-share-passphrase-failed = ጌጋ ምስጢራዊ ሓረግ ተኣትዩ
action-share-locked = ናይ ምክፋል ሊንክ ተዓጽዩ (ብዙሕ ፈተነታት)
action-share-revoke = ናይ ምክፋል ሊንክ ተሰሪዙ
action-share-expire = ግዜ ናይ ምክፋል ሊንክ ሓሊፉ (መፍትሕታቱ ተደምሲሶም)
action-upload-create = ናይ ምስዳድ ሊንክ ተሰሪሑ
action-upload-list = ናይ ምስዳድ ሊንክታት ተራእዮም
action-upload-open = ገጽ ምስዳድ ተኸፊቱ
action-upload-revoke = ናይ ምስዳድ ሊንክ ተሰሪዙ
action-space-create = ውልቃዊ ቦታ ተሰሪሑ
action-space-list = ውልቃዊ ቦታታት ተራእዮም
action-space-open = ውልቃዊ ቦታ ተኸፊቱ
action-space-passcode-failed = ጌጋ ኮድ ተኣትዩ
action-space-locked = ውልቃዊ ቦታ ተዓጽዩ (ብዙሕ ፈተነታት)
action-space-revoke = ውልቃዊ ቦታ ተሰሪዙ
action-space-expire = ግዜ ውልቃዊ ቦታ ሓሊፉ (መፍትሑ ተደምሲሱ)
action-other = ካልእ ተግባር ({ $code })

## Kinds of documents

kind-identity = ሰነድ መንነት
kind-appeal = ይግባይ
kind-evidence = መርትዖ
kind-other = ካልእ

## Sizes ({ $n } is already written with this language's decimal mark)

decimal-mark = .
size-bytes = { $n } ባይት
size-kb = { $n } KB
size-mb = { $n } MB
size-gb = { $n } GB

## Dates and times, in Paris time

month-1 = ጥሪ
month-2 = ለካቲት
month-3 = መጋቢት
month-4 = ሚያዝያ
month-5 = ግንቦት
month-6 = ሰነ
month-7 = ሓምለ
month-8 = ነሓሰ
month-9 = መስከረም
month-10 = ጥቅምቲ
month-11 = ሕዳር
month-12 = ታሕሳስ
# { $day } and { $year } are numbers, { $month } one of the names above, { $time } the time-of-day below.
date-time = { $day } { $month } { $year }፣ ሰዓት { $time }
# { $hour } is 0 to 23, { $minute } two digits.
time-of-day = { $hour }:{ $minute }

## The printed handout for a personal space (given at the desk, in the person's language)

handout-title = ውልቃዊ ቦታኹም
handout-text = ነዚ ሊንክ ብተሌፎንኩም ክፈትዎ፣ ወይ ነቲ ርቡዕ ኮድ ብካሜራ ስካን ግበርዎ። ድሕሪኡ ነቲ ኣብ ታሕቲ ዘሎ ኮድ ኣእትዉ። ነዚ ወረቐት ኣብ ውሑስ ቦታ ዕቀብዎ፣ ንማንም ድማ ኣይትሃብዎ።
handout-code-label = ኮድኩም

## The access report: grouped lines, and what the person did themselves

# A date without the time; { $day } is a number.
date-only = { $day } { $month } { $year }
# Several reads of the same thing by the same person within the hour. { $day } is a date (date-only), { $from } and { $to } times of day (time-of-day), { $count } is 2 or more.
report-group = { $day } · { $who }: { $what } ({ $count } ግዜ፣ ካብ { $from } ክሳብ { $to })
report-group-at = { $day } · { $who }: { $what } ({ $count } ግዜ፣ ኣብ ሰዓት { $from })
# A line of what the person did themselves; { $what } is one of the "you-…" sentences below.
report-line-you = { $when } · { $what }
report-group-you = { $day } · { $what } ({ $count } ግዜ፣ ካብ { $from } ክሳብ { $to })
report-group-you-at = { $day } · { $what } ({ $count } ግዜ፣ ኣብ ሰዓት { $from })
you-case-view = ንጉዳይኩም ርኢኹምዎ
you-space-open = ንውልቃዊ ቦታኹም ከፊትኩምዎ
you-document-read = { $doc } ኣውሪድኩም
you-share-create = ንጠበቓኹም ሊንክ ሰሪሕኩም
you-space-passcode-failed = ኣብ ሊንክኹም ጌጋ ኮድ ተኣትዩ
you-space-locked = ብዙሕ ግዜ ጌጋ ኮድ ስለ ዝኣተወ፣ ውልቃዊ ቦታኹም ተዓጽዩ
# A document that was never kept (a refused upload).
unnamed-document = ሰነድ
report-older = ዝቐደሙ
report-newer = ሓደሽቲ
report-page = ገጽ { $page } ካብ { $pages }
