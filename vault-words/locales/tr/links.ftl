# The pages that beneficiaries and lawyers see: upload links and their receipt, the
# personal space and its access report, share links, the "no longer valid" page.
# Keep sentences whole: every { $variable } is filled by the server. Plurals use Fluent's
# selectors ([one], [other], and the language's own categories).

## The language picker

# This language's name, in its own script.
language-name = Türkçe
language-picker = Dil

## A link that is dead, unknown or malformed

dead-title = Bağlantı geçersiz ya da bulunamadı
dead-text = Bu bağlantı yok ya da artık geçerli değil: süresi dolmuş, izin verilen sayıda kullanılmış ya da iptal edilmiş olabilir. Bağlantıyı size gönderen kişiden yeni bir bağlantı isteyin.
internal-error = Bizim tarafımızda bir sorun oluştu. Hiçbir şey kaybolmadı: birkaç dakika sonra tekrar deneyin.
log-unavailable = Belge kasası şu anda kimin neye baktığını kaydedemiyor, bu yüzden hiçbir şey göstermiyor. Daha sonra tekrar deneyin.
too-many-requests = Çok fazla istek var: bir dakika sonra tekrar deneyin.
busy = Sunucu şu anda çok yoğun: birkaç saniye sonra tekrar deneyin.

## Share link (for a lawyer)

share-title = Sizinle paylaşılan belgeler
share-intro = Bir hukuki yardım derneği size bu belgeleri gönderdi. Bağlantının süresi dolmadan belgeleri indirin.
share-intro-named = { $association } derneği size bu belgeleri gönderdi. Bağlantının süresi dolmadan belgeleri indirin.
share-expires = Bu bağlantının süresi şu tarihte doluyor: { $when } ({ $days ->
    [0] bugün
    [1] yarın
   *[other] { $days } gün sonra
}).
share-downloads-left = { $count ->
    [one] { $count } indirme hakkı kaldı (tüm belgeler için toplam).
   *[other] { $count } indirme hakkı kaldı (tüm belgeler için toplam).
}
share-message-title = Dernekten bir mesaj
download = İndir
share-download-all = Tümünü indir (tek bir ZIP arşivi, bir indirme hakkı olarak sayılır)
share-recorded = Her açılış ve her indirme, dosyanın erişim kaydına yazılır.
share-nothing-left = Bu bağlantıda artık indirilebilecek belge yok.
share-sealed-title = age anahtarınız için şifrelendi
share-sealed-text = Dernek bu belgeleri kendi age anahtarınız için şifreledi: indirilen her dosya, ZIP arşivi de dahil, yalnızca age kimliğinizin açabildiği bir .age dosyasıdır. Bağlantı tek başına onları okumaya yetmez. Kullanılan anahtar:
share-sealed-how = Her dosyayı kimliğinizle açın, örneğin age aracıyla:
passphrase-title = Parola
passphrase-text = Bu bağlantı, size ayrıca (SMS ya da telefonla) iletilen bir parolayla korunuyor.
passphrase-label = Parola
passphrase-wrong = { $tries ->
    [one] Yanlış parola. Bağlantı kilitlenmeden önce { $tries } deneme hakkınız kaldı.
   *[other] Yanlış parola. Bağlantı kilitlenmeden önce { $tries } deneme hakkınız kaldı.
}
open = Aç

## Upload link (for the person)

