# The API's messages (and the pages that show them) that vault-core does not say: one per
# error case of the server.

api-setup-required = the vault is not created yet: open the setup address printed when the server started
api-csrf = missing or wrong CSRF token (X-CSRF-Token header)
api-no-backup-target = no backup target: start the server with --backup-to
api-backup-running = a backup is already running
api-unauthenticated = sign-in required (no session, or it expired)
api-not-found = not found
api-internal = internal server error (details are in the server's log)
api-busy = too many sign-ins in progress: retry in a moment
api-nothing-to-change = nothing to change: give profile, status or both
api-json-only = the body must be JSON (Content-Type: application/json)
api-invalid-json = invalid JSON body
api-invalid-document-id = invalid document id
api-missing-kind = missing document kind (kind=identity, appeal, evidence or other)
api-missing-filename = missing file name (filename=...)
api-upload-interrupted = the upload was interrupted: nothing was stored
api-form-no-file = no file in the form (field file)
api-form-invalid = multipart form invalid, too long or interrupted
api-form-kind-unreadable = invalid form: field kind too long or unreadable
api-wrong-old-password = the old password is wrong
api-invalid-json-field = invalid JSON body: field `{ $field }` missing, unknown or malformed
api-invalid-query = invalid query string: { $detail }
api-throttled = too many attempts: retry in { $seconds } s
api-backup-failed = the backup failed: { $reason }
api-too-large = the file is larger than the limit of { $limit } bytes: nothing was stored
