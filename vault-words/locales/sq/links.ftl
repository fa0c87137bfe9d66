# The pages that beneficiaries and lawyers see: upload links and their receipt, the
# personal space and its access report, share links, the "no longer valid" page.
# Keep sentences whole: every { $variable } is filled by the server. Plurals use Fluent's
# selectors ([one], [other], and the language's own categories).

## The language picker

# This language's name, in its own script.
language-name = Shqip
language-picker = Gjuha

## A link that is dead, unknown or malformed

dead-title = Lidhje e skaduar ose e panjohur
dead-text = Kjo lidhje nuk ekziston ose nuk vlen më: mund të ketë skaduar, të jetë përdorur aq herë sa lejohej, ose të jetë anuluar. Kërkojini personit që jua dërgoi një lidhje të re.
internal-error = Diçka shkoi keq nga ana jonë. Asgjë nuk humbi: provoni përsëri pas disa minutash.
log-unavailable = Kasaforta nuk mund t'i regjistrojë hyrjet tani, prandaj nuk tregon asgjë. Provoni përsëri më vonë.
too-many-requests = Shumë kërkesa: provoni përsëri pas një minute.
busy = Serveri është shumë i zënë: provoni përsëri pas disa sekondash.

## Share link (for a lawyer)

share-title = Dokumente të ndara me ju
share-intro = Një shoqatë për ndihmë ligjore ju dërgoi këto dokumente. Shkarkojini para se të skadojë lidhja.
share-intro-named = Shoqata { $association } ju dërgoi këto dokumente. Shkarkojini para se të skadojë lidhja.
share-expires = Kjo lidhje skadon më { $when } ({ $days ->
    [0] sot
    [1] nesër
   *[other] pas { $days } ditësh
}).
share-downloads-left = { $count ->
    [one] Ka mbetur edhe një shkarkim (për të gjitha dokumentet së bashku).
   *[other] Kanë mbetur edhe { $count } shkarkime (për të gjitha dokumentet së bashku).
}
share-message-title = Mesazh nga shoqata
download = Shkarko
share-download-all = Shkarko të gjitha (një arkiv ZIP, llogaritet si një shkarkim)
share-recorded = Çdo hapje dhe çdo shkarkim shënohet në historikun e hyrjeve të dosjes.
share-nothing-left = Nuk ka më asnjë dokument të disponueshëm përmes kësaj lidhjeje.
share-sealed-title = Të enkriptuara për çelësin tuaj age
share-sealed-text = Shoqata i enkriptoi këto dokumente për çelësin tuaj age: çdo skedar i shkarkuar, edhe arkivi ZIP, është një skedar .age që e hap vetëm identiteti juaj age. Vetëm lidhja nuk mjafton për t'i lexuar. Çelësi i përdorur:
share-sealed-how = Hapeni çdo skedar me identitetin tuaj, për shembull me mjetin age:
passphrase-title = Fraza sekrete
passphrase-text = Kjo lidhje është e mbrojtur me një frazë sekrete, që ju është dërguar veçmas (mesazh SMS, telefon).
passphrase-label = Fraza sekrete
passphrase-wrong = { $tries ->
    [one] Frazë sekrete e gabuar. Edhe një provë para se të bllokohet lidhja.
   *[other] Frazë sekrete e gabuar. Edhe { $tries } prova para se të bllokohet lidhja.
}
open = Hap

## Upload link (for the person)

