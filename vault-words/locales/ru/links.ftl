# The pages that beneficiaries and lawyers see: upload links and their receipt, the
# personal space and its access report, share links, the "no longer valid" page.
# Keep sentences whole: every { $variable } is filled by the server. Plurals use Fluent's
# selectors ([one], [other], and the language's own categories).

## The language picker

# This language's name, in its own script.
language-name = Русский
language-picker = Язык

## A link that is dead, unknown or malformed

dead-title = Ссылка устарела или не найдена
dead-text = Такой ссылки нет, или она больше не действует: возможно, её срок истёк, её уже использовали столько раз, сколько было можно, или её отменили. Попросите новую ссылку у того, кто её вам прислал.
internal-error = У нас что-то пошло не так. Ничего не потеряно: попробуйте ещё раз через несколько минут.
log-unavailable = Сейчас хранилище не может записывать, кто и что открывал, поэтому ничего не показывает. Попробуйте позже.
too-many-requests = Слишком много запросов: попробуйте ещё раз через минуту.
busy = Сервер сейчас очень занят: попробуйте ещё раз через несколько секунд.

## Share link (for a lawyer)

share-title = Документы для вас
share-intro = Ассоциация юридической помощи прислала вам эти документы. Скачайте их, пока ссылка действует.
share-intro-named = Ассоциация { $association } прислала вам эти документы. Скачайте их, пока ссылка действует.
share-expires = Ссылка действует до { $when } ({ $days ->
    [0] сегодня
    [1] завтра
    [one] через { $days } день
    [few] через { $days } дня
    [many] через { $days } дней
   *[other] через { $days } дня
}).
share-downloads-left = { $count ->
    [one] Осталось { $count } скачивание (на все документы вместе).
    [few] Осталось { $count } скачивания (на все документы вместе).
    [many] Осталось { $count } скачиваний (на все документы вместе).
   *[other] Осталось { $count } скачивания (на все документы вместе).
}
share-message-title = Сообщение от ассоциации
download = Скачать
share-download-all = Скачать всё (один ZIP-архив, считается как одно скачивание)
share-recorded = Каждое открытие и каждое скачивание записывается в журнал доступа к делу.
share-nothing-left = По этой ссылке больше нет доступных документов.
share-sealed-title = Зашифровано для вашего ключа age
share-sealed-text = Ассоциация зашифровала эти документы для вашего собственного ключа age: каждый скачанный файл, как и ZIP-архив, — это файл .age, который открывает только ваша идентичность age. Одной ссылки недостаточно, чтобы их прочитать. Использованный ключ:
share-sealed-how = Откройте каждый файл своей идентичностью, например инструментом age:
passphrase-title = Секретная фраза
passphrase-text = Эта ссылка защищена секретной фразой, которую вам передали отдельно (SMS, телефон).
passphrase-label = Секретная фраза
passphrase-wrong = { $tries ->
    [one] Неверная секретная фраза. Осталась { $tries } попытка, потом ссылка будет заблокирована.
    [few] Неверная секретная фраза. Осталось { $tries } попытки, потом ссылка будет заблокирована.
    [many] Неверная секретная фраза. Осталось { $tries } попыток, потом ссылка будет заблокирована.
   *[other] Неверная секретная фраза. Осталось { $tries } попытки, потом ссылка будет заблокирована.
}
open = Открыть

## Upload link (for the person)

