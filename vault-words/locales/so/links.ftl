# The pages that beneficiaries and lawyers see: upload links and their receipt, the
# personal space and its access report, share links, the "no longer valid" page.
# Keep sentences whole: every { $variable } is filled by the server. Plurals use Fluent's
# selectors ([one], [other], and the language's own categories).

## The language picker

# This language's name, in its own script.
language-name = Soomaali
language-picker = Luqadda

## A link that is dead, unknown or malformed

dead-title = Link dhacay ama aan la aqoon
dead-text = Linkigan ma jiro ama hadda ma shaqeeyo: waxaa laga yaabaa in waqtigiisu dhacay, in la isticmaalay inta jeer ee la oggolaa oo dhan, ama in la joojiyay. Qofkii kuu soo diray weydii mid cusub.
internal-error = Dhib ayaa dhinaceenna ka dhacay. Waxba ma lumin: isku day mar kale dhowr daqiiqo kadib.
log-unavailable = Kaydku hadda ma diiwaangelin karo cidda soo gasha, sidaas darteed waxba ma muujinayo. Mar dambe isku day.
too-many-requests = Codsiyo aad u badan: isku day mar kale hal daqiiqo kadib.
busy = Server-ku aad buu u mashquulsan yahay: isku day mar kale dhowr ilbiriqsi kadib.

## Share link (for a lawyer)

share-title = Dukumentiyo laguula wadaagay
share-intro = Urur bixiya gargaar sharci ayaa kuu soo diray dukumentiyadan. Soo deji ka hor inta uusan linkigu dhicin.
share-intro-named = Ururka { $association } ayaa kuu soo diray dukumentiyadan. Soo deji ka hor inta uusan linkigu dhicin.
share-expires = Linkigan wuxuu shaqaynayaa ilaa { $when } ({ $days ->
    [0] maanta
    [1] berri
   *[other] { $days } maalmood kadib
}).
share-downloads-left = { $count ->
    [one] Hal soo dejin ayaa hadhay (dhammaan dukumentiyada oo wadajir ah).
   *[other] { $count } soo dejin ayaa hadhay (dhammaan dukumentiyada oo wadajir ah).
}
share-message-title = Fariin ka timid ururka
download = Soo deji
share-download-all = Soo deji dhammaan (hal kayd ZIP ah, waxaa loo tiriyaa hal soo dejin)
share-recorded = Furitaan kasta iyo soo dejin kasta waxaa lagu qoraa diiwaanka kiiska.
share-nothing-left = Hadda ma jiro dukumenti laga heli karo linkigan.
share-sealed-title = Waxaa loo qufulay furahaaga age
share-sealed-text = Ururku wuxuu dukumentiyadan u qufulay furahaaga age: fayl kasta oo aad soo dejiso, iyo kaydka ZIP-ka sidoo kale, waa fayl .age ah oo ay furi karto oo keliya aqoonsigaaga age. Linkiga keligiis kuma filna in lagu akhriyo. Furaha la isticmaalay:
share-sealed-how = Fayl kasta ku fur aqoonsigaaga, tusaale ahaan qalabka age:
passphrase-title = Weedha sirta ah
passphrase-text = Linkigan waxaa ilaalisa weedh sir ah, oo si gooni ah laguugu soo diray (fariin qoraal ah, telefoon).
passphrase-label = Weedha sirta ah
passphrase-wrong = { $tries ->
    [one] Weedha sirta ah waa khalad. Hal isku day ayaa kuu hadhay ka hor inta aan linkiga la quflin.
   *[other] Weedha sirta ah waa khalad. { $tries } isku day ayaa kuu hadhay ka hor inta aan linkiga la quflin.
}
open = Fur

## Upload link (for the person)

