//! The words of the pages, one catalogue per language. French is the default; English is
//! chosen by `?lang=en` or by the browser's `Accept-Language`. Adding a language is adding
//! a catalogue here.

use axum::http::{header, HeaderMap};
use vault_core::DocumentKind;

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

    fn parse(code: &str) -> Option<Lang> {
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

    /// The catalogue.
    pub fn t(self) -> &'static Catalog {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }
}

/// Every string of the link pages.
pub struct Catalog {
    pub switch_to: &'static str,
    pub dead_title: &'static str,
    pub dead_text: &'static str,
    pub share_title: &'static str,
    pub share_intro: &'static str,
    pub expires: &'static str,
    pub downloads_left: &'static str,
    pub download: &'static str,
    pub recorded: &'static str,
    pub no_document: &'static str,
    pub passphrase_title: &'static str,
    pub passphrase_text: &'static str,
    pub passphrase_label: &'static str,
    pub passphrase_wrong: &'static str,
    pub open: &'static str,
    pub upload_title: &'static str,
    pub upload_intro: &'static str,
    pub upload_limits: &'static str,
    pub upload_files_label: &'static str,
    pub upload_camera_label: &'static str,
    pub send: &'static str,
    pub receipt_title: &'static str,
    pub receipt_intro: &'static str,
    pub receipt_name: &'static str,
    pub receipt_size: &'static str,
    pub receipt_hash: &'static str,
    pub refused_title: &'static str,
    pub refused_too_large: &'static str,
    pub refused_full: &'static str,
    pub refused_invalid: &'static str,
    pub refused_failed: &'static str,
    pub nothing_chosen: &'static str,
    pub too_many_requests: &'static str,
    /// The server's password-checking queue is full.
    pub busy: &'static str,
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

impl Catalog {
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

pub static FR: Catalog = Catalog {
    switch_to: "English",
    dead_title: "Lien expiré ou inconnu",
    dead_text: "Ce lien n'existe pas ou n'est plus valable : il a peut-être expiré, été utilisé le nombre de fois prévu ou été révoqué. Demandez un nouveau lien à la personne qui vous l'a envoyé.",
    share_title: "Documents partagés avec vous",
    share_intro: "Une association d'aide juridique vous a envoyé ces documents. Téléchargez-les avant l'expiration du lien.",
    expires: "Ce lien expire le",
    downloads_left: "Téléchargements restants (tous documents confondus) :",
    download: "Télécharger",
    recorded: "Chaque ouverture et chaque téléchargement sont enregistrés dans le journal du dossier.",
    no_document: "Aucun document n'est plus disponible par ce lien.",
    passphrase_title: "Phrase secrète",
    passphrase_text: "Ce lien est protégé par une phrase secrète, transmise séparément (SMS, téléphone).",
    passphrase_label: "Phrase secrète",
    passphrase_wrong: "Phrase secrète erronée. Essais restants avant le blocage du lien :",
    open: "Ouvrir",
    upload_title: "Envoyer vos documents",
    upload_intro: "Photographiez vos papiers ou choisissez des fichiers. Ils sont chiffrés dès leur arrivée : seule l'association pourra les lire, et vous ne pourrez pas les revoir ici.",
    upload_limits: "Ce lien accepte encore :",
    upload_files_label: "Choisir des fichiers (photos, PDF)",
    upload_camera_label: "Ou prendre une photo",
    send: "Envoyer",
    receipt_title: "Reçu",
    receipt_intro: "Ces fichiers ont bien été reçus et chiffrés. Gardez cette page : l'empreinte (BLAKE3) prouve ce que vous avez envoyé.",
    receipt_name: "Fichier",
    receipt_size: "Taille",
    receipt_hash: "Empreinte BLAKE3",
    refused_title: "Fichiers refusés (rien n'en a été gardé)",
    refused_too_large: "trop volumineux pour ce lien",
    refused_full: "ce lien n'accepte plus de fichier",
    refused_invalid: "fichier refusé",
    refused_failed: "l'envoi a échoué, réessayez",
    nothing_chosen: "Aucun fichier choisi.",
    too_many_requests: "Trop de demandes : réessayez dans une minute.",
    busy: "Le serveur est très occupé : réessayez dans quelques secondes.",
    identity: "pièce d'identité",
    appeal: "recours",
    evidence: "preuve",
    other: "autre",
    bytes: "octets",
    kib: "Ko",
    mib: "Mo",
    gib: "Go",
    decimal: ',',
};

pub static EN: Catalog = Catalog {
    switch_to: "Français",
    dead_title: "Link expired or unknown",
    dead_text: "This link does not exist or is no longer valid: it may have expired, been used as many times as allowed, or been revoked. Ask the person who sent it for a new one.",
    share_title: "Documents shared with you",
    share_intro: "A legal-aid association sent you these documents. Download them before the link expires.",
    expires: "This link expires on",
    downloads_left: "Downloads left (all documents together):",
    download: "Download",
    recorded: "Every opening and every download is recorded in the case's access log.",
    no_document: "No document is available through this link any more.",
    passphrase_title: "Passphrase",
    passphrase_text: "This link is protected by a passphrase, sent separately (text message, phone).",
    passphrase_label: "Passphrase",
    passphrase_wrong: "Wrong passphrase. Tries left before the link locks:",
    open: "Open",
    upload_title: "Send your documents",
    upload_intro: "Take photos of your papers or choose files. They are encrypted as they arrive: only the association can read them, and you cannot see them again here.",
    upload_limits: "This link still accepts:",
    upload_files_label: "Choose files (photos, PDF)",
    upload_camera_label: "Or take a photo",
    send: "Send",
    receipt_title: "Receipt",
    receipt_intro: "These files were received and encrypted. Keep this page: the fingerprint (BLAKE3) proves what you sent.",
    receipt_name: "File",
    receipt_size: "Size",
    receipt_hash: "BLAKE3 fingerprint",
    refused_title: "Files refused (nothing of them was kept)",
    refused_too_large: "too large for this link",
    refused_full: "this link accepts no more files",
    refused_invalid: "file refused",
    refused_failed: "the upload failed, try again",
    nothing_chosen: "No file chosen.",
    too_many_requests: "Too many requests: try again in a minute.",
    busy: "The server is very busy: try again in a few seconds.",
    identity: "identity document",
    appeal: "appeal",
    evidence: "evidence",
    other: "other",
    bytes: "bytes",
    kib: "KB",
    mib: "MB",
    gib: "GB",
    decimal: '.',
};

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
