//! vault-core's errors in words: `error-<code>` of `errors.ftl`, with the error's fields.

use vault_core::{Damage, DocumentFault, Error, Problem};

use crate::locale::{Arg, Locale};

/// What went wrong, in `l` (French when `l` has no words for errors: they are written in
/// French and English only). Never a secret: errors hold none.
pub fn error_message(l: Locale, e: &Error) -> String {
    let args: Vec<Arg<'_>> = match e {
        Error::NotAVault { path } | Error::AlreadyExists { path } | Error::InUse { path } => {
            vec![("path", path.display().to_string().into())]
        }
        Error::NewerFormat { found, supported } => {
            vec![
                ("found", (*found).into()),
                ("supported", (*supported).into()),
            ]
        }
        Error::Damaged(part) => vec![("what", damage(l, part).into())],
        Error::Denied(why) => vec![("why", why.code().into())],
        Error::NotFound { kind, id } => vec![
            ("kind", kind.replace(' ', "-").into()),
            ("id", id.clone().into()),
        ],
        Error::Duplicate { kind, name } => {
            vec![("kind", (*kind).into()), ("name", name.clone().into())]
        }
        Error::Invalid(problem) => return invalid(l, *problem),
        Error::BadName { field, problem } => {
            let char = problem
                .character()
                .map(|c| format!("U+{:04X}", c as u32))
                .unwrap_or_default();
            vec![
                ("field", field.code().into()),
                ("problem", problem.code().replace('_', "-").into()),
                ("char", char.into()),
            ]
        }
        // A size as people read it: "5 Mo", not "5242880 octets".
        Error::TooLarge { limit } => vec![("limit", l.size(*limit).into())],
        Error::WrongPassphrase { tries_left } => vec![("tries", (*tries_left).into())],
        Error::Storage { store, detail } => {
            vec![
                ("store", store.clone().into()),
                ("detail", detail.clone().into()),
            ]
        }
        Error::DocumentDamaged(fault) => vec![("detail", document_fault(l, fault).into())],
        Error::Catalog(detail) => vec![("detail", detail.clone().into())],
        Error::Io(e) => vec![("detail", e.to_string().into())],
        _ => Vec::new(),
    };
    let id = format!("error-{}", e.code().replace('_', "-"));
    l.say_with(&id, &args)
}

/// Which part of the vault is damaged: `damaged-<code>`, with the part's fields.
pub fn damage(l: Locale, part: &Damage) -> String {
    let args: Vec<Arg<'_>> = match part {
        Damage::CatalogEntry { key } | Damage::CatalogEntryMissing { key } => {
            vec![("key", key.clone().into())]
        }
        Damage::LogRecord { event, fault } => {
            vec![("event", (*event).into()), ("fault", fault.code().into())]
        }
        Damage::Manifest { snapshot } => vec![("snapshot", snapshot.clone().into())],
        Damage::BackupBlobAltered { blob } | Damage::BackupBlobMissing { blob } => {
            vec![("blob", blob.clone().into())]
        }
        _ => Vec::new(),
    };
    l.say_with(&format!("damaged-{}", part.code()), &args)
}

/// What is wrong with a stored document: `document-fault-<code>`.
fn document_fault(l: Locale, fault: &DocumentFault) -> String {
    let args: Vec<Arg<'_>> = match fault {
        DocumentFault::BlobMissing { blob } | DocumentFault::BlobAltered { blob } => {
            vec![("blob", blob.clone().into())]
        }
        DocumentFault::CopyMismatch { name } => vec![("name", name.clone().into())],
        _ => Vec::new(),
    };
    l.say_with(&format!("document-fault-{}", fault.code()), &args)
}

/// Why an input was refused: `invalid-<code>`, with the rule's values.
fn invalid(l: Locale, problem: Problem) -> String {
    let args: Vec<Arg<'_>> = match problem {
        Problem::Expiry { max_days } => vec![("days", max_days.into())],
        Problem::ShareMistyped { which } => vec![("which", which.into())],
        Problem::SharesTooFew { needed } => vec![("needed", needed.into())],
        Problem::NameLength(name) | Problem::NameCharacters(name) => {
            vec![("name", name.code().into())]
        }
        _ => Vec::new(),
    };
    l.say_with(&format!("invalid-{}", problem.code()), &args)
}