upload-title = Отправьте ваши документы
upload-intro = Сфотографируйте свои документы или выберите файлы. Сразу после получения они закрываются на замок (шифруются): прочитать их может только ассоциация, а вы здесь больше не сможете их посмотреть.
upload-limits = { $files ->
    [one] По этой ссылке можно отправить ещё { $files } файл (всего не больше { $size }) до { $when }.
    [few] По этой ссылке можно отправить ещё { $files } файла (всего не больше { $size }) до { $when }.
    [many] По этой ссылке можно отправить ещё { $files } файлов (всего не больше { $size }) до { $when }.
   *[other] По этой ссылке можно отправить ещё { $files } файла (всего не больше { $size }) до { $when }.
}
upload-camera-label = Сделать фото
upload-files-label = Выбрать файлы (фото, PDF)
send = Отправить
nothing-chosen = Файл не выбран.
receipt-title = Подтверждение получения
receipt-intro = Эти файлы получены и закрыты на замок (зашифрованы). Сохраните эту страницу: цифровой отпечаток (BLAKE3) доказывает, что именно вы отправили.
receipt-name = Файл
receipt-size = Размер
receipt-hash = Отпечаток BLAKE3
refused-title = Файлы не приняты (от них ничего не сохранено)
refused-too-large = слишком большой для этой ссылки
refused-full = эта ссылка больше не принимает файлы
upload-too-much = Вместе эти файлы превышают то, что ещё принимает эта ссылка (указано выше). Ничего не сохранено: выберите меньше файлов или файлы поменьше.
refused-invalid = файл не принят
refused-failed = не удалось отправить, попробуйте ещё раз
refused-hidden-name = имя не принято: в нём есть невидимые знаки или знаки, которые меняют направление текста, и его можно спутать с другим; переименуйте файл
refused-not-utf8 = имя не принято: оно не в кодировке UTF-8; переименуйте файл

## Personal space (for the person)

space-title = Ваш личный кабинет
space-intro = Введите код, который ассоциация дала вам вместе с этой ссылкой (8 букв и цифр, например K7PM-4RXT).
space-code-label = Код
space-wrong = { $tries ->
    [one] Неверный код. Осталась { $tries } попытка, потом личный кабинет будет заблокирован.
    [few] Неверный код. Осталось { $tries } попытки, потом личный кабинет будет заблокирован.
    [many] Неверный код. Осталось { $tries } попыток, потом личный кабинет будет заблокирован.
   *[other] Неверный код. Осталось { $tries } попытки, потом личный кабинет будет заблокирован.
}
space-home-title = Ваше дело
space-docs-title = Ваши документы
space-no-docs = Документов пока нет.
space-document = { $kind }, { $size }
space-share-title = Отправить документы вашему адвокату
space-share-text = Выберите документы: вы получите ссылку, которую нужно отправить адвокату. Она действует 7 дней, и по ней можно скачать документы 5 раз.
space-share-docs = Документы для отправки
space-share-label = Имя вашего адвоката (необязательно)
space-share-create = Создать ссылку
space-link-once = Скопируйте эту ссылку сейчас и отправьте её адвокату: больше она показана не будет.
space-link-label = Ссылка для вашего адвоката
space-copy = Скопировать ссылку
space-access-title = Кто смотрел ваше дело
space-access-note = Всё, что делали с вашим делом, сначала самое новое (по парижскому времени). Вы имеете право это знать.
space-leave = Выйти из личного кабинета
space-expired = Эта страница устарела: снова откройте свою ссылку и введите код.

## Who did something, in the access report

who-you = Вы
who-lawyer = Адвокат, по ссылке на документы
who-upload = Ссылка для отправки документов
who-system = Система
who-association = Ассоциация ({ $name })
deleted-document = (удалённый документ)

## One line of the access report: when, who, what

report-line = { $when } · { $who }: { $what }
report-line-refused = { $when } · { $who }: { $what } (отказано или ошибка)

## What was done (the "what" of a report line; { $doc } is a file name)

