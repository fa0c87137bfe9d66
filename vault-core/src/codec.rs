//! Encoding of what the vault encrypts (profiles, metadata): versioned JSON.
//!
//! `{"v":1, ...fields}`. The version lets a later format read older entries; an entry of
//! a newer version is refused rather than misread.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::{Error, Result};

/// The version written today.
pub(crate) const ENCODING_VERSION: u32 = 1;

#[derive(Serialize)]
struct Out<'a, T> {
    v: u32,
    #[serde(flatten)]
    body: &'a T,
}

#[derive(Deserialize)]
struct In<T> {
    v: u32,
    #[serde(flatten)]
    body: T,
}

/// Encodes `value` as versioned JSON, in a buffer cleared on drop.
pub(crate) fn encode<T: Serialize>(value: &T) -> Result<Zeroizing<Vec<u8>>> {
    let out = Out {
        v: ENCODING_VERSION,
        body: value,
    };
    let fail = |_| Error::Catalog("cannot encode an entry".into());
    // Measure first, so the buffer never reallocates and leaves uncleared copies behind.
    let mut counter = Counter(0);
    serde_json::to_writer(&mut counter, &out).map_err(fail)?;
    let mut buf = Zeroizing::new(Vec::with_capacity(counter.0));
    serde_json::to_writer(&mut *buf, &out).map_err(fail)?;
    Ok(buf)
}

/// Counts bytes written to it.
struct Counter(usize);

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Decodes what [`encode`] wrote; `what` names the entry in the error.
pub(crate) fn decode<T: DeserializeOwned>(bytes: &[u8], what: crate::Damage) -> Result<T> {
    let parsed: In<T> = serde_json::from_slice(bytes).map_err(|_| Error::damaged(what))?;
    if parsed.v > ENCODING_VERSION {
        return Err(Error::NewerFormat {
            found: parsed.v,
            supported: ENCODING_VERSION,
        });
    }
    Ok(parsed.body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CaseProfile, DocumentKind, DocumentMeta};
    use proptest::prelude::*;

    fn kind() -> impl Strategy<Value = DocumentKind> {
        prop_oneof![
            Just(DocumentKind::Identity),
            Just(DocumentKind::Appeal),
            Just(DocumentKind::Evidence),
            Just(DocumentKind::Other),
        ]
    }

    proptest! {
        #[test]
        fn metadata_round_trips(kind in kind(), filename in any::<String>(), media in any::<String>(),
                                note in proptest::option::of(any::<String>()), size in any::<u64>(),
                                hash in "[0-9a-f]{64}", created in any::<u64>()) {
            let meta = DocumentMeta { kind, filename, media_type: media, note, size, blake3: hash, created };
            let bytes = encode(&meta).unwrap();
            let back: DocumentMeta = decode(&bytes, crate::Damage::DocumentMetadata).unwrap();
            prop_assert!(back == meta);
        }

        #[test]
        fn profile_round_trips(name in any::<String>(), birth in proptest::option::of(any::<String>()),
                               nat in proptest::option::of(any::<String>()), notes in proptest::option::of(any::<String>())) {
            let profile = CaseProfile { name, birth_date: birth, nationality: nat, contact: None, language: Some("fa".into()), notes };
            let bytes = encode(&profile).unwrap();
            let back: CaseProfile = decode(&bytes, crate::Damage::CaseProfile).unwrap();
            prop_assert!(back == profile);
        }

        #[test]
        fn decoding_garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
            let _ = decode::<DocumentMeta>(&bytes, crate::Damage::DocumentMetadata);
        }
    }

    #[test]
    fn newer_encoding_is_refused() {
        let bytes = br#"{"v":2,"name":"x"}"#;
        assert!(matches!(
            decode::<CaseProfile>(bytes, crate::Damage::CaseProfile),
            Err(Error::NewerFormat { found: 2, .. })
        ));
    }
}
