use proptest::prelude::*;

use crate::testing::{self, AUTHOR, SERIAL};
use crate::*;

fn look(data: &[u8]) -> Findings {
    inspect(&Bytes::copy_from_slice(data))
}

/// A cleaned copy as bytes, checking that its announced length is its length.
fn scrub(data: &[u8]) -> Result<Scrubbed, Uncleanable> {
    let cleaned = clean(Bytes::copy_from_slice(data))?;
    let (len, removed) = (cleaned.len, cleaned.removed.clone());
    let bytes = cleaned.into_vec();
    assert_eq!(bytes.len() as u64, len);
    Ok(Scrubbed { bytes, removed })
}

#[derive(Debug)]
struct Scrubbed {
    bytes: Vec<u8>,
    removed: Vec<Block>,
}

use crate::testing::{plain_jpeg, SCAN};

fn reveals(f: &Findings) -> Vec<Reveals> {
    let mut r: Vec<Reveals> = f.marks.iter().map(|m| m.reveals).collect();
    r.dedup();
    r
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn a_photo_with_gps_author_and_serial_is_marked_and_its_copy_carries_none() {
    let photo = testing::with_metadata(&plain_jpeg(), 6);
    let found = look(&photo);
    assert_eq!(found.format, Some(Format::Jpeg));
    assert!(!found.damaged);
    assert_eq!(
        reveals(&found),
        [Reveals::Gps, Reveals::PersonName, Reveals::DeviceSerial]
    );
    for field in [
        "EXIF GPSLatitude",
        "EXIF Artist",
        "EXIF BodySerialNumber",
        "XMP creator",
    ] {
        assert!(
            found.marks.iter().any(|m| m.field == field),
            "{field}: {found:?}"
        );
    }
    let cleaned = scrub(&photo).unwrap();
    for block in [
        Block::Exif,
        Block::Xmp,
        Block::Iptc,
        Block::Comment,
        Block::ExtraImages,
    ] {
        assert!(
            cleaned.removed.contains(&block),
            "{block:?}: {:?}",
            cleaned.removed
        );
    }
    let after = look(&cleaned.bytes);
    assert!(after.marks.is_empty(), "{after:?}");
    assert!(!after.damaged);
    for text in [AUTHOR, SERIAL, "Photoshop", "http://ns.adobe.com"] {
        assert!(!contains(&cleaned.bytes, text), "{text} left");
    }
    // The scan, the tables and the JFIF header are as they were; nothing after the end.
    assert!(cleaned.bytes.ends_with(&[SCAN, &[0xFF, 0xD9][..]].concat()));
    assert!(contains(&cleaned.bytes, "JFIF"));
    // The orientation alone is kept, so that the picture is not shown rotated.
    let exif = exif::Reader::new()
        .read_from_container(&mut std::io::Cursor::new(&cleaned.bytes))
        .unwrap();
    let orientation = exif
        .get_field(exif::Tag::Orientation, exif::In::PRIMARY)
        .unwrap();
    assert_eq!(orientation.value.get_uint(0), Some(6));
    assert_eq!(exif.fields().count(), 1);
}

#[test]
fn an_upright_photo_keeps_no_exif_at_all() {
    let cleaned = scrub(&testing::with_metadata(&plain_jpeg(), 1)).unwrap();
    assert!(!contains(&cleaned.bytes, "Exif\0\0"));
    let plain = scrub(&plain_jpeg()).unwrap();
    assert!(plain.removed.is_empty(), "{:?}", plain.removed);
    assert_eq!(plain.bytes, plain_jpeg());
}

#[test]
fn a_pdf_loses_its_info_and_xmp_and_keeps_its_page() {
    let pdf = testing::pdf(false);
    let found = look(&pdf);
    assert_eq!(found.format, Some(Format::Pdf));
    assert_eq!(
        reveals(&found),
        [Reveals::Gps, Reveals::PersonName, Reveals::DeviceSerial]
    );
    assert!(found.marks.iter().any(|m| m.field == "PDF Author"));
    let cleaned = scrub(&pdf).unwrap();
    assert_eq!(cleaned.removed, [Block::Xmp, Block::PdfInfo]);
    for text in [AUTHOR, SERIAL, "LibreOffice", "/Metadata"] {
        assert!(!contains(&cleaned.bytes, text), "{text} left");
    }
    let doc = lopdf::Document::load_mem(&cleaned.bytes).unwrap();
    assert_eq!(doc.get_pages().len(), 1);
    assert!(contains(&cleaned.bytes, testing::CONTENT));
    assert!(look(&cleaned.bytes).marks.is_empty());
}

#[test]
fn a_pdf_whose_objects_refer_to_each_other_is_cleaned_without_hanging() {
    let started = std::time::Instant::now();
    let cleaned = scrub(&testing::pdf(true)).unwrap();
    assert!(!contains(&cleaned.bytes, AUTHOR));
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn a_word_document_loses_its_properties_and_keeps_its_text() {
    let docx = testing::docx();
    let found = look(&docx);
    assert_eq!(found.format, Some(Format::Ooxml));
    assert!(found
        .marks
        .iter()
        .any(|m| m.field == "docProps/core.xml creator"));
    assert!(found
        .marks
        .iter()
        .any(|m| m.field == "docProps/app.xml Company"));
    let cleaned = scrub(&docx).unwrap();
    assert_eq!(cleaned.removed, [Block::OfficeProperties]);
    assert!(look(&cleaned.bytes).marks.is_empty());
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&cleaned.bytes)).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").unwrap(),
        &mut text,
    )
    .unwrap();
    assert!(text.contains("Recours contre l'OQTF"));
    let mut core = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("docProps/core.xml").unwrap(),
        &mut core,
    )
    .unwrap();
    assert!(!core.contains(AUTHOR));
}

