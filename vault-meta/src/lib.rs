//! What a document carries besides its contents, and a copy without it.
//!
//! [`inspect`] reads (never changes) the metadata of images (JPEG, PNG, WebP, HEIF, TIFF),
//! PDFs and office files (OOXML, ODF) and says whether it holds a GPS position, a person's
//! name or a device serial. [`clean`] writes a copy without EXIF, XMP, IPTC, comments,
//! embedded images, PDF Info and XMP streams, or office properties: the image data, the
//! page contents and the text are copied as they are.
//!
//! Both work on the whole file in memory (img-parts, lopdf and zip's reader need it), as
//! [`Bytes`] that images' copies share rather than copy; the caller caps the size
//! ([`Format::max_bytes`]) and budgets the memory ([`Format::memory_cost`]). Nothing here
//! spells a word for people: findings and removals are codes that the presentation layer
//! (vault-words) turns into words.

mod image;
mod office;
mod pdf;
#[doc(hidden)]
pub mod testing;
mod xmp;

use std::io::{Cursor, Read};

pub use bytes::Bytes;
use serde::{Deserialize, Serialize};

/// The largest image or office file inspected or cleaned, in bytes: 32 MiB. The parsers
/// need the whole file in memory; past this a document is sent as it is, and the
/// volunteer is told so.
pub const MAX_BYTES: u64 = 32 * 1024 * 1024;

/// The largest PDF inspected or cleaned: 16 MiB (lopdf holds every object, then writes
/// the copy: about three times the file).
pub const MAX_PDF_BYTES: u64 = 16 * 1024 * 1024;

/// The formats this crate knows, told from the file's first bytes (never its name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Jpeg,
    Png,
    Webp,
    Heif,
    Tiff,
    Pdf,
    /// Word, Excel, PowerPoint (docx, xlsx, pptx).
    Ooxml,
    /// OpenDocument (odt, ods, odp).
    Odf,
}

impl Format {
    /// The format of a file from its first bytes (a few KiB are enough), if known here.
    /// A ZIP archive is an office file only when it says so inside, which
    /// [`inspect`] finds out; here it is taken for OOXML.
    pub fn sniff(head: &[u8]) -> Option<Format> {
        if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Format::Jpeg)
        } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Format::Png)
        } else if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
            Some(Format::Webp)
        } else if head.len() >= 12
            && &head[4..8] == b"ftyp"
            && matches!(
                &head[8..12],
                b"heic" | b"heix" | b"heim" | b"heis" | b"hevc" | b"hevx" | b"mif1" | b"msf1"
            )
        {
            Some(Format::Heif)
        } else if head.starts_with(b"II*\0") || head.starts_with(b"MM\0*") {
            Some(Format::Tiff)
        } else if head[..head.len().min(1024)]
            .windows(5)
            .any(|w| w == b"%PDF-")
        {
            Some(Format::Pdf)
        } else if head.starts_with(b"PK\x03\x04") {
            Some(Format::Ooxml)
        } else {
            None
        }
    }

    /// Whether [`clean`] can make a copy of this format without its metadata.
    pub fn cleanable(self) -> bool {
        !matches!(self, Format::Heif | Format::Tiff)
    }

    /// The largest file of this format inspected or cleaned.
    pub fn max_bytes(self) -> u64 {
        match self {
            Format::Pdf => MAX_PDF_BYTES,
            _ => MAX_BYTES,
        }
    }

    /// About how much memory inspecting or cleaning a file of `size` bytes takes, the
    /// file included: images' copies share the file's bytes; an office file's copy is
    /// written beside it; lopdf holds every object and then the copy.
    pub fn memory_cost(self, size: u64) -> u64 {
        match self {
            Format::Jpeg | Format::Png | Format::Webp | Format::Heif | Format::Tiff => size,
            Format::Ooxml | Format::Odf => 2 * size,
            Format::Pdf => 3 * size,
        }
    }
}

/// What a piece of metadata reveals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reveals {
    /// Where it was made: a GPS position.
    Gps,
    /// Who: an author, a last editor, a camera's owner, an artist.
    PersonName,
    /// With what: a camera's or a lens's serial number.
    DeviceSerial,
    /// Where from: an organisation's name (an office file's company: a shelter, a firm).
    Organization,
}

/// One finding: what it reveals and where it sits (a technical name such as
/// `EXIF Artist` or `PDF Author`, the same in every language).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Mark {
    pub reveals: Reveals,
    pub field: String,
}