upload-title = Dërgoni dokumentet tuaja
upload-intro = Fotografoni letrat tuaja ose zgjidhni skedarë. Ata kyçen (shifrohen) sapo mbërrijnë: vetëm shoqata mund t'i lexojë, dhe ju nuk mund t'i shihni më këtu.
upload-limits = { $files ->
    [one] Kjo lidhje pranon ende një skedar (deri në { $size }), deri më { $when }.
   *[other] Kjo lidhje pranon ende { $files } skedarë (deri në { $size } gjithsej), deri më { $when }.
}
upload-camera-label = Bëj një foto
upload-files-label = Zgjidh skedarë (foto, PDF)
send = Dërgo
nothing-chosen = Nuk është zgjedhur asnjë skedar.
receipt-title = Vërtetim marrjeje
receipt-intro = Këta skedarë u morën dhe u kyçën (u shifruan). Ruajeni këtë faqe: gjurma (BLAKE3) vërteton se çfarë dërguat.
receipt-name = Skedari
receipt-size = Madhësia
receipt-hash = Gjurma BLAKE3
refused-title = Skedarë të refuzuar (asgjë prej tyre nuk u ruajt)
refused-too-large = shumë i madh për këtë lidhje
refused-full = kjo lidhje nuk pranon më skedarë
upload-too-much = Së bashku, këta skedarë e kalojnë atë që kjo lidhje pranon ende (tregohet më lart). Asgjë nuk u ruajt: zgjidhni më pak skedarë ose skedarë më të vegjël.
refused-invalid = skedar i refuzuar
refused-failed = dërgimi dështoi, provoni përsëri
refused-hidden-name = emër i refuzuar: ka shkronja të padukshme ose shenja që ndryshojnë drejtimin e tekstit, dhe mund të ngatërrohet me një emër tjetër; ndryshojini emrin skedarit
refused-not-utf8 = emër i refuzuar: nuk është në UTF-8; ndryshojini emrin skedarit

## Personal space (for the person)

space-title = Hapësira juaj personale
space-intro = Shkruani kodin që ju dha shoqata bashkë me këtë lidhje (8 shkronja dhe shifra, për shembull K7PM-4RXT).
space-code-label = Kodi
space-wrong = { $tries ->
    [one] Kod i gabuar. Edhe një provë para se të bllokohet hapësira.
   *[other] Kod i gabuar. Edhe { $tries } prova para se të bllokohet hapësira.
}
space-home-title = Dosja juaj
space-docs-title = Dokumentet tuaja
space-no-docs = Ende asnjë dokument.
space-document = { $kind }, { $size }
space-share-title = Dërgojini dokumente avokatit tuaj
space-share-text = Zgjidhni dokumentet: do të merrni një lidhje për t'ia dërguar avokatit tuaj. Ajo vlen për 7 ditë dhe për 5 shkarkime.
space-share-docs = Dokumentet që do të dërgohen
space-share-label = Emri i avokatit tuaj (nuk është i detyrueshëm)
space-share-create = Krijo lidhjen
space-link-once = Kopjojeni këtë lidhje tani dhe dërgojiani avokatit tuaj: ajo nuk do të shfaqet më.
space-link-label = Lidhja për avokatin tuaj
space-copy = Kopjo lidhjen
space-access-title = Kush e ka parë dosjen tuaj
space-access-note = Gjithçka që është bërë me dosjen tuaj, nga më e reja te më e vjetra (ora e Parisit). Keni të drejtë ta dini.
space-leave = Mbyll hapësirën time
space-expired = Kjo faqe ka skaduar: hapeni përsëri lidhjen tuaj dhe shkruani kodin tuaj.

## Who did something, in the access report

who-you = Ju
who-lawyer = Një avokat, përmes një lidhjeje ndarjeje
who-upload = Një lidhje dërgimi
who-system = Sistemi
who-association = Shoqata ({ $name })
deleted-document = një dokument i fshirë

## One line of the access report: when, who, what

report-line = { $when } · { $who }: { $what }
report-line-refused = { $when } · { $who }: { $what } (u refuzua ose dështoi)

## What was done (the "what" of a report line; { $doc } is a file name)

