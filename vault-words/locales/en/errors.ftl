# What went wrong, for the volunteers' pages, the API's messages and the `vault` command.
# One message per error code of vault-core (`Error::code`); { $variables } are the error's
# fields. A translation may leave a variable out, never add one.

error-not-a-vault = no vault at { $path }: create one with `vault init`, or give the right --data-dir
error-already-exists = { $path } already exists and is not empty: choose another directory
error-newer-format = this vault has format version { $found }, this program reads up to { $supported }: upgrade the software before opening it
error-in-use = the vault at { $path } is in use by another process (vault-server or another `vault` command): stop it, or use the server's interface
error-damaged = the vault is damaged ({ $what }): restore it from a backup (see docs/operations.md)
error-bad-credentials = unknown user or wrong password
error-bad-recovery-key = this recovery key does not belong to this vault
error-denied = access denied: your role or your teams do not allow it ({ $why })
# { $kind } is one of: user, team, case, document, link, member, snapshot, space.
error-not-found = { $kind ->
    [user] unknown user: { $id }
    [team] unknown team: { $id }
    [case] unknown case: { $id }
    [document] unknown document: { $id }
   *[other] not found: { $id }
}
error-duplicate = { $kind ->
    [user] this user already exists: { $name }
    [team] this team already exists: { $name }
    [member] already a member: { $name }
   *[other] already exists: { $name }
}
error-invalid = invalid { $field }: { $reason }
error-bad-name = { $field } refused: it would not show what it is
error-too-large = the document is larger than the limit of { $limit } bytes: nothing was stored
error-link-unavailable = this link does not exist or is no longer valid
error-passphrase-required = this link needs its passphrase
error-wrong-passphrase = { $tries ->
    [one] wrong passphrase: one more try before the link locks
   *[other] wrong passphrase: { $tries } more tries before the link locks
}
error-link-full = this upload link takes no more files
error-immutable = this document is evidence: it can be neither replaced, nor deleted, nor reclassified
error-document-damaged = this document is damaged: restore the vault from a backup
error-log-unavailable = the access log cannot be written: nothing was done or shown; check the disk, then try again
error-disk-full = the disk is full: nothing was stored; free some space, then try again
error-storage-unavailable = the document storage { $store } does not answer or refused the operation: nothing was stored or read there; check that it can be reached, then try again
error-io = input/output error
error-catalog = catalogue error
