# The pages that beneficiaries and lawyers see: upload links and their receipt, the
# personal space and its access report, share links, the "no longer valid" page.
# Keep sentences whole: every { $variable } is filled by the server. Plurals use Fluent's
# selectors ([one], [other], and the language's own categories).

## The language picker

# This language's name, in its own script.
language-name = Español
language-picker = Idioma

## A link that is dead, unknown or malformed

dead-title = Enlace vencido o desconocido
dead-text = Este enlace no existe o ya no es válido: puede haber vencido, haberse usado todas las veces permitidas o haber sido anulado. Pida uno nuevo a la persona que se lo envió.
internal-error = Algo salió mal de nuestro lado. No se perdió nada: vuelva a intentarlo en unos minutos.
log-unavailable = La caja fuerte no puede registrar los accesos en este momento, por eso no muestra nada. Vuelva a intentarlo más tarde.
too-many-requests = Demasiadas solicitudes: vuelva a intentarlo en un minuto.
busy = El servidor está muy ocupado: vuelva a intentarlo en unos segundos.

## Share link (for a lawyer)

share-title = Documentos compartidos con usted
share-intro = Una asociación de ayuda legal le envió estos documentos. Descárguelos antes de que venza el enlace.
share-intro-named = La asociación { $association } le envió estos documentos. Descárguelos antes de que venza el enlace.
share-expires = Este enlace vence el { $when } ({ $days ->
    [0] hoy
    [1] mañana
   *[other] dentro de { $days } días
}).
share-downloads-left = { $count ->
    [one] Queda una descarga (para todos los documentos juntos).
   *[other] Quedan { $count } descargas (para todos los documentos juntos).
}
share-message-title = Mensaje de la asociación
download = Descargar
share-download-all = Descargar todo (un archivo ZIP, cuenta como una descarga)
share-recorded = Cada apertura y cada descarga queda anotada en el registro de accesos del caso.
share-nothing-left = Ya no hay ningún documento disponible en este enlace.
share-sealed-title = Cifrados para su clave age
share-sealed-text = La asociación cifró estos documentos para su propia clave age: cada archivo descargado, y también el archivo ZIP, es un archivo .age que solo abre su identidad age. El enlace por sí solo no basta para leerlos. Clave utilizada:
share-sealed-how = Abra cada archivo con su identidad, por ejemplo con la herramienta age:
passphrase-title = Frase secreta
passphrase-text = Este enlace está protegido con una frase secreta, enviada por separado (mensaje de texto, teléfono).
passphrase-label = Frase secreta
passphrase-wrong = { $tries ->
    [one] Frase secreta incorrecta. Le queda un intento antes de que se bloquee el enlace.
   *[other] Frase secreta incorrecta. Le quedan { $tries } intentos antes de que se bloquee el enlace.
}
open = Abrir

## Upload link (for the person)

upload-title = Envíe sus documentos
upload-intro = Tome fotos de sus papeles o elija archivos. Se bloquean (se cifran) apenas llegan: solo la asociación puede leerlos, y usted no podrá volver a verlos aquí.
upload-limits = { $files ->
    [one] Este enlace todavía acepta un archivo ({ $size } como máximo), hasta el { $when }.
   *[other] Este enlace todavía acepta { $files } archivos ({ $size } como máximo en total), hasta el { $when }.
}
upload-camera-label = Tomar una foto
upload-files-label = Elegir archivos (fotos, PDF)
send = Enviar
nothing-chosen = No se eligió ningún archivo.
receipt-title = Comprobante
receipt-intro = Estos archivos se recibieron y se bloquearon (se cifraron). Guarde esta página: la huella (BLAKE3) prueba lo que usted envió.
receipt-name = Archivo
receipt-size = Tamaño
receipt-hash = Huella BLAKE3
refused-title = Archivos rechazados (no se guardó nada de ellos)
refused-too-large = demasiado grande para este enlace
refused-full = este enlace ya no acepta más archivos
upload-too-much = Juntos, estos archivos superan lo que este enlace todavía acepta (indicado más arriba). No se guardó nada: elija menos archivos o archivos más pequeños.
refused-invalid = archivo rechazado
refused-failed = el envío falló, vuelva a intentarlo
refused-hidden-name = nombre rechazado: tiene caracteres invisibles o caracteres que cambian la dirección del texto, y podría confundirse con otro; cambie el nombre del archivo
refused-not-utf8 = nombre rechazado: no está en UTF-8; cambie el nombre del archivo

## Personal space (for the person)

space-title = Su espacio personal
space-intro = Escriba el código que la asociación le dio junto con este enlace (8 letras y números, por ejemplo K7PM-4RXT).
space-code-label = Código
space-wrong = { $tries ->
    [one] Código incorrecto. Le queda un intento antes de que se bloquee el espacio.
   *[other] Código incorrecto. Le quedan { $tries } intentos antes de que se bloquee el espacio.
}
space-home-title = Su caso
space-docs-title = Sus documentos
space-no-docs = Todavía no hay ningún documento.
space-document = { $kind }, { $size }
space-share-title = Enviar documentos a su abogado
space-share-text = Elija los documentos: recibirá un enlace para enviarlo a su abogado. Sirve durante 7 días y para 5 descargas.
space-share-docs = Documentos para enviar
space-share-label = Nombre de su abogado (opcional)
space-share-create = Crear el enlace
space-link-once = Copie este enlace ahora y envíelo a su abogado: no se volverá a mostrar.
space-link-label = Enlace para su abogado
space-copy = Copiar el enlace
space-access-title = Quién vio su caso
space-access-note = Todo lo que se hizo con su caso, de lo más reciente a lo más antiguo (hora de París). Usted tiene derecho a saberlo.
space-leave = Cerrar mi espacio
space-expired = Esta página venció: abra de nuevo su enlace y escriba su código.

