# Les pages que voient les personnes accompagnées et leurs avocats : liens de dépôt et leur
# reçu, espace personnel et son journal des accès, liens de partage, page « lien expiré ».
# Gardez les phrases entières : chaque { $variable } est remplie par le serveur. Les
# pluriels passent par les sélecteurs de Fluent ([one], [other]…).

## Le choix de la langue

# Le nom de cette langue, dans son écriture.
language-name = Français
language-picker = Langue

## Un lien expiré, inconnu ou mal formé

dead-title = Lien expiré ou inconnu
dead-text = Ce lien n'existe pas ou n'est plus valable : il a peut-être expiré, été utilisé le nombre de fois prévu ou été révoqué. Demandez un nouveau lien à la personne qui vous l'a envoyé.
internal-error = Un problème est survenu de notre côté. Rien n'est perdu : réessayez dans quelques minutes.
log-unavailable = Le coffre ne peut pas enregistrer les accès en ce moment, il ne montre donc rien. Réessayez plus tard.
too-many-requests = Trop de demandes : réessayez dans une minute.
busy = Le serveur est très occupé : réessayez dans quelques secondes.

## Lien de partage (pour un avocat)

share-title = Documents partagés avec vous
share-intro = Une association d'aide juridique vous a envoyé ces documents. Téléchargez-les avant l'expiration du lien.
share-intro-named = L'association { $association } vous a envoyé ces documents. Téléchargez-les avant l'expiration du lien.
share-expires = Ce lien expire le { $when } ({ $days ->
    [0] aujourd'hui
    [1] demain
   *[other] dans { $days } jours
}).
share-downloads-left = { $count ->
    [one] Un téléchargement restant (tous documents confondus).
   *[other] { $count } téléchargements restants (tous documents confondus).
}
share-message-title = Message de l'association
download = Télécharger
share-download-all = Tout télécharger (une archive ZIP, compte pour un téléchargement)
share-recorded = Chaque ouverture et chaque téléchargement sont enregistrés dans le journal du dossier.
share-nothing-left = Aucun document n'est plus disponible par ce lien.
share-sealed-title = Chiffrés pour votre clé age
share-sealed-text = L'association a chiffré ces documents pour votre propre clé age : chaque fichier téléchargé, et l'archive ZIP, est un fichier .age que seule votre identité age ouvre. Le lien seul ne suffit pas à les lire. Clé utilisée :
share-sealed-how = Ouvrez chaque fichier avec votre identité, par exemple avec l'outil age :
passphrase-title = Phrase secrète
passphrase-text = Ce lien est protégé par une phrase secrète, transmise séparément (SMS, téléphone).
passphrase-label = Phrase secrète
passphrase-wrong = { $tries ->
    [one] Phrase secrète erronée. Encore un essai avant le blocage du lien.
   *[other] Phrase secrète erronée. Encore { $tries } essais avant le blocage du lien.
}
open = Ouvrir

## Lien de dépôt (pour la personne)

