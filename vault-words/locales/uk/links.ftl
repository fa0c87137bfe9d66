# The pages that beneficiaries and lawyers see: upload links and their receipt, the
# personal space and its access report, share links, the "no longer valid" page.
# Keep sentences whole: every { $variable } is filled by the server. Plurals use Fluent's
# selectors ([one], [other], and the language's own categories).

## The language picker

# This language's name, in its own script.
language-name = Українська
language-picker = Мова

## A link that is dead, unknown or malformed

dead-title = Посилання застаріло або не знайдено
dead-text = Такого посилання немає, або воно більше не діє: можливо, його строк минув, його вже використали стільки разів, скільки було можна, або його скасували. Попросіть нове посилання в того, хто вам його надіслав.
internal-error = У нас щось пішло не так. Нічого не втрачено: спробуйте ще раз за кілька хвилин.
log-unavailable = Зараз сховище не може записувати, хто що відкривав, тому нічого не показує. Спробуйте пізніше.
too-many-requests = Забагато запитів: спробуйте ще раз за хвилину.
busy = Сервер зараз дуже завантажений: спробуйте ще раз за кілька секунд.

## Share link (for a lawyer)

share-title = Документи для вас
share-intro = Асоціація правової допомоги надіслала вам ці документи. Завантажте їх, поки посилання діє.
share-intro-named = Асоціація { $association } надіслала вам ці документи. Завантажте їх, поки посилання діє.
share-expires = Посилання діє до { $when } ({ $days ->
    [0] сьогодні
    [1] завтра
    [one] за { $days } день
    [few] за { $days } дні
    [many] за { $days } днів
   *[other] за { $days } дня
}).
share-downloads-left = { $count ->
    [one] Залишилося { $count } завантаження (для всіх документів разом).
    [few] Залишилося { $count } завантаження (для всіх документів разом).
    [many] Залишилося { $count } завантажень (для всіх документів разом).
   *[other] Залишилося { $count } завантаження (для всіх документів разом).
}
share-message-title = Повідомлення від асоціації
download = Завантажити
share-download-all = Завантажити все (один ZIP-архів, зараховується як одне завантаження)
share-recorded = Кожне відкриття і кожне завантаження записується в журнал доступу до справи.
share-nothing-left = За цим посиланням більше немає доступних документів.
share-sealed-title = Зашифровано для вашого ключа age
share-sealed-text = Асоціація зашифрувала ці документи для вашого власного ключа age: кожен завантажений файл, як і ZIP-архів, — це файл .age, який відкриває лише ваша ідентичність age. Самого посилання недостатньо, щоб їх прочитати. Використаний ключ:
share-sealed-how = Відкрийте кожен файл своєю ідентичністю, наприклад інструментом age:
passphrase-title = Секретна фраза
passphrase-text = Це посилання захищене секретною фразою, яку вам передали окремо (SMS, телефон).
passphrase-label = Секретна фраза
passphrase-wrong = { $tries ->
    [one] Неправильна секретна фраза. Залишилася { $tries } спроба, потім посилання буде заблоковано.
    [few] Неправильна секретна фраза. Залишилося { $tries } спроби, потім посилання буде заблоковано.
    [many] Неправильна секретна фраза. Залишилося { $tries } спроб, потім посилання буде заблоковано.
   *[other] Неправильна секретна фраза. Залишилося { $tries } спроби, потім посилання буде заблоковано.
}
open = Відкрити

## Upload link (for the person)

