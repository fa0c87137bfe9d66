//! Finding a case among 100,000 without decrypting them all.
//!
//! Two indexes live in the catalogue beside the cases:
//!
//! - **The order index** (`order/<team>/<status>/<rev>/<case>`, empty values): the cases of
//!   each team and status by last activity, newest first (`rev` is `u64::MAX - updated` in
//!   hex, so key order is activity order). It repeats what the clear case records already
//!   say (team, status, dates), so it reveals nothing new; a page of the list is a range
//!   read, and only the page's profiles are decrypted.
//! - **The blind name index** (`blind/<hash>/<case>`, and `blindof/<case>`: the hashes of
//!   one case, so that a change or an erasure removes them without a key). Each term of a
//!   name (see [`terms`]) is hashed with BLAKE3 in keyed mode under a key derived from the
//!   team's key (`NameKey`), as CipherSweet's blind indexes are: without the team key a
//!   hash says nothing of the name, and a search hashes the words typed and reads the
//!   matching keys. What the hashes still reveal to someone who holds the catalogue but no
//!   key (which cases share a term, how many terms a name has) is in
//!   docs/threat-model.md.
//!
//! A team's name index is built when the team is created, kept in step by every change of
//! a profile, rebuilt with the new key when the team's key rotates, and built once for a
//! vault made before it existed (the first search by a member, recorded as `case.index`).

use std::collections::{BTreeSet, HashMap, HashSet};

use secrecy::ExposeSecret;
use zeroize::Zeroizing;

use crate::cases::CaseRecord;
use crate::catalog::{Batch, Catalog};
use crate::error::Result;
use crate::ids::{CaseId, TeamId};
use crate::keys::SecretKey;
use crate::log::action::Action;
use crate::log::audit::target;
use crate::model::{Case, CaseStatus};
use crate::teams::TeamRecord;
use crate::vault::{Session, Vault};

/// Words of a name shorter than this are indexed whole only; longer ones by every
/// prefix of at least this many letters ("ngu", "nguy", "nguye", "nguyen").
pub const MIN_PREFIX_LETTERS: usize = 3;

/// The largest page [`Vault::find_cases`] returns.
pub const MAX_PAGE: usize = 200;

/// The marker of a built order index.
const ORDER_BUILT: &str = "index/order";

/// The words of a name or of a search as the index compares them: transliterated to ASCII
/// by `deunicode` (ễ, ł, ı, ø, ß, and other scripts to Latin letters), lower case, cut at
/// everything that is not a letter or a digit (spaces, hyphens, apostrophes).
pub fn words(text: &str) -> Vec<String> {
    deunicode::deunicode(text)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// What a name is found by: each word's prefixes of [`MIN_PREFIX_LETTERS`] letters or
/// more (a shorter word whole), and each run of adjacent words written together, so that
/// "N'Diaye" is found by "ndiaye" and "Diallo-Nguyễn" by "diallonguyen".
pub fn terms(name: &str) -> BTreeSet<String> {
    let words = words(name);
    let mut out = BTreeSet::new();
    for (i, word) in words.iter().enumerate() {
        if word.len() < MIN_PREFIX_LETTERS {
            out.insert(word.clone());
        } else {
            for end in MIN_PREFIX_LETTERS..=word.len() {
                out.insert(word[..end].to_owned());
            }
        }
        let mut joined = word.clone();
        for next in &words[i + 1..] {
            joined.push_str(next);
            out.insert(joined.clone());
        }
    }
    out
}

/// Whether a search finds `name`: every word typed is one of the name's [`terms`]. The
/// index answers the same question without the name; this is its definition.
pub fn finds(name: &str, search: &str) -> bool {
    let terms = terms(name);
    let typed = words(search);
    !typed.is_empty() && typed.iter().all(|w| terms.contains(w))
}

/// The key of a team's blind index, derived from the team key (so it changes when the
/// team's key rotates). BLAKE3's key derivation, then its keyed mode as a PRF: the
/// construction is BLAKE3's own, nothing here is new cryptography.
pub(crate) struct NameKey(Zeroizing<[u8; 32]>);

impl NameKey {
    pub(crate) fn of_team(team: &SecretKey) -> NameKey {
        let text = team.to_secret_string();
        NameKey(Zeroizing::new(blake3::derive_key(
            "vault 2026 case name blind index v1",
            text.expose_secret().as_bytes(),
        )))
    }

    /// The blind form of one term: 128 bits of keyed BLAKE3, in hex.
    fn blind(&self, term: &str) -> String {
        hex::encode(&blake3::keyed_hash(&self.0, term.as_bytes()).as_bytes()[..16])
    }
}

/// What the case list asks for. Its Debug output leaves the name out.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct CaseQuery {
    /// Only cases with this status (all when `None`).
    pub status: Option<CaseStatus>,
    /// Only cases whose name this search [`finds`].
    pub name: Option<String>,
    /// How many matching cases to skip (newest activity first).
    pub offset: usize,
    /// How many to return (at most [`MAX_PAGE`]).
    pub limit: usize,
}

