//! Images: EXIF through kamadak-exif, segments and chunks through img-parts.

use std::io::Cursor;

use bytes::Bytes;
use exif::{Field, In, Tag, Value};
use img_parts::jpeg::{Jpeg, JpegSegment};
use img_parts::png::Png;
use img_parts::webp::WebP;
use img_parts::ImageEXIF;

use crate::{xmp, Block, Cleaned, Format, Found, Reveals, Uncleanable};

const XMP_PREFIX: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
const XMP_EXTENSION_PREFIX: &[u8] = b"http://ns.adobe.com/xmp/extension/\0";
const PNG_XMP_KEYWORD: &[u8] = b"XML:com.adobe.xmp";

// JPEG markers kept in a cleaned copy besides the picture's own tables.
const APP0: u8 = 0xE0;
const APP1: u8 = 0xE1;
const APP2: u8 = 0xE2;
const APP13: u8 = 0xED;
const APP14: u8 = 0xEE;
const COM: u8 = 0xFE;

fn is_app(marker: u8) -> bool {
    (0xE0..=0xEF).contains(&marker)
}

/// Reads the EXIF, XMP, IPTC and text of an image; returns the EXIF it read, for a
/// cleaning to keep its orientation.
pub(crate) fn inspect(
    format: Format,
    data: &Bytes,
    found: &mut Found,
) -> Result<Option<exif::Exif>, ()> {
    let exif = read_exif(data);
    if let Some(exif) = &exif {
        found.block(Block::Exif);
        exif_marks(exif, found);
    }
    match format {
        Format::Jpeg => {
            let jpeg = Jpeg::from_bytes(data.clone()).map_err(|_| ())?;
            for segment in jpeg.segments() {
                jpeg_segment_marks(segment, found);
            }
        }
        Format::Png => {
            let png = Png::from_bytes(data.clone()).map_err(|_| ())?;
            for chunk in png.chunks() {
                png_chunk_marks(&chunk.kind(), chunk.contents(), found);
            }
        }
        Format::Webp => {
            let webp = WebP::from_bytes(data.clone()).map_err(|_| ())?;
            if webp.has_chunk(*b"EXIF") {
                found.block(Block::Exif);
            }
            for chunk in webp.chunks_by_id(*b"XMP ") {
                found.block(Block::Xmp);
                if let Some(data) = chunk.content().data() {
                    xmp::inspect(data, found);
                }
            }
        }
        // HEIF and TIFF: EXIF only (read above); no crate here rewrites them.
        Format::Heif | Format::Tiff => {}
        Format::Pdf | Format::Ooxml | Format::Odf => unreachable!("not an image"),
    }
    Ok(exif)
}

fn read_exif(data: &[u8]) -> Option<exif::Exif> {
    exif::Reader::new()
        .read_from_container(&mut Cursor::new(data))
        .ok()
}

fn exif_marks(exif: &exif::Exif, found: &mut Found) {
    for field in exif.fields() {
        let named = |field: &exif::Field| format!("EXIF {}", field.tag);
        match field.tag {
            Tag::GPSLatitude | Tag::GPSLongitude if has_value(&field.value) => {
                found.mark(Reveals::Gps, named(field))
            }
            Tag::Artist | Tag::CameraOwnerName | Tag::Copyright if has_value(&field.value) => {
                found.mark(Reveals::PersonName, named(field))
            }
            Tag::BodySerialNumber | Tag::LensSerialNumber if has_value(&field.value) => {
                found.mark(Reveals::DeviceSerial, named(field))
            }
            _ => {}
        }
    }
}

/// Whether a field holds something: not empty text, not all zeros.
fn has_value(value: &Value) -> bool {
    match value {
        Value::Ascii(parts) => parts
            .iter()
            .any(|p| p.iter().any(|b| !b.is_ascii_whitespace() && *b != 0)),
        Value::Rational(r) => r.iter().any(|r| r.num != 0),
        Value::Undefined(bytes, _) => bytes.iter().any(|b| *b != 0 && *b != b' '),
        _ => true,
    }
}

