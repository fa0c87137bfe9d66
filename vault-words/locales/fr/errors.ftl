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
error-invalid = valeur refusée ({ $field })
error-bad-name = valeur refusée ({ $field }, { $problem })
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