action-case-create = dosja u hap
action-case-view = dosja u shikua
action-case-list = emri u pa në listën e dosjeve
action-case-index = emri u lexua për indeksin e kërkimit (pa u shfaqur)
action-bundle-export = paketa e provave u eksportua për një avokat ose një gjykatë (dokumentet dhe historiku i tyre)
action-case-update = profili u ndryshua
action-case-close = dosja u mbyll
action-case-reopen = dosja u rihap
action-case-report = ky raport u shikua
action-case-erase = dosja u fshi
action-case-contact = kontakti u regjistrua
action-case-hold = u ruajt përtej afatit të ruajtjes
action-retention-due = u pa në listën e dosjeve afër datës së fshirjes
action-retention-erase = u fshi në fund të afatit të ruajtjes
action-document-add = { $doc } u shtua
action-document-version = u shtua një version i ri i { $doc }
action-document-list = lista e dokumenteve u shikua
action-document-history = historiku i { $doc } u shikua
action-document-read = { $doc } u shkarkua
action-document-verify = { $doc } u kontrollua
action-document-delete = { $doc } u fshi
action-document-reclassify = lloji i { $doc } u ndryshua
action-document-export-key = çelësi i { $doc } u eksportua
action-share-create = u krijua një lidhje ndarjeje
action-share-list = lidhjet e ndarjes u shikuan
action-share-open = faqja e lidhjes së ndarjes u hap
action-share-download = { $doc } u shkarkua
action-share-passphrase-failed = u dha frazë sekrete e gabuar
action-share-locked = lidhja e ndarjes u bllokua (shumë prova)
action-share-revoke = lidhja e ndarjes u anulua
action-share-expire = lidhja e ndarjes skadoi (çelësat e saj u shkatërruan)
action-upload-create = u krijua një lidhje dërgimi
action-upload-list = lidhjet e dërgimit u shikuan
action-upload-open = faqja e dërgimit u hap
action-upload-revoke = lidhja e dërgimit u anulua
action-space-create = u krijua hapësira personale
action-space-list = hapësirat personale u shikuan
action-space-open = hapësira personale u hap
action-space-passcode-failed = u dha kod i gabuar
action-space-locked = hapësira personale u bllokua (shumë prova)
action-space-revoke = hapësira personale u mbyll
action-space-expire = hapësira personale skadoi (çelësi i saj u shkatërrua)
action-other = veprim tjetër ({ $code })

## Kinds of documents

kind-identity = dokument identiteti
kind-appeal = ankesë
kind-evidence = provë
kind-other = tjetër

## Sizes ({ $n } is already written with this language's decimal mark)

decimal-mark = ,
size-bytes = { $n } bajt
size-kb = { $n } KB
size-mb = { $n } MB
size-gb = { $n } GB

## Dates and times, in Paris time

month-1 = janar
month-2 = shkurt
month-3 = mars
month-4 = prill
month-5 = maj
month-6 = qershor
month-7 = korrik
month-8 = gusht
month-9 = shtator
month-10 = tetor
month-11 = nëntor
month-12 = dhjetor
# { $day } and { $year } are numbers, { $month } one of the names above, { $time } the time-of-day below.
date-time = { $day } { $month } { $year }, ora { $time }
# { $hour } is 0 to 23, { $minute } two digits.
time-of-day = { $hour }:{ $minute }

## The printed handout for a personal space (given at the desk, in the person's language)

handout-title = Hapësira juaj personale
handout-text = Hapeni këtë lidhje në telefonin tuaj, ose skanoni me kamerë kodin katror. Pastaj shkruani kodin që është më poshtë. Ruajeni këtë fletë në një vend të sigurt dhe mos ia jepni askujt.
handout-code-label = Kodi juaj

## The access report: grouped lines, and what the person did themselves

# A date without the time; { $day } is a number.
date-only = { $day } { $month } { $year }
# Several reads of the same thing by the same person within the hour. { $day } is a date (date-only), { $from } and { $to } times of day (time-of-day), { $count } is 2 or more.
report-group = { $day } · { $who }: { $what } ({ $count } herë midis { $from } dhe { $to })
report-group-at = { $day } · { $who }: { $what } ({ $count } herë në orën { $from })
# A line of what the person did themselves; { $what } is one of the "you-…" sentences below.
report-line-you = { $when } · { $what }
report-group-you = { $day } · { $what } { $count } herë midis { $from } dhe { $to }
report-group-you-at = { $day } · { $what } { $count } herë në orën { $from }
you-case-view = Ju e shikuat dosjen tuaj
you-space-open = Ju e hapët hapësirën tuaj
you-document-read = Ju shkarkuat { $doc }
you-share-create = Ju krijuat një lidhje për avokatin tuaj
you-space-passcode-failed = Në lidhjen tuaj u shkrua një kod i gabuar
you-space-locked = Hapësira juaj u bllokua pas shumë kodesh të gabuara
# A document that was never kept (a refused upload).
unnamed-document = një dokument
report-older = Më të vjetrat
report-newer = Më të rejat
report-page = Faqja { $page } nga { $pages }
