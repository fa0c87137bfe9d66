//! PDFs through lopdf: the Info dictionary, XMP metadata streams and applications'
//! private data.

use lopdf::{Dictionary, Document, Object};

use crate::{xmp, Block, Found, Reveals, Uncleanable};

/// The largest XMP stream read when inspecting, inflated.
const MAX_XMP: usize = 4 * 1024 * 1024;

fn load(data: &[u8]) -> Result<Document, Uncleanable> {
    Document::load_mem(data).map_err(|_| Uncleanable::Damaged)
}

/// The Info dictionary, inline or referenced.
fn info(doc: &Document) -> Option<&Dictionary> {
    match doc.trailer.get(b"Info").ok()? {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

fn has_text(object: &Object) -> bool {
    match object {
        Object::String(bytes, _) => bytes
            .iter()
            // UTF-16 byte order marks and NULs of an empty UTF-16 string say nothing.
            .any(|b| !matches!(b, 0 | 0xFE | 0xFF) && !b.is_ascii_whitespace()),
        _ => false,
    }
}

pub(crate) fn inspect(data: &[u8], found: &mut Found) -> Result<(), ()> {
    let doc = load(data).map_err(|_| ())?;
    if let Some(info) = info(&doc) {
        found.block(Block::PdfInfo);
        // Creator and Producer name the software; Author names a person.
        if info.get(b"Author").is_ok_and(has_text) {
            found.mark(Reveals::PersonName, "PDF Author");
        }
    }
    for object in doc.objects.values() {
        let dict = match object {
            Object::Stream(s) => &s.dict,
            Object::Dictionary(d) => d,
            _ => continue,
        };
        if dict.has(b"PieceInfo") {
            found.block(Block::PdfAppData);
        }
        if let Object::Stream(stream) = object {
            if dict
                .get(b"Type")
                .and_then(Object::as_name)
                .is_ok_and(|n| n == b"Metadata")
            {
                found.block(Block::Xmp);
                if let Ok(packet) = stream.decompressed_content_with_limit(MAX_XMP) {
                    xmp::inspect(&packet, found);
                } else if stream.dict.get(b"Filter").is_err() {
                    xmp::inspect(&stream.content, found);
                }
            }
        }
    }
    Ok(())
}

pub(crate) fn clean(data: &[u8], removed: &mut Vec<Block>) -> Result<Vec<u8>, Uncleanable> {
    let mut found = Found::default();
    inspect(data, &mut found).map_err(|_| Uncleanable::Damaged)?;
    let mut doc = load(data)?;
    if doc.is_encrypted() || doc.trailer.has(b"Encrypt") {
        return Err(Uncleanable::Encrypted);
    }
    removed.extend(found.blocks.iter().copied());
    doc.trailer.remove(b"Info");
    for object in doc.objects.values_mut() {
        let dict = match object {
            Object::Stream(s) => &mut s.dict,
            Object::Dictionary(d) => d,
            _ => continue,
        };
        dict.remove(b"Metadata");
        dict.remove(b"PieceInfo");
    }
    // The Info dictionary and the XMP streams are objects of their own: once nothing
    // refers to them they go, or the copy would still carry them.
    doc.prune_objects();
    let leftover = doc.objects.values().any(|o| {
        matches!(o, Object::Stream(s)
            if s.dict.get(b"Type").and_then(Object::as_name).is_ok_and(|n| n == b"Metadata"))
    });
    if leftover {
        // A metadata stream that something else still refers to: no clean copy.
        return Err(Uncleanable::Damaged);
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(|_| Uncleanable::Damaged)?;
    Ok(out)
}
