# Les mots des personnes de l'association : le journal des accès tel que la commande
# `vault` et l'API l'affichent, l'état des liens, qui a fait quelque chose.

## Une ligne du journal : numéro, heure (UTC), quoi, qui, résultat

log-line = n°{ $seq }  { $time }  { $action }  par { $who }  ({ $outcome })
log-outcome-ok = effectué
log-outcome-denied = refusé
log-outcome-failed = échoué
log-outcome-begun = commencé
# Une action que cette version ne nomme pas : son code.
log-action-other = { $code }

## Qui a fait quelque chose, quand ce n'est pas un compte

actor-share-labelled = { $label } (lien de partage)
actor-share = lien de partage
actor-upload = lien de dépôt
actor-space = la personne (espace personnel)
actor-system = système

## L'état d'un lien

link-status-live = actif
link-status-expired = expiré
link-status-exhausted = épuisé
link-status-revoked = révoqué
link-status-locked = bloqué

## Ce qui a été fait

log-action-vault-create = création du coffre
log-action-session-open = connexion
log-action-session-failed = échec de connexion
log-action-user-create = création d'un compte
log-action-user-password = changement de mot de passe
log-action-user-recover = récupération d'un compte
log-action-user-disable = désactivation d'un compte
log-action-user-enable = réactivation d'un compte
log-action-team-create = création d'une équipe
log-action-team-member-add = ajout d'un membre à l'équipe
log-action-team-member-remove = retrait d'un membre de l'équipe
log-action-team-key-rotate = renouvellement des clés de l'équipe
log-action-case-create = ouverture du dossier
log-action-case-view = consultation du dossier
log-action-case-list = liste des dossiers (nom visible)
log-action-case-update = modification du dossier
log-action-case-close = clôture du dossier
log-action-case-reopen = réouverture du dossier
log-action-case-erase = effacement du dossier
log-action-case-report = consultation du journal du dossier
log-action-document-add = ajout d'un document
log-action-document-version = nouvelle version d'un document
log-action-document-list = liste des documents
log-action-document-history = historique d'un document
log-action-document-read = lecture d'un document
log-action-document-verify = vérification d'un document
log-action-document-delete = suppression d'un document
log-action-document-reclassify = changement du type d'un document
log-action-document-export-key = export de la clé d'un document
log-action-log-checkpoint = signature d'un point de contrôle du journal
log-action-backup-create = sauvegarde du coffre
log-action-log-read = lecture du journal
log-action-user-list = liste des comptes
log-action-share-create = création d'un lien de partage
log-action-share-list = liste des liens de partage
log-action-share-open = ouverture d'un lien de partage
log-action-share-download = téléchargement par un lien de partage
log-action-share-passphrase-failed = phrase secrète erronée sur un lien de partage
log-action-share-locked = blocage d'un lien de partage (trop d'essais)
log-action-share-revoke = révocation d'un lien de partage
log-action-share-expire = expiration d'un lien de partage (clés détruites)
log-action-upload-create = création d'un lien de dépôt
log-action-upload-list = liste des liens de dépôt
log-action-upload-open = ouverture d'un lien de dépôt
log-action-upload-revoke = révocation d'un lien de dépôt
log-action-space-create = création de l'espace personnel
log-action-space-list = liste des espaces personnels
log-action-space-open = ouverture de l'espace personnel
log-action-space-passcode-failed = code erroné sur l'espace personnel
log-action-space-locked = blocage de l'espace personnel (trop d'essais)
log-action-space-revoke = révocation de l'espace personnel
log-action-space-expire = expiration de l'espace personnel (clé détruite)
