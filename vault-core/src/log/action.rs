//! The actions of the access log, typed: one variant per kind of event, with the wire name
//! that the log's file and its readers (docs/audit-log.md) use. The words for people are
//! vault-words' (`desk.ftl`, `links.ftl`), keyed by the wire name.

macro_rules! actions {
    ($($variant:ident = $wire:literal,)*) => {
        /// What an event records.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Action {
            $(
                #[doc = concat!("`", $wire, "`")]
                $variant,
            )*
        }

        impl Action {
            /// Every action.
            pub const ALL: &'static [Action] = &[$(Action::$variant,)*];

            /// The name in the log: `document.read`.
            pub const fn wire(self) -> &'static str {
                match self {
                    $(Action::$variant => $wire,)*
                }
            }

            /// The action of a wire name (`None` for one this version does not know).
            pub fn from_wire(wire: &str) -> Option<Action> {
                match wire {
                    $($wire => Some(Action::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

actions! {
    VaultCreate = "vault.create",
    SessionOpen = "session.open",
    SessionFailed = "session.failed",
    UserCreate = "user.create",
    UserPassword = "user.password",
    UserRecover = "user.recover",
    RecoverySplit = "recovery.split",
    RecoveryRotate = "recovery.rotate",
    UserDisable = "user.disable",
    UserEnable = "user.enable",
    TeamCreate = "team.create",
    TeamMemberAdd = "team.member.add",
    TeamMemberRemove = "team.member.remove",
    TeamKeyRotate = "team.key.rotate",
    CaseCreate = "case.create",
    CaseView = "case.view",
    CaseList = "case.list",
    CaseIndex = "case.index",
    BundleExport = "bundle.export",
    CaseUpdate = "case.update",
    CaseClose = "case.close",
    CaseReopen = "case.reopen",
    CaseErase = "case.erase",
    CaseContact = "case.contact",
    CaseHold = "case.hold",
    RetentionDue = "retention.due",
    RetentionErase = "retention.erase",
    TeamRetention = "team.retention",
    CaseReport = "case.report",
    DocumentAdd = "document.add",
    DocumentVersion = "document.version",
    DocumentList = "document.list",
    DocumentHistory = "document.history",
    DocumentRead = "document.read",
    DocumentVerify = "document.verify",
    DocumentDelete = "document.delete",
    DocumentReclassify = "document.reclassify",
    DocumentExportKey = "document.export_key",
    LogCheckpoint = "log.checkpoint",
    BackupCreate = "backup.create",
    LogRead = "log.read",
    UserList = "user.list",
    ShareCreate = "share.create",
    ShareList = "share.list",
    ShareOpen = "share.open",
    ShareDownload = "share.download",
    SharePassphraseFailed = "share.passphrase_failed",
    ShareLocked = "share.locked",
    ShareRevoke = "share.revoke",
    ShareExpire = "share.expire",
    UploadCreate = "upload.create",
    UploadList = "upload.list",
    UploadOpen = "upload.open",
    UploadRevoke = "upload.revoke",
    SpaceCreate = "space.create",
    SpaceList = "space.list",
    SpaceOpen = "space.open",
    SpacePasscodeFailed = "space.passcode_failed",
    SpaceLocked = "space.locked",
    SpaceRevoke = "space.revoke",
    SpaceExpire = "space.expire",
}

/// The family of an action, by which an access report is filtered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActionKind {
    /// Something was looked at: a case, a list, the report, a link's page.
    View,
    /// A document's content left the vault (download, exported key).
    Download,
    /// A document came in (new document, new version).
    Upload,
    /// A share link, an upload link or a personal space was made, used up or ended.
    Link,
    /// The case or its documents were changed (profile, status, deletion, erasure).
    Change,
    /// Accounts, teams, the log and backups: not about one case.
    Vault,
}

impl Action {
    /// The family of this action.
    pub const fn kind(self) -> ActionKind {
        use Action::*;
        match self {
            CaseView | CaseList | CaseIndex | CaseReport | RetentionDue | DocumentList
            | DocumentHistory | DocumentVerify | ShareList | ShareOpen | UploadList
            | UploadOpen | SpaceList | SpaceOpen => ActionKind::View,
            DocumentRead | ShareDownload | DocumentExportKey | BundleExport => ActionKind::Download,
            DocumentAdd | DocumentVersion => ActionKind::Upload,
            ShareCreate
            | SharePassphraseFailed
            | ShareLocked
            | ShareRevoke
            | ShareExpire
            | UploadCreate
            | UploadRevoke
            | SpaceCreate
            | SpacePasscodeFailed
            | SpaceLocked
            | SpaceRevoke
            | SpaceExpire => ActionKind::Link,
            CaseCreate | CaseUpdate | CaseClose | CaseReopen | CaseErase | CaseContact
            | CaseHold | RetentionErase | DocumentDelete | DocumentReclassify => ActionKind::Change,
            VaultCreate | SessionOpen | SessionFailed | UserCreate | UserPassword | UserRecover
            | RecoverySplit | RecoveryRotate | UserDisable | UserEnable | TeamCreate
            | TeamMemberAdd | TeamMemberRemove | TeamKeyRotate | TeamRetention | LogCheckpoint
            | BackupCreate | LogRead | UserList => ActionKind::Vault,
        }
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.wire())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_are_unique_and_read_back() {
        let mut seen = std::collections::HashSet::new();
        for a in Action::ALL {
            assert!(seen.insert(a.wire()), "{a:?} twice");
            assert_eq!(Action::from_wire(a.wire()), Some(*a));
        }
        assert_eq!(Action::from_wire("future.thing"), None);
    }
}