upload-title = Belgelerinizi gönderin
upload-intro = Belgelerinizin fotoğrafını çekin ya da dosya seçin. Dosyalar gelir gelmez kilitlenir (şifrelenir): onları yalnızca dernek okuyabilir, siz de burada bir daha göremezsiniz.
upload-limits = { $files ->
    [one] Bu bağlantıyla { $when } tarihine kadar { $files } dosya daha gönderebilirsiniz (en fazla { $size }).
   *[other] Bu bağlantıyla { $when } tarihine kadar { $files } dosya daha gönderebilirsiniz (toplam en fazla { $size }).
}
upload-camera-label = Fotoğraf çek
upload-files-label = Dosya seç (fotoğraf, PDF)
send = Gönder
nothing-chosen = Dosya seçilmedi.
receipt-title = Alındı belgesi
receipt-intro = Bu dosyalar alındı ve kilitlendi (şifrelendi). Bu sayfayı saklayın: dijital parmak izi (BLAKE3), ne gönderdiğinizi kanıtlar.
receipt-name = Dosya
receipt-size = Boyut
receipt-hash = BLAKE3 parmak izi
refused-title = Kabul edilmeyen dosyalar (bunlardan hiçbir şey saklanmadı)
refused-too-large = bu bağlantı için çok büyük
refused-full = bu bağlantı artık dosya kabul etmiyor
upload-too-much = Bu dosyalar toplamda, bu bağlantının hâlâ kabul ettiğinden fazla (yukarıda belirtildi). Hiçbir şey saklanmadı: daha az ya da daha küçük dosya seçin.
refused-invalid = dosya kabul edilmedi
refused-failed = gönderilemedi, tekrar deneyin
refused-hidden-name = ad kabul edilmedi: görünmeyen karakterler ya da yazının yönünü değiştiren karakterler içeriyor ve başka bir adla karıştırılabilir; dosyanın adını değiştirin
refused-not-utf8 = ad kabul edilmedi: UTF-8 değil; dosyanın adını değiştirin

## Personal space (for the person)

space-title = Kişisel alanınız
space-intro = Derneğin size bu bağlantıyla birlikte verdiği kodu girin (8 harf ve rakam, örneğin K7PM-4RXT).
space-code-label = Kod
space-wrong = { $tries ->
    [one] Yanlış kod. Alanınız kilitlenmeden önce { $tries } deneme hakkınız kaldı.
   *[other] Yanlış kod. Alanınız kilitlenmeden önce { $tries } deneme hakkınız kaldı.
}
space-home-title = Dosyanız
space-docs-title = Belgeleriniz
space-no-docs = Henüz belge yok.
space-document = { $kind }, { $size }
space-share-title = Belgeleri avukatınıza gönderin
space-share-text = Belgeleri seçin: avukatınıza göndermeniz için bir bağlantı alacaksınız. Bağlantı 7 gün boyunca ve 5 indirme için geçerlidir.
space-share-docs = Gönderilecek belgeler
space-share-label = Avukatınızın adı (isteğe bağlı)
space-share-create = Bağlantıyı oluştur
space-link-once = Bu bağlantıyı şimdi kopyalayıp avukatınıza gönderin: bir daha gösterilmeyecek.
space-link-label = Avukatınız için bağlantı
space-copy = Bağlantıyı kopyala
space-access-title = Dosyanıza kimler baktı
space-access-note = Dosyanızla ilgili yapılan her şey, en yeniden en eskiye (Paris saati). Bunu bilmek sizin hakkınız.
space-leave = Alanımı kapat
space-expired = Bu sayfanın süresi doldu: bağlantınızı yeniden açın ve kodunuzu girin.

## Who did something, in the access report

who-you = Siz
who-lawyer = Bir avukat, paylaşım bağlantısıyla
who-upload = Bir belge gönderme bağlantısı
who-system = Sistem
who-association = Dernek ({ $name })
deleted-document = silinmiş bir belge

## One line of the access report: when, who, what

report-line = { $when } · { $who }: { $what }
report-line-refused = { $when } · { $who }: { $what } (reddedildi ya da başarısız oldu)

## What was done (the "what" of a report line; { $doc } is a file name)

