//! The words of the pages, one catalogue per language (`fr.rs`, `en.rs`). French is the
//! default; English is chosen by `?lang=en` or by the browser's `Accept-Language`. Adding a
//! language is adding a catalogue file and a `Lang` variant.

mod en;
mod fr;
pub use vault_words::locale;
pub use vault_words::Locale;

/// The language of a link page: `?lang=`, then the `vault_lang` cookie, then the
/// browser's `Accept-Language`, else French.
pub fn pick(query: Option<&str>, headers: &HeaderMap) -> Locale {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    Locale::choose(query, crate::auth::cookie(headers, locale::COOKIE), accept)
}

pub use en::EN;
pub use fr::FR;

use axum::http::{header, HeaderMap};
use vault_core::{DocumentKind, NameProblem};

/// A character as its code point: `U+202E`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// The languages of the pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// Français.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// `?lang=` first, then the first of fr/en in `Accept-Language`, else French.
    pub fn pick(query: Option<&str>, headers: &HeaderMap) -> Lang {
        if let Some(l) = query.and_then(Lang::parse) {
            return l;
        }
        let accept = headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        accept
            .split(',')
            .filter_map(|part| part.split(';').next())
            .find_map(|tag| Lang::parse(tag.trim().get(..2).unwrap_or("")))
            .unwrap_or(Lang::Fr)
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// `fr` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The other language, for the switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    /// The same language among the fifteen of the Fluent catalogues.
    pub fn locale(self) -> Locale {
        match self {
            Lang::Fr => Locale::Fr,
            Lang::En => Locale::En,
        }
    }

    /// The catalogue.
    pub fn t(self) -> &'static Catalog {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }
}

/// Every string of the pages.
pub struct Catalog {
    /// The web interface's.
    pub web: Web,
    pub switch_to: &'static str,
    /// The names of fields that hold names, for the messages below.
    pub name_file: &'static str,
    pub name_person: &'static str,
    pub name_label: &'static str,
    pub name_user: &'static str,
    pub name_team: &'static str,
    pub name_other: &'static str,
    /// "refused:", after a field's name.
    pub name_refused: &'static str,
    pub name_blank: &'static str,
    /// `{char}` is replaced by the character's code point (U+202E).
    pub name_direction: &'static str,
    pub name_invisible: &'static str,
    /// A file name of a multipart form that is not UTF-8.
    pub file_name_not_utf8: &'static str,
    /// A form or address whose fields are not UTF-8.
    pub form_not_utf8: &'static str,

    pub identity: &'static str,
    pub appeal: &'static str,
    pub evidence: &'static str,
    pub other: &'static str,
    pub bytes: &'static str,
    pub kib: &'static str,
    pub mib: &'static str,
    pub gib: &'static str,
    pub decimal: char,
}

