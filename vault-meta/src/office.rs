//! Office files (OOXML: docx, xlsx, pptx; ODF: odt, ods, odp), which are ZIP archives:
//! their properties (`docProps/*.xml`, `meta.xml`) name authors and editors.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::{Block, Format, Found, Reveals, Uncleanable};

/// The largest properties part read, inflated.
const MAX_PART: u64 = 4 * 1024 * 1024;

/// The parts that hold properties, and what a cleaned copy puts in their place: the same
/// part with nothing in it, so that the references to it from elsewhere in the file stay
/// valid.
const PARTS: &[(&str, &str)] = &[
    (
        "docProps/core.xml",
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"></cp:coreProperties>"#,
    ),
    (
        "docProps/app.xml",
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>"#,
    ),
    (
        "docProps/custom.xml",
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>"#,
    ),
    (
        "meta.xml",
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"><office:meta/></office:document-meta>"#,
    ),
];

/// What a property reveals, by local name.
fn reveals(local: &str) -> Option<Reveals> {
    match local {
        "creator" | "lastModifiedBy" | "initial-creator" | "Manager" | "printed-by" => {
            Some(Reveals::PersonName)
        }
        "Company" => Some(Reveals::Organization),
        _ => None,
    }
}

type Archive<'a> = ZipArchive<Cursor<&'a [u8]>>;

/// The archive and its office format; `Ok(None)` for a ZIP archive that is no office file,
/// `Err` for one that cannot be read.
fn open(data: &[u8]) -> Result<Option<(Archive<'_>, Format)>, ()> {
    let mut archive = ZipArchive::new(Cursor::new(data)).map_err(|_| ())?;
    if archive.index_for_name("[Content_Types].xml").is_some() {
        return Ok(Some((archive, Format::Ooxml)));
    }
    let mut mimetype = String::new();
    match archive.by_name("mimetype") {
        Ok(f) => {
            f.take(200).read_to_string(&mut mimetype).map_err(|_| ())?;
        }
        Err(_) => return Ok(None),
    }
    if !mimetype.starts_with("application/vnd.oasis.opendocument.") {
        return Ok(None);
    }
    Ok(Some((archive, Format::Odf)))
}

/// Inspects an office file; `Ok(None)` for a ZIP archive that is not one.
pub(crate) fn inspect(data: &[u8], found: &mut Found) -> Result<Option<Format>, ()> {
    let Some((mut archive, format)) = open(data)? else {
        return Ok(None);
    };
    for (name, _) in PARTS {
        let Ok(part) = archive.by_name(name) else {
            continue;
        };
        found.block(Block::OfficeProperties);
        let mut text = String::new();
        if part.take(MAX_PART).read_to_string(&mut text).is_err() {
            return Err(());
        }
        let Ok(doc) = roxmltree::Document::parse(&text) else {
            continue;
        };
        for node in doc.descendants().filter(|n| n.is_element()) {
            let local = node.tag_name().name();
            let filled = node.text().is_some_and(|t| !t.trim().is_empty());
            if let Some(r) = reveals(local).filter(|_| filled) {
                found.mark(r, format!("{name} {local}"));
            }
        }
    }
    Ok(Some(format))
}

pub(crate) fn clean(data: &[u8], removed: &mut Vec<Block>) -> Result<Vec<u8>, Uncleanable> {
    let (mut archive, _) = open(data)
        .map_err(|_| Uncleanable::Damaged)?
        .ok_or(Uncleanable::Format)?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let damaged = |_| Uncleanable::Damaged;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(damaged)?;
        let name = entry.name().map_err(damaged)?.into_owned();
        if let Some((_, empty)) = PARTS.iter().find(|(part, _)| *part == name) {
            drop(entry);
            removed.push(Block::OfficeProperties);
            let options =
                SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
            out.start_file(name, options).map_err(damaged)?;
            out.write_all(empty.as_bytes())
                .map_err(|_| Uncleanable::Damaged)?;
        } else {
            // Copied compressed as it is: the mimetype entry stays first and stored, as
            // ODF requires.
            out.raw_copy_file(entry).map_err(damaged)?;
        }
    }
    let cursor = out.finish().map_err(damaged)?;
    Ok(cursor.into_inner())
}