fn jpeg_segment_marks(segment: &JpegSegment, found: &mut Found) {
    let contents = segment.contents();
    match segment.marker() {
        APP1 if contents.starts_with(b"Exif\0\0") => found.block(Block::Exif),
        APP1 if contents.starts_with(XMP_PREFIX) => {
            found.block(Block::Xmp);
            xmp::inspect(&contents[XMP_PREFIX.len()..], found);
        }
        APP1 if contents.starts_with(XMP_EXTENSION_PREFIX) => found.block(Block::Xmp),
        APP2 if contents.starts_with(b"MPF\0") => found.block(Block::ExtraImages),
        APP13 if contents.starts_with(b"Photoshop 3.0\0") => found.block(Block::Iptc),
        COM => found.block(Block::Comment),
        m if kept_jpeg_segment(segment).is_none() && is_app(m) => found.block(Block::VendorData),
        _ => {}
    }
}

fn png_chunk_marks(kind: &[u8; 4], contents: &[u8], found: &mut Found) {
    match kind {
        b"eXIf" => found.block(Block::Exif),
        b"iTXt" if contents.starts_with(PNG_XMP_KEYWORD) => {
            found.block(Block::Xmp);
            // keyword \0 compressed? method language \0 translated keyword \0 text
            let rest = &contents[PNG_XMP_KEYWORD.len()..];
            if rest.len() > 3 && rest[0] == 0 && rest[1] == 0 {
                let text = &rest[3..];
                let after_lang = text.iter().position(|b| *b == 0).map(|i| &text[i + 1..]);
                if let Some(t) = after_lang {
                    if let Some(i) = t.iter().position(|b| *b == 0) {
                        xmp::inspect(&t[i + 1..], found);
                    }
                }
            }
        }
        b"tEXt" | b"zTXt" | b"iTXt" => {
            found.block(Block::Comment);
            let keyword = contents.split(|b| *b == 0).next().unwrap_or_default();
            if matches!(keyword, b"Author" | b"Artist" | b"Copyright") {
                found.mark(
                    Reveals::PersonName,
                    format!("PNG {}", String::from_utf8_lossy(keyword)),
                );
            }
        }
        _ => {}
    }
}

/// A segment as a cleaned copy keeps it: the picture's tables and frames as they are, the
/// JFIF header without its thumbnail, the colour profile (ICC) and Adobe's colour
/// transform (CMYK pictures decode wrongly without it); `None` for metadata.
fn kept_jpeg_segment(segment: &JpegSegment) -> Option<JpegSegment> {
    let marker = segment.marker();
    let contents = segment.contents();
    match marker {
        APP0 if contents.starts_with(b"JFIF\0") && contents.len() >= 14 => {
            // Version, units and density; thumbnail size 0x0 and no thumbnail.
            let mut header = contents[..14].to_vec();
            header[12] = 0;
            header[13] = 0;
            Some(JpegSegment::new_with_contents(APP0, Bytes::from(header)))
        }
        APP2 if contents.starts_with(b"ICC_PROFILE\0") => Some(segment.clone()),
        APP14 if contents.starts_with(b"Adobe") => Some(segment.clone()),
        m if is_app(m) || m == COM => None,
        _ => Some(segment.clone()),
    }
}

/// A copy of an image without its metadata; an EXIF orientation other than "upright" is
/// kept alone in a new, minimal EXIF, so that the picture is not shown rotated.
pub(crate) fn clean(
    format: Format,
    data: Bytes,
    removed: &mut Vec<Block>,
) -> Result<Cleaned, Uncleanable> {
    let mut found = Found::default();
    let exif = inspect(format, &data, &mut found).map_err(|_| Uncleanable::Damaged)?;
    removed.extend(found.blocks.iter().copied());
    let orientation = exif.and_then(|e| {
        e.get_field(Tag::Orientation, In::PRIMARY)
            .and_then(|f| f.value.get_uint(0))
            .filter(|o| (2..=8).contains(o))
    });
    let exif = orientation.map(orientation_exif).transpose()?;
    let streamed = |len: usize, reader: Box<dyn std::io::Read + Send>| Cleaned {
        reader,
        len: len as u64,
        removed: Vec::new(),
    };
    match format {
        Format::Jpeg => {
            let mut jpeg = Jpeg::from_bytes(data.clone()).map_err(|_| Uncleanable::Damaged)?;
            let mut segments = Vec::new();
            for segment in jpeg.segments() {
                if segment.has_entropy() {
                    let entropy = primary_scans(&data, segment_entropy(segment, &data)?, removed)?;
                    let sos = JpegSegment::new_with_entropy(
                        segment.marker(),
                        segment.contents().clone(),
                        entropy,
                    );
                    segments.push(sos);
                } else if let Some(kept) = kept_jpeg_segment(segment) {
                    segments.push(kept);
                }
            }
            *jpeg.segments_mut() = segments;
            jpeg.set_exif(exif);
            Ok(streamed(jpeg.len(), Box::new(jpeg.encoder().read())))
        }
        Format::Png => {
            let mut png = Png::from_bytes(data).map_err(|_| Uncleanable::Damaged)?;
            for kind in [*b"eXIf", *b"tEXt", *b"zTXt", *b"iTXt", *b"tIME"] {
                png.remove_chunks_by_type(kind);
            }
            png.set_exif(exif);
            Ok(streamed(png.len(), Box::new(png.encoder().read())))
        }
        Format::Webp => {
            let mut webp = WebP::from_bytes(data).map_err(|_| Uncleanable::Damaged)?;
            webp.remove_chunks_by_id(*b"XMP ");
            // Sets the EXIF chunk (or none) and the header's flags to match.
            webp.set_exif(exif);
            let bytes = webp.encoder().bytes();
            Ok(streamed(bytes.len(), Box::new(std::io::Cursor::new(bytes))))
        }
        _ => Err(Uncleanable::Format),
    }
}