upload-title = Soo dir dukumentiyadaada
upload-intro = Sawir waraaqahaaga ama dooro faylal. Isla marka ay yimaadaan waa la quflaa (waa la sireeyaa): ururka oo keliya ayaa akhriyi kara, adiguna halkan mar dambe kuma arki kartid.
upload-limits = { $files ->
    [one] Linkigan weli wuxuu qaadanayaa hal fayl (ugu badnaan { $size }), ilaa { $when }.
   *[other] Linkigan weli wuxuu qaadanayaa { $files } fayl (ugu badnaan { $size } wadar ahaan), ilaa { $when }.
}
upload-camera-label = Sawir qaad
upload-files-label = Dooro faylal (sawirro, PDF)
send = Dir
nothing-chosen = Fayl lama dooran.
receipt-title = Rasiid
receipt-intro = Faylashan waa la helay waana la quflay (la sireeyay). Boggan kaydso: summadda (BLAKE3) ayaa caddaynaysa waxa aad soo dirtay.
receipt-name = Fayl
receipt-size = Cabbir
receipt-hash = Summadda BLAKE3
refused-title = Faylal la diiday (waxba lagama kaydin)
refused-too-large = aad ugu weyn linkigan
refused-full = linkigan fayl kale ma qaadanayo
upload-too-much = Faylashan marka la isku daro waxay ka badan yihiin inta linkigan weli qaadanayo (kor ayaa lagu muujiyay). Waxba lama kaydin: dooro faylal ka tiro yar ama ka cabbir yar.
refused-invalid = fayl la diiday
refused-failed = soo diristu way fashilantay, isku day mar kale
refused-hidden-name = magaca waa la diiday: wuxuu leeyahay xarfo aan muuqan ama xarfo beddela jihada qoraalka, waxaana lagu khaldi karaa magac kale; magaca faylka beddel
refused-not-utf8 = magaca waa la diiday: ma aha UTF-8; magaca faylka beddel

## Personal space (for the person)

space-title = Meeshaada gaarka ah
space-intro = Geli koodhka uu ururku kuu siiyay markii uu kuu soo diray linkigan (8 xaraf iyo tiro, tusaale ahaan K7PM-4RXT).
space-code-label = Koodh
space-wrong = { $tries ->
    [one] Koodhku waa khalad. Hal isku day ayaa kuu hadhay ka hor inta aan meesha la quflin.
   *[other] Koodhku waa khalad. { $tries } isku day ayaa kuu hadhay ka hor inta aan meesha la quflin.
}
space-home-title = Kiiskaaga
space-docs-title = Dukumentiyadaada
space-no-docs = Weli dukumenti ma jiro.
space-document = { $kind }, { $size }
space-share-title = U dir dukumentiyo qareenkaaga
space-share-text = Dooro dukumentiyada: waxaad heli doontaa link aad u dirto qareenkaaga. Wuxuu shaqaynayaa 7 maalmood iyo 5 soo dejin.
space-share-docs = Dukumentiyada la dirayo
space-share-label = Magaca qareenkaaga (haddii aad rabto)
space-share-create = Samee linkiga
space-link-once = Hadda koobiyee linkigan oo u dir qareenkaaga: mar kale lama tusi doono.
space-link-label = Linkiga qareenkaaga
space-copy = Koobiyee linkiga
space-access-title = Yaa eegay kiiskaaga
space-access-note = Wax kasta oo lagu sameeyay kiiskaaga, kuwa ugu dambeeyay ayaa ugu horreeya (waqtiga Paris). Xaq baad u leedahay inaad ogaato.
space-leave = Xir meeshayda
space-expired = Boggan waqtigiisu wuu dhacay: linkigaaga mar kale fur oo geli koodhkaaga.

## Who did something, in the access report

who-you = Adiga
who-lawyer = Qareen, iyadoo loo marayo link wadaag
who-upload = Link soo dirid
who-system = Nidaamka
who-association = Ururka ({ $name })
deleted-document = dukumenti la tirtiray

## One line of the access report: when, who, what

report-line = { $when } · { $who }: { $what }
report-line-refused = { $when } · { $who }: { $what } (la diiday ama lama guulaysan)

## What was done (the "what" of a report line; { $doc } is a file name)

