# Les messages de l'API (et des pages qui les montrent) que vault-core ne dit pas : un par
# cas d'erreur du serveur.

api-setup-required-the-vault-is-not = le coffre n'est pas encore créé : ouvrez l'adresse d'installation affichée au démarrage du serveur
api-csrf-missing-or-wrong-csrf = jeton anti-CSRF absent ou faux (en-tête X-CSRF-Token)
api-no-backup-target-no-backup-target-start = aucune destination de sauvegarde : démarrez le serveur avec --backup-to
api-backup-running-a-backup-is-already = une sauvegarde est déjà en cours
api-unauthenticated-sign-in-required-no = connexion requise (session absente ou expirée)
api-not-found-not-found = introuvable
api-internal-internal-server-error-details = erreur interne du serveur (détail dans le journal du serveur)
api-busy-too-many-sign-ins = trop de connexions en cours : réessayez dans un instant
api-invalid-nothing-to-change-give = rien à changer : donnez profile, status ou les deux
api-unsupported-media-type-the-body-must-be = le corps doit être du JSON (Content-Type: application/json)
api-invalid-json-invalid-json-body = corps JSON invalide
api-invalid-invalid-document-id = identifiant de document invalide
api-invalid-missing-document-kind-kind = type de document manquant (kind=identity, appeal, evidence ou other)
api-invalid-missing-file-name-filename = nom de fichier manquant (filename=...)
api-upload-interrupted-the-upload-was-interrupted = l'envoi a été interrompu : rien n'a été enregistré
api-invalid-form-no-file-in-the = aucun fichier dans le formulaire (champ file)
api-invalid-form-multipart-form-invalid-too = formulaire multipart invalide, trop long ou interrompu
api-invalid-form-invalid-form-field-kind = formulaire invalide : champ kind trop long ou illisible
api-wrong-password-the-old-password-is = l'ancien mot de passe est faux
api-invalid-json-field = corps JSON invalide : champ « { $field } » absent, inconnu ou mal formé
api-invalid-query = paramètres d'adresse invalides
api-throttled = trop d'essais : réessayez dans { $seconds } s
api-backup-failed = la sauvegarde a échoué : { $reason }
api-too-large = le fichier dépasse la limite de { $limit } octets : rien n'a été enregistré
