//! Hidden metadata in words: what a document's metadata reveals, what a cleaned copy lost,
//! and why a file leaves as it is (`meta-*` of `web.ftl`, French and English).

use vault_core::{Block, Inspection, Reveals, Sent, Uncleanable};

use crate::locale::Locale;

/// What a finding reveals: "position GPS".
pub fn reveals(l: Locale, r: Reveals) -> String {
    l.say(match r {
        Reveals::Gps => "meta-reveals-gps",
        Reveals::PersonName => "meta-reveals-person-name",
        Reveals::DeviceSerial => "meta-reveals-device-serial",
        Reveals::Organization => "meta-reveals-organization",
    })
}

/// A block of metadata: "EXIF", "propriétés du PDF (auteur, logiciel, dates)".
pub fn block(l: Locale, b: Block) -> String {
    l.say(match b {
        Block::Exif => "meta-block-exif",
        Block::Xmp => "meta-block-xmp",
        Block::Iptc => "meta-block-iptc",
        Block::Comment => "meta-block-comment",
        Block::ExtraImages => "meta-block-extra-images",
        Block::VendorData => "meta-block-vendor-data",
        Block::PdfInfo => "meta-block-pdf-info",
        Block::PdfAppData => "meta-block-pdf-app-data",
        Block::OfficeProperties => "meta-block-office-properties",
    })
}

/// Why a file leaves as it is: "format que le coffre ne sait pas nettoyer".
pub fn uncleanable(l: Locale, u: Uncleanable) -> String {
    let why = match u {
        Uncleanable::Format => l.say("meta-why-format"),
        Uncleanable::TooLarge => l.say_with(
            "meta-why-too-large",
            &[
                ("limit", l.size(vault_core::Format::Jpeg.max_bytes()).into()),
                ("pdf", l.size(vault_core::Format::Pdf.max_bytes()).into()),
            ],
        ),
        Uncleanable::Damaged => l.say("meta-why-damaged"),
        Uncleanable::Encrypted => l.say("meta-why-encrypted"),
    };
    l.say_with("meta-sent-as-is", &[("why", why.into())])
}

/// What a document's metadata reveals, for its case page: `None` when nothing.
/// "Métadonnées cachées : position GPS (EXIF GPSLatitude), nom d'une personne (PDF Author)".
pub fn marks(l: Locale, inspection: &Inspection) -> Option<String> {
    let marks = &inspection.findings.marks;
    if marks.is_empty() {
        return None;
    }
    // One entry per thing revealed, with the fields that hold it: "position GPS (EXIF
    // GPSLatitude, EXIF GPSLongitude)". Marks come sorted by what they reveal.
    let mut groups: Vec<(Reveals, Vec<&str>)> = Vec::new();
    for m in marks {
        match groups.last_mut() {
            Some((r, fields)) if *r == m.reveals => fields.push(&m.field),
            _ => groups.push((m.reveals, vec![&m.field])),
        }
    }
    let list = groups
        .iter()
        .map(|(r, fields)| format!("{} ({})", reveals(l, *r), fields.join(", ")))
        .collect::<Vec<_>>()
        .join(", ");
    Some(l.say_with("meta-marks", &[("list", list.into())]))
}

/// What leaves for one document of a share: "copie nettoyée, sans : EXIF, XMP".
pub fn sent(l: Locale, s: &Sent) -> String {
    match s {
        Sent::Cleaned { removed } if removed.is_empty() => l.say("meta-sent-nothing-to-remove"),
        Sent::Cleaned { removed } => {
            let list = removed
                .iter()
                .map(|b| block(l, *b))
                .collect::<Vec<_>>()
                .join(", ");
            l.say_with("meta-sent-cleaned", &[("list", list.into())])
        }
        Sent::AsIs { why } => uncleanable(l, *why),
        Sent::Original => l.say("meta-sent-original"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vault_core::{Findings, Format, Mark};

    #[test]
    fn every_finding_removal_and_reason_has_words_in_french_and_english() {
        let inspection = Inspection {
            findings: Findings {
                format: Some(Format::Jpeg),
                marks: vec![Mark {
                    reveals: Reveals::Gps,
                    field: "EXIF GPSLatitude".into(),
                }],
                blocks: vec![Block::Exif],
                damaged: false,
            },
            too_large: false,
        };
        for l in [Locale::Fr, Locale::En] {
            for r in [
                Reveals::Gps,
                Reveals::PersonName,
                Reveals::DeviceSerial,
                Reveals::Organization,
            ] {
                assert!(!reveals(l, r).starts_with("meta-"), "{l:?} {r:?}");
            }
            let blocks = [
                Block::Exif,
                Block::Xmp,
                Block::Iptc,
                Block::Comment,
                Block::ExtraImages,
                Block::VendorData,
                Block::PdfInfo,
                Block::PdfAppData,
                Block::OfficeProperties,
            ];
            for b in blocks {
                assert!(!block(l, b).starts_with("meta-"), "{l:?} {b:?}");
            }
            for u in [
                Uncleanable::Format,
                Uncleanable::TooLarge,
                Uncleanable::Damaged,
                Uncleanable::Encrypted,
            ] {
                assert!(!uncleanable(l, u).contains("meta-"), "{l:?} {u:?}");
            }
            let m = marks(l, &inspection).unwrap();
            assert!(m.contains("GPS") && m.contains("EXIF GPSLatitude"), "{m}");
            let s = sent(
                l,
                &Sent::Cleaned {
                    removed: blocks.to_vec(),
                },
            );
            assert!(s.contains("EXIF") && s.contains("XMP"), "{s}");
            assert!(!sent(l, &Sent::Original).starts_with("meta-"));
        }
        assert_eq!(marks(Locale::Fr, &Inspection::default()), None);
    }
}