action-case-create = kiiska waa la furay
action-case-view = kiiska waa la eegay
action-case-list = magaca waxaa lagu arkay liiska kiisaska
action-case-index = magaca waxaa loo akhriyay tusaha raadinta (lama muujin)
action-bundle-export = xirmo caddayn ah ayaa loo soo saaray qareen ama maxkamad (dukumentiyada iyo taariikhdooda)
action-case-update = xogta qofka waa la beddelay
action-case-close = kiiska waa la xiray
action-case-reopen = kiiska mar kale ayaa la furay
action-case-report = warbixintan waa la eegay
action-case-erase = kiiska waa la tirtiray
action-case-contact = xiriir ayaa la diiwaangeliyay
action-case-hold = waa la hayaa wixii ka dambeeya muddada kaydinta
action-retention-due = waxaa lagu arkay liiska kiisaska u dhow taariikhda tirtirka
action-retention-erase = waa la tirtiray dhammaadka muddada kaydinta
action-document-add = { $doc } waa lagu daray
action-document-version = nuqul cusub oo { $doc } ah ayaa lagu daray
action-document-list = liiska dukumentiyada waa la eegay
action-document-history = taariikhda { $doc } waa la eegay
action-document-read = { $doc } waa la soo dejiyay
action-document-verify = { $doc } waa la hubiyay
action-document-delete = { $doc } waa la tirtiray
action-document-reclassify = nooca { $doc } waa la beddelay
action-document-export-key = furaha { $doc } waa la soo saaray
action-share-create = link wadaag ayaa la sameeyay
action-share-list = linkiyada wadaagga waa la eegay
action-share-open = bogga linkiga wadaagga waa la furay
action-share-download = { $doc } waa la soo dejiyay
action-share-passphrase-failed = weedh sir ah oo khalad ah ayaa la geliyay
action-share-locked = linkiga wadaagga waa la quflay (isku day aad u badan)
action-share-revoke = linkiga wadaagga waa la joojiyay
action-share-expire = linkiga wadaagga waqtigiisu wuu dhacay (furayaashiisa waa la burburiyay)
action-upload-create = link soo dirid ayaa la sameeyay
action-upload-list = linkiyada soo dirista waa la eegay
action-upload-open = bogga soo dirista waa la furay
action-upload-revoke = linkiga soo dirista waa la joojiyay
action-space-create = meel gaar ah ayaa la sameeyay
action-space-list = meelaha gaarka ah waa la eegay
action-space-open = meesha gaarka ah waa la furay
action-space-passcode-failed = koodh khalad ah ayaa la geliyay
action-space-locked = meesha gaarka ah waa la quflay (isku day aad u badan)
action-space-revoke = meesha gaarka ah waa la xiray
action-space-expire = meesha gaarka ah waqtigeedu wuu dhacay (fureheeda waa la burburiyay)
action-other = fal kale ({ $code })

## Kinds of documents

kind-identity = dukumenti aqoonsi
kind-appeal = racfaan
kind-evidence = caddayn
kind-other = kale

## Sizes ({ $n } is already written with this language's decimal mark)

decimal-mark = .
size-bytes = { $n } bytes
size-kb = { $n } KB
size-mb = { $n } MB
size-gb = { $n } GB

## Dates and times, in Paris time

month-1 = Janaayo
month-2 = Febraayo
month-3 = Maarso
month-4 = Abriil
month-5 = Maajo
month-6 = Juun
month-7 = Luuliyo
month-8 = Ogosto
month-9 = Sebtembar
month-10 = Oktoobar
month-11 = Nofembar
month-12 = Desembar
# { $day } and { $year } are numbers, { $month } one of the names above, { $time } the time-of-day below.
date-time = { $day } { $month } { $year }, saacadda { $time }
# { $hour } is 0 to 23, { $minute } two digits.
time-of-day = { $hour }:{ $minute }

## The printed handout for a personal space (given at the desk, in the person's language)

handout-title = Meeshaada gaarka ah
handout-text = Ku fur linkigan telefoonkaaga, ama kamaradda ku iskaan garee koodhka afargeeslaha ah. Kadib geli koodhka hoos ku qoran. Warqaddan ku hay meel ammaan ah, cidna ha siin.
handout-code-label = Koodhkaaga

## The access report: grouped lines, and what the person did themselves

# A date without the time; { $day } is a number.
date-only = { $day } { $month } { $year }
# Several reads of the same thing by the same person within the hour. { $day } is a date (date-only), { $from } and { $to } times of day (time-of-day), { $count } is 2 or more.
report-group = { $day } · { $who }: { $what } ({ $count } jeer, inta u dhexeysa { $from } iyo { $to })
report-group-at = { $day } · { $who }: { $what } ({ $count } jeer, saacadda { $from })
# A line of what the person did themselves; { $what } is one of the "you-…" sentences below.
report-line-you = { $when } · { $what }
report-group-you = { $day } · { $what } { $count } jeer, inta u dhexeysa { $from } iyo { $to }
report-group-you-at = { $day } · { $what } { $count } jeer, saacadda { $from }
you-case-view = Waxaad eegtay kiiskaaga
you-space-open = Waxaad furtay meeshaada gaarka ah
you-document-read = Waxaad soo dejisay { $doc }
you-share-create = Waxaad qareenkaaga u samaysay link
you-space-passcode-failed = Koodh khalad ah ayaa lagu geliyay linkigaaga
you-space-locked = Meeshaada gaarka ah waa la quflay, maxaa yeelay koodh khalad ah ayaa marar badan la geliyay
# A document that was never kept (a refused upload).
unnamed-document = dukumenti
report-older = Kuwii hore
report-newer = Kuwa cusub
report-page = Bogga { $page } / { $pages }
