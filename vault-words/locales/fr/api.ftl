# Les messages de l'API (et des pages qui les montrent) que vault-core ne dit pas : un par
# cas d'erreur du serveur.

api-setup-required = le coffre n'est pas encore créé : ouvrez l'adresse d'installation affichée au démarrage du serveur
api-csrf = jeton anti-CSRF absent ou faux (en-tête X-CSRF-Token)
api-no-backup-target = aucune destination de sauvegarde : démarrez le serveur avec --backup-to
api-backup-running = une sauvegarde est déjà en cours
api-unauthenticated = connexion requise (session absente ou expirée)
api-not-found = introuvable
api-internal = erreur interne du serveur (détail dans le journal du serveur)
api-busy = trop de connexions en cours : réessayez dans un instant
api-nothing-to-change = rien à changer : donnez profile, status ou les deux
api-json-only = le corps doit être du JSON (Content-Type: application/json)
api-invalid-json = corps JSON invalide
api-invalid-document-id = identifiant de document invalide
api-missing-kind = type de document manquant (kind=identity, appeal, evidence ou other)
api-missing-filename = nom de fichier manquant (filename=...)
api-upload-interrupted = l'envoi a été interrompu : rien n'a été enregistré
api-form-no-file = aucun fichier dans le formulaire (champ file)
api-form-invalid = formulaire multipart invalide, trop long ou interrompu
api-form-kind-unreadable = formulaire invalide : champ kind trop long ou illisible
api-wrong-old-password = l'ancien mot de passe est faux
api-invalid-json-field = corps JSON invalide : champ « { $field } » absent, inconnu ou mal formé
api-invalid-query = paramètres d'adresse invalides
api-throttled = trop d'essais : réessayez dans { $seconds } s
api-backup-failed = la sauvegarde a échoué : { $reason }
api-too-large = le fichier dépasse la limite de { $limit } octets : rien n'a été enregistré
