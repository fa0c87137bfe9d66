# What the `vault` command prints (English). The command prints each message in French,
# then in English: "aucune sauvegarde / no snapshot".

cli-warning = warning: { $notice }
cli-no-user = no user: pass --user NAME (or set VAULT_USER)
cli-password = Password
cli-current-password = Current password
cli-new-password = New password
cli-confirm = Confirm
cli-passwords-differ = the passwords differ
cli-no-terminal = no terminal to prompt for the password: use --password-file
cli-cannot-read = cannot read { $path }
cli-cannot-write = cannot write { $path }
cli-cannot-open = cannot open { $path }
cli-cannot-create = cannot create { $path }
cli-other-error = error

cli-weak-argon2 = warning: argon2 parameters below the recommended ones
cli-recovery-key = RECOVERY KEY: the only way to recover an account or the vault. Keep it offline (paper, safe), never on this computer.
cli-recovery-shares = RECOVERY KEY, IN THREE SHARES: any two of them recover an account or the vault, one alone reveals nothing. They will never be shown again: hand each to a different person, offline (paper, safe), never on this computer.
cli-written-to = written to { $path }
cli-vault-created = vault created in { $path }; admin: { $admin }

cli-password-changed = password changed
cli-account-recovered = account recovered: { $name }
cli-team-members = { $members ->
    [one] { $members } member
   *[other] { $members } members
}
cli-team-rotated = team keys rotated (epoch { $epoch })

cli-status-open = open
cli-status-closed = closed
cli-case-name = name
cli-case-born = born
cli-case-nationality = nationality
cli-case-contact = contact
cli-case-language = language
cli-case-notes = notes
cli-case-status = status
cli-erase-needs-yes = erasure is final: add --yes
cli-case-erased = case erased: { $documents ->
    [one] { $documents } document
   *[other] { $documents } documents
}, { $blobs ->
    [one] { $blobs } file
   *[other] { $blobs } files
}

cli-is-directory = { $path } is a directory, not a file
cli-name-not-utf8 = the file name of { $path } is not UTF-8: rename the file
cli-intact = { $versions ->
    [one] intact: { $versions } version
   *[other] intact: { $versions } versions
}
cli-kind-changed = kind changed: { $kind }
cli-fsck-summary = versions: { $versions }, blobs checked: { $blobs }
cli-fsck-missing = MISSING blob { $blob }
cli-fsck-corrupt = CORRUPT blob { $blob }
cli-fsck-missing-entry = MISSING ENTRY { $entry }
cli-fsck-orphan = orphan blob { $blob }
cli-fsck-leftover = leftover tmp/{ $file }
cli-fsck-copy = { $state ->
    [missing] MIRROR COPY: { $blob } is missing in { $store }
   *[damaged] MIRROR COPY: { $blob } is damaged in { $store }
}
cli-fsck-removed = removed: { $count }
cli-fsck-rewritten = copies rewritten: { $count }
cli-fsck-damaged = some documents are damaged
cli-fsck-repairable = orphans, leftovers or mirror copies to rewrite: `vault fsck --repair` deals with them

cli-share-made = share link { $id }: { $documents ->
    [one] { $documents } document
   *[other] { $documents } documents
}, { $downloads ->
    [one] { $downloads } download
   *[other] { $downloads } downloads
}, until { $until }
cli-share-line = { $status }, { $downloads }/{ $max } downloads, until { $until }, { $documents ->
    [one] { $documents } document
   *[other] { $documents } documents
}{ $passphrase ->
    [yes] , with a passphrase
   *[no] {""}
}{ $sealed ->
    [yes] , encrypted to the lawyer's age key
   *[no] {""}
}
cli-share-revoked = link revoked, keys destroyed
cli-upload-made = upload link { $id }: { $files ->
    [one] { $files } file
   *[other] { $files } files
}, { $bytes } bytes, until { $until }
cli-upload-line = { $status }, { $files }/{ $max } files, { $bytes }/{ $max-bytes } bytes, until { $until }
cli-upload-revoked = upload link revoked

cli-log-summary = events: { $events }, root: { $root }
cli-log-altered = log altered from event { $event }: { $problem }
cli-checkpoint-refused = checkpoint refused: { $problem }
cli-log-extends = the log extends the checkpoint of size { $size }
cli-event-or-old = give --event N or --old M

