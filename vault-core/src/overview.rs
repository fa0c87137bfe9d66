//! What a case page shows, read at once and recorded as one event: the volunteer saw the
//! profile, these documents and these links, and the report. Each part read on its own
//! (the API's routes) keeps its own event.

use std::collections::HashMap;

use crate::documents::DocumentRecord;
use crate::error::Result;
use crate::ids::{CaseId, DocumentId};
use crate::log::action::Action;
use crate::log::audit::target;
use crate::log::event::Event;
use crate::model::{Case, DocumentInfo, DocumentMeta};
use crate::vault::{Session, Vault};
use crate::{ShareInfo, SpaceInfo, UploadLinkInfo};

/// Everything the volunteers' case page shows.
pub struct CaseOverview {
    /// The case and its profile.
    pub case: Case,
    /// Its documents (each one's newest version).
    pub documents: Vec<DocumentInfo>,
    /// Every version of the documents that have more than one.
    pub histories: HashMap<DocumentId, Vec<DocumentMeta>>,
    /// Its share links.
    pub shares: Vec<ShareInfo>,
    /// Its upload links.
    pub uploads: Vec<UploadLinkInfo>,
    /// Its personal spaces.
    pub spaces: Vec<SpaceInfo>,
    /// Every event that touched the case, in order (this view's own not included).
    pub report: Vec<Event>,
}

impl Vault {
    /// The case page's content, recorded as one `case.view` whose targets are the case,
    /// each document and each link shown.
    pub fn case_overview(&self, session: &Session, case: &CaseId) -> Result<CaseOverview> {
        self.audited(
            session.actor(),
            Action::CaseView,
            vec![target("case", case)],
            |audit| {
                let (record, key) = self.case_key(session, case)?;
                let case_info = self.decrypt_case(record, &key)?;
                let documents = self.documents_with_key(case, &key)?;
                let mut histories = HashMap::new();
                for d in &documents {
                    audit.target("document", &d.id);
                    if d.versions > 1 {
                        let record: DocumentRecord = self
                            .inner
                            .catalog
                            .required(&format!("doc/{case}/{}", d.id))?;
                        let metas = record
                            .versions
                            .iter()
                            .map(|v| self.version_meta(&record, v.number, &key).map(|(_, m)| m))
                            .collect::<Result<Vec<_>>>()?;
                        histories.insert(d.id.clone(), metas);
                    }
                }
                let now = self.now();
                let shares = self.shares_of(case, &key, now)?;
                let uploads = self.upload_links_of(case, now)?;
                let spaces = self.spaces_of(case, now)?;
                for s in &shares {
                    audit.target("share", &s.id);
                }
                for u in &uploads {
                    audit.target("upload", &u.id);
                }
                for s in &spaces {
                    audit.target("space", &s.id);
                }
                let report = self.case_events(case)?;
                Ok(CaseOverview {
                    case: case_info,
                    documents,
                    histories,
                    shares,
                    uploads,
                    spaces,
                    report,
                })
            },
        )
    }
}
