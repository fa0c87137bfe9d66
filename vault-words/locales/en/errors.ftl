# What went wrong, for the volunteers' pages, the API's messages and the `vault` command.
# One message per error code of vault-core (`Error::code`); { $variables } are the error's
# fields. A translation may leave a variable out, never add one.

error-not-a-vault = no vault at { $path }: create one with `vault init`, or give the right --data-dir
error-already-exists = { $path } already exists and is not empty: choose another directory
error-newer-format = this vault has format version { $found }, this program reads up to { $supported }: upgrade the software before opening it
error-in-use = the vault at { $path } is in use by another process (vault-server or another `vault` command): stop it, or use the server's interface
error-damaged = the vault is damaged: { $what }; restore it from a backup (see docs/operations.md)
error-bad-credentials = unknown user or wrong password
error-bad-recovery-key = this recovery key does not belong to this vault
error-denied = { $why ->
    [not-a-team-member] access denied: you are not a member of this team
    [admins-sign-checkpoints] access denied: only admins sign log checkpoints
    [managers-create-teams] access denied: only admins and coordinators create teams
    [managers-erase-cases] access denied: only admins and coordinators erase cases
    [managers-keep-cases] access denied: only admins and coordinators see the cases near their term and keep them longer
    [admins-set-retention] access denied: only admins set how long a team keeps its cases
    [admins-take-backups] access denied: only admins take backups
    [managers-list-users] access denied: only admins and coordinators list users
    [admin-disables-admin] access denied: only an admin disables an admin
    [admins-recover-accounts] access denied: only admins recover accounts
    [managers-manage-accounts] access denied: only admins and coordinators manage accounts and teams
    [managers-disable-accounts] access denied: only admins and coordinators disable accounts
    [managers-manage-members] access denied: only admins and coordinators manage team members
    [managers-read-the-log] access denied: only admins and coordinators read the whole log
    [roles-create-accounts] access denied: only admins create admins and coordinators; coordinators create volunteers
   *[other] access denied: your role or your teams do not allow it
}
# { $kind } is one of: user, team, case, document, member, share-link, upload-link, space,
# snapshot, backup-file, log-event.
error-not-found = { $kind ->
    [user] user not found: { $id }
    [team] team not found: { $id }
    [case] case not found: { $id }
    [document] document not found: { $id }
    [member] member not found: { $id }
    [share-link] share link not found: { $id }
    [upload-link] upload link not found: { $id }
    [space] personal space not found: { $id }
    [snapshot] snapshot not found: { $id }
    [backup-file] backup file not found: { $id }
    [log-event] log event not found: { $id }
   *[other] not found: { $id }
}
error-duplicate = { $kind } already exists: { $name }
error-bad-name = { $field ->
    [file-name] file name
    [user-name] user name
    [team-name] team name
    [label] label
    [message] message
   *[other] name
} refused: { $problem ->
    [direction-control] it holds a character that changes the direction of the text ({ $char }), which can make a name read as another (photo.exe as photo.jpg); rename it
    [invisible] it holds an invisible character ({ $char }); rename it
   *[other] empty or only spaces
}
error-too-large = the document is larger than the limit of { $limit }: nothing was stored
error-link-unavailable = this link does not exist or is no longer valid
error-passphrase-required = this link needs its passphrase
error-wrong-passphrase = { $tries ->
    [one] wrong passphrase: { $tries } try left before the link locks
   *[other] wrong passphrase: { $tries } tries left before the link locks
}
error-link-full = this upload link accepts no more files
error-immutable = this document is evidence: evidence cannot be replaced, deleted or filed under another kind (only erasing the whole case removes it)
error-document-damaged = document damaged: { $detail }; restore the vault from a backup
error-log-unavailable = the access log cannot be written, so nothing was done or returned: check the disk, then retry
error-busy = too many documents are being prepared at this moment; try again in a minute
error-disk-full = no space left on the disk: nothing was stored; free space and retry
error-storage-unavailable = the blob storage { $store } failed: { $detail }; nothing was stored or returned from it, check that it is reachable, then retry
error-io = input/output error: { $detail }
error-catalog = catalogue error: { $detail }

