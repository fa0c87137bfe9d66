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
log-action-recovery-split = partage de la clé de récupération entre gardien·nes
log-action-recovery-rotate = remplacement de la clé de récupération (l'ancienne et ses parts n'ouvrent plus rien)
log-action-case-contact = contact enregistré (la durée de conservation repart de là)
log-action-case-hold = dossier conservé au-delà de son échéance (conservation justifiée)
log-action-retention-due = consultation des dossiers proches de leur échéance
log-action-retention-erase = dossier effacé au terme de sa durée de conservation
log-action-team-retention = durée de conservation d'une équipe modifiée
log-action-user-disable = désactivation d'un compte
log-action-user-enable = réactivation d'un compte
log-action-team-create = création d'une équipe
log-action-team-member-add = ajout d'un membre à l'équipe
log-action-team-member-remove = retrait d'un membre de l'équipe
log-action-team-key-rotate = renouvellement des clés de l'équipe
log-action-case-create = ouverture du dossier
log-action-case-view = consultation du dossier
log-action-case-list = liste des dossiers (nom visible)
log-action-case-index = index de recherche des noms construit (noms lus, non affichés)
log-action-bundle-export = export d'un dossier de preuves (documents et historique des accès)
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

# Ce que `vault log verify` et la vérification de la page d'administration trouvent dans le journal.
log-problem-indexed-missing = l'événement { $event } est inscrit dans l'index mais ses octets manquent
log-problem-invalid-event = l'événement { $event } n'est pas un événement valide
log-problem-misplaced = l'événement { $event } n'est pas là où l'index du journal le place
log-problem-event-altered = l'événement { $event } ne correspond pas à son empreinte enregistrée
log-problem-hashes-altered = les empreintes des événements { $from } à { $to } ont été modifiées
log-problem-event-missing = l'événement { $event } manque ou est tronqué
log-problem-rewritten-while-open = les fichiers ne correspondent plus au journal que ce coffre tient en mémoire : réécrits pendant qu'il était ouvert
log-problem-other-log = le point de contrôle est celui d'un autre journal : son origine est { $theirs }, celle de ce journal est { $ours }
log-problem-bad-signature = la signature du point de contrôle conservé n'est pas valide pour la clé de ce journal
log-problem-events-removed = le journal a { $size } événements mais le point de contrôle { $checkpoint } : les événements à partir de { $size } ont été supprimés
log-problem-history-rewritten = les événements avant { $checkpoint } ont été réécrits (empreintes recalculées) : le journal ne prolonge pas le point de contrôle
log-problem-other = le journal ne se vérifie pas
# Ce que l'ouverture ou la vérification du journal a trouvé, qui n'est pas un dommage.
log-notice-torn-moved = le dernier enregistrement du journal a été tronqué par un arrêt brutal : ses { $bytes } octets (à partir de l'octet { $at }) ont été déplacés dans { $path }
log-notice-torn = le dernier enregistrement du journal est tronqué (arrêt brutal) : { $bytes } octets à partir de l'octet { $at } ne font pas partie du journal et seront mis en quarantaine à la prochaine ouverture du coffre
log-notice-index-rebuilt = l'index { $file } du journal couvrait { $covered } événements sur { $size } et a été reconstruit à partir des événements
log-notice-index-short = l'index { $file } du journal couvre { $covered } événements sur { $size } : vérifié à partir des événements eux-mêmes ; il sera reconstruit à la prochaine ouverture du coffre
log-notice-other = le journal signale quelque chose à vérifier
