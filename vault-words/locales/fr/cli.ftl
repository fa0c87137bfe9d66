# Ce qu'écrit la commande `vault` (français). La commande écrit chaque message en français,
# puis en anglais : « aucune sauvegarde / no snapshot ».

cli-warning = attention : { $notice }
cli-no-user = aucun utilisateur : ajoutez --user NOM (ou définissez VAULT_USER)
cli-password = Mot de passe
cli-current-password = Mot de passe actuel
cli-new-password = Nouveau mot de passe
cli-confirm = Confirmez
cli-passwords-differ = les mots de passe diffèrent
cli-no-terminal = pas de terminal pour demander le mot de passe : utilisez --password-file
cli-cannot-read = impossible de lire { $path }
cli-cannot-write = impossible d'écrire { $path }
cli-cannot-open = impossible d'ouvrir { $path }
cli-cannot-create = impossible de créer { $path }
cli-other-error = erreur

cli-weak-argon2 = attention : paramètres argon2 plus faibles que recommandé
cli-recovery-key = CLÉ DE RÉCUPÉRATION : elle seule permet de récupérer un compte ou le coffre. Gardez-la hors ligne (papier, coffre), jamais sur cet ordinateur.
cli-recovery-shares = CLÉ DE RÉCUPÉRATION, EN TROIS PARTS : deux d'entre elles suffisent à récupérer un compte ou le coffre, une seule n'en révèle rien. Elles ne seront plus jamais affichées : remettez chacune à une personne différente, hors ligne (papier, coffre), jamais sur cet ordinateur.
cli-written-to = écrite dans { $path }
cli-vault-created = coffre créé dans { $path } ; administrateur : { $admin }

cli-password-changed = mot de passe changé
cli-account-recovered = compte récupéré : { $name }
cli-team-members = { $members ->
    [one] { $members } membre
   *[other] { $members } membres
}
cli-team-rotated = clés de l'équipe renouvelées (époque { $epoch })

cli-status-open = ouvert
cli-status-closed = clos
cli-case-name = nom
cli-case-born = né(e) le
cli-case-nationality = nationalité
cli-case-contact = contact
cli-case-language = langue
cli-case-notes = notes
cli-case-status = statut
cli-erase-needs-yes = l'effacement est définitif : ajoutez --yes
cli-case-erased = dossier effacé : { $documents ->
    [one] { $documents } document
   *[other] { $documents } documents
}, { $blobs ->
    [one] { $blobs } fichier
   *[other] { $blobs } fichiers
}

cli-is-directory = { $path } est un dossier, pas un fichier
cli-name-not-utf8 = le nom du fichier { $path } n'est pas en UTF-8 : renommez-le
cli-intact = { $versions ->
    [one] intact : { $versions } version
   *[other] intact : { $versions } versions
}
cli-kind-changed = type changé : { $kind }
cli-fsck-summary = versions : { $versions }, fichiers vérifiés : { $blobs }
cli-fsck-missing = MANQUANT : fichier { $blob }
cli-fsck-corrupt = ENDOMMAGÉ : fichier { $blob }
cli-fsck-missing-entry = ENTRÉE MANQUANTE : { $entry }
cli-fsck-orphan = fichier orphelin { $blob }
cli-fsck-leftover = reste tmp/{ $file }
cli-fsck-copy = { $state ->
    [missing] COPIE MIROIR : { $blob } manque dans { $store }
   *[damaged] COPIE MIROIR : { $blob } est endommagé dans { $store }
}
cli-fsck-removed = supprimés : { $count }
cli-fsck-rewritten = copies réécrites : { $count }
cli-fsck-damaged = des documents sont endommagés
cli-fsck-repairable = orphelins, restes ou copies miroir à refaire : `vault fsck --repair` s'en occupe

cli-share-made = lien de partage { $id } : { $documents ->
    [one] { $documents } document
   *[other] { $documents } documents
}, { $downloads ->
    [one] { $downloads } téléchargement
   *[other] { $downloads } téléchargements
}, jusqu'au { $until }
cli-share-line = { $status }, { $downloads }/{ $max } téléchargements, jusqu'au { $until }, { $documents ->
    [one] { $documents } document
   *[other] { $documents } documents
}{ $passphrase ->
    [yes] , avec phrase secrète
   *[no] {""}
}{ $sealed ->
    [yes] , chiffré pour la clé age de l'avocat·e
   *[no] {""}
}
cli-share-revoked = lien révoqué, clés détruites
cli-upload-made = lien de dépôt { $id } : { $files ->
    [one] { $files } fichier
   *[other] { $files } fichiers
}, { $bytes } octets, jusqu'au { $until }
cli-upload-line = { $status }, { $files }/{ $max } fichiers, { $bytes }/{ $max-bytes } octets, jusqu'au { $until }
cli-upload-revoked = lien de dépôt révoqué

cli-log-summary = événements : { $events }, racine : { $root }
cli-log-altered = journal altéré à partir de l'événement { $event } : { $problem }
cli-checkpoint-refused = point de contrôle refusé : { $problem }
cli-log-extends = le journal prolonge le point de contrôle de taille { $size }
cli-event-or-old = donnez --event N ou --old M

