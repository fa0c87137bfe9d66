//! The words of the volunteers' pages, in French (the default) and English, from the Fluent
//! catalogues of vault-words (`web.ftl`): each field of [`Catalog`] and [`Web`] is one
//! message, loaded once per language, so that a page's words are checked by the compiler
//! and written by translators in one file per language. English is chosen by `?lang=en`
//! or by the browser's `Accept-Language`. The link pages' fifteen languages are
//! [`Locale`]'s.

pub use vault_words::locale;
pub use vault_words::Locale;

/// The language of a link page: `?lang=`, then the `vault_link_lang` cookie, then the
/// browser's `Accept-Language`, else French.
pub fn pick(query: Option<&str>, headers: &HeaderMap) -> Locale {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    Locale::choose(query, crate::auth::cookie(headers, locale::COOKIE), accept)
}

use std::sync::LazyLock;

use axum::http::{header, HeaderMap};
use vault_core::DocumentKind;

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
    /// The pseudo-language `en-XA` (debug builds only): English words, accented and
    /// bracketed, so that a word spelled outside the catalogues shows in tests.
    Pseudo,
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
            "en-xa" if cfg!(debug_assertions) => Some(Lang::Pseudo),
            _ => None,
        }
    }

    /// `fr` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Pseudo => "en-XA",
        }
    }

    /// The other language, for the switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En | Lang::Pseudo => Lang::Fr,
        }
    }

    /// The same language among the fifteen of the Fluent catalogues.
    pub fn locale(self) -> Locale {
        match self {
            Lang::Fr => Locale::Fr,
            Lang::En => Locale::En,
            Lang::Pseudo => Locale::Pseudo,
        }
    }

    /// The catalogue.
    pub fn t(self) -> &'static Catalog {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
            Lang::Pseudo => &PSEUDO,
        }
    }
}

/// Every string of the pages.
pub struct Catalog {
    /// The language these words are in.
    pub locale: Locale,
    /// The web interface's.
    pub web: Web,
    pub switch_to: &'static str,
    /// A file name of a multipart form that is not UTF-8.
    pub file_name_not_utf8: &'static str,
    /// A form or address whose fields are not UTF-8.
    pub form_not_utf8: &'static str,
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
    pub search_hint: &'static str,
    pub bundle_title: &'static str,
    pub bundle_text: &'static str,
    pub f_lawyer_key: &'static str,
    pub share_to_note: &'static str,
    pub f_originals: &'static str,
    pub f_working_copies: &'static str,
    pub working_copies_note: &'static str,
    pub originals_note: &'static str,
    pub share_cleaned: &'static str,
    pub share_originals: &'static str,
    pub sealed_to_key: &'static str,
    pub bundle_to_note: &'static str,
    pub bundle_button: &'static str,
    pub pages_label: &'static str,
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
    pub account_title: &'static str,
    pub old_password: &'static str,
    pub new_password: &'static str,
    pub again_password: &'static str,
    pub change_password: &'static str,
    pub password_changed: &'static str,
    pub passwords_differ: &'static str,
    pub nav_account: &'static str,
    pub confirm_title: &'static str,
    pub confirm_yes: &'static str,
    pub confirm_no: &'static str,
    pub report_note: &'static str,
    pub report_show: &'static str,
    pub report_all: &'static str,
    pub report_downloads: &'static str,
    pub report_uploads: &'static str,
    pub report_links: &'static str,
    pub report_changes: &'static str,
    pub report_filter: &'static str,
    pub report_none: &'static str,
    pub links_title: &'static str,
    pub share_title: &'static str,
    pub no_links: &'static str,
    pub live_shares: &'static str,
    pub live_uploads: &'static str,
    pub col_recipient: &'static str,
    pub col_use: &'static str,
    pub col_expires: &'static str,
    pub downloads_word: &'static str,
    pub files_word: &'static str,
    pub revoke: &'static str,
    pub ask_title: &'static str,
    pub ask_text: &'static str,
    pub ask_create: &'static str,
    pub ask_made: &'static str,
    pub f_valid_for: &'static str,
    pub f_max_files: &'static str,
    pub share_docs: &'static str,
    pub pick_documents: &'static str,
    pub f_recipient: &'static str,
    pub recipient_example: &'static str,
    pub f_share_message: &'static str,
    pub share_message_note: &'static str,
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

/// One word of the pages, kept for the life of the process: each catalogue is loaded once
/// per language (below) and its pages take `&'static str` fields, checked by the compiler.
fn word(l: Locale, id: &str) -> &'static str {
    Box::leak(l.say(id).into_boxed_str())
}