#[test]
fn damaged_files_are_refused_not_crashed_on() {
    let photo = testing::with_metadata(&plain_jpeg(), 6);
    // Cut in the middle of a segment, and a segment whose length runs past the end.
    let truncated = &photo[..40];
    let mut past_end = plain_jpeg();
    past_end.truncate(22);
    past_end.extend_from_slice(&[0xFF, 0xE1, 0xFF, 0xF0, b'E', b'x']);
    for bad in [truncated, &past_end[..]] {
        assert_eq!(scrub(bad).unwrap_err(), Uncleanable::Damaged);
        assert!(look(bad).damaged);
    }
    // A segment between scans whose length runs past the end.
    let mut scans = plain_jpeg();
    let end = scans.len() - 2;
    scans.splice(end.., [0xFF, 0xC4, 0x7F, 0xFF, 0x00]);
    assert_eq!(scrub(&scans).unwrap_err(), Uncleanable::Damaged);
    let mut pdf = testing::pdf(false);
    pdf.truncate(pdf.len() / 2);
    // lopdf may rebuild a cut PDF: then what it gives carries nothing either.
    match scrub(&pdf) {
        Ok(cleaned) => assert!(!contains(&cleaned.bytes, AUTHOR)),
        Err(e) => assert_eq!(e, Uncleanable::Damaged),
    }
    assert_eq!(scrub(b"plain text").unwrap_err(), Uncleanable::Format);
    assert_eq!(look(b"plain text"), Findings::default());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn random_bytes_after_a_jpeg_header_never_panic(tail in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let mut data = vec![0xFF, 0xD8, 0xFF];
        data.extend_from_slice(&tail);
        let _ = look(&data);
        if let Ok(cleaned) = scrub(&data) {
            // Whatever it made is no longer carrying what it removed.
            prop_assert!(look(&cleaned.bytes).marks.is_empty());
        }
    }

    #[test]
    fn random_bytes_after_other_headers_never_panic(
        header in prop::sample::select(vec![&b"%PDF-1.7\n"[..], b"PK\x03\x04", b"\x89PNG\r\n\x1a\n", b"RIFF\0\0\0\0WEBPVP8X"]),
        tail in proptest::collection::vec(any::<u8>(), 0..2048),
    ) {
        let mut data = header.to_vec();
        data.extend_from_slice(&tail);
        let _ = look(&data);
        let _ = scrub(&data);
    }
}

#[test]
fn an_opendocument_text_loses_its_meta_xml_and_keeps_mimetype_first() {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.text")
        .unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(b"<office:document-content>Recours</office:document-content>")
        .unwrap();
    zip.start_file("meta.xml", stored).unwrap();
    let meta = format!(
        r#"<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><meta:initial-creator>{AUTHOR}</meta:initial-creator><dc:creator>{AUTHOR}</dc:creator></office:meta></office:document-meta>"#
    );
    zip.write_all(meta.as_bytes()).unwrap();
    let odt = zip.finish().unwrap().into_inner();
    let found = look(&odt);
    assert_eq!(found.format, Some(Format::Odf));
    assert!(
        found
            .marks
            .iter()
            .any(|m| m.field == "meta.xml initial-creator"),
        "{found:?}"
    );
    let cleaned = scrub(&odt).unwrap();
    assert!(!contains(&cleaned.bytes, AUTHOR));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&cleaned.bytes)).unwrap();
    assert_eq!(archive.by_index(0).unwrap().name().unwrap(), "mimetype");
    assert!(archive.by_name("content.xml").is_ok());
    // A ZIP that is no office file is no format of ours.
    let mut plain = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    plain.start_file("a.txt", stored).unwrap();
    plain.write_all(b"a").unwrap();
    let plain = plain.finish().unwrap().into_inner();
    assert_eq!(look(&plain), Findings::default());
    assert_eq!(scrub(&plain).unwrap_err(), Uncleanable::Format);
}

#[test]
fn tiff_metadata_is_read_and_the_file_is_said_uncleanable() {
    // An EXIF block is a TIFF structure of its own.
    let tiff = testing::exif(1);
    let found = look(&tiff);
    assert_eq!(found.format, Some(Format::Tiff));
    assert_eq!(
        reveals(&found),
        [Reveals::Gps, Reveals::PersonName, Reveals::DeviceSerial]
    );
    assert_eq!(scrub(&tiff).unwrap_err(), Uncleanable::Format);
}