action-case-create = открытие дела
action-case-view = просмотр дела
action-case-list = показ имени в списке дел
action-case-index = чтение имени для поискового индекса (без показа)
action-bundle-export = выгрузка пакета доказательств для адвоката или суда (документы и их история)
action-case-update = изменение профиля
action-case-close = закрытие дела
action-case-reopen = повторное открытие дела
action-case-report = просмотр этого журнала
action-case-erase = полное удаление дела
action-case-contact = контакт отмечен
action-case-hold = хранение продлено после окончания срока
action-retention-due = просмотрено в списке дел, близких к удалению
action-retention-erase = удалено по окончании срока хранения
action-document-add = добавление { $doc }
action-document-version = добавление новой версии { $doc }
action-document-list = просмотр списка документов
action-document-history = просмотр истории { $doc }
action-document-read = скачивание { $doc }
action-document-verify = проверка { $doc }
action-document-delete = удаление { $doc }
action-document-reclassify = изменение типа { $doc }
action-document-export-key = выгрузка ключа { $doc }
action-share-create = создание ссылки на документы
action-share-list = просмотр ссылок на документы
action-share-open = открытие страницы ссылки на документы
action-share-download = скачивание { $doc }
action-share-passphrase-failed = ввод неверной секретной фразы
action-share-locked = блокировка ссылки на документы (слишком много попыток)
action-share-revoke = отмена ссылки на документы
action-share-expire = истечение срока ссылки на документы (её ключи уничтожены)
action-upload-create = создание ссылки для отправки
action-upload-list = просмотр ссылок для отправки
action-upload-open = открытие страницы отправки
action-upload-revoke = отмена ссылки для отправки
action-space-create = создание личного кабинета
action-space-list = просмотр личных кабинетов
action-space-open = вход в личный кабинет
action-space-passcode-failed = ввод неверного кода
action-space-locked = блокировка личного кабинета (слишком много попыток)
action-space-revoke = закрытие личного кабинета
action-space-expire = истечение срока личного кабинета (его ключ уничтожен)
action-other = другое действие ({ $code })

## Kinds of documents

kind-identity = удостоверение личности
kind-appeal = жалоба
kind-evidence = доказательство
kind-other = другое

## Sizes ({ $n } is already written with this language's decimal mark)

decimal-mark = ,
size-bytes = { $n } байт
size-kb = { $n } КБ
size-mb = { $n } МБ
size-gb = { $n } ГБ

## Dates and times, in Paris time

month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря
# { $day } and { $year } are numbers, { $month } one of the names above, { $time } the time-of-day below.
date-time = { $day } { $month } { $year } г., { $time }
# { $hour } is 0 to 23, { $minute } two digits.
time-of-day = { $hour }:{ $minute }

## The printed handout for a personal space (given at the desk, in the person's language)

handout-title = Ваш личный кабинет
handout-text = Откройте эту ссылку на телефоне или отсканируйте камерой квадратный код. Затем введите код, указанный ниже. Храните этот листок в надёжном месте и никому его не отдавайте.
handout-code-label = Ваш код

## The access report: grouped lines, and what the person did themselves

# A date without the time; { $day } is a number.
date-only = { $day } { $month } { $year } г.
# Several reads of the same thing by the same person within the hour. { $day } is a date (date-only), { $from } and { $to } times of day (time-of-day), { $count } is 2 or more.
report-group = { $day } · { $who }: { $what } ({ $count ->
    [one] { $count } раз
    [few] { $count } раза
    [many] { $count } раз
   *[other] { $count } раза
} с { $from } до { $to })
report-group-at = { $day } · { $who }: { $what } ({ $count ->
    [one] { $count } раз
    [few] { $count } раза
    [many] { $count } раз
   *[other] { $count } раза
} в { $from })
# A line of what the person did themselves; { $what } is one of the "you-…" sentences below.
report-line-you = { $when } · { $what }
report-group-you = { $day } · { $what } { $count ->
    [one] { $count } раз
    [few] { $count } раза
    [many] { $count } раз
   *[other] { $count } раза
} с { $from } до { $to }
report-group-you-at = { $day } · { $what } { $count ->
    [one] { $count } раз
    [few] { $count } раза
    [many] { $count } раз
   *[other] { $count } раза
} в { $from }
you-case-view = Вы посмотрели своё дело
you-space-open = Вы вошли в свой личный кабинет
you-document-read = Вы скачали { $doc }
you-share-create = Вы создали ссылку для своего адвоката
you-space-passcode-failed = По вашей ссылке ввели неверный код
you-space-locked = Ваш личный кабинет заблокирован: слишком много неверных кодов
# A document that was never kept (a refused upload).
unnamed-document = (документ без названия)
report-older = Более старые
report-newer = Более новые
report-page = Страница { $page } из { $pages }
