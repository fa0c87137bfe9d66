# Ce qui n'a pas marché, pour les pages des bénévoles, les messages de l'API et la commande
# `vault`. Un message par code d'erreur de vault-core (`Error::code`) ; les { $variables }
# sont les champs de l'erreur. Une traduction peut omettre une variable, jamais en ajouter.

error-not-a-vault = aucun coffre dans { $path } : créez-en un avec `vault init`, ou indiquez le bon --data-dir
error-already-exists = { $path } existe déjà et n'est pas vide : choisissez un autre dossier
error-newer-format = ce coffre est au format { $found }, ce programme lit jusqu'au format { $supported } : mettez le logiciel à jour avant de l'ouvrir
error-in-use = le coffre { $path } est utilisé par un autre processus (vault-server ou une autre commande `vault`) : arrêtez-le, ou passez par l'interface du serveur
error-damaged = le coffre est endommagé : { $what } ; restaurez-le depuis une sauvegarde (voir docs/operations.md)
error-bad-credentials = utilisateur inconnu ou mot de passe erroné
error-bad-recovery-key = cette clé de récupération n'appartient pas à ce coffre
error-denied = { $why ->
    [not-a-team-member] accès refusé : vous n'êtes pas membre de cette équipe
    [admins-sign-checkpoints] accès refusé : seuls les administrateurs signent les points de contrôle du journal
    [managers-create-teams] accès refusé : seuls les administrateurs et les coordinateurs créent des équipes
    [managers-erase-cases] accès refusé : seuls les administrateurs et les coordinateurs effacent des dossiers
    [managers-keep-cases] accès refusé : seuls les administrateurs et les coordinateurs voient les dossiers proches de leur échéance et les conservent plus longtemps
    [admins-set-retention] accès refusé : seuls les administrateurs fixent la durée de conservation d'une équipe
    [admins-take-backups] accès refusé : seuls les administrateurs font les sauvegardes
    [managers-list-users] accès refusé : seuls les administrateurs et les coordinateurs voient la liste des comptes
    [admin-disables-admin] accès refusé : seul un administrateur désactive un administrateur
    [admins-recover-accounts] accès refusé : seuls les administrateurs récupèrent des comptes
    [managers-manage-accounts] accès refusé : seuls les administrateurs et les coordinateurs gèrent les comptes et les équipes
    [managers-disable-accounts] accès refusé : seuls les administrateurs et les coordinateurs désactivent des comptes
    [managers-manage-members] accès refusé : seuls les administrateurs et les coordinateurs gèrent les membres des équipes
    [managers-read-the-log] accès refusé : seuls les administrateurs et les coordinateurs lisent tout le journal
    [roles-create-accounts] accès refusé : seuls les administrateurs créent des administrateurs et des coordinateurs ; les coordinateurs créent des bénévoles
   *[other] accès refusé : votre rôle ou vos équipes ne le permettent pas
}
error-not-found = { $kind ->
    [user] utilisateur introuvable : { $id }
    [team] équipe introuvable : { $id }
    [case] dossier introuvable : { $id }
    [document] document introuvable : { $id }
    [member] membre introuvable : { $id }
    [share-link] lien de partage introuvable : { $id }
    [upload-link] lien de dépôt introuvable : { $id }
    [space] espace personnel introuvable : { $id }
    [snapshot] sauvegarde introuvable : { $id }
    [backup-file] fichier de sauvegarde introuvable : { $id }
    [log-event] événement du journal introuvable : { $id }
   *[other] introuvable : { $id }
}
error-duplicate = { $kind ->
    [user] ce compte existe déjà : { $name }
    [team] cette équipe existe déjà : { $name }
    [member] déjà membre : { $name }
   *[other] existe déjà : { $name }
}
error-bad-name = { $field ->
    [file-name] nom de fichier
    [user-name] nom d'utilisateur
    [team-name] nom d'équipe
    [label] libellé
    [message] message
   *[other] nom
} refusé : { $problem ->
    [direction-control] il contient un caractère qui change le sens du texte ({ $char }), qui peut faire lire un nom pour un autre (photo.exe pour photo.jpg) ; renommez-le
    [invisible] il contient un caractère invisible ({ $char }) ; renommez-le
   *[other] vide ou fait seulement d'espaces
}
error-too-large = le document dépasse la limite de { $limit } : rien n'a été enregistré
error-link-unavailable = ce lien n'existe pas ou n'est plus valable
error-passphrase-required = ce lien demande sa phrase secrète
error-wrong-passphrase = { $tries ->
    [one] phrase secrète erronée : encore un essai avant le blocage du lien
   *[other] phrase secrète erronée : encore { $tries } essais avant le blocage du lien
}
error-link-full = ce lien de dépôt n'accepte plus de fichier
error-immutable = ce document est une preuve : il ne peut être ni remplacé, ni supprimé, ni reclassé
error-document-damaged = document endommagé : { $detail } ; restaurez le coffre depuis une sauvegarde
error-log-unavailable = le journal des accès ne peut pas être écrit : rien n'a été fait ni montré ; vérifiez le disque puis recommencez
error-busy = trop de documents sont en préparation en ce moment ; réessayez dans une minute
error-disk-full = disque plein : rien n'a été enregistré ; libérez de la place et recommencez
error-storage-unavailable = le stockage des documents { $store } ne répond pas ou a refusé l'opération : rien n'y a été enregistré ni lu ; vérifiez qu'il est joignable puis recommencez
error-io = erreur d'entrée/sortie
error-catalog = erreur du catalogue