/// Every string of the volunteers' web interface.
pub struct Web {
    pub account_action: &'static str,
    pub account_enabled: &'static str,
    pub account_disabled: &'static str,
    pub disable: &'static str,
    pub enable: &'static str,
    pub space_section_title: &'static str,
    pub space_section_text: &'static str,
    pub live_spaces: &'static str,
    pub col_created: &'static str,
    pub space_create: &'static str,
    pub space_made_text: &'static str,
    pub space_passcode_label: &'static str,
    pub print_note: &'static str,
    pub app_name: &'static str,
    pub skip: &'static str,
    pub nav_label: &'static str,
    pub nav_cases: &'static str,
    pub nav_new_case: &'static str,
    pub nav_admin: &'static str,
    pub signed_in_as: &'static str,
    pub sign_out: &'static str,
    pub role_admin: &'static str,
    pub role_coordinator: &'static str,
    pub role_volunteer: &'static str,
    pub error_title: &'static str,
    pub back: &'static str,
    pub done: &'static str,
    pub required: &'static str,
    pub csrf_title: &'static str,
    pub csrf_text: &'static str,
    pub bad_form_fr: &'static str,
    pub bad_form_en: &'static str,
    pub login_title: &'static str,
    pub login_user: &'static str,
    pub login_password: &'static str,
    pub login_button: &'static str,
    pub login_wrong: &'static str,
    pub login_throttled: &'static str,
    pub login_note: &'static str,
    pub cases_title: &'static str,
    pub search_label: &'static str,
    pub search_button: &'static str,
    pub filter_label: &'static str,
    pub filter_open: &'static str,
    pub filter_closed: &'static str,
    pub filter_all: &'static str,
    pub no_cases: &'static str,
    pub col_name: &'static str,
    pub col_team: &'static str,
    pub col_status: &'static str,
    pub col_activity: &'static str,
    pub status_open: &'static str,
    pub status_closed: &'static str,
    pub new_case_title: &'static str,
    pub no_team: &'static str,
    pub f_team: &'static str,
    pub f_name: &'static str,
    pub f_birth: &'static str,
    pub f_nationality: &'static str,
    pub f_language: &'static str,
    pub f_contact: &'static str,
    pub f_notes: &'static str,
    pub create_case: &'static str,
    pub name_missing: &'static str,
    pub edit_title: &'static str,
    pub save: &'static str,
    pub back_to_case: &'static str,
    pub profile_title: &'static str,
    pub close_case: &'static str,
    pub reopen_case: &'static str,
    pub documents_title: &'static str,
    pub no_documents: &'static str,
    pub added_count: &'static str,
    pub added_by: &'static str,
    pub version: &'static str,
    pub versions: &'static str,
    pub to_classify: &'static str,
    pub download: &'static str,
    pub verify: &'static str,
    pub reclassify: &'static str,
    pub evidence_note: &'static str,
    pub new_version: &'static str,
    pub upload_title: &'static str,
    pub f_kind: &'static str,
    pub f_files: &'static str,
    pub upload_note: &'static str,
    pub upload_button: &'static str,
    pub verify_title: &'static str,
    pub verify_ok: &'static str,
    pub verify_damaged: &'static str,
    pub report_title: &'static str,
    pub report_note: &'static str,
    pub links_title: &'static str,
    pub share_title: &'static str,
    pub no_links: &'static str,
    pub live_shares: &'static str,
    pub live_uploads: &'static str,
    pub col_recipient: &'static str,
    pub col_use: &'static str,
    pub col_expires: &'static str,
    pub docs_short: &'static str,
    pub downloads_word: &'static str,
    pub files_word: &'static str,
    pub revoke: &'static str,
    pub ask_title: &'static str,
    pub ask_text: &'static str,
    pub ask_create: &'static str,
    pub ask_made: &'static str,
    pub f_valid_for: &'static str,
    pub f_max_files: &'static str,
    pub day: &'static str,
    pub days: &'static str,
    pub share_docs: &'static str,
    pub pick_documents: &'static str,
    pub f_recipient: &'static str,
    pub recipient_example: &'static str,
    pub f_max_downloads: &'static str,
    pub f_passphrase: &'static str,
    pub passphrase_note: &'static str,
    pub share_create: &'static str,
    pub share_made: &'static str,
    pub link_once: &'static str,
    pub link_label: &'static str,
    pub copy: &'static str,
    pub qr_label: &'static str,
    pub admin_title: &'static str,
    pub users_title: &'static str,
    pub f_user: &'static str,
    pub f_role: &'static str,
    pub create_user: &'static str,
    pub f_first_password: &'static str,
    pub recover_title: &'static str,
    pub recover_note: &'static str,
    pub f_recovery_key: &'static str,
    pub f_new_password: &'static str,
    pub recover_button: &'static str,
    pub teams_title: &'static str,
    pub rotation_note: &'static str,
    pub key_epoch: &'static str,
    pub remove_member: &'static str,
    pub add_member: &'static str,
    pub add_button: &'static str,
    pub create_team: &'static str,
    pub f_team_name: &'static str,
    pub audit_title: &'static str,
    pub checkpoint: &'static str,
    pub checkpoint_note: &'static str,
    pub f_kept_checkpoint: &'static str,
    pub verify_log: &'static str,
    pub verify_result: &'static str,
    pub log_ok: &'static str,
    pub root: &'static str,
    pub log_bad: &'static str,
    pub storage_ok: &'static str,
    pub storage_damaged: &'static str,
    pub storage_leftovers: &'static str,
    pub backups_title: &'static str,
    pub backup_target: &'static str,
    pub backup_no_target: &'static str,
    pub backup_never: &'static str,
    pub backup_running: &'static str,
    pub backup_ok: &'static str,
    pub backup_snapshot: &'static str,
    pub backup_copied: &'static str,
    pub backup_failed: &'static str,
    pub backup_now: &'static str,
    pub backup_note: &'static str,
}

impl Catalog {
    /// Why a name was refused, e.g. "nom de fichier refusé : il contient un caractère...".
    pub fn name_refused(&self, field: &str, problem: NameProblem) -> String {
        let what = match field {
            "file name" => self.name_file,
            "name" => self.name_person,
            "label" => self.name_label,
            "user name" => self.name_user,
            "team name" => self.name_team,
            _ => self.name_other,
        };
        let why = match problem {
            NameProblem::Blank => self.name_blank.to_owned(),
            NameProblem::DirectionControl(c) => {
                self.name_direction.replace("{char}", &code_point(c))
            }
            _ => self.name_invisible.replace(
                "{char}",
                &problem.character().map(code_point).unwrap_or_default(),
            ),
        };
        format!("{what} {} {why}", self.name_refused)
    }

    /// The name of a document kind.
    pub fn kind(&self, kind: DocumentKind) -> &'static str {
        match kind {
            DocumentKind::Identity => self.identity,
            DocumentKind::Appeal => self.appeal,
            DocumentKind::Evidence => self.evidence,
            _ => self.other,
        }
    }

    /// A size as people read it: `1,5 Mo`, `1.5 MB`.
    pub fn size(&self, bytes: u64) -> String {
        let (value, unit) = match bytes {
            b if b < 1024 => return format!("{b} {}", self.bytes),
            b if b < 1 << 20 => (b as f64 / 1024.0, self.kib),
            b if b < 1 << 30 => (b as f64 / (1u64 << 20) as f64, self.mib),
            b => (b as f64 / (1u64 << 30) as f64, self.gib),
        };
        format!("{value:.1} {unit}").replace('.', &self.decimal.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_from_query_then_header() {
        let mut h = HeaderMap::new();
        assert_eq!(Lang::pick(None, &h), Lang::Fr);
        h.insert(
            header::ACCEPT_LANGUAGE,
            "en-GB,en;q=0.9,fr;q=0.8".parse().unwrap(),
        );
        assert_eq!(Lang::pick(None, &h), Lang::En);
        assert_eq!(Lang::pick(Some("fr"), &h), Lang::Fr);
        h.insert(header::ACCEPT_LANGUAGE, "ar, fr-FR;q=0.5".parse().unwrap());
        assert_eq!(Lang::pick(None, &h), Lang::Fr);
        assert_eq!(Lang::pick(Some("xx"), &HeaderMap::new()), Lang::Fr);
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(FR.size(512), "512 octets");
        assert_eq!(FR.size(1536), "1,5 Ko");
        assert_eq!(EN.size(5 << 20), "5.0 MB");
    }
}
