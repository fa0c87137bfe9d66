//! The words of the vault, in one place for the server and the `vault` command: Fluent
//! catalogues under `locales/<tag>/` (`links.ftl` in fifteen languages for the pages of
//! people without an account; `errors.ftl`, `desk.ftl`, `web.ftl`, `api.ftl` and `cli.ftl` in
//! French and English), the choice of a
//! language, sizes and Paris time as people read them, and vault-core's errors in words.
//! vault-core itself spells no sentence for people: its errors carry a code and fields.
//!
//! ```
//! use vault_words::{error_message, Locale};
//!
//! let l = Locale::choose(None, None, Some("ar-SA,ar;q=0.9"));
//! assert_eq!(l, Locale::Ar);
//! assert!(l.rtl());
//! assert_eq!(Locale::Fr.size(1536), "1,5 Ko");
//! assert_eq!(
//!     error_message(Locale::En, &vault_core::Error::LinkFull),
//!     "this upload link accepts no more files"
//! );
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod custody;
mod errors;
pub mod locale;
pub mod log;
pub mod metadata;

pub use errors::{bilingual, both, error_message};
pub use locale::{days_between, end_of_paris_day, paris_date, Arg, Locale};