# Saisie refusée : un message par règle (`Problem` de vault-core), `invalid-<code>`.
invalid-not-a-checkpoint = point de contrôle invalide : ce fichier n'est pas un point de contrôle signé du journal d'un coffre
invalid-log-index-past-end = position invalide dans le journal : elle n'est pas inférieure à sa taille
invalid-log-size-shrinks = taille de journal invalide : l'ancienne taille est plus grande que la nouvelle
invalid-log-size-past-end = taille de journal invalide : plus grande que le journal
invalid-team-name-like-id = nom d'équipe invalide : il ne doit pas ressembler à un identifiant d'équipe (32 caractères hexadécimaux)
invalid-last-member = le dernier membre d'une équipe ne peut pas être retiré : ajoutez-en un autre d'abord
invalid-id-prefix-short = identifiant invalide : donnez au moins 8 caractères hexadécimaux de l'identifiant
invalid-id-prefix-ambiguous = identifiant invalide : ce début correspond à plusieurs identifiants, donnez plus de caractères
invalid-id-format = identifiant invalide : 32 caractères hexadécimaux attendus
invalid-role = rôle invalide : admin, coordinator ou volunteer attendu
invalid-case-name-empty = le nom de la personne ne doit pas être vide
invalid-profile-field-long = fiche invalide : un champ dépasse 1000 octets
invalid-notes-long = notes invalides : plus de 100000 octets
invalid-birth-date = date de naissance invalide : AAAA-MM-JJ attendu
invalid-kind = type invalide : identity, appeal, evidence ou other attendu
invalid-kind-changed = le type du document a changé pendant l'envoi de la version : envoyez-la de nouveau
invalid-duration = durée invalide : un nombre suivi de m, h, d ou w attendu (par ex. 7d, 12h)
invalid-duration-zero = durée invalide : elle doit être de plus de zéro
invalid-size = taille invalide : un nombre suivi de B, KiB, MiB, GiB, KB, MB ou GB attendu (par ex. 200MiB)
invalid-name-length = { $name ->
    [team-name] nom d'équipe invalide : de 1 à 64 caractères
   *[other] nom d'utilisateur invalide : de 1 à 64 caractères
}
invalid-name-characters = { $name ->
    [team-name] nom d'équipe invalide : ni caractère de contrôle, ni « / », ni espace au début ou à la fin
   *[other] nom d'utilisateur invalide : ni caractère de contrôle, ni « / », ni espace au début ou à la fin
}
invalid-password-short = mot de passe invalide : au moins 8 caractères
invalid-own-account = vous ne pouvez pas désactiver votre propre compte
invalid-age-key = clé invalide : ce n'est pas une clé secrète age (AGE-SECRET-KEY-1...)
invalid-age-recipient = clé invalide : ce n'est pas une clé publique age (elle commence par age1)
invalid-age-recipients = trop de clés : dix au plus, chacune une seule fois
invalid-argon2-range = paramètres argon2 invalides : hors des limites d'argon2 (au moins 8 Kio de mémoire par voie)
invalid-argon2-limits = paramètres argon2 invalides : au-delà de 4 Gio de mémoire, 100 passes ou 64 voies
invalid-argon2-refused = mot de passe invalide : argon2id l'a refusé
invalid-upload-files = nombre de fichiers invalide : de 1 à 100
invalid-upload-bytes = limite de taille invalide : plus de zéro et au plus la limite du coffre pour un document
invalid-expiry = { $days ->
    [one] durée de validité invalide : plus de zéro et au plus { $days } jour
   *[other] durée de validité invalide : plus de zéro et au plus { $days } jours
}
invalid-label = libellé invalide : au plus 200 caractères, sans caractère de contrôle
invalid-message = message invalide : au plus 1 000 caractères, sans caractère de contrôle autre qu'un retour à la ligne
invalid-downloads = nombre de téléchargements invalide : de 1 à 50
invalid-share-documents = documents invalides : de 1 à 100 documents du dossier
invalid-passphrase-short = phrase secrète invalide : au moins 4 caractères
invalid-case-keys-changed = les clés du dossier ont changé entre-temps : réessayez
invalid-file-name-empty = nom de fichier invalide : il ne doit pas être vide, « . » ou « .. »
invalid-file-name-long = nom de fichier invalide : plus de 255 octets
invalid-file-name-directory = nom de fichier invalide : il ne doit pas contenir de dossier (« / » ou « \ »)
invalid-file-name-control = nom de fichier invalide : il ne doit pas contenir de caractère de contrôle
invalid-media-type = type de média invalide : plus de 255 octets ou avec des caractères de contrôle
invalid-note-long = note invalide : plus de 10000 octets
invalid-snapshot-id = instantané invalide : ce n'est pas un identifiant d'instantané (AAAAMMJJTHHMMSSZ-xxxxxxxx)
invalid-storage-bucket = emplacement de stockage invalide : ce n'est pas un nom de bucket S3 (3 à 63 caractères parmi a-z, 0-9, « - », « . »)
invalid-storage-prefix = emplacement de stockage invalide : le préfixe S3 contient « . », « .. » ou un caractère de contrôle
invalid-storage-scheme = emplacement de stockage invalide : seuls s3:// et les dossiers sont acceptés
invalid-storage-empty = emplacement de stockage invalide : vide
invalid-credentials-unreadable = fichier d'identifiants S3 invalide : il ne peut pas être lu
invalid-credentials-line = fichier d'identifiants S3 invalide : une ligne n'est pas de la forme NOM=valeur
invalid-credentials-name = fichier d'identifiants S3 invalide : nom inconnu (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN)

