//! Files that carry what the vault looks for (a GPS position, an author, a serial), for
//! the tests of this crate and of the workspace. Not for production use.

use std::io::{Cursor, Write};

use bytes::Bytes;
use exif::{Field, In, Rational, Tag, Value};
use img_parts::jpeg::{Jpeg, JpegSegment};
use img_parts::png::{Png, PngChunk};
use img_parts::riff::{RiffChunk, RiffContent};
use img_parts::webp::WebP;
use img_parts::ImageEXIF;

/// The person's name the fixtures carry.
pub const AUTHOR: &str = "Marie Dupont";
/// The camera serial they carry.
pub const SERIAL: &str = "SN-4815162342";

/// The scan data of [`plain_jpeg`]: a stuffed byte and a restart marker in it.
pub const SCAN: &[u8] = b"\x12\x34\xFF\x00\x56\xFF\xD0\x78";

/// A small JPEG as img-parts and exiftool read one (not a picture a decoder shows): the
/// JFIF header, a quantisation table, a frame, a scan and its end.
pub fn plain_jpeg() -> Vec<u8> {
    let mut j = vec![0xFF, 0xD8];
    j.extend_from_slice(&[0xFF, 0xE0, 0x00, 0x10]);
    j.extend_from_slice(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    j.extend_from_slice(&[0xFF, 0xDB, 0x00, 0x43, 0x00]);
    j.extend((1..=64).map(|i| i as u8));
    j.extend_from_slice(&[
        0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
    ]);
    j.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
    j.extend_from_slice(SCAN);
    j.extend_from_slice(&[0xFF, 0xD9]);
    j
}

/// An EXIF block (TIFF, without `Exif\0\0`) with a GPS position (Paris), an artist, a
/// camera owner, a body serial and `orientation`.
pub fn exif(orientation: u16) -> Vec<u8> {
    let ascii = |s: &str| Value::Ascii(vec![s.as_bytes().to_vec()]);
    let dms = |d: u32, m: u32, s: u32| {
        Value::Rational(vec![
            Rational { num: d, denom: 1 },
            Rational { num: m, denom: 1 },
            Rational { num: s, denom: 1 },
        ])
    };
    let field = |tag, value| Field {
        tag,
        ifd_num: In::PRIMARY,
        value,
    };
    let fields = [
        field(Tag::Orientation, Value::Short(vec![orientation])),
        field(Tag::Artist, ascii(AUTHOR)),
        field(Tag::Make, ascii("Phone")),
        field(Tag::CameraOwnerName, ascii(AUTHOR)),
        field(Tag::BodySerialNumber, ascii(SERIAL)),
        field(Tag::GPSLatitudeRef, ascii("N")),
        field(Tag::GPSLatitude, dms(48, 51, 24)),
        field(Tag::GPSLongitudeRef, ascii("E")),
        field(Tag::GPSLongitude, dms(2, 21, 7)),
    ];
    let mut writer = exif::experimental::Writer::new();
    for f in &fields {
        writer.push_field(f);
    }
    let mut out = Cursor::new(Vec::new());
    writer.write(&mut out, false).expect("EXIF written");
    out.into_inner()
}

/// An XMP packet naming the author and the camera serial, with a GPS position.
pub fn xmp() -> String {
    format!(
        r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:aux="http://ns.adobe.com/exif/1.0/aux/" xmlns:exif="http://ns.adobe.com/exif/1.0/" aux:SerialNumber="{SERIAL}" exif:GPSLatitude="48,51.4N" exif:GPSLongitude="2,21.1E">
<dc:creator><rdf:Seq><rdf:li>{AUTHOR}</rdf:li></rdf:Seq></dc:creator>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"#
    )
}

/// A picture (JPEG, PNG or WebP, as encoded elsewhere) with [`exif`], [`xmp`] and, for
/// JPEG, an IPTC block, a comment and a preview image after its end.
pub fn with_metadata(picture: &[u8], orientation: u16) -> Vec<u8> {
    let picture = Bytes::copy_from_slice(picture);
    let exif = Bytes::from(exif(orientation));
    let xmp = xmp();
    if let Ok(mut jpeg) = Jpeg::from_bytes(picture.clone()) {
        jpeg.set_exif(Some(exif));
        let mut packet = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
        packet.extend_from_slice(xmp.as_bytes());
        let mut iptc = b"Photoshop 3.0\08BIM\x04\x04\0\0\0\0\0\x10\x1c\x02\x50\0\x0c".to_vec();
        iptc.extend_from_slice(AUTHOR.as_bytes());
        let at = 2.min(jpeg.segments().len());
        let segments = jpeg.segments_mut();
        segments.insert(
            at,
            JpegSegment::new_with_contents(0xE1, Bytes::from(packet)),
        );
        segments.insert(at, JpegSegment::new_with_contents(0xED, Bytes::from(iptc)));
        let comment = format!("taken by {AUTHOR}");
        segments.insert(
            at,
            JpegSegment::new_with_contents(0xFE, Bytes::from(comment)),
        );
        let mut out = jpeg.encoder().bytes().to_vec();
        // A preview after the end, as phones write them: a JPEG of its own with EXIF.
        let mut preview = vec![0xFF, 0xD8, 0xFF, 0xE1];
        let mut body = b"Exif\0\0".to_vec();
        body.extend_from_slice(&self::exif(1));
        preview.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
        preview.extend_from_slice(&body);
        preview.extend_from_slice(&[0xFF, 0xD9]);
        out.write_all(&preview).expect("in memory");
        return out;
    }
    if let Ok(mut png) = Png::from_bytes(picture.clone()) {
        png.set_exif(Some(exif));
        let mut text = b"Author\0".to_vec();
        text.extend_from_slice(AUTHOR.as_bytes());
        let mut itxt = b"XML:com.adobe.xmp\0\0\0\0\0".to_vec();
        itxt.extend_from_slice(xmp.as_bytes());
        let chunks = png.chunks_mut();
        chunks.insert(1, PngChunk::new(*b"tEXt", Bytes::from(text)));
        chunks.insert(1, PngChunk::new(*b"iTXt", Bytes::from(itxt)));
        return png.encoder().bytes().to_vec();
    }
    let mut webp = WebP::from_bytes(picture).expect("a JPEG, PNG or WebP picture");
    webp.set_exif(Some(exif));
    let chunk = RiffChunk::new(*b"XMP ", RiffContent::Data(Bytes::from(xmp.into_bytes())));
    webp.chunks_mut().push(chunk);
    webp.encoder().bytes().to_vec()
}

/// The page contents of [`pdf`].
pub const CONTENT: &str = "BT /F1 12 Tf 20 100 Td (Recours) Tj ET";

/// A one-page PDF whose Info dictionary names its author and whose catalogue carries an
/// XMP stream; `loop_refs` makes two objects refer to each other.
pub fn pdf(loop_refs: bool) -> Vec<u8> {
    let xmp = xmp();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>".to_string(),
        format!("<< /Length {} >>\nstream\n{CONTENT}\nendstream", CONTENT.len()),
        format!(
            "<< /Type /Metadata /Subtype /XML /Length {} >>\nstream\n{xmp}\nendstream",
            xmp.len()
        ),
        format!(
            "<< /Author ({AUTHOR}) /Creator (Writer) /Producer (LibreOffice 7.4) /Title (Recours) >>"
        ),
    ];
    if loop_refs {
        objects.push("<< /Next 8 0 R >>".into());
        objects.push("<< /Next 7 0 R >>".into());
        objects[1] = "<< /Type /Pages /Kids [3 0 R] /Count 1 /Loop 7 0 R >>".into();
    }
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A Word document whose properties name its author, last editor and company.
pub fn docx() -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let parts: [(&str, String); 5] = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#.into()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#.into()),
        ("word/document.xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Recours contre l'OQTF</w:t></w:r></w:p></w:body></w:document>"#.into()),
        ("docProps/core.xml", format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Recours</dc:title><dc:creator>{AUTHOR}</dc:creator><cp:lastModifiedBy>{AUTHOR}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2026-11-02T09:00:00Z</dcterms:created></cp:coreProperties>"#)),
        ("docProps/app.xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Company>Foyer Les Tilleuls</Company></Properties>"#.into()),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        zip.start_file(name, options).expect("in memory");
        zip.write_all(text.as_bytes()).expect("in memory");
    }
    zip.finish().expect("in memory").into_inner()
}