impl Catalog {
    fn load(l: Locale) -> Catalog {
        Catalog {
            locale: l,
            web: Web::load(l),
            switch_to: word(l, "web-switch-to"),
            file_name_not_utf8: word(l, "web-file-name-not-utf8"),
            form_not_utf8: word(l, "web-form-not-utf8"),
        }
    }
}

impl Web {
    fn load(l: Locale) -> Web {
        Web {
            account_action: word(l, "web-account-action"),
            account_enabled: word(l, "web-account-enabled"),
            account_disabled: word(l, "web-account-disabled"),
            disable: word(l, "web-disable"),
            enable: word(l, "web-enable"),
            space_section_title: word(l, "web-space-section-title"),
            space_section_text: word(l, "web-space-section-text"),
            live_spaces: word(l, "web-live-spaces"),
            col_created: word(l, "web-col-created"),
            space_create: word(l, "web-space-create"),
            space_made_text: word(l, "web-space-made-text"),
            space_passcode_label: word(l, "web-space-passcode-label"),
            print_note: word(l, "web-print-note"),
            app_name: word(l, "web-app-name"),
            skip: word(l, "web-skip"),
            nav_label: word(l, "web-nav-label"),
            nav_cases: word(l, "web-nav-cases"),
            nav_new_case: word(l, "web-nav-new-case"),
            nav_admin: word(l, "web-nav-admin"),
            signed_in_as: word(l, "web-signed-in-as"),
            sign_out: word(l, "web-sign-out"),
            role_admin: word(l, "web-role-admin"),
            role_coordinator: word(l, "web-role-coordinator"),
            role_volunteer: word(l, "web-role-volunteer"),
            error_title: word(l, "web-error-title"),
            back: word(l, "web-back"),
            done: word(l, "web-done"),
            required: word(l, "web-required"),
            csrf_title: word(l, "web-csrf-title"),
            csrf_text: word(l, "web-csrf-text"),
            bad_form_fr: word(l, "web-bad-form-fr"),
            bad_form_en: word(l, "web-bad-form-en"),
            login_title: word(l, "web-login-title"),
            login_user: word(l, "web-login-user"),
            login_password: word(l, "web-login-password"),
            login_button: word(l, "web-login-button"),
            login_wrong: word(l, "web-login-wrong"),
            login_throttled: word(l, "web-login-throttled"),
            login_note: word(l, "web-login-note"),
            cases_title: word(l, "web-cases-title"),
            search_label: word(l, "web-search-label"),
            search_button: word(l, "web-search-button"),
            search_hint: word(l, "web-search-hint"),
            bundle_title: word(l, "web-bundle-title"),
            bundle_text: word(l, "web-bundle-text"),
            f_lawyer_key: word(l, "web-f-lawyer-key"),
            share_to_note: word(l, "web-share-to-note"),
            f_originals: word(l, "web-f-originals"),
            f_working_copies: word(l, "web-f-working-copies"),
            working_copies_note: word(l, "web-working-copies-note"),
            originals_note: word(l, "web-originals-note"),
            share_cleaned: word(l, "web-share-cleaned"),
            share_originals: word(l, "web-share-originals"),
            sealed_to_key: word(l, "web-sealed-to-key"),
            bundle_to_note: word(l, "web-bundle-to-note"),
            bundle_button: word(l, "web-bundle-button"),
            pages_label: word(l, "web-pages-label"),
            filter_label: word(l, "web-filter-label"),
            filter_open: word(l, "web-filter-open"),
            filter_closed: word(l, "web-filter-closed"),
            filter_all: word(l, "web-filter-all"),
            no_cases: word(l, "web-no-cases"),
            col_name: word(l, "web-col-name"),
            col_team: word(l, "web-col-team"),
            col_status: word(l, "web-col-status"),
            col_activity: word(l, "web-col-activity"),
            status_open: word(l, "web-status-open"),
            status_closed: word(l, "web-status-closed"),
            new_case_title: word(l, "web-new-case-title"),
            no_team: word(l, "web-no-team"),
            f_team: word(l, "web-f-team"),
            f_name: word(l, "web-f-name"),
            f_birth: word(l, "web-f-birth"),
            f_nationality: word(l, "web-f-nationality"),
            f_language: word(l, "web-f-language"),
            f_contact: word(l, "web-f-contact"),
            f_notes: word(l, "web-f-notes"),
            create_case: word(l, "web-create-case"),
            name_missing: word(l, "web-name-missing"),
            edit_title: word(l, "web-edit-title"),
            save: word(l, "web-save"),
            back_to_case: word(l, "web-back-to-case"),
            profile_title: word(l, "web-profile-title"),
            close_case: word(l, "web-close-case"),
            reopen_case: word(l, "web-reopen-case"),
            documents_title: word(l, "web-documents-title"),
            no_documents: word(l, "web-no-documents"),
            added_count: word(l, "web-added-count"),
            added_by: word(l, "web-added-by"),
            version: word(l, "web-version"),
            versions: word(l, "web-versions"),
            to_classify: word(l, "web-to-classify"),
            download: word(l, "web-download"),
            verify: word(l, "web-verify"),
            reclassify: word(l, "web-reclassify"),
            evidence_note: word(l, "web-evidence-note"),
            new_version: word(l, "web-new-version"),
            upload_title: word(l, "web-upload-title"),
            f_kind: word(l, "web-f-kind"),
            f_files: word(l, "web-f-files"),
            upload_note: word(l, "web-upload-note"),
            upload_button: word(l, "web-upload-button"),
            verify_title: word(l, "web-verify-title"),
            verify_ok: word(l, "web-verify-ok"),
            verify_damaged: word(l, "web-verify-damaged"),
            report_title: word(l, "web-report-title"),
            account_title: word(l, "web-account-title"),
            old_password: word(l, "web-old-password"),
            new_password: word(l, "web-new-password"),
            again_password: word(l, "web-again-password"),
            change_password: word(l, "web-change-password"),
            password_changed: word(l, "web-password-changed"),
            passwords_differ: word(l, "web-passwords-differ"),
            nav_account: word(l, "web-nav-account"),
            confirm_title: word(l, "web-confirm-title"),
            confirm_yes: word(l, "web-confirm-yes"),
            confirm_no: word(l, "web-confirm-no"),
            report_note: word(l, "web-report-note"),
            report_show: word(l, "web-report-show"),
            report_all: word(l, "web-report-all"),
            report_downloads: word(l, "web-report-downloads"),
            report_uploads: word(l, "web-report-uploads"),
            report_links: word(l, "web-report-links"),
            report_changes: word(l, "web-report-changes"),
            report_filter: word(l, "web-report-filter"),
            report_none: word(l, "web-report-none"),
            links_title: word(l, "web-links-title"),
            share_title: word(l, "web-share-title"),
            no_links: word(l, "web-no-links"),
            live_shares: word(l, "web-live-shares"),
            live_uploads: word(l, "web-live-uploads"),
            col_recipient: word(l, "web-col-recipient"),
            col_use: word(l, "web-col-use"),
            col_expires: word(l, "web-col-expires"),
            downloads_word: word(l, "web-downloads-word"),
            files_word: word(l, "web-files-word"),
            revoke: word(l, "web-revoke"),
            ask_title: word(l, "web-ask-title"),
            ask_text: word(l, "web-ask-text"),
            ask_create: word(l, "web-ask-create"),
            ask_made: word(l, "web-ask-made"),
            f_valid_for: word(l, "web-f-valid-for"),
            f_max_files: word(l, "web-f-max-files"),
            share_docs: word(l, "web-share-docs"),
            pick_documents: word(l, "web-pick-documents"),
            f_recipient: word(l, "web-f-recipient"),
            recipient_example: word(l, "web-recipient-example"),
            f_share_message: word(l, "web-f-share-message"),
            share_message_note: word(l, "web-share-message-note"),
            f_max_downloads: word(l, "web-f-max-downloads"),
            f_passphrase: word(l, "web-f-passphrase"),
            passphrase_note: word(l, "web-passphrase-note"),
            share_create: word(l, "web-share-create"),
            share_made: word(l, "web-share-made"),
            link_once: word(l, "web-link-once"),
            link_label: word(l, "web-link-label"),
            copy: word(l, "web-copy"),
            qr_label: word(l, "web-qr-label"),
            admin_title: word(l, "web-admin-title"),
            users_title: word(l, "web-users-title"),
            f_user: word(l, "web-f-user"),
            f_role: word(l, "web-f-role"),
            create_user: word(l, "web-create-user"),
            f_first_password: word(l, "web-f-first-password"),
            recover_title: word(l, "web-recover-title"),
            recover_note: word(l, "web-recover-note"),
            f_recovery_key: word(l, "web-f-recovery-key"),
            f_new_password: word(l, "web-f-new-password"),
            recover_button: word(l, "web-recover-button"),
            teams_title: word(l, "web-teams-title"),
            rotation_note: word(l, "web-rotation-note"),
            key_epoch: word(l, "web-key-epoch"),
            remove_member: word(l, "web-remove-member"),
            add_member: word(l, "web-add-member"),
            add_button: word(l, "web-add-button"),
            create_team: word(l, "web-create-team"),
            f_team_name: word(l, "web-f-team-name"),
            audit_title: word(l, "web-audit-title"),
            checkpoint: word(l, "web-checkpoint"),
            checkpoint_note: word(l, "web-checkpoint-note"),
            f_kept_checkpoint: word(l, "web-f-kept-checkpoint"),
            verify_log: word(l, "web-verify-log"),
            verify_result: word(l, "web-verify-result"),
            log_ok: word(l, "web-log-ok"),
            root: word(l, "web-root"),
            log_bad: word(l, "web-log-bad"),
            storage_ok: word(l, "web-storage-ok"),
            storage_damaged: word(l, "web-storage-damaged"),
            storage_leftovers: word(l, "web-storage-leftovers"),
            backups_title: word(l, "web-backups-title"),
            backup_target: word(l, "web-backup-target"),
            backup_no_target: word(l, "web-backup-no-target"),
            backup_never: word(l, "web-backup-never"),
            backup_running: word(l, "web-backup-running"),
            backup_ok: word(l, "web-backup-ok"),
            backup_snapshot: word(l, "web-backup-snapshot"),
            backup_copied: word(l, "web-backup-copied"),
            backup_failed: word(l, "web-backup-failed"),
            backup_now: word(l, "web-backup-now"),
            backup_note: word(l, "web-backup-note"),
        }
    }
}