upload-title = Envoyez vos documents
upload-intro = Prenez vos papiers en photo ou choisissez des fichiers. Ils sont verrouillés (chiffrés) dès leur arrivée : seule l'association peut les lire, et vous ne pourrez pas les revoir ici.
upload-limits = { $files ->
    [one] Ce lien accepte encore un fichier (jusqu'à { $size }), jusqu'au { $when }.
   *[other] Ce lien accepte encore { $files } fichiers (jusqu'à { $size } en tout), jusqu'au { $when }.
}
upload-camera-label = Prendre une photo
upload-files-label = Choisir des fichiers (photos, PDF)
send = Envoyer
nothing-chosen = Aucun fichier choisi.
receipt-title = Reçu
receipt-intro = Ces fichiers ont été reçus et verrouillés (chiffrés). Gardez cette page : l'empreinte (BLAKE3) prouve ce que vous avez envoyé.
receipt-name = Fichier
receipt-size = Taille
receipt-hash = Empreinte BLAKE3
refused-title = Fichiers refusés (rien n'en a été gardé)
refused-too-large = trop volumineux pour ce lien
refused-full = ce lien n'accepte plus de fichiers
upload-too-much = Ensemble, ces fichiers dépassent ce que ce lien accepte encore (indiqué plus haut). Rien n'a été enregistré : choisissez-en moins ou de plus petits.
refused-invalid = fichier refusé
refused-failed = l'envoi a échoué, réessayez
refused-hidden-name = nom refusé : il contient des caractères invisibles ou qui changent le sens du texte, et pourrait passer pour un autre ; renommez le fichier
refused-not-utf8 = nom refusé : il n'est pas en UTF-8 ; renommez le fichier

## Espace personnel (pour la personne)

space-title = Votre espace personnel
space-intro = Entrez le code que l'association vous a donné avec ce lien (8 lettres et chiffres, par exemple K7PM-4RXT).
space-code-label = Code
space-wrong = { $tries ->
    [one] Code erroné. Encore un essai avant le blocage de l'espace.
   *[other] Code erroné. Encore { $tries } essais avant le blocage de l'espace.
}
space-home-title = Votre dossier
space-docs-title = Vos documents
space-no-docs = Aucun document pour l'instant.
space-document = { $kind }, { $size }
space-share-title = Envoyer des documents à votre avocat
space-share-text = Choisissez les documents : vous obtiendrez un lien à envoyer à votre avocat. Il marche 7 jours et 5 téléchargements.
space-share-docs = Documents à envoyer
space-share-label = Nom de votre avocat (facultatif)
space-share-create = Créer le lien
space-link-once = Copiez ce lien maintenant et envoyez-le à votre avocat : il ne sera plus affiché.
space-link-label = Lien pour votre avocat
space-copy = Copier le lien
space-access-title = Qui a consulté votre dossier
space-access-note = Tout ce qui a été fait sur votre dossier, du plus récent au plus ancien (heure de Paris). Vous avez le droit de le savoir.
space-leave = Fermer mon espace
space-expired = Cette page a expiré : rouvrez votre lien et entrez votre code.

## Qui a fait quelque chose, dans le journal des accès

who-you = Vous
who-lawyer = Un·e avocat·e, par un lien de partage
who-upload = Un lien de dépôt
who-system = Le système
who-association = L'association ({ $name })
deleted-document = un document supprimé

## Une ligne du journal des accès : quand, qui, quoi

report-line = { $when } · { $who } : { $what }
report-line-refused = { $when } · { $who } : { $what } (refusé ou échoué)

## Ce qui a été fait (le « quoi » d'une ligne ; { $doc } est un nom de fichier)

action-case-create = dossier ouvert
action-case-view = dossier consulté
action-case-list = nom vu dans la liste des dossiers
action-case-index = nom lu pour l'index de recherche (sans être affiché)
action-bundle-export = dossier de preuves exporté pour un·e avocat·e ou un tribunal (documents et leur historique)
action-case-update = profil modifié
action-case-close = dossier clos
action-case-reopen = dossier rouvert
action-case-report = ce journal consulté
action-case-erase = dossier effacé
action-case-contact = contact enregistré
action-case-hold = conservé au-delà de sa durée de conservation
action-retention-due = vu dans la liste des dossiers proches de leur effacement
action-retention-erase = effacé au terme de sa durée de conservation
action-document-add = { $doc } ajouté
action-document-version = nouvelle version de { $doc } ajoutée
action-document-list = liste des documents consultée
action-document-history = historique de { $doc } consulté
action-document-read = { $doc } téléchargé
action-document-verify = { $doc } vérifié
action-document-delete = { $doc } supprimé
action-document-reclassify = type de { $doc } changé
action-document-export-key = clé de { $doc } exportée
action-share-create = lien de partage créé
action-share-list = liens de partage consultés
action-share-open = page du lien de partage ouverte
action-share-download = { $doc } téléchargé
action-share-passphrase-failed = phrase secrète erronée
action-share-locked = lien de partage bloqué (trop d'essais)
action-share-revoke = lien de partage révoqué
action-share-expire = lien de partage expiré (clés détruites)
action-upload-create = lien de dépôt créé
action-upload-list = liens de dépôt consultés
action-upload-open = page de dépôt ouverte
action-upload-revoke = lien de dépôt révoqué
action-space-create = espace personnel créé
action-space-list = espaces personnels consultés
action-space-open = espace personnel ouvert
action-space-passcode-failed = code erroné
action-space-locked = espace personnel bloqué (trop d'essais)
action-space-revoke = espace personnel fermé
action-space-expire = espace personnel expiré (clé détruite)
action-other = autre action ({ $code })

## Types de documents

kind-identity = pièce d'identité
kind-appeal = recours
kind-evidence = preuve
kind-other = autre

## Tailles ({ $n } est déjà écrit avec la virgule de cette langue)

decimal-mark = ,
size-bytes = { $n } octets
size-kb = { $n } Ko
size-mb = { $n } Mo
size-gb = { $n } Go

## Dates et heures, heure de Paris

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
# { $day } et { $year } sont des nombres, { $month } un des noms ci-dessus, { $time } l'heure ci-dessous.
date-time = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year } à { $time }
# { $hour } va de 0 à 23, { $minute } a deux chiffres.
time-of-day = { $hour } h { $minute }

## La feuille remise pour un espace personnel (donnée à l'accueil, dans la langue de la personne)

handout-title = Votre espace personnel
handout-text = Ouvrez ce lien sur votre téléphone, ou scannez le code carré avec l'appareil photo. Entrez ensuite le code ci-dessous. Gardez cette feuille en lieu sûr et ne la donnez à personne.
handout-code-label = Votre code

## Le journal des accès : lignes regroupées, et ce que la personne a fait elle-même

# Une date sans l'heure ; { $day } est un nombre (le premier du mois s'écrit « 1er »).
date-only = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
# Plusieurs lectures de la même chose par la même personne dans l'heure. { $day } est une date (date-only), { $from } et { $to } des heures (time-of-day), { $count } vaut 2 ou plus.
report-group = { $day } · { $who } : { $what } ({ $count } fois entre { $from } et { $to })
report-group-at = { $day } · { $who } : { $what } ({ $count } fois à { $from })
# Une ligne de ce que la personne a fait elle-même ; { $what } est une phrase « you-… » ci-dessous.
report-line-you = { $when } · { $what }
report-group-you = { $day } · { $what } { $count } fois entre { $from } et { $to }
report-group-you-at = { $day } · { $what } { $count } fois à { $from }
you-case-view = Vous avez consulté votre dossier
you-space-open = Vous avez ouvert votre espace
you-document-read = Vous avez téléchargé { $doc }
you-share-create = Vous avez créé un lien pour votre avocat
you-space-passcode-failed = Un code erroné a été saisi sur votre lien
you-space-locked = Votre espace a été bloqué après trop de codes erronés
# Un document qui n'a jamais été enregistré (un envoi refusé).
unnamed-document = un document
report-older = Plus anciens
report-newer = Plus récents
report-page = Page { $page } sur { $pages }