cli-no-snapshot = no snapshot
cli-snapshot-line = { $events } events, { $blobs } blobs, { $bytes } bytes
cli-snapshot-unfinished = UNFINISHED
cli-pruned = removed: { $snapshots ->
    [one] { $snapshots } snapshot
   *[other] { $snapshots } snapshots
}, { $blobs ->
    [one] { $blobs } blob
   *[other] { $blobs } blobs
}; kept: { $kept }
cli-no-target = no target: vault backup TARGET
cli-snapshot-taken = snapshot { $id }: { $events } events, { $blobs } blobs ({ $copied } copied), { $bytes } bytes copied
cli-restore-fails-fsck = the restored vault fails fsck: { $report }
cli-restored = restored { $id } into { $path }: { $events } events (root { $root }), { $blobs } blobs, fsck OK
cli-bundle-made = evidence bundle { $reference }: { $documents ->
    [one] { $documents } document
   *[other] { $documents } documents
}, { $bytes } bytes
cli-bundle-verified = Evidence bundle verified: { $documents } document(s), { $bytes } bytes, matching the SHA-256 and SHA-512 manifests and the BLAKE3 recorded at intake; { $events } log event(s) proved in the signed checkpoint ({ $size } events), the export itself among them.
cli-bundle-key-own = Log key: the one the bundle gives itself ({ $key }). This proves it whole, not who made it: compare it with the key the association published (--pubkey).
cli-bundle-key-given = Signed by the given log key ({ $key }).
cli-bundle-refused = Evidence bundle refused: { $problem ->
    [not-a-bag] this is not a BagIt bag in a ZIP archive
    [file-changed] the file { $detail } no longer matches the manifest
    [file-missing] the file { $detail } is missing
    [file-unlisted] the file { $detail } is in no manifest
    [tag-changed] the file { $detail } no longer matches the tag manifest
    [bad-signature] the manifest's signature is not the log key's
    [bad-checkpoint] the checkpoint is not signed by the log key, or names another log
    [bad-proof] event #{ $detail } is not proved in the log
    [intake-mismatch] the file { $detail } does not have the hash recorded at intake
   *[other] { $problem }
}
custody-report-title = Chain of custody: evidence bundle
custody-report-intro = Each line under a document is an event of the access log of the vault "{ $origin }", proved in its signed checkpoint of { $size } events (custody/checkpoint.txt). To check it: "vault bundle verify", or the standard tools described in docs/evidence.md.
custody-report-document = Document { $file } ({ $kind })
custody-report-version = version { $number }, received { $when }: { $size } bytes, BLAKE3 { $blake3 }
custody-versions = Versions received
custody-events = Log events that name this document
custody-col-version = Version
custody-col-received = Received (Paris time)
custody-col-utc = UTC (as logged)
custody-col-size = Size (bytes)
custody-col-blake3 = BLAKE3 at intake
custody-col-seq = No.
custody-col-when = Paris time
custody-col-action = Action
custody-col-who = By
custody-col-outcome = Outcome
cli-bad-recipient = age recipient refused: { $value } (expected: an age1… public key)
cli-bundle-working-copies = And { $copies } working cop(ies) without hidden metadata (data/working-copies/), matching the manifests: they are not evidence and are not compared with intake.
cli-recovery-key-or-shares = give the recovery key (--recovery-key-file) or shares of it (--recovery-share-file, as many as the split needs)
cli-recovery-split = { $count } shares written in { $dir }; { $threshold } of them give the recovery key back, fewer reveal nothing of it. Hand each to a different person (printed, with its QR code share-N.svg, or on a USB key), then delete this directory and the key itself.
cli-recovery-rotated = The recovery key is replaced: { $count } wraps now open with the new key only. The old key and its shares open nothing any more; ask their custodians to destroy them.
cli-recovery-not-compacted = Warning: the catalogue could not be rewritten, so the old wraps stay in its files until the next erasure or rotation. Check the free space on its disk.

cli-hold-procedure = kept: a procedure in progress
cli-hold-evidence = kept: evidence within a limitation period
cli-hold-other = kept: another reason
cli-retention-none-due = No case of your teams reaches its term within { $days } days.
cli-retention-bad-date = Type the date as YYYY-MM-DD, for example 2027-06-30.
cli-retention-held = The case is kept until { $until } included; the hold is in the log.
cli-retention-would-erase = { $count } cases would be erased now (dry run: nothing was).
cli-retention-erased = { $count } cases erased at their term; each erasure is in the log.
cli-team-retention = cases erased { $days } days after the last contact
