//! The public domain types: roles, case profiles, documents.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::ids::{CaseId, DocumentId, TeamId, UserId};

/// What a user may do beyond their teams' cases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Manages users, teams and recovery.
    Admin,
    /// Manages teams and volunteers; may erase cases.
    Coordinator,
    /// Works on the cases of their teams.
    Volunteer,
}

impl Role {
    /// Whether this role may manage users and teams.
    pub fn manages(self) -> bool {
        matches!(self, Role::Admin | Role::Coordinator)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
            Role::Volunteer => "volunteer",
        })
    }
}

impl FromStr for Role {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "admin" => Ok(Role::Admin),
            "coordinator" => Ok(Role::Coordinator),
            "volunteer" => Ok(Role::Volunteer),
            _ => Err(Error::Invalid(crate::Problem::Role)),
        }
    }
}

/// A user as others see them (no key material).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct User {
    /// Random id.
    pub id: UserId,
    /// Sign-in name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// Whether the account is disabled (it cannot sign in).
    pub disabled: bool,
}

/// A team: the people who can open its cases.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Team {
    /// Random id.
    pub id: TeamId,
    /// Name, e.g. "Permanence Belleville".
    pub name: String,
    /// Key epoch: incremented each time a member is removed.
    pub epoch: u32,
    /// Members' ids.
    pub members: Vec<UserId>,
    /// Its cases are erased this many days after their last contact.
    pub retention_days: u32,
}

/// Whether a case is being worked on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CaseStatus {
    /// Being worked on.
    Open,
    /// Closed; still readable, can be reopened.
    Closed,
}

/// The beneficiary's profile, encrypted to the case key. Only `name` is required.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseProfile {
    /// Full name.
    pub name: String,
    /// Birth date, `YYYY-MM-DD`.
    #[serde(default)]
    pub birth_date: Option<String>,
    /// Nationality.
    #[serde(default)]
    pub nationality: Option<String>,
    /// Phone, address or other contact.
    #[serde(default)]
    pub contact: Option<String>,
    /// Language spoken.
    #[serde(default)]
    pub language: Option<String>,
    /// Free notes.
    #[serde(default)]
    pub notes: Option<String>,
}

impl fmt::Debug for CaseProfile {
    /// Personal data stays out of logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CaseProfile(***)")
    }
}

impl CaseProfile {
    /// Checks the fields: a non-empty name, a valid birth date, bounded lengths.
    pub fn validate(&self) -> Result<()> {
        if self.name.trim().is_empty() {
            return Err(Error::Invalid(crate::Problem::CaseNameEmpty));
        }
        crate::documents::check_name(crate::Named::CaseName, &self.name)?;
        let fields = [
            &Some(self.name.clone()),
            &self.birth_date,
            &self.nationality,
            &self.contact,
            &self.language,
        ];
        if fields
            .iter()
            .any(|f| f.as_ref().is_some_and(|v| v.len() > 1000))
        {
            return Err(Error::Invalid(crate::Problem::ProfileFieldLong));
        }
        if self.notes.as_ref().is_some_and(|n| n.len() > 100_000) {
            return Err(Error::Invalid(crate::Problem::NotesLong));
        }
        if let Some(date) = &self.birth_date {
            if !is_iso_date(date) {
                return Err(Error::Invalid(crate::Problem::BirthDate));
            }
        }
        Ok(())
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1800..=9999).contains(&y) && (1..=days).contains(&d)
}

/// A case as a member of its team sees it.
#[derive(Clone, Debug, Serialize)]
pub struct Case {
    /// Random id.
    pub id: CaseId,
    /// The team whose members can open it.
    pub team: TeamId,
    /// Open or closed.
    pub status: CaseStatus,
    /// Creation time (Unix seconds).
    pub created: u64,
    /// The last contact (Unix seconds): a document added, the profile changed, the case
    /// closed or reopened, or a "contact today"; views do not move it.
    pub updated: u64,
    /// When it was closed, while it is (Unix seconds).
    pub closed: Option<u64>,
    /// Kept past its retention term until then (Unix seconds), when it is.
    pub hold_until: Option<u64>,
    /// When it is erased (Unix seconds): its team's retention after the last contact, or
    /// its hold's date if later.
    pub retention_term: u64,
    /// The decrypted profile.
    pub profile: CaseProfile,
}

/// The kind of a document; evidence is immutable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// Passport, residence permit, ID scan.
    Identity,
    /// Appeal (recours) drafts.
    Appeal,
    /// Evidence: never replaced nor deleted.
    Evidence,
    /// Anything else.
    Other,
}

impl FromStr for DocumentKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "identity" => Ok(DocumentKind::Identity),
            "appeal" => Ok(DocumentKind::Appeal),
            "evidence" => Ok(DocumentKind::Evidence),
            "other" => Ok(DocumentKind::Other),
            _ => Err(Error::Invalid(crate::Problem::Kind)),
        }
    }
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DocumentKind::Identity => "identity",
            DocumentKind::Appeal => "appeal",
            DocumentKind::Evidence => "evidence",
            DocumentKind::Other => "other",
        })
    }
}

/// What the depositor says about a new document or version.
#[derive(Clone, PartialEq, Eq)]
pub struct NewDocument {
    /// Kind (ignored for new versions: a document keeps its kind).
    pub kind: DocumentKind,
    /// The original file name, without any directory part.
    pub filename: String,
    /// Media type, e.g. `application/pdf`.
    pub media_type: String,
    /// Optional note.
    pub note: Option<String>,
}

impl fmt::Debug for NewDocument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NewDocument({}, ***)", self.kind)
    }
}

/// Encrypted metadata of one document version; its name is secret like its contents.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// Kind.
    pub kind: DocumentKind,
    /// Original file name.
    pub filename: String,
    /// Media type.
    pub media_type: String,
    /// Note.
    pub note: Option<String>,
    /// Plaintext size in bytes.
    pub size: u64,
    /// BLAKE3 of the plaintext, hex.
    pub blake3: String,
    /// When this version was added (Unix seconds).
    pub created: u64,
}

impl fmt::Debug for DocumentMeta {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "DocumentMeta({}, {} bytes, {}, ***)",
            self.kind, self.size, self.blake3
        )
    }
}

/// The newest version of a document, as listed.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentInfo {
    /// Document id.
    pub id: DocumentId,
    /// Its case.
    pub case: CaseId,
    /// Number of versions (the newest is this one).
    pub versions: u32,
    /// The newest version's metadata.
    pub meta: DocumentMeta,
    /// What the newest version's own metadata (EXIF, PDF Info...) revealed at intake.
    pub inspection: Option<crate::copies::Inspection>,
}