impl std::fmt::Debug for CaseQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CaseQuery")
            .field("status", &self.status)
            .field("name", &self.name.as_ref().map(|_| "<redacted>"))
            .field("offset", &self.offset)
            .field("limit", &self.limit)
            .finish()
    }
}

/// One page of cases.
#[derive(Clone, Debug, serde::Serialize)]
pub struct CasePage {
    /// The cases, last activity first.
    pub cases: Vec<Case>,
    /// Whether more cases match after these.
    pub more: bool,
}

fn status_code(status: CaseStatus) -> &'static str {
    match status {
        CaseStatus::Open => "open",
        CaseStatus::Closed => "closed",
    }
}

/// The sortable tail of an order key: activity (newest first), then the id.
fn order_tail(record: &CaseRecord) -> String {
    format!("{:016x}/{}", u64::MAX - record.updated, record.id)
}

fn order_key(record: &CaseRecord) -> String {
    format!(
        "order/{}/{}/{}",
        record.team,
        status_code(record.status),
        order_tail(record)
    )
}

/// Builds the order index of a vault made before it existed (clear data only: no key is
/// needed, nothing personal is read).
pub(crate) fn ensure_order_index(catalog: &Catalog) -> Result<()> {
    if catalog.contains(ORDER_BUILT)? {
        return Ok(());
    }
    let mut batch = Batch::default();
    for record in catalog.records::<CaseRecord>("case/")? {
        batch.put_raw(&order_key(&record), Vec::new());
    }
    batch.put_raw(ORDER_BUILT, b"1".to_vec());
    catalog.apply(batch)
}

/// Marks the order index of a new vault as built.
pub(crate) fn mark_order_index(batch: &mut Batch) {
    batch.put_raw(ORDER_BUILT, b"1".to_vec());
}

fn names_built(team: &TeamId) -> String {
    format!("index/names/{team}")
}

impl Vault {
    /// Writes a case record and keeps the order index in step (`old`: the record it
    /// replaces). Every write of `case/<id>` goes through here.
    pub(crate) fn put_case(
        &self,
        batch: &mut Batch,
        old: Option<&CaseRecord>,
        new: &CaseRecord,
    ) -> Result<()> {
        if let Some(old) = old {
            let before = order_key(old);
            if before != order_key(new) {
                batch.remove(&before);
            }
        }
        batch.put_raw(&order_key(new), Vec::new());
        batch.put(&format!("case/{}", new.id), new)
    }

    /// Removes a case record and everything that indexes it (erasure).
    pub(crate) fn remove_case_record(&self, batch: &mut Batch, record: &CaseRecord) -> Result<()> {
        batch.remove(&order_key(record));
        self.unindex_name(batch, &record.id)?;
        batch.remove(&format!("case/{}", record.id));
        Ok(())
    }

    /// Replaces the blind index entries of a case with those of `name`.
    pub(crate) fn index_name(
        &self,
        batch: &mut Batch,
        case: &CaseId,
        key: &NameKey,
        name: &str,
    ) -> Result<()> {
        let blinds: BTreeSet<String> = terms(name).iter().map(|t| key.blind(t)).collect();
        let old: Vec<String> = self
            .inner
            .catalog
            .record(&format!("blindof/{case}"))?
            .unwrap_or_default();
        for b in old.iter().filter(|b| !blinds.contains(*b)) {
            batch.remove(&format!("blind/{b}/{case}"));
        }
        for b in &blinds {
            batch.put_raw(&format!("blind/{b}/{case}"), Vec::new());
        }
        batch.put(&format!("blindof/{case}"), &blinds)
    }