# Quelle partie du dossier de données est endommagée ({ $what } de `error-damaged`), `damaged-<code>`.
damaged-config-missing = vault.toml manque
damaged-config-unreadable = vault.toml ne peut pas être lu
damaged-config-no-version = vault.toml n'a pas de format_version
damaged-config-malformed = vault.toml est mal formé
damaged-catalog-dir-missing = le dossier du catalogue manque
damaged-blobs-dir-missing = le dossier des fichiers chiffrés manque
damaged-log-dir-missing = le dossier du journal d'accès manque
damaged-log-file-missing = un fichier du journal d'accès manque
damaged-catalog-corrupted = le catalogue est corrompu
damaged-catalog-reopen = le catalogue n'a pas pu être rouvert ; libérez de l'espace disque ou redémarrez le programme
damaged-catalog-export = l'export du catalogue est tronqué ou mal formé
damaged-catalog-key-not-text = une clé du catalogue n'est pas du texte
damaged-catalog-entry-too-large = une entrée du catalogue est trop grande
damaged-sealed-entry = une entrée chiffrée du catalogue
damaged-key-wrap = une clé enveloppée
damaged-team-key-wrap = la clé enveloppée d'une équipe
damaged-case-key-wrap = la clé enveloppée d'un dossier
damaged-document-key-wrap = la clé enveloppée d'un document
damaged-log-key-wrap = la clé enveloppée du journal
damaged-log-key-mismatch = la clé du journal ne correspond pas à vault.toml
damaged-public-key = une clé publique n'est pas un destinataire age1...
damaged-user-record = la fiche d'un utilisateur
damaged-user-key-mismatch = la clé d'un utilisateur ne correspond pas à sa fiche
damaged-case-profile = la fiche d'un dossier
damaged-document-metadata = les métadonnées d'un document
damaged-document-record = la fiche d'un document dans le catalogue
damaged-document-without-version = un document sans version
damaged-space = un espace personnel
damaged-share-link = un lien de partage
damaged-log-event = un événement du journal d'accès
damaged-log-offsets = les positions du journal d'accès
damaged-log-hash-file-missing = un fichier d'empreintes du journal d'accès manque
damaged-log-hash-missing = une empreinte du journal d'accès manque
damaged-log-events-file = le fichier des événements du journal d'accès
damaged-mirror-copies-differ = les deux copies d'un fichier en miroir diffèrent
damaged-repaired-copy = une copie réparée ne correspond pas à son nom
damaged-blob-hash = l'empreinte d'un fichier chiffré
damaged-blob-committed = un fichier chiffré déjà en place
damaged-blob-name = le nom d'un fichier chiffré
damaged-backup-config = le vault.toml de la sauvegarde
damaged-backup-log-short = le journal d'accès est plus court que sa taille annoncée
damaged-backup-config-sum = le vault.toml de la sauvegarde ne correspond pas à son manifeste
damaged-backup-catalog-sum = le catalogue de la sauvegarde ne correspond pas à son manifeste
damaged-backup-log-sum = le journal d'accès de la sauvegarde ne correspond pas à son manifeste
damaged-manifest-write = le manifeste ne peut pas être écrit
damaged-catalog-entry = entrée { $key } du catalogue
damaged-catalog-entry-missing = l'entrée { $key } du catalogue manque
damaged-log-record = { $fault ->
    [bytes-missing] le journal d'accès à partir de l'événement { $event } : ses octets manquent dans events.bin alors qu'il a été inscrit
    [misplaced] le journal d'accès à partir de l'événement { $event } : l'index ne le place pas après l'événement précédent
   *[invalid] le journal d'accès à partir de l'événement { $event } : l'enregistrement manque ou n'est pas un événement valide
}
damaged-manifest = le manifeste de la sauvegarde { $snapshot }
damaged-backup-blob-altered = le fichier { $blob } de la sauvegarde ne correspond pas à son nom
damaged-backup-blob-missing = le fichier { $blob } de l'instantané manque dans la sauvegarde
# Ce qui ne va pas avec un document enregistré ({ $detail } de `error-document-damaged`).
document-fault-blob-missing = son fichier chiffré { $blob } manque
document-fault-blob-altered = son fichier chiffré { $blob } est altéré
document-fault-copy-mismatch = une copie de { $name } ne correspond pas à son nom
document-fault-does-not-decrypt = son fichier chiffré ne se déchiffre pas
document-fault-altered-or-truncated = son fichier chiffré a été altéré ou tronqué
document-fault-longer-than-recorded = il est plus long qu'enregistré
document-fault-hash-mismatch = il ne correspond pas à son empreinte enregistrée
invalid-share-count = partage invalide : de 2 à 16 parts, et il en faut au moins 2 (et pas plus que de parts) pour retrouver la clé
invalid-share-mistyped = la part n° { $which } ne se lit pas : une lettre a dû être mal recopiée ; relisez-la sur sa feuille
invalid-shares-mixed = ces parts viennent de partages différents de la clé de récupération : donnez des parts d'un même partage
invalid-shares-too-few = pas assez de parts : il en faut { $needed } différentes
invalid-retention-days = une durée de conservation de 30 jours à 100 ans
invalid-hold-until = la date de conservation doit être dans le futur (et à moins de 100 ans)
