# The pages that beneficiaries and lawyers see: upload links and their receipt, the
# personal space and its access report, share links, the "no longer valid" page.
# Keep sentences whole: every { $variable } is filled by the server. Plurals use Fluent's
# selectors ([one], [other], and the language's own categories).

## The language picker

# This language's name, in its own script.
language-name = English
language-picker = Language

## A link that is dead, unknown or malformed

dead-title = Link expired or unknown
dead-text = This link does not exist or is no longer valid: it may have expired, been used as many times as allowed, or been revoked. Ask the person who sent it for a new one.
internal-error = Something went wrong on our side. Nothing was lost: try again in a few minutes.
log-unavailable = The vault cannot record accesses right now, so it shows nothing. Try again later.
too-many-requests = Too many requests: try again in a minute.
busy = The server is very busy: try again in a few seconds.

## Share link (for a lawyer)

share-title = Documents shared with you
share-intro = A legal-aid association sent you these documents. Download them before the link expires.
share-intro-named = The association { $association } sent you these documents. Download them before the link expires.
share-expires = This link expires on { $when } ({ $days ->
    [0] today
    [1] tomorrow
   *[other] in { $days } days
}).
share-downloads-left = { $count ->
    [one] One download left (all documents together).
   *[other] { $count } downloads left (all documents together).
}
share-message-title = A message from the association
download = Download
share-download-all = Download all (one ZIP archive, counts as one download)
share-recorded = Every opening and every download is recorded in the case's access log.
share-nothing-left = No document is available through this link any more.
share-sealed-title = Encrypted to your age key
share-sealed-text = The association encrypted these documents to your own age key: each downloaded file, and the ZIP archive, is a .age file that only your age identity opens. The link alone is not enough to read them. Key used:
share-sealed-how = Open each file with your identity, for instance with the age tool:
passphrase-title = Passphrase
passphrase-text = This link is protected by a passphrase, sent separately (text message, phone).
passphrase-label = Passphrase
passphrase-wrong = { $tries ->
    [one] Wrong passphrase. One more try before the link locks.
   *[other] Wrong passphrase. { $tries } more tries before the link locks.
}
open = Open

## Upload link (for the person)

upload-title = Send your documents
upload-intro = Take photos of your papers or choose files. They are locked (encrypted) as they arrive: only the association can read them, and you cannot see them again here.
upload-limits = { $files ->
    [one] This link still takes one file (up to { $size }), until { $when }.
   *[other] This link still takes { $files } files (up to { $size } in all), until { $when }.
}
upload-camera-label = Take a photo
upload-files-label = Choose files (photos, PDF)
send = Send
nothing-chosen = No file chosen.
receipt-title = Receipt
receipt-intro = These files were received and locked (encrypted). Keep this page: the fingerprint (BLAKE3) proves what you sent.
receipt-name = File
receipt-size = Size
receipt-hash = BLAKE3 fingerprint
refused-title = Files refused (nothing of them was kept)
refused-too-large = too large for this link
refused-full = this link takes no more files
upload-too-much = Together, these files are more than this link still takes (shown above). Nothing was kept: choose fewer or smaller files.
refused-invalid = file refused
refused-failed = the upload failed, try again
refused-hidden-name = name refused: it holds invisible characters or characters that change the direction of the text, and could pass for another; rename the file
refused-not-utf8 = name refused: it is not UTF-8; rename the file

## Personal space (for the person)

space-title = Your personal space
space-intro = Enter the code the association gave you with this link (8 letters and digits, for example K7PM-4RXT).
space-code-label = Code
space-wrong = { $tries ->
    [one] Wrong code. One more try before the space locks.
   *[other] Wrong code. { $tries } more tries before the space locks.
}
space-home-title = Your case
space-docs-title = Your documents
space-no-docs = No document yet.
space-document = { $kind }, { $size }
space-share-title = Send documents to your lawyer
space-share-text = Choose the documents: you will get a link to send to your lawyer. It works for 7 days and 5 downloads.
space-share-docs = Documents to send
space-share-label = Your lawyer's name (optional)
space-share-create = Make the link
space-link-once = Copy this link now and send it to your lawyer: it will not be shown again.
space-link-label = Link for your lawyer
space-copy = Copy the link
space-access-title = Who looked at your case
space-access-note = Everything done with your case, newest first (Paris time). You have the right to know it.
space-leave = Close my space
space-expired = This page expired: open your link again and enter your code.

