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
# { $kind } is one of: user, team, case, document, link, member, snapshot, space.
error-not-found = { $kind } not found: { $id }
error-duplicate = { $kind } already exists: { $name }
error-invalid = invalid { $field }: { $reason }
error-bad-name = invalid { $field }: { $problem }
error-too-large = the document is larger than the limit of { $limit } bytes: nothing was stored
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
error-disk-full = no space left on the disk: nothing was stored; free space and retry
error-storage-unavailable = the blob storage { $store } failed: { $detail }; nothing was stored or returned from it, check that it is reachable, then retry
error-io = input/output error: { $detail }
error-catalog = catalogue error: { $detail }
