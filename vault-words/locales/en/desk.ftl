# Words for the association's people: the access log as the `vault` command and the
# API print it, link statuses, who did something. French and English.

## One line of the log: number, time (UTC), what, who, outcome

log-line = #{ $seq }  { $time }  { $action }  by { $who }  ({ $outcome })
log-outcome-ok = done
log-outcome-denied = refused
log-outcome-failed = failed
log-outcome-begun = begun
# An action that this version does not name: its code.
log-action-other = { $code }

## Who did something, when it is not an account

actor-share-labelled = { $label } (share link)
actor-share = share link
actor-upload = upload link
actor-space = the person (personal space)
actor-system = system

## A link's state

link-status-live = live
link-status-expired = expired
link-status-exhausted = used up
link-status-revoked = revoked
link-status-locked = locked

## What was done

log-action-vault-create = vault created
log-action-session-open = sign-in
log-action-session-failed = failed sign-in
log-action-user-create = account created
log-action-user-password = password changed
log-action-user-recover = account recovered
log-action-recovery-split = recovery key split among custodians
log-action-recovery-rotate = recovery key replaced (the old one and its shares open nothing since)
log-action-case-contact = contact recorded (the retention term counts from it)
log-action-case-hold = case kept past its term (legal hold)
log-action-retention-due = cases near their retention term viewed
log-action-retention-erase = case erased at the end of its retention
log-action-team-retention = team retention changed
log-action-user-disable = account disabled
log-action-user-enable = account enabled again
log-action-team-create = team created
log-action-team-member-add = member added to the team
log-action-team-member-remove = member removed from the team
log-action-team-key-rotate = team keys renewed
log-action-case-create = case opened
log-action-case-view = case viewed
log-action-case-list = list of cases (name visible)
log-action-case-index = name search index built (names read, not shown)
log-action-bundle-export = evidence bundle export (documents and their access history)
log-action-case-update = case changed
log-action-case-close = case closed
log-action-case-reopen = case reopened
log-action-case-erase = case erased
log-action-case-report = case log viewed
log-action-document-add = document added
log-action-document-version = new version of a document
log-action-document-list = list of documents
log-action-document-history = history of a document
log-action-document-read = document read
log-action-document-verify = document checked
log-action-document-delete = document deleted
log-action-document-reclassify = document type changed
log-action-document-export-key = key of a document exported
log-action-log-checkpoint = log checkpoint signed
log-action-backup-create = vault backup
log-action-log-read = log read
log-action-user-list = list of accounts
log-action-share-create = share link made
log-action-share-list = list of share links
log-action-share-open = share link opened
log-action-share-download = download through a share link
log-action-share-passphrase-failed = wrong passphrase on a share link
log-action-share-locked = share link locked (too many tries)
log-action-share-revoke = share link revoked
log-action-share-expire = share link expired (keys destroyed)
log-action-upload-create = upload link made
log-action-upload-list = list of upload links
log-action-upload-open = upload link opened
log-action-upload-revoke = upload link revoked
log-action-space-create = personal space made
log-action-space-list = list of personal spaces
log-action-space-open = personal space opened
log-action-space-passcode-failed = wrong code on a personal space
log-action-space-locked = personal space locked (too many tries)
log-action-space-revoke = personal space revoked
log-action-space-expire = personal space expired (key destroyed)

# What `vault log verify` and the admin page's check found wrong with the log.
log-problem-indexed-missing = event { $event } is committed in the index but its bytes are missing
log-problem-invalid-event = event { $event } is not a valid event
log-problem-misplaced = event { $event } is not where the log's index says
log-problem-event-altered = event { $event } does not match its recorded hash
log-problem-hashes-altered = the hashes over events { $from } to { $to } were altered
log-problem-event-missing = event { $event } is missing or torn
log-problem-rewritten-while-open = the files no longer match the log this vault holds in memory: rewritten while open
log-problem-other-log = the checkpoint is of another log: its origin is { $theirs }, this log's is { $ours }
log-problem-bad-signature = the kept checkpoint's signature is not valid for this log's key
log-problem-events-removed = the log has { $size } events but the checkpoint { $checkpoint }: events from { $size } on were removed
log-problem-history-rewritten = events before { $checkpoint } were rewritten (hashes recomputed): the log does not extend the checkpoint
log-problem-other = the log does not verify
# What opening or verifying the log found that is not damage.
log-notice-torn-moved = the access log's last record was torn by a crash: its { $bytes } bytes (from byte { $at }) were moved to { $path }
log-notice-torn = the access log's last record is torn (a crash): { $bytes } bytes from byte { $at } are not part of the log and will be moved to a quarantine file when the vault is next opened
log-notice-index-rebuilt = the access log's index { $file } covered { $covered } of { $size } events and was rebuilt from the events
log-notice-index-short = the access log's index { $file } covers { $covered } of { $size } events: verified from the events themselves; it will be rebuilt when the vault is next opened
log-notice-other = the access log reported something to check