## Who did something, in the access report

who-you = You
who-lawyer = A lawyer, through a share link
who-upload = An upload link
who-system = The system
who-association = The association ({ $name })
deleted-document = a deleted document

## One line of the access report: when, who, what

report-line = { $when } · { $who }: { $what }
report-line-refused = { $when } · { $who }: { $what } (refused or failed)

## What was done (the "what" of a report line; { $doc } is a file name)

action-case-create = case opened
action-case-view = case viewed
action-case-list = name seen in the list of cases
action-case-index = name read for the search index (not shown)
action-bundle-export = evidence bundle exported for a lawyer or a court (documents and their history)
action-case-update = profile changed
action-case-close = case closed
action-case-reopen = case reopened
action-case-report = this report viewed
action-case-erase = case erased
action-case-contact = contact recorded
action-case-hold = kept past the end of its retention period
action-retention-due = seen in the list of cases near their erasure date
action-retention-erase = erased at the end of its retention period
action-document-add = { $doc } added
action-document-version = new version of { $doc } added
action-document-list = list of documents viewed
action-document-history = history of { $doc } viewed
action-document-read = { $doc } downloaded
action-document-verify = { $doc } checked
action-document-delete = { $doc } deleted
action-document-reclassify = type of { $doc } changed
action-document-export-key = key of { $doc } exported
action-share-create = share link made
action-share-list = share links viewed
action-share-open = share link page opened
action-share-download = { $doc } downloaded
action-share-passphrase-failed = wrong passphrase given
action-share-locked = share link locked (too many tries)
action-share-revoke = share link revoked
action-share-expire = share link expired (its keys destroyed)
action-upload-create = upload link made
action-upload-list = upload links viewed
action-upload-open = upload page opened
action-upload-revoke = upload link revoked
action-space-create = personal space made
action-space-list = personal spaces viewed
action-space-open = personal space opened
action-space-passcode-failed = wrong code given
action-space-locked = personal space locked (too many tries)
action-space-revoke = personal space closed
action-space-expire = personal space expired (its key destroyed)
action-other = other action ({ $code })

## Kinds of documents

kind-identity = identity document
kind-appeal = appeal
kind-evidence = evidence
kind-other = other

## Sizes ({ $n } is already written with this language's decimal mark)

decimal-mark = .
size-bytes = { $n } bytes
size-kb = { $n } KB
size-mb = { $n } MB
size-gb = { $n } GB

## Dates and times, in Paris time

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
# { $day } and { $year } are numbers, { $month } one of the names above, { $time } the time-of-day below.
date-time = { $day } { $month } { $year }, { $time }
# { $hour } is 0 to 23, { $minute } two digits.
time-of-day = { $hour }:{ $minute }

## The printed handout for a personal space (given at the desk, in the person's language)

handout-title = Your personal space
handout-text = Open this link on your phone, or scan the square code with the camera. Then enter the code below. Keep this paper safe and do not give it to anyone.
handout-code-label = Your code

## The access report: grouped lines, and what the person did themselves

# A date without the time; { $day } is a number.
date-only = { $day } { $month } { $year }
# Several reads of the same thing by the same person within the hour. { $day } is a date (date-only), { $from } and { $to } times of day (time-of-day), { $count } is 2 or more.
report-group = { $day } · { $who }: { $what } ({ $count } times between { $from } and { $to })
report-group-at = { $day } · { $who }: { $what } ({ $count } times at { $from })
# A line of what the person did themselves; { $what } is one of the "you-…" sentences below.
report-line-you = { $when } · { $what }
report-group-you = { $day } · { $what } { $count } times between { $from } and { $to }
report-group-you-at = { $day } · { $what } { $count } times at { $from }
you-case-view = You looked at your file
you-space-open = You opened your space
you-document-read = You downloaded { $doc }
you-share-create = You made a link for your lawyer
you-space-passcode-failed = A wrong code was typed on your link
you-space-locked = Your space was blocked after too many wrong codes
# A document that was never kept (a refused upload).
unnamed-document = a document
report-older = Older
report-newer = Newer
report-page = Page { $page } of { $pages }