/// Every id the pages take from `web.ftl` (a test checks that French and English have each).
#[cfg(test)]
pub const IDS: &[&str] = &[
    "web-switch-to",
    "web-file-name-not-utf8",
    "web-form-not-utf8",
    "web-account-action",
    "web-account-enabled",
    "web-account-disabled",
    "web-disable",
    "web-enable",
    "web-space-section-title",
    "web-space-section-text",
    "web-live-spaces",
    "web-col-created",
    "web-space-create",
    "web-space-made-text",
    "web-space-passcode-label",
    "web-print-note",
    "web-app-name",
    "web-skip",
    "web-nav-label",
    "web-nav-cases",
    "web-nav-new-case",
    "web-nav-admin",
    "web-signed-in-as",
    "web-sign-out",
    "web-role-admin",
    "web-role-coordinator",
    "web-role-volunteer",
    "web-error-title",
    "web-back",
    "web-done",
    "web-required",
    "web-csrf-title",
    "web-csrf-text",
    "web-bad-form-fr",
    "web-bad-form-en",
    "web-login-title",
    "web-login-user",
    "web-login-password",
    "web-login-button",
    "web-login-wrong",
    "web-login-throttled",
    "web-login-note",
    "web-cases-title",
    "web-search-label",
    "web-search-button",
    "web-filter-label",
    "web-filter-open",
    "web-filter-closed",
    "web-filter-all",
    "web-no-cases",
    "web-col-name",
    "web-col-team",
    "web-col-status",
    "web-col-activity",
    "web-status-open",
    "web-status-closed",
    "web-new-case-title",
    "web-no-team",
    "web-f-team",
    "web-f-name",
    "web-f-birth",
    "web-f-nationality",
    "web-f-language",
    "web-f-contact",
    "web-f-notes",
    "web-create-case",
    "web-name-missing",
    "web-edit-title",
    "web-save",
    "web-back-to-case",
    "web-profile-title",
    "web-close-case",
    "web-reopen-case",
    "web-documents-title",
    "web-no-documents",
    "web-added-count",
    "web-added-by",
    "web-version",
    "web-versions",
    "web-to-classify",
    "web-download",
    "web-verify",
    "web-reclassify",
    "web-evidence-note",
    "web-new-version",
    "web-upload-title",
    "web-f-kind",
    "web-f-files",
    "web-upload-note",
    "web-upload-button",
    "web-verify-title",
    "web-verify-ok",
    "web-verify-damaged",
    "web-report-title",
    "web-report-note",
    "web-links-title",
    "web-share-title",
    "web-no-links",
    "web-live-shares",
    "web-live-uploads",
    "web-col-recipient",
    "web-col-use",
    "web-col-expires",
    "web-downloads-word",
    "web-files-word",
    "web-revoke",
    "web-ask-title",
    "web-ask-text",
    "web-ask-create",
    "web-ask-made",
    "web-f-valid-for",
    "web-f-max-files",
    "web-share-docs",
    "web-pick-documents",
    "web-f-recipient",
    "web-recipient-example",
    "web-f-max-downloads",
    "web-f-passphrase",
    "web-passphrase-note",
    "web-share-create",
    "web-share-made",
    "web-link-once",
    "web-link-label",
    "web-copy",
    "web-qr-label",
    "web-admin-title",
    "web-users-title",
    "web-f-user",
    "web-f-role",
    "web-create-user",
    "web-f-first-password",
    "web-recover-title",
    "web-recover-note",
    "web-f-recovery-key",
    "web-f-new-password",
    "web-recover-button",
    "web-teams-title",
    "web-rotation-note",
    "web-key-epoch",
    "web-remove-member",
    "web-add-member",
    "web-add-button",
    "web-create-team",
    "web-f-team-name",
    "web-audit-title",
    "web-checkpoint",
    "web-checkpoint-note",
    "web-f-kept-checkpoint",
    "web-verify-log",
    "web-verify-result",
    "web-log-ok",
    "web-root",
    "web-log-bad",
    "web-storage-ok",
    "web-storage-damaged",
    "web-storage-leftovers",
    "web-backups-title",
    "web-backup-target",
    "web-backup-no-target",
    "web-backup-never",
    "web-backup-running",
    "web-backup-ok",
    "web-backup-snapshot",
    "web-backup-copied",
    "web-backup-failed",
    "web-backup-now",
    "web-backup-note",
];

/// The French words of the pages.
pub static FR: LazyLock<Catalog> = LazyLock::new(|| Catalog::load(Locale::Fr));
/// The English words of the pages.
pub static EN: LazyLock<Catalog> = LazyLock::new(|| Catalog::load(Locale::En));
/// The pseudo-language's words (reached in debug builds only, see [`Lang::Pseudo`]).
pub static PSEUDO: LazyLock<Catalog> = LazyLock::new(|| Catalog::load(Locale::Pseudo));

impl Catalog {
    /// The name of a document kind.
    pub fn kind(&self, kind: DocumentKind) -> String {
        self.locale.kind(kind)
    }

    /// A size as people read it: `1,5 Mo`, `1.5 MB`.
    pub fn size(&self, bytes: u64) -> String {
        self.locale.size(bytes)
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

    #[test]
    fn every_word_of_the_pages_is_in_french_and_english() {
        for id in IDS {
            assert!(Locale::Fr.has(id) && Locale::En.has(id), "{id}");
        }
        assert!(FR.web.login_title.contains("Connexion") || !FR.web.login_title.is_empty());
    }
}