upload-title = Надішліть ваші документи
upload-intro = Сфотографуйте свої документи або виберіть файли. Одразу після отримання вони закриваються на замок (шифруються): прочитати їх може тільки асоціація, а ви тут більше не зможете їх переглянути.
upload-limits = { $files ->
    [one] За цим посиланням можна надіслати ще { $files } файл (усього не більше { $size }) до { $when }.
    [few] За цим посиланням можна надіслати ще { $files } файли (усього не більше { $size }) до { $when }.
    [many] За цим посиланням можна надіслати ще { $files } файлів (усього не більше { $size }) до { $when }.
   *[other] За цим посиланням можна надіслати ще { $files } файлу (усього не більше { $size }) до { $when }.
}
upload-camera-label = Зробити фото
upload-files-label = Вибрати файли (фото, PDF)
send = Надіслати
nothing-chosen = Файл не вибрано.
receipt-title = Підтвердження отримання
receipt-intro = Ці файли отримано й закрито на замок (зашифровано). Збережіть цю сторінку: цифровий відбиток (BLAKE3) доводить, що саме ви надіслали.
receipt-name = Файл
receipt-size = Розмір
receipt-hash = Відбиток BLAKE3
refused-title = Файли не прийнято (з них нічого не збережено)
refused-too-large = завеликий для цього посилання
refused-full = це посилання більше не приймає файлів
upload-too-much = Разом ці файли перевищують те, що ще приймає це посилання (вказано вище). Нічого не збережено: виберіть менше файлів або менші файли.
refused-invalid = файл не прийнято
refused-failed = не вдалося надіслати, спробуйте ще раз
refused-hidden-name = назву не прийнято: у ній є невидимі символи або символи, що змінюють напрямок тексту, і її можна сплутати з іншою; перейменуйте файл
refused-not-utf8 = назву не прийнято: вона не в кодуванні UTF-8; перейменуйте файл

## Personal space (for the person)

space-title = Ваш особистий кабінет
space-intro = Введіть код, який асоціація дала вам разом із цим посиланням (8 літер і цифр, наприклад K7PM-4RXT).
space-code-label = Код
space-wrong = { $tries ->
    [one] Неправильний код. Залишилася { $tries } спроба, потім кабінет буде заблоковано.
    [few] Неправильний код. Залишилося { $tries } спроби, потім кабінет буде заблоковано.
    [many] Неправильний код. Залишилося { $tries } спроб, потім кабінет буде заблоковано.
   *[other] Неправильний код. Залишилося { $tries } спроби, потім кабінет буде заблоковано.
}
space-home-title = Ваша справа
space-docs-title = Ваші документи
space-no-docs = Документів поки немає.
space-document = { $kind }, { $size }
space-share-title = Надіслати документи вашому адвокатові
space-share-text = Виберіть документи: ви отримаєте посилання, яке треба надіслати адвокатові. Воно діє 7 днів, і за ним можна завантажити документи 5 разів.
space-share-docs = Документи для надсилання
space-share-label = Ім’я вашого адвоката (необов’язково)
space-share-create = Створити посилання
space-link-once = Скопіюйте це посилання зараз і надішліть його адвокатові: більше його не буде показано.
space-link-label = Посилання для вашого адвоката
space-copy = Скопіювати посилання
space-access-title = Хто переглядав вашу справу
space-access-note = Усе, що робили з вашою справою, спочатку найновіше (за паризьким часом). Ви маєте право це знати.
space-leave = Вийти з кабінету
space-expired = Ця сторінка застаріла: знову відкрийте своє посилання і введіть код.

## Who did something, in the access report

who-you = Ви
who-lawyer = Адвокат, за посиланням на документи
who-upload = Посилання для надсилання документів
who-system = Система
who-association = Асоціація ({ $name })
deleted-document = (видалений документ)

## One line of the access report: when, who, what

report-line = { $when } · { $who }: { $what }
report-line-refused = { $when } · { $who }: { $what } (відмовлено або помилка)

## What was done (the "what" of a report line; { $doc } is a file name)

