//! XMP packets (in JPEG, PNG, WebP and PDF files): what they name, read with roxmltree.

use crate::{Found, Reveals};

/// The XMP properties that reveal something, by local name: they come as elements
/// (`<dc:creator>...`) or as attributes (`exif:GPSLatitude="..."`).
fn reveals(local: &str) -> Option<Reveals> {
    match local {
        "GPSLatitude" | "GPSLongitude" => Some(Reveals::Gps),
        "creator" | "Artist" | "Author" | "OwnerName" | "CameraOwnerName" | "LastModifiedBy"
        | "Credit" | "CaptionWriter" | "AuthorsPosition" => Some(Reveals::PersonName),
        "SerialNumber"
        | "BodySerialNumber"
        | "LensSerialNumber"
        | "InternalSerialNumber"
        | "CameraSerialNumber" => Some(Reveals::DeviceSerial),
        _ => None,
    }
}

/// Marks what an XMP packet holds. A packet that is no XML marks nothing (its block is
/// still removed by a cleaning).
pub(crate) fn inspect(packet: &[u8], found: &mut Found) {
    let Ok(text) = std::str::from_utf8(packet) else {
        return;
    };
    // The packet wrapper (`<?xpacket ...?>`) and trailing padding are fine for roxmltree;
    // a NUL that some writers leave at the end is not.
    let text = text.trim_end_matches(['\0', ' ', '\n', '\r', '\t']);
    let Ok(doc) = roxmltree::Document::parse(text) else {
        return;
    };
    for node in doc.descendants().filter(|n| n.is_element()) {
        let local = node.tag_name().name();
        if let Some(r) = reveals(local) {
            let has_text = node
                .descendants()
                .any(|d| d.is_text() && !d.text().unwrap_or("").trim().is_empty());
            if has_text {
                found.mark(r, format!("XMP {local}"));
            }
        }
        for attribute in node.attributes() {
            if let Some(r) = reveals(attribute.name()) {
                if !attribute.value().trim().is_empty() {
                    found.mark(r, format!("XMP {}", attribute.name()));
                }
            }
        }
    }
}