/// Words for a terminal: French, then English (`aucune sauvegarde / no snapshot`), as the
/// `vault` command has always printed them.
pub fn both(words: impl Fn(Locale) -> String) -> String {
    format!("{} / {}", words(Locale::Fr), words(Locale::En))
}

/// The error for a terminal or a server's output: French, then English, as the `vault`
/// command and `vault-server` have always printed them.
pub fn bilingual(e: &Error) -> String {
    format!(
        "erreur : {} / error: {}",
        error_message(Locale::Fr, e),
        error_message(Locale::En, e)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_its_words_in_french_and_english() {
        let errors = [
            Error::NotAVault {
                path: "/srv/v".into(),
            },
            Error::AlreadyExists {
                path: "/srv/v".into(),
            },
            Error::NewerFormat {
                found: 9,
                supported: 3,
            },
            Error::InUse {
                path: "/srv/v".into(),
            },
            Error::damaged(Damage::LogOffsets),
            Error::BadCredentials,
            Error::BadRecoveryKey,
            Error::Denied(vault_core::Why::AdminsTakeBackups),
            Error::NotFound {
                kind: "case",
                id: "1a2b3c4d".into(),
            },
            Error::Duplicate {
                kind: "team",
                name: "Belleville".into(),
            },
            Error::Invalid(Problem::Expiry { max_days: 30 }),
            Error::BadName {
                field: vault_core::Named::FileName,
                problem: vault_core::NameProblem::DirectionControl('\u{202E}'),
            },
            Error::TooLarge { limit: 1000 },
            Error::LinkUnavailable,
            Error::PassphraseRequired,
            Error::WrongPassphrase { tries_left: 3 },
            Error::LinkFull,
            Error::Immutable,
            Error::DocumentDamaged(DocumentFault::HashMismatch),
            Error::LogUnavailable,
            Error::DiskFull,
            Error::Busy,
            Error::Storage {
                store: "s3://vault/x".into(),
                detail: "timeout".into(),
            },
            Error::Io(std::io::Error::other("x")),
            Error::Catalog("x".into()),
        ];
        for e in &errors {
            for l in [Locale::Fr, Locale::En] {
                let id = format!("error-{}", e.code().replace('_', "-"));
                assert!(
                    l.has(&id) || matches!(e, Error::Invalid(_)),
                    "{}: no {id}",
                    l.tag()
                );
                let text = error_message(l, e);
                assert!(!text.starts_with("error-") && !text.is_empty(), "{text}");
            }
            // Display is the code and the fields, for logs: no sentence in vault-core.
            assert!(e.to_string().starts_with(e.code()), "{e}");
        }
        for &problem in Problem::ALL {
            let id = format!("invalid-{}", problem.code());
            for l in [Locale::Fr, Locale::En] {
                assert!(l.has(&id), "{}: no {id}", l.tag());
                let text = error_message(l, &Error::Invalid(problem));
                assert!(!text.contains("invalid-") && !text.contains('{'), "{text}");
            }
        }
        assert_eq!(
            error_message(
                Locale::Fr,
                &Error::Invalid(Problem::Expiry { max_days: 30 })
            ),
            "durée de validité invalide : plus de zéro et au plus 30 jours"
        );
        assert_eq!(
            error_message(
                Locale::En,
                &Error::Invalid(Problem::NameLength(vault_core::Named::TeamName))
            ),
            "invalid team name: it must be 1 to 64 characters"
        );
        assert_eq!(
            error_message(Locale::Fr, &errors[11]),
            "nom de fichier refusé : il contient un caractère qui change le sens du texte \
             (U+202E), qui peut faire lire un nom pour un autre (photo.exe pour photo.jpg) ; \
             renommez-le"
        );
        assert_eq!(
            error_message(Locale::Fr, &errors[8]),
            "dossier introuvable : 1a2b3c4d"
        );
        assert_eq!(
            error_message(Locale::Fr, &Error::TooLarge { limit: 5 << 20 }),
            "le document dépasse la limite de 5,0 Mo : rien n'a été enregistré"
        );
        assert_eq!(
            error_message(Locale::En, &errors[15]),
            "wrong passphrase: 3 tries left before the link locks"
        );
        assert_eq!(
            error_message(Locale::Fr, &Error::Denied(vault_core::Why::NotATeamMember)),
            "accès refusé : vous n'êtes pas membre de cette équipe"
        );
        assert_eq!(
            error_message(
                Locale::En,
                &Error::Denied(vault_core::Why::AdminsTakeBackups)
            ),
            "access denied: only admins take backups"
        );
        // Languages without words for errors get the French ones.
        assert_eq!(
            error_message(Locale::Ar, &Error::DiskFull),
            error_message(Locale::Fr, &Error::DiskFull)
        );
    }

    #[test]
    fn every_damage_and_document_fault_has_its_words() {
        let parts = [
            Damage::ConfigMissing,
            Damage::ConfigUnreadable,
            Damage::ConfigNoVersion,
            Damage::ConfigMalformed,
            Damage::CatalogDirMissing,
            Damage::BlobsDirMissing,
            Damage::LogDirMissing,
            Damage::LogFileMissing,
            Damage::CatalogCorrupted,
            Damage::CatalogReopen,
            Damage::CatalogExport,
            Damage::CatalogKeyNotText,
            Damage::CatalogEntryTooLarge,
            Damage::SealedEntry,
            Damage::KeyWrap,
            Damage::TeamKeyWrap,
            Damage::CaseKeyWrap,
            Damage::DocumentKeyWrap,
            Damage::LogKeyWrap,
            Damage::LogKeyMismatch,
            Damage::PublicKey,
            Damage::UserRecord,
            Damage::UserKeyMismatch,
            Damage::CaseProfile,
            Damage::DocumentMetadata,
            Damage::DocumentRecord,
            Damage::DocumentWithoutVersion,
            Damage::Space,
            Damage::ShareLink,
            Damage::LogEvent,
            Damage::LogOffsets,
            Damage::LogHashFileMissing,
            Damage::LogHashMissing,
            Damage::LogEventsFile,
            Damage::MirrorCopiesDiffer,
            Damage::RepairedCopy,
            Damage::BlobHash,
            Damage::BlobCommitted,
            Damage::BlobName,
            Damage::BackupConfig,
            Damage::BackupLogShort,
            Damage::BackupConfigSum,
            Damage::BackupCatalogSum,
            Damage::BackupLogSum,
            Damage::ManifestWrite,
            Damage::CatalogEntry { key: "doc".into() },
            Damage::CatalogEntryMissing { key: "wrap".into() },
            Damage::LogRecord {
                event: 7,
                fault: vault_core::LogFault::BytesMissing,
            },
            Damage::LogRecord {
                event: 7,
                fault: vault_core::LogFault::Misplaced,
            },
            Damage::LogRecord {
                event: 7,
                fault: vault_core::LogFault::Invalid,
            },
            Damage::Manifest {
                snapshot: "20261202T000000Z-1a2b3c4d".into(),
            },
            Damage::BackupBlobAltered { blob: "ab".into() },
            Damage::BackupBlobMissing { blob: "ab".into() },
        ];
        let faults = [
            DocumentFault::BlobMissing { blob: "ab".into() },
            DocumentFault::BlobAltered { blob: "ab".into() },
            DocumentFault::CopyMismatch {
                name: "ab.age".into(),
            },
            DocumentFault::DoesNotDecrypt,
            DocumentFault::AlteredOrTruncated,
            DocumentFault::LongerThanRecorded,
            DocumentFault::HashMismatch,
        ];
        let errors = parts
            .iter()
            .cloned()
            .map(Error::Damaged)
            .chain(faults.iter().cloned().map(Error::DocumentDamaged));
        for e in errors {
            for l in [Locale::Fr, Locale::En] {
                let text = error_message(l, &e);
                assert!(
                    !text.contains("damaged-") && !text.contains("document-fault-"),
                    "{}: {text}",
                    l.tag()
                );
            }
            assert!(e.to_string().starts_with(e.code()), "{e}");
        }
        assert_eq!(
            error_message(
                Locale::Fr,
                &Error::Damaged(Damage::LogRecord {
                    event: 7,
                    fault: vault_core::LogFault::Invalid
                })
            ),
            "le coffre est endommagé : le journal d'accès à partir de l'événement 7 : \
             l'enregistrement manque ou n'est pas un événement valide ; restaurez-le depuis \
             une sauvegarde (voir docs/operations.md)"
        );
    }
}