cli-no-snapshot = aucune sauvegarde
cli-snapshot-line = { $events } événements, { $blobs } fichiers, { $bytes } octets
cli-snapshot-unfinished = INACHEVÉE
cli-pruned = supprimées : { $snapshots ->
    [one] { $snapshots } sauvegarde
   *[other] { $snapshots } sauvegardes
}, { $blobs ->
    [one] { $blobs } fichier
   *[other] { $blobs } fichiers
} ; gardées : { $kept }
cli-no-target = destination manquante : vault backup DESTINATION
cli-snapshot-taken = sauvegarde { $id } : { $events } événements, { $blobs } fichiers ({ $copied } copiés), { $bytes } octets copiés
cli-restore-fails-fsck = le coffre restauré ne passe pas fsck : { $report }
cli-restored = sauvegarde { $id } restaurée dans { $path } : { $events } événements (racine { $root }), { $blobs } fichiers, fsck OK
cli-bundle-made = dossier de preuves { $reference } : { $documents ->
    [one] { $documents } document
   *[other] { $documents } documents
}, { $bytes } octets
cli-bundle-verified = Dossier de preuves vérifié : { $documents } document(s), { $bytes } octets, identiques aux manifestes SHA-256 et SHA-512 et à l'empreinte BLAKE3 relevée au dépôt ; { $events } événement(s) du journal prouvés dans le point de contrôle signé ({ $size } événements), dont l'export lui-même.
cli-bundle-key-own = Clé du journal : celle que le dossier donne lui-même ({ $key }). Cela prouve qu'il est entier, pas qui l'a fait : comparez-la à la clé publiée par l'association (--pubkey).
cli-bundle-key-given = Signé par la clé du journal donnée ({ $key }).
cli-bundle-refused = Dossier de preuves refusé : { $problem ->
    [not-a-bag] ce n'est pas un sac BagIt dans une archive ZIP
    [file-changed] le fichier { $detail } ne correspond plus au manifeste
    [file-missing] le fichier { $detail } manque
    [file-unlisted] le fichier { $detail } n'est dans aucun manifeste
    [tag-changed] le fichier { $detail } ne correspond plus au manifeste des étiquettes
    [bad-signature] la signature du manifeste n'est pas celle de la clé du journal
    [bad-checkpoint] le point de contrôle n'est pas signé par la clé du journal, ou nomme un autre journal
    [bad-proof] l'événement n°{ $detail } n'est pas prouvé dans le journal
    [intake-mismatch] le fichier { $detail } n'a pas l'empreinte relevée au dépôt
   *[other] { $problem }
}
custody-report-title = Chaîne de garde : dossier de preuves
custody-report-intro = Chaque ligne sous un document est un événement du journal des accès du coffre « { $origin } », prouvé dans son point de contrôle signé de { $size } événements (custody/checkpoint.txt). Pour le vérifier : « vault bundle verify », ou les outils standard décrits dans docs/evidence.md.
custody-report-document = Document { $file } ({ $kind })
custody-report-version = version { $number }, reçue le { $when } : { $size } octets, empreinte BLAKE3 { $blake3 }
custody-versions = Versions reçues
custody-events = Événements du journal qui nomment ce document
custody-col-version = Version
custody-col-received = Reçue (heure de Paris)
custody-col-utc = UTC (comme au journal)
custody-col-size = Taille (octets)
custody-col-blake3 = Empreinte BLAKE3 au dépôt
custody-col-seq = N°
custody-col-when = Heure de Paris
custody-col-action = Action
custody-col-who = Par
custody-col-outcome = Résultat
cli-bad-recipient = destinataire age refusé : { $value } (attendu : une clé publique age1…)
cli-bundle-working-copies = Et { $copies } copie(s) de travail sans métadonnées cachées (data/working-copies/), identiques aux manifestes : ce ne sont pas des pièces, elles ne sont pas comparées au dépôt.
cli-recovery-key-or-shares = donnez la clé de récupération (--recovery-key-file) ou des parts de celle-ci (--recovery-share-file, autant que le partage en demande)
cli-recovery-split = { $count } parts écrites dans { $dir } ; { $threshold } d'entre elles suffisent à retrouver la clé de récupération, moins n'en révèlent rien. Remettez chacune à une personne différente (imprimée, avec son code QR share-N.svg, ou sur une clé USB), puis effacez ce dossier et la clé elle-même.
cli-recovery-rotated = La clé de récupération est remplacée : { $count } enveloppes ne s'ouvrent plus qu'avec la nouvelle. L'ancienne clé et ses parts n'ouvrent plus rien ; demandez à leurs gardien·nes de les détruire.
cli-recovery-not-compacted = Attention : le catalogue n'a pas pu être réécrit ; les anciennes enveloppes restent dans ses fichiers jusqu'au prochain effacement ou remplacement. Vérifiez l'espace libre de son disque.

cli-hold-procedure = conservé : procédure en cours
cli-hold-evidence = conservé : preuve dans un délai de prescription
cli-hold-other = conservé : autre motif
cli-retention-none-due = Aucun dossier de vos équipes n'arrive à échéance dans les { $days } jours.
cli-retention-bad-date = Saisissez la date sous la forme AAAA-MM-JJ, par exemple 2027-06-30.
cli-retention-held = Le dossier est conservé jusqu'au { $until } inclus ; la décision est dans le journal.
cli-retention-would-erase = { $count } dossiers seraient effacés maintenant (essai : aucun ne l'a été).
cli-retention-erased = { $count } dossiers effacés à leur échéance ; chaque effacement est dans le journal.
cli-team-retention = dossiers effacés { $days } jours après le dernier contact