    fn unindex_name(&self, batch: &mut Batch, case: &CaseId) -> Result<()> {
        let old: Vec<String> = self
            .inner
            .catalog
            .record(&format!("blindof/{case}"))?
            .unwrap_or_default();
        for b in &old {
            batch.remove(&format!("blind/{b}/{case}"));
        }
        batch.remove(&format!("blindof/{case}"));
        Ok(())
    }

    /// Marks a team's name index as built for its key's `epoch`.
    pub(crate) fn mark_names_indexed(
        &self,
        batch: &mut Batch,
        team: &TeamId,
        epoch: u32,
    ) -> Result<()> {
        batch.put(&names_built(team), &epoch)
    }

    /// The teams the session's user belongs to, with their keys.
    fn member_teams(&self, session: &Session) -> Result<Vec<(TeamRecord, SecretKey)>> {
        let mut out = Vec::new();
        for team in self.inner.catalog.records::<TeamRecord>("team/")? {
            if team.members.contains(&session.user.id) {
                let key = self.team_key(session, &team.id)?;
                out.push((team, key));
            }
        }
        Ok(out)
    }

    /// Builds the name index of a team whose cases were made before it existed (or whose
    /// marker does not match its key): it decrypts every profile of the team, so it is an
    /// event of its own, `case.index`, naming every case it read.
    fn build_name_index(
        &self,
        session: &Session,
        team: &TeamRecord,
        key: &SecretKey,
    ) -> Result<()> {
        self.audited(
            session.actor(),
            Action::CaseIndex,
            vec![target("team", &team.id)],
            |audit| {
                let _guard = self.write_lock();
                let catalog = &self.inner.catalog;
                let epoch: Option<u32> = catalog.record(&names_built(&team.id))?;
                if epoch == Some(team.epoch) {
                    return Ok(()); // built meanwhile by another request
                }
                let name_key = NameKey::of_team(key);
                let mut batch = Batch::default();
                for record in catalog.records::<CaseRecord>("case/")? {
                    if record.team != team.id {
                        continue;
                    }
                    audit.target("case", &record.id);
                    let case_key = self.unwrap_case_key(&record.id, key)?;
                    let id = record.id.clone();
                    let case = self.decrypt_case(record, &case_key)?;
                    self.index_name(&mut batch, &id, &name_key, &case.profile.name)?;
                }
                self.mark_names_indexed(&mut batch, &team.id, team.epoch)?;
                self.commit(batch, audit, &[])
            },
        )
    }

    /// A page of the cases the user can open (those of their teams), last activity
    /// first, filtered by status and by name. Only the page's profiles are decrypted, and
    /// the event (`case.list`) names the cases of the page.
    pub fn find_cases(&self, session: &Session, query: &CaseQuery) -> Result<CasePage> {
        let teams = self.member_teams(session)?;
        let search = query.name.as_deref().map(words);
        if search.is_some() {
            for (team, key) in &teams {
                let built: Option<u32> = self.inner.catalog.record(&names_built(&team.id))?;
                if built != Some(team.epoch) {
                    self.build_name_index(session, team, key)?;
                }
            }
        }
        self.audited(session.actor(), Action::CaseList, vec![], |audit| {
            let page = self.find_cases_inner(&teams, search.as_deref(), query)?;
            for c in &page.cases {
                audit.target("case", &c.id);
            }
            Ok(page)
        })
    }

