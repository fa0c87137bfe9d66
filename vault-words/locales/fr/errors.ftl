# Ce qui n'a pas marché, pour les pages des bénévoles, les messages de l'API et la commande
# `vault`. Un message par code d'erreur de vault-core (`Error::code`) ; les { $variables }
# sont les champs de l'erreur. Une traduction peut omettre une variable, jamais en ajouter.

error-not-a-vault = aucun coffre dans { $path } : créez-en un avec `vault init`, ou indiquez le bon --data-dir
error-already-exists = { $path } existe déjà et n'est pas vide : choisissez un autre dossier
error-newer-format = ce coffre est au format { $found }, ce programme lit jusqu'au format { $supported } : mettez le logiciel à jour avant de l'ouvrir
error-in-use = le coffre { $path } est utilisé par un autre processus (vault-server ou une autre commande `vault`) : arrêtez-le, ou passez par l'interface du serveur
error-damaged = le coffre est endommagé : restaurez-le depuis une sauvegarde (voir docs/operations.md)
error-bad-credentials = utilisateur inconnu ou mot de passe erroné
error-bad-recovery-key = cette clé de secours n'appartient pas à ce coffre
error-denied = { $why ->
    [not-a-team-member] accès refusé : vous n'êtes pas membre de cette équipe
    [admins-sign-checkpoints] accès refusé : seuls les administrateurs signent les points de contrôle du journal
    [managers-create-teams] accès refusé : seuls les administrateurs et les coordinateurs créent des équipes
    [managers-erase-cases] accès refusé : seuls les administrateurs et les coordinateurs effacent des dossiers
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
   *[other] nom
} refusé : { $problem ->
    [direction-control] il contient un caractère qui change le sens du texte ({ $char }), qui peut faire lire un nom pour un autre (photo.exe pour photo.jpg) ; renommez-le
    [invisible] il contient un caractère invisible ({ $char }) ; renommez-le
   *[other] vide ou fait seulement d'espaces
}
error-too-large = le document dépasse la limite de { $limit } octets : rien n'a été enregistré
error-link-unavailable = ce lien n'existe pas ou n'est plus valable
error-passphrase-required = ce lien demande sa phrase secrète
error-wrong-passphrase = { $tries ->
    [one] phrase secrète erronée : encore un essai avant le blocage du lien
   *[other] phrase secrète erronée : encore { $tries } essais avant le blocage du lien
}
error-link-full = ce lien de dépôt n'accepte plus de fichier
error-immutable = ce document est une preuve : il ne peut être ni remplacé, ni supprimé, ni reclassé
error-document-damaged = document endommagé : restaurez le coffre depuis une sauvegarde
error-log-unavailable = le journal des accès ne peut pas être écrit : rien n'a été fait ni montré ; vérifiez le disque puis recommencez
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