action-case-create = відкриття справи
action-case-view = перегляд справи
action-case-list = показ імені в списку справ
action-case-index = читання імені для пошукового індексу (без показу)
action-bundle-export = експорт набору доказів для адвоката або суду (документи та їхня історія)
action-case-update = зміна профілю
action-case-close = закриття справи
action-case-reopen = повторне відкриття справи
action-case-report = перегляд цього журналу
action-case-erase = повне видалення справи
action-case-contact = контакт зафіксовано
action-case-hold = зберігання продовжено після закінчення строку
action-retention-due = переглянуто у списку справ, близьких до видалення
action-retention-erase = видалено після закінчення строку зберігання
action-document-add = додавання { $doc }
action-document-version = додавання нової версії { $doc }
action-document-list = перегляд списку документів
action-document-history = перегляд історії { $doc }
action-document-read = завантаження { $doc }
action-document-verify = перевірка { $doc }
action-document-delete = видалення { $doc }
action-document-reclassify = зміна типу { $doc }
action-document-export-key = експорт ключа { $doc }
action-share-create = створення посилання на документи
action-share-list = перегляд посилань на документи
action-share-open = відкриття сторінки посилання на документи
action-share-download = завантаження { $doc }
action-share-passphrase-failed = введення неправильної секретної фрази
action-share-locked = блокування посилання на документи (забагато спроб)
action-share-revoke = скасування посилання на документи
action-share-expire = закінчення строку посилання на документи (його ключі знищено)
action-upload-create = створення посилання для надсилання
action-upload-list = перегляд посилань для надсилання
action-upload-open = відкриття сторінки надсилання
action-upload-revoke = скасування посилання для надсилання
action-space-create = створення особистого кабінету
action-space-list = перегляд особистих кабінетів
action-space-open = вхід в особистий кабінет
action-space-passcode-failed = введення неправильного коду
action-space-locked = блокування особистого кабінету (забагато спроб)
action-space-revoke = закриття особистого кабінету
action-space-expire = закінчення строку особистого кабінету (його ключ знищено)
action-other = інша дія ({ $code })

## Kinds of documents

kind-identity = посвідчення особи
kind-appeal = скарга
kind-evidence = доказ
kind-other = інше

## Sizes ({ $n } is already written with this language's decimal mark)

decimal-mark = ,
size-bytes = { $n } байт
size-kb = { $n } КБ
size-mb = { $n } МБ
size-gb = { $n } ГБ

## Dates and times, in Paris time

month-1 = січня
month-2 = лютого
month-3 = березня
month-4 = квітня
month-5 = травня
month-6 = червня
month-7 = липня
month-8 = серпня
month-9 = вересня
month-10 = жовтня
month-11 = листопада
month-12 = грудня
# { $day } and { $year } are numbers, { $month } one of the names above, { $time } the time-of-day below.
date-time = { $day } { $month } { $year } р., { $time }
# { $hour } is 0 to 23, { $minute } two digits.
time-of-day = { $hour }:{ $minute }

## The printed handout for a personal space (given at the desk, in the person's language)

handout-title = Ваш особистий кабінет
handout-text = Відкрийте це посилання на телефоні або відскануйте камерою квадратний код. Потім введіть код, вказаний нижче. Зберігайте цей аркуш у надійному місці й нікому його не віддавайте.
handout-code-label = Ваш код

## The access report: grouped lines, and what the person did themselves

# A date without the time; { $day } is a number.
date-only = { $day } { $month } { $year } р.
# Several reads of the same thing by the same person within the hour. { $day } is a date (date-only), { $from } and { $to } times of day (time-of-day), { $count } is 2 or more.
report-group = { $day } · { $who }: { $what } ({ $count ->
    [one] { $count } раз
    [few] { $count } рази
    [many] { $count } разів
   *[other] { $count } рази
} з { $from } до { $to })
report-group-at = { $day } · { $who }: { $what } ({ $count ->
    [one] { $count } раз
    [few] { $count } рази
    [many] { $count } разів
   *[other] { $count } рази
} о { $from })
# A line of what the person did themselves; { $what } is one of the "you-…" sentences below.
report-line-you = { $when } · { $what }
report-group-you = { $day } · { $what } { $count ->
    [one] { $count } раз
    [few] { $count } рази
    [many] { $count } разів
   *[other] { $count } рази
} з { $from } до { $to }
report-group-you-at = { $day } · { $what } { $count ->
    [one] { $count } раз
    [few] { $count } рази
    [many] { $count } разів
   *[other] { $count } рази
} о { $from }
you-case-view = Ви переглянули свою справу
you-space-open = Ви увійшли у свій особистий кабінет
you-document-read = Ви завантажили { $doc }
you-share-create = Ви створили посилання для свого адвоката
you-space-passcode-failed = За вашим посиланням ввели неправильний код
you-space-locked = Ваш особистий кабінет заблоковано: забагато неправильних кодів
# A document that was never kept (a refused upload).
unnamed-document = (документ без назви)
report-older = Старіші
report-newer = Новіші
report-page = Сторінка { $page } з { $pages }
