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
error-denied = accès refusé : votre rôle ou vos équipes ne le permettent pas
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