/// An EXIF block holding only the orientation (TIFF header and one IFD, little-endian),
/// without the `Exif\0\0` prefix, which img-parts adds.
fn orientation_exif(orientation: u32) -> Result<Bytes, Uncleanable> {
    let field = Field {
        tag: Tag::Orientation,
        ifd_num: In::PRIMARY,
        value: Value::Short(vec![orientation as u16]),
    };
    let mut writer = exif::experimental::Writer::new();
    writer.push_field(&field);
    let mut out = Cursor::new(Vec::new());
    writer
        .write(&mut out, true)
        .map_err(|_| Uncleanable::Damaged)?;
    Ok(Bytes::from(out.into_inner()))
}

/// Where the scan data after a JPEG's first scan header begins: it runs to the end of the
/// file (img-parts keeps it as one piece).
fn segment_entropy(segment: &JpegSegment, data: &[u8]) -> Result<usize, Uncleanable> {
    let len = segment.len_with_entropy() - segment.len();
    data.len().checked_sub(len).ok_or(Uncleanable::Damaged)
}

/// The primary picture's scans, up to and with its end marker: application segments and
/// comments between the scans of a progressive picture are left out, and so is anything
/// after the end (phones put previews and depth maps there, each with its own EXIF).
///
/// Written here because img-parts keeps everything after the first scan header as one
/// opaque piece. Walks markers only (0xFF followed by a code), as a decoder does:
/// stuffed bytes (FF 00), restart markers and fill bytes are scan data; every other marker
/// carries a length.
///
/// Returns a slice of `data` (no copy) unless something between scans must go.
fn primary_scans(
    data: &Bytes,
    start: usize,
    removed: &mut Vec<Block>,
) -> Result<Bytes, Uncleanable> {
    let scans = &data[start..];
    let whole = |end: usize, out: Vec<u8>, copied: usize| {
        if copied == 0 {
            data.slice(start..start + end)
        } else {
            Bytes::from(out)
        }
    };
    let mut out = Vec::new();
    let (mut copied, mut i) = (0, 0);
    while let Some(offset) = scans[i..].iter().position(|b| *b == 0xFF) {
        let at = i + offset;
        let Some(&code) = scans.get(at + 1) else {
            break;
        };
        match code {
            0x00 | 0xD0..=0xD7 => i = at + 2,
            0xFF => i = at + 1,
            0xD9 => {
                if copied > 0 {
                    out.extend_from_slice(&scans[copied..at + 2]);
                }
                if at + 2 < scans.len() {
                    removed.push(Block::ExtraImages);
                }
                return Ok(whole(at + 2, out, copied));
            }
            _ => {
                let length = scans
                    .get(at + 2..at + 4)
                    .map(|l| u16::from_be_bytes([l[0], l[1]]) as usize)
                    .filter(|l| *l >= 2)
                    .ok_or(Uncleanable::Damaged)?;
                let end = at + 2 + length;
                if end > scans.len() {
                    return Err(Uncleanable::Damaged);
                }
                if is_app(code) || code == COM {
                    out.extend_from_slice(&scans[copied..at]);
                    copied = end;
                    removed.push(if code == COM {
                        Block::Comment
                    } else {
                        Block::VendorData
                    });
                }
                i = end;
            }
        }
    }
    // No end marker (many cameras' files stop without one): all of it is scan data.
    if copied > 0 {
        out.extend_from_slice(&scans[copied..]);
    }
    Ok(whole(scans.len(), out, copied))
}