    fn find_cases_inner(
        &self,
        teams: &[(TeamRecord, SecretKey)],
        search: Option<&[String]>,
        query: &CaseQuery,
    ) -> Result<CasePage> {
        let catalog = &self.inner.catalog;
        let limit = query.limit.clamp(1, MAX_PAGE);
        let wanted = query.offset.saturating_add(limit).saturating_add(1);
        let statuses: Vec<CaseStatus> = match query.status {
            Some(s) => vec![s],
            None => vec![CaseStatus::Open, CaseStatus::Closed],
        };
        // (sort tail, index of the team, case id)
        let mut rows: Vec<(String, usize, CaseId)> = Vec::new();
        let mut records: HashMap<CaseId, CaseRecord> = HashMap::new();
        for (t, (team, key)) in teams.iter().enumerate() {
            match search {
                None => {
                    for status in &statuses {
                        let prefix = format!("order/{}/{}/", team.id, status_code(*status));
                        for k in catalog.first_keys(&prefix, wanted)? {
                            let tail = &k[prefix.len()..];
                            let id = tail.rsplit('/').next().unwrap_or_default().parse()?;
                            rows.push((tail.to_owned(), t, id));
                        }
                    }
                }
                Some([]) => {}
                Some(typed) => {
                    let name_key = NameKey::of_team(key);
                    let mut found: Option<HashSet<String>> = None;
                    for word in typed {
                        let prefix = format!("blind/{}/", name_key.blind(word));
                        let ids: HashSet<String> = catalog
                            .keys(&prefix)?
                            .into_iter()
                            .map(|k| k[prefix.len()..].to_owned())
                            .collect();
                        found = Some(match found {
                            None => ids,
                            Some(before) => before.intersection(&ids).cloned().collect(),
                        });
                    }
                    for id in found.unwrap_or_default() {
                        let id: CaseId = id.parse()?;
                        // Erased since the index was read: not a match any more.
                        let Some(record) = catalog.record::<CaseRecord>(&format!("case/{id}"))?
                        else {
                            continue;
                        };
                        if record.team != team.id || !statuses.contains(&record.status) {
                            continue;
                        }
                        rows.push((order_tail(&record), t, id.clone()));
                        records.insert(id, record);
                    }
                }
            }
        }
        rows.sort();
        let more = rows.len() > query.offset.saturating_add(limit);
        let mut cases = Vec::new();
        for (_, t, id) in rows.into_iter().skip(query.offset).take(limit) {
            let record = match records.remove(&id) {
                Some(r) => r,
                None => self.case_record(&id)?,
            };
            let case_key = self.unwrap_case_key(&id, &teams[t].1)?;
            cases.push(self.decrypt_case(record, &case_key)?);
        }
        Ok(CasePage { cases, more })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A search finds a name however it is typed: without its accents, with a space for a
    /// hyphen, joined, by the start of a word; and not by a word it does not hold.
    #[test]
    fn a_query_never_shows_the_name_it_searches() {
        let q = CaseQuery {
            name: Some("Aïssatou".into()),
            ..CaseQuery::default()
        };
        assert!(!format!("{q:?}").contains("Aïssatou"));
    }

    #[test]
    fn a_name_is_found_however_it_is_typed() {
        let name = "Aïssatou Diallo-Nguyễn";
        for typed in [
            "nguyen",
            "Diallo Nguyen",
            "diallo-nguyen",
            "DIALLO NGUYỄN",
            "diallonguyen",
            "aiss",
            "Aïssatou",
            "ngu dia",
        ] {
            assert!(finds(name, typed), "{typed:?}");
        }
        for typed in ["guyen", "ng", "diallo martin", "", "  - "] {
            assert!(!finds(name, typed), "{typed:?}");
        }
        for (name, typed) in [
            ("Łukasz Wałęsa", "lukasz walesa"),
            ("Ștefan Pușcaș", "stefan puscas"),
            ("Őrs Kovács", "ors kovacs"),
            ("Yıldız Çelik", "yildiz celik"),
            ("Søren Ødegård", "soren odegard"),
            ("Mariama N'Diaye", "n diaye"),
            ("Mariama N’Diaye", "n'diaye"),
            ("Mariama N'Diaye", "ndiaye"),
            ("Thị Hương", "thi huong"),
            ("محمد", "محمد"),
        ] {
            assert!(finds(name, typed), "{typed:?} does not find {name:?}");
        }
        assert!(!finds(name, "nguyen diallo x"));
        assert!(!finds("Ana", "anna"));
    }
}