action-case-create = dosya açıldı
action-case-view = dosya görüntülendi
action-case-list = ad, dosya listesinde görüldü
action-case-index = ad, arama dizini için okundu (gösterilmedi)
action-bundle-export = avukat veya mahkeme için kanıt paketi dışa aktarıldı (belgeler ve geçmişleri)
action-case-update = profil değiştirildi
action-case-close = dosya kapatıldı
action-case-reopen = dosya yeniden açıldı
action-case-report = bu kayıt görüntülendi
action-case-erase = dosya tamamen silindi
action-case-contact = görüşme kaydedildi
action-case-hold = saklama süresinin ötesinde tutuldu
action-retention-due = silinme tarihi yaklaşan dosyalar listesinde görüldü
action-retention-erase = saklama süresinin sonunda silindi
action-document-add = { $doc } eklendi
action-document-version = { $doc } için yeni sürüm eklendi
action-document-list = belge listesi görüntülendi
action-document-history = { $doc } için geçmiş görüntülendi
action-document-read = { $doc } indirildi
action-document-verify = { $doc } kontrol edildi
action-document-delete = { $doc } silindi
action-document-reclassify = { $doc } için belge türü değiştirildi
action-document-export-key = { $doc } için anahtar dışa aktarıldı
action-share-create = paylaşım bağlantısı oluşturuldu
action-share-list = paylaşım bağlantıları görüntülendi
action-share-open = paylaşım bağlantısı sayfası açıldı
action-share-download = { $doc } indirildi
action-share-passphrase-failed = yanlış parola girildi
action-share-locked = paylaşım bağlantısı kilitlendi (çok fazla deneme)
action-share-revoke = paylaşım bağlantısı iptal edildi
action-share-expire = paylaşım bağlantısının süresi doldu (anahtarları yok edildi)
action-upload-create = belge gönderme bağlantısı oluşturuldu
action-upload-list = belge gönderme bağlantıları görüntülendi
action-upload-open = belge gönderme sayfası açıldı
action-upload-revoke = belge gönderme bağlantısı iptal edildi
action-space-create = kişisel alan oluşturuldu
action-space-list = kişisel alanlar görüntülendi
action-space-open = kişisel alan açıldı
action-space-passcode-failed = yanlış kod girildi
action-space-locked = kişisel alan kilitlendi (çok fazla deneme)
action-space-revoke = kişisel alan kapatıldı
action-space-expire = kişisel alanın süresi doldu (anahtarı yok edildi)
action-other = başka işlem ({ $code })

## Kinds of documents

kind-identity = kimlik belgesi
kind-appeal = itiraz
kind-evidence = kanıt
kind-other = diğer

## Sizes ({ $n } is already written with this language's decimal mark)

decimal-mark = ,
size-bytes = { $n } bayt
size-kb = { $n } KB
size-mb = { $n } MB
size-gb = { $n } GB

## Dates and times, in Paris time

month-1 = Ocak
month-2 = Şubat
month-3 = Mart
month-4 = Nisan
month-5 = Mayıs
month-6 = Haziran
month-7 = Temmuz
month-8 = Ağustos
month-9 = Eylül
month-10 = Ekim
month-11 = Kasım
month-12 = Aralık
# { $day } and { $year } are numbers, { $month } one of the names above, { $time } the time-of-day below.
date-time = { $day } { $month } { $year }, { $time }
# { $hour } is 0 to 23, { $minute } two digits.
time-of-day = { $hour }:{ $minute }

## The printed handout for a personal space (given at the desk, in the person's language)

handout-title = Kişisel alanınız
handout-text = Bu bağlantıyı telefonunuzda açın ya da kare kodu kamerayla tarayın. Sonra aşağıdaki kodu girin. Bu kâğıdı güvenli bir yerde saklayın ve kimseye vermeyin.
handout-code-label = Kodunuz

## The access report: grouped lines, and what the person did themselves

# A date without the time; { $day } is a number.
date-only = { $day } { $month } { $year }
# Several reads of the same thing by the same person within the hour. { $day } is a date (date-only), { $from } and { $to } times of day (time-of-day), { $count } is 2 or more.
report-group = { $day } · { $who }: { $what } ({ $from } ile { $to } arasında { $count } kez)
report-group-at = { $day } · { $who }: { $what } ({ $from } saatinde { $count } kez)
# A line of what the person did themselves; { $what } is one of the "you-…" sentences below.
report-line-you = { $when } · { $what }
report-group-you = { $day } · { $what } ({ $from } ile { $to } arasında { $count } kez)
report-group-you-at = { $day } · { $what } ({ $from } saatinde { $count } kez)
you-case-view = Dosyanıza baktınız
you-space-open = Alanınızı açtınız
you-document-read = Şu belgeyi indirdiniz: { $doc }
you-share-create = Avukatınız için bir bağlantı oluşturdunuz
you-space-passcode-failed = Bağlantınızda yanlış bir kod girildi
you-space-locked = Çok fazla yanlış kod girildiği için alanınız kilitlendi
# A document that was never kept (a refused upload).
unnamed-document = bir belge
report-older = Daha eski
report-newer = Daha yeni
report-page = Sayfa { $page } / { $pages }