## Who did something, in the access report

who-you = Usted
who-lawyer = Un abogado, mediante un enlace para compartir
who-upload = Un enlace de envío
who-system = El sistema
who-association = La asociación ({ $name })
deleted-document = un documento eliminado

## One line of the access report: when, who, what

report-line = { $when } · { $who }: { $what }
report-line-refused = { $when } · { $who }: { $what } (rechazado o fallido)

## What was done (the "what" of a report line; { $doc } is a file name)

action-case-create = caso abierto
action-case-view = caso consultado
action-case-list = nombre visto en la lista de casos
action-case-index = nombre leído para el índice de búsqueda (sin mostrarse)
action-bundle-export = expediente de pruebas exportado para un abogado o un tribunal (documentos y su historial)
action-case-update = perfil modificado
action-case-close = caso cerrado
action-case-reopen = caso reabierto
action-case-report = este informe consultado
action-case-erase = caso borrado
action-case-contact = contacto registrado
action-case-hold = conservado más allá de su plazo de conservación
action-retention-due = visto en la lista de casos próximos a su borrado
action-retention-erase = borrado al final de su plazo de conservación
action-document-add = { $doc } agregado
action-document-version = nueva versión de { $doc } agregada
action-document-list = lista de documentos consultada
action-document-history = historial de { $doc } consultado
action-document-read = { $doc } descargado
action-document-verify = { $doc } verificado
action-document-delete = { $doc } eliminado
action-document-reclassify = tipo de { $doc } cambiado
action-document-export-key = clave de { $doc } exportada
action-share-create = enlace para compartir creado
action-share-list = enlaces para compartir consultados
action-share-open = página del enlace para compartir abierta
action-share-download = { $doc } descargado
action-share-passphrase-failed = frase secreta incorrecta
action-share-locked = enlace para compartir bloqueado (demasiados intentos)
action-share-revoke = enlace para compartir anulado
action-share-expire = enlace para compartir vencido (sus claves destruidas)
action-upload-create = enlace de envío creado
action-upload-list = enlaces de envío consultados
action-upload-open = página de envío abierta
action-upload-revoke = enlace de envío anulado
action-space-create = espacio personal creado
action-space-list = espacios personales consultados
action-space-open = espacio personal abierto
action-space-passcode-failed = código incorrecto
action-space-locked = espacio personal bloqueado (demasiados intentos)
action-space-revoke = espacio personal cerrado
action-space-expire = espacio personal vencido (su clave destruida)
action-other = otra acción ({ $code })

## Kinds of documents

kind-identity = documento de identidad
kind-appeal = apelación
kind-evidence = prueba
kind-other = otro

## Sizes ({ $n } is already written with this language's decimal mark)

decimal-mark = ,
size-bytes = { $n } bytes
size-kb = { $n } KB
size-mb = { $n } MB
size-gb = { $n } GB

## Dates and times, in Paris time

month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
# { $day } and { $year } are numbers, { $month } one of the names above, { $time } the time-of-day below.
date-time = { $day } de { $month } de { $year }, { $time }
# { $hour } is 0 to 23, { $minute } two digits.
time-of-day = { $hour }:{ $minute }

## The printed handout for a personal space (given at the desk, in the person's language)

handout-title = Su espacio personal
handout-text = Abra este enlace en su teléfono, o escanee el código cuadrado con la cámara. Después escriba el código de abajo. Guarde este papel en un lugar seguro y no se lo dé a nadie.
handout-code-label = Su código

## The access report: grouped lines, and what the person did themselves

# A date without the time; { $day } is a number.
date-only = { $day } de { $month } de { $year }
# Several reads of the same thing by the same person within the hour. { $day } is a date (date-only), { $from } and { $to } times of day (time-of-day), { $count } is 2 or more.
report-group = { $day } · { $who }: { $what } ({ $count } veces entre { $from } y { $to })
report-group-at = { $day } · { $who }: { $what } ({ $count } veces a las { $from })
# A line of what the person did themselves; { $what } is one of the "you-…" sentences below.
report-line-you = { $when } · { $what }
report-group-you = { $day } · { $what } { $count } veces entre { $from } y { $to }
report-group-you-at = { $day } · { $what } { $count } veces a las { $from }
you-case-view = Usted vio su caso
you-space-open = Usted abrió su espacio
you-document-read = Usted descargó { $doc }
you-share-create = Usted creó un enlace para su abogado
you-space-passcode-failed = Se escribió un código incorrecto en su enlace
you-space-locked = Su espacio se bloqueó por demasiados códigos incorrectos
# A document that was never kept (a refused upload).
unnamed-document = un documento
report-older = Más antiguos
report-newer = Más recientes
report-page = Página { $page } de { $pages }