# Input refused: one message per rule (vault-core's `Problem`), `invalid-<code>`.
invalid-not-a-checkpoint = invalid checkpoint: this file is not a signed checkpoint of a vault's log
invalid-log-index-past-end = invalid log index: it is not below the log's size
invalid-log-size-shrinks = invalid log size: the old size is larger than the new one
invalid-log-size-past-end = invalid log size: larger than the log
invalid-team-name-like-id = invalid team name: it must not look like a team id (32 hex characters)
invalid-last-member = the last member of a team cannot be removed: add another one first
invalid-id-prefix-short = invalid id: give at least 8 hex characters of the id
invalid-id-prefix-ambiguous = invalid id: this prefix matches several ids, give more characters
invalid-id-format = invalid id: expected 32 hex characters
invalid-role = invalid role: expected admin, coordinator or volunteer
invalid-case-name-empty = the person's name must not be empty
invalid-profile-field-long = invalid profile: a field is longer than 1000 bytes
invalid-notes-long = invalid notes: longer than 100000 bytes
invalid-birth-date = invalid birth date: expected YYYY-MM-DD
invalid-kind = invalid kind: expected identity, appeal, evidence or other
invalid-kind-changed = the document's kind changed while the version was sent: send it again
invalid-duration = invalid duration: expected a number and m, h, d or w (e.g. 7d, 12h)
invalid-duration-zero = invalid duration: it must be more than zero
invalid-size = invalid size: expected a number and B, KiB, MiB, GiB, KB, MB or GB (e.g. 200MiB)
invalid-name-length = { $name ->
    [team-name] invalid team name: it must be 1 to 64 characters
   *[other] invalid user name: it must be 1 to 64 characters
}
invalid-name-characters = { $name ->
    [team-name] invalid team name: it must not contain control characters, '/', or surrounding spaces
   *[other] invalid user name: it must not contain control characters, '/', or surrounding spaces
}
invalid-password-short = invalid password: it must be at least 8 characters
invalid-own-account = you cannot disable your own account
invalid-age-key = invalid key: not an age secret key (AGE-SECRET-KEY-1...)
invalid-age-recipient = invalid key: not an age public key (it starts with age1)
invalid-age-recipients = too many keys: ten at most, each only once
invalid-argon2-range = invalid argon2 parameters: out of argon2's range (memory must be at least 8 KiB per lane)
invalid-argon2-limits = invalid argon2 parameters: beyond 4 GiB of memory, 100 passes or 64 lanes
invalid-argon2-refused = invalid password: argon2id refused it
invalid-upload-files = invalid number of files: from 1 to 100
invalid-upload-bytes = invalid size limit: more than zero and at most the vault's document limit
invalid-expiry = { $days ->
    [one] invalid expiry: more than zero and at most { $days } day
   *[other] invalid expiry: more than zero and at most { $days } days
}
invalid-label = invalid label: at most 200 characters, no control character
invalid-message = invalid message: at most 1,000 characters, no control character but line breaks
invalid-downloads = invalid number of downloads: from 1 to 50
invalid-share-documents = invalid documents: from 1 to 100 documents of the case
invalid-passphrase-short = invalid passphrase: at least 4 characters
invalid-case-keys-changed = the case's keys changed meanwhile: try again
invalid-file-name-empty = invalid file name: it must not be empty, '.' or '..'
invalid-file-name-long = invalid file name: longer than 255 bytes
invalid-file-name-directory = invalid file name: it must not contain a directory ('/' or '\')
invalid-file-name-control = invalid file name: it must not contain control characters
invalid-media-type = invalid media type: longer than 255 bytes or with control characters
invalid-note-long = invalid note: longer than 10000 bytes
invalid-snapshot-id = invalid snapshot: not a snapshot id (YYYYMMDDTHHMMSSZ-xxxxxxxx)
invalid-storage-bucket = invalid storage location: not an S3 bucket name (3 to 63 of a-z, 0-9, '-', '.')
invalid-storage-prefix = invalid storage location: the S3 prefix holds '.', '..' or a control character
invalid-storage-scheme = invalid storage location: only s3:// and directories are supported
invalid-storage-empty = invalid storage location: empty
invalid-credentials-unreadable = invalid S3 credentials file: it cannot be read
invalid-credentials-line = invalid S3 credentials file: a line is not NAME=value
invalid-credentials-name = invalid S3 credentials file: unknown name (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN)

# Which part of the data directory is damaged (`error-damaged`'s { $what }), `damaged-<code>`.
damaged-config-missing = vault.toml is missing
damaged-config-unreadable = vault.toml cannot be read
damaged-config-no-version = vault.toml has no format_version
damaged-config-malformed = vault.toml is malformed
damaged-catalog-dir-missing = the catalogue directory is missing
damaged-blobs-dir-missing = the blobs directory is missing
damaged-log-dir-missing = the access log directory is missing
damaged-log-file-missing = a file of the access log is missing
damaged-catalog-corrupted = the catalogue is corrupted
damaged-catalog-reopen = the catalogue could not be reopened; free disk space, or restart the program
damaged-catalog-export = the catalogue export is truncated or malformed
damaged-catalog-key-not-text = a catalogue key is not text
damaged-catalog-entry-too-large = a catalogue entry is too large
damaged-sealed-entry = an encrypted catalogue entry
damaged-key-wrap = a key wrap
damaged-team-key-wrap = a team key wrap
damaged-case-key-wrap = a case key wrap
damaged-document-key-wrap = a document key wrap
damaged-log-key-wrap = the log key wrap
damaged-log-key-mismatch = the log key does not match vault.toml
damaged-public-key = a public key is not an age1... recipient
damaged-user-record = a user record
damaged-user-key-mismatch = a user key does not match its record
damaged-case-profile = a case profile
damaged-document-metadata = document metadata
damaged-document-record = a document record in the catalogue
damaged-document-without-version = a document without version
damaged-space = a space
damaged-share-link = a share link
damaged-log-event = an access-log event
damaged-log-offsets = the access log's offsets
damaged-log-hash-file-missing = an access-log hash file is missing
damaged-log-hash-missing = an access-log hash is missing
damaged-log-events-file = the access log's events file
damaged-mirror-copies-differ = the two copies of a mirrored blob differ
damaged-repaired-copy = a repaired copy does not match its name
damaged-blob-hash = a blob hash
damaged-blob-committed = blob already committed
damaged-blob-name = a blob id
damaged-backup-config = the backup's vault.toml
damaged-backup-log-short = the access log is shorter than its size says
damaged-backup-config-sum = the backup's vault.toml does not match its manifest
damaged-backup-catalog-sum = the backup's catalogue does not match its manifest
damaged-backup-log-sum = the backup's access log does not match its manifest
damaged-manifest-write = the manifest cannot be written
damaged-catalog-entry = catalogue entry { $key }
damaged-catalog-entry-missing = catalogue entry { $key } is missing
damaged-log-record = { $fault ->
    [bytes-missing] the access log from event { $event }: its bytes are missing from events.bin although it was committed
    [misplaced] the access log from event { $event }: the index does not place it after the event before it
   *[invalid] the access log from event { $event }: the record is missing or not a valid event
}
damaged-manifest = the manifest of snapshot { $snapshot }
damaged-backup-blob-altered = blob { $blob } in the backup does not match its name
damaged-backup-blob-missing = blob { $blob } of the snapshot is missing from the backup
# What is wrong with a stored document (`error-document-damaged`'s { $detail }).
document-fault-blob-missing = its encrypted file { $blob } is missing
document-fault-blob-altered = its encrypted file { $blob } is altered
document-fault-copy-mismatch = a copy of { $name } does not match its name
document-fault-does-not-decrypt = its encrypted file does not decrypt
document-fault-altered-or-truncated = its encrypted file was altered or truncated
document-fault-longer-than-recorded = it is longer than recorded
document-fault-hash-mismatch = it does not match its recorded hash
invalid-share-count = invalid split: 2 to 16 shares, at least 2 of them (and no more than the shares) needed to rebuild the key
invalid-share-mistyped = share no. { $which } does not read: a character must have been copied wrong; check it against its sheet
invalid-shares-mixed = these shares come from different splits of the recovery key: give shares of one split
invalid-shares-too-few = not enough shares: { $needed } different ones are needed
invalid-retention-days = a retention of 30 days to 100 years
invalid-hold-until = the date to keep the case until must be in the future (and within 100 years)