/// Blocks of metadata that [`clean`] takes out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Block {
    Exif,
    Xmp,
    Iptc,
    /// JPEG comments, PNG text chunks.
    Comment,
    /// Other images carried with the picture (MPF previews, depth maps after the end).
    ExtraImages,
    /// Vendor segments (APP3 to APP13, APP15) that are not part of the picture.
    VendorData,
    /// PDF: the document information dictionary (author, creator, producer, dates).
    PdfInfo,
    /// PDF: private data of the application that made it (PieceInfo).
    PdfAppData,
    /// Office: docProps/core.xml, app.xml, custom.xml; ODF: meta.xml.
    OfficeProperties,
}

/// What [`inspect`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Findings {
    /// The format, when known.
    pub format: Option<Format>,
    /// What its metadata reveals, sorted, without repeats.
    pub marks: Vec<Mark>,
    /// The blocks of metadata present.
    pub blocks: Vec<Block>,
    /// The file looked like `format` but could not be read as one.
    pub damaged: bool,
}

/// Why no cleaned copy could be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Uncleanable {
    /// A format this crate does not clean (or does not know).
    Format,
    /// Larger than [`MAX_BYTES`].
    TooLarge,
    /// It could not be read as its format (damaged, truncated, hostile).
    Damaged,
    /// An encrypted PDF: its metadata cannot be rewritten without its password.
    Encrypted,
}

/// A cleaned copy, as a stream, and what was taken out of it.
pub struct Cleaned {
    /// The copy's bytes (an image's share the original's: nothing is copied).
    pub reader: Box<dyn Read + Send>,
    /// Its length in bytes.
    pub len: u64,
    /// The blocks taken out.
    pub removed: Vec<Block>,
}

impl Cleaned {
    fn in_memory(bytes: Vec<u8>, removed: Vec<Block>) -> Cleaned {
        Cleaned {
            len: bytes.len() as u64,
            reader: Box::new(Cursor::new(bytes)),
            removed,
        }
    }

    /// The whole copy (for tests and small files).
    pub fn into_vec(mut self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.len as usize);
        self.reader
            .read_to_end(&mut out)
            .expect("reading from memory");
        out
    }
}

impl std::fmt::Debug for Cleaned {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Cleaned({} bytes, {:?})", self.len, self.removed)
    }
}

/// Reads what `data` carries. Never fails: a file it cannot read is `damaged`.
pub fn inspect(data: &Bytes) -> Findings {
    let Some(mut format) = Format::sniff(data) else {
        return Findings::default();
    };
    let mut found = Found::default();
    let read = match format {
        Format::Jpeg | Format::Png | Format::Webp | Format::Heif | Format::Tiff => {
            image::inspect(format, data, &mut found).map(drop)
        }
        Format::Pdf => pdf::inspect(data, &mut found),
        Format::Ooxml | Format::Odf => match office::inspect(data, &mut found) {
            Ok(Some(kind)) => {
                format = kind;
                Ok(())
            }
            // A ZIP that is no office file: no format of ours.
            Ok(None) => return Findings::default(),
            Err(()) => Err(()),
        },
    };
    found.finish(format, read.is_err())
}

/// A copy of `data` without its metadata.
pub fn clean(data: Bytes) -> Result<Cleaned, Uncleanable> {
    let format = Format::sniff(&data).ok_or(Uncleanable::Format)?;
    if data.len() as u64 > format.max_bytes() {
        return Err(Uncleanable::TooLarge);
    }
    let mut removed = Vec::new();
    let mut cleaned = match format {
        Format::Jpeg | Format::Png | Format::Webp => image::clean(format, data, &mut removed)?,
        Format::Pdf => Cleaned::in_memory(pdf::clean(&data, &mut removed)?, Vec::new()),
        Format::Ooxml | Format::Odf => {
            Cleaned::in_memory(office::clean(&data, &mut removed)?, Vec::new())
        }
        Format::Heif | Format::Tiff => return Err(Uncleanable::Format),
    };
    removed.sort();
    removed.dedup();
    cleaned.removed = removed;
    Ok(cleaned)
}

/// Findings as they are gathered.
#[derive(Default)]
pub(crate) struct Found {
    marks: Vec<Mark>,
    blocks: Vec<Block>,
}

impl Found {
    pub(crate) fn mark(&mut self, reveals: Reveals, field: impl Into<String>) {
        self.marks.push(Mark {
            reveals,
            field: field.into(),
        });
    }

    pub(crate) fn block(&mut self, block: Block) {
        self.blocks.push(block);
    }

    fn finish(mut self, format: Format, damaged: bool) -> Findings {
        self.marks.sort();
        self.marks.dedup();
        self.blocks.sort();
        self.blocks.dedup();
        Findings {
            format: Some(format),
            marks: self.marks,
            blocks: self.blocks,
            damaged,
        }
    }
}

#[cfg(test)]
mod tests;
