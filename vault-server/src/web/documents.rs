//! The case page (profile, documents by kind, links, access report) and what is done to
//! documents from it: upload (several files, streamed), download, verify, reclassify, new
//! version.

use std::collections::HashMap;

use axum::extract::{Path, RawQuery, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use vault_core::{
    Case, CaseId, CaseStatus, DocumentId, DocumentInfo, DocumentKind, DocumentMeta, Event,
    NewDocument, ShareInfo, UploadLinkInfo,
};

use super::report::{self, document_of, entries, pager, sentence, Filter, Reader};
use super::{links, run, see_other, when, Fields, Volunteer};
use crate::api::parse_id;
use crate::error::ApiError;
use crate::i18n::Lang;
use crate::multipart::{Form, NotUtf8, SMALL_PART};
use crate::state::AppState;
use crate::stream::stream_into;

/// The kinds in the order of the page.
const KINDS: [DocumentKind; 4] = [
    DocumentKind::Identity,
    DocumentKind::Appeal,
    DocumentKind::Evidence,
    DocumentKind::Other,
];

fn kind_code(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Identity => "identity",
        DocumentKind::Appeal => "appeal",
        DocumentKind::Evidence => "evidence",
        _ => "other",
    }
}

/// Everything the case page shows, read in one blocking call (one event in the log).
struct CaseView {
    case: Case,
    documents: Vec<DocumentInfo>,
    histories: HashMap<DocumentId, Vec<DocumentMeta>>,
    shares: Vec<ShareInfo>,
    uploads: Vec<UploadLinkInfo>,
    spaces: Vec<vault_core::SpaceInfo>,
    /// Who added each document (a name, or "lien de dépôt").
    added_by: HashMap<String, (String, bool)>,
    /// Every event of the case, in log order.
    events: Vec<Event>,
    /// Who each actor of the events is, in the reader's words.
    who: HashMap<String, String>,
}

fn load(
    state: &AppState,
    v: &Volunteer,
    case: CaseId,
) -> Result<impl FnOnce() -> vault_core::Result<CaseView> + Send + 'static, ApiError> {
    let vault = state.vault()?;
    let session = v.session.clone();
    let lang = v.ctx.lang;
    Ok(move || {
        let o = vault.case_overview(&session, &case)?;
        let mut who: HashMap<String, String> = HashMap::new();
        let mut added_by = HashMap::new();
        for e in &o.report {
            let name = who
                .entry(e.actor.clone())
                .or_insert_with(|| {
                    let label = vault.actor_label_for(&session, &e.actor);
                    vault_words::log::actor(lang.locale(), &label)
                })
                .clone();
            if e.action == vault_core::Action::DocumentAdd.wire()
                && matches!(e.outcome, vault_core::Outcome::Ok)
            {
                if let Some(doc) = document_of(e) {
                    added_by.insert(doc.to_owned(), (name, e.actor.starts_with("upload:")));
                }
            }
        }
        Ok(CaseView {
            case: o.case,
            documents: o.documents,
            histories: o.histories,
            shares: o.shares,
            uploads: o.uploads,
            spaces: o.spaces,
            added_by,
            events: o.report,
            who,
        })
    })
}

/// What the address asks of the case page: `?added=N` after an upload, and the report's
/// filter and page (`?show=downloads&page=2`).
#[derive(Default)]
struct Asked {
    added: Option<usize>,
    show: Filter,
    page: usize,
}

impl Asked {
    fn read(query: Option<&str>) -> Asked {
        let mut asked = Asked {
            page: 1,
            ..Asked::default()
        };
        for (k, v) in form_urlencoded::parse(query.unwrap_or("").as_bytes()) {
            match &*k {
                "added" => asked.added = v.parse().ok(),
                "show" => asked.show = Filter::from_code(&v),
                "page" => asked.page = v.parse().unwrap_or(1),
                _ => {}
            }
        }
        asked
    }
}

/// `GET /cases/{case}`.
pub async fn case_page(
    state: AppState,
    v: Volunteer,
    case: String,
    query: Option<String>,
) -> Response {
    let case: CaseId = match parse_id(&case) {
        Ok(c) => c,
        Err(e) => return v.error(e, "/cases"),
    };
    let work = match load(&state, &v, case) {
        Ok(w) => w,
        Err(e) => return v.error(e, "/cases"),
    };
    let view = match run(work).await {
        Ok(view) => view,
        Err(e) => return v.error(e, "/cases"),
    };
    let asked = Asked::read(query.as_deref());
    let body = case_body(&state, &v, &view, &asked);
    let here = format!("/cases/{}", view.case.id);
    // The title goes to history, tabs and shared screens: the short id, never the name.
    let id = view.case.id.to_string();
    let title = v.ctx.lang.locale().say_with(
        "web-case-page-title",
        &[("id", id.get(..8).unwrap_or(&id).to_owned().into())],
    );
    v.page_headed(StatusCode::OK, &title, &view.case.profile.name, &here, body)
}

fn case_body(state: &AppState, v: &Volunteer, view: &CaseView, asked: &Asked) -> Markup {
    let w = v.ctx.w();
    let lang = v.ctx.lang;
    let case = &view.case;
    let p = &case.profile;
    let id = &case.id;
    let max = state.config().max_upload_bytes;
    html! {
        @if let Some(n) = asked.added {
            p.done role="status" { (w.added_count) " " (n) }
        }
        section aria-labelledby="profile-title" {
            h2 #profile-title { (w.profile_title) }
            dl.profile {
                dt { (w.f_birth) } dd { (p.birth_date.as_deref().unwrap_or("—")) }
                dt { (w.f_nationality) } dd { (p.nationality.as_deref().unwrap_or("—")) }
                dt { (w.f_language) } dd { (p.language.as_deref().unwrap_or("—")) }
                dt { (w.f_contact) } dd { (p.contact.as_deref().unwrap_or("—")) }
                dt { (w.f_notes) } dd.notes { (p.notes.as_deref().unwrap_or("—")) }
                dt { (w.col_status) } dd { @if case.status == CaseStatus::Closed { (w.status_closed) } @else { (w.status_open) } }
            }
            div.actions {
                a.button href={ "/cases/" (id) "/edit" } { (w.edit_title) }
                form method="post" action={ "/cases/" (id) "/status" } {
                    (v.csrf_field())
                    @if case.status == CaseStatus::Closed {
                        input type="hidden" name="status" value="open";
                        button.secondary type="submit" { (w.reopen_case) }
                    } @else {
                        input type="hidden" name="status" value="closed";
                        button.secondary type="submit" { (w.close_case) }
                    }
                }
            }
        }
        (super::retention::case_part(v, case))
        section #documents aria-labelledby="documents-title" {
            h2 #documents-title { (w.documents_title) }
            @if view.documents.is_empty() {
                p { (w.no_documents) }
            }
            @for kind in KINDS {
                @let docs: Vec<&DocumentInfo> = view.documents.iter().filter(|d| d.meta.kind == kind).collect();
                @if !docs.is_empty() {
                    h3 { (lang.t().kind(kind)) " (" (docs.len()) ")" }
                    ul.documents {
                        @for d in docs { (document_item(v, view, d)) }
                    }
                }
            }
            h3 #upload-title { (w.upload_title) }
            form.upload method="post" action={ "/cases/" (id) "/documents" } enctype="multipart/form-data" data-progress {
                (v.csrf_field())
                label for="kind" { (w.f_kind) }
                (kind_select(lang, "kind", DocumentKind::Other))
                label for="files" { (w.f_files) }
                input type="file" #files name="files" multiple required;
                p.note { (w.upload_note) " " (lang.t().size(max)) "." }
                progress hidden max="100" value="0" aria-label=(w.upload_title) {}
                button type="submit" { (w.upload_button) }
            }
        }
        (links::case_links(v, view_case_links(view)))
        @if !view.documents.is_empty() && v.session.user().role == vault_core::Role::Admin {
            (bundle_section(v, &view.case.id))
        }
        (report_section(v, view, asked))
    }
}

/// The evidence bundle (admins only: the log key signs it): every document of the case,
/// optionally encrypted to a lawyer's own age key. The answer is the download itself.
fn bundle_section(v: &Volunteer, case: &CaseId) -> Markup {
    let w = v.ctx.w();
    html! {
        section #bundle aria-labelledby="bundle-title" {
            h2 #bundle-title { (w.bundle_title) }
            p { (w.bundle_text) }
            form method="post" action={ "/cases/" (case) "/bundle" } {
                (v.csrf_field())
                label for="bundle-to" { (w.f_lawyer_key) }
                input type="text" #bundle-to name="to" autocomplete="off" spellcheck="false"
                    placeholder="age1…" aria-describedby="bundle-to-note";
                p.note #bundle-to-note { (w.bundle_to_note) }
                div.check {
                    input type="checkbox" #bundle-copies name="working_copies" value="1" aria-describedby="bundle-copies-note";
                    label for="bundle-copies" { (w.f_working_copies) }
                }
                p.note #bundle-copies-note { (w.working_copies_note) }
                button type="submit" { (w.bundle_button) }
            }
        }
    }
}

/// `POST /cases/{case}/bundle`: the evidence bundle of every document, as a download.
pub async fn bundle(
    State(state): State<AppState>,
    v: Volunteer,
    Path(case): Path<String>,
    fields: Fields,
) -> Response {
    if let Err(refused) = v.check(&fields) {
        return refused;
    }
    let here = format!("/cases/{case}");
    let case: CaseId = match parse_id(&case) {
        Ok(c) => c,
        Err(e) => return v.error(e, "/cases"),
    };
    let vault = match state.vault() {
        Ok(vault) => vault,
        Err(e) => return v.error(e, &here),
    };
    let to = match vault_core::PublicKey::parse_list(fields.get("to").unwrap_or("")) {
        Ok(to) => to,
        Err(e) => return v.error(ApiError::from(e), &here),
    };
    let session = v.session.clone();
    let copies = fields.get("working_copies").is_some();
    match crate::api::cases::bundle_download(&state, vault, session, case, vec![], to, copies).await
    {
        Ok(download) => download,
        Err(e) => v.error(ApiError::from(e), &here),
    }
}

/// The access report: a filter (no script: a form that reloads the page), then the page
/// of lines asked for, then the links to the others.
fn report_section(v: &Volunteer, view: &CaseView, asked: &Asked) -> Markup {
    let w = v.ctx.w();
    let l = v.ctx.lang.locale();
    let id = &view.case.id;
    let names: HashMap<String, String> = view
        .documents
        .iter()
        .map(|d| (d.id.to_string(), d.meta.filename.clone()))
        .collect();
    let lines = entries(&view.events, asked.show);
    let (shown, page, pages) = report::page(&lines, asked.page);
    let label = |f: Filter| match f {
        Filter::All => w.report_all,
        Filter::Downloads => w.report_downloads,
        Filter::Uploads => w.report_uploads,
        Filter::Links => w.report_links,
        Filter::Changes => w.report_changes,
    };
    let show = asked.show;
    let href = move |n: usize| format!("/cases/{id}?show={}&page={n}#report", show.code());
    html! {
        section #report aria-labelledby="report-title" {
            h2 #report-title { (w.report_title) }
            p.note { (w.report_note) }
            form.filter method="get" action={ "/cases/" (id) "#report" } {
                label for="show" { (w.report_show) }
                select #show name="show" {
                    @for f in Filter::ALL {
                        option value=(f.code()) selected[f == asked.show] { (label(f)) }
                    }
                }
                button.secondary type="submit" { (w.report_filter) }
            }
            @if shown.is_empty() {
                p { (w.report_none) }
            } @else {
                ol.report {
                    @for line in shown {
                        @let who = view.who.get(&line.newest.actor).map_or("", String::as_str);
                        li { (sentence(l, line, Reader::Volunteer, who, &names)) }
                    }
                }
            }
            (pager(l, page, pages, href))
        }
    }
}

fn view_case_links(view: &CaseView) -> links::CaseLinks<'_> {
    links::CaseLinks {
        case: &view.case.id,
        documents: &view.documents,
        shares: &view.shares,
        uploads: &view.uploads,
        spaces: &view.spaces,
    }
}

fn kind_select(lang: Lang, id: &str, selected: DocumentKind) -> Markup {
    html! {
        select #(id) name="kind" {
            @for k in KINDS {
                option value=(kind_code(k)) selected[k == selected] { (lang.t().kind(k)) }
            }
        }
    }
}

fn document_item(v: &Volunteer, view: &CaseView, d: &DocumentInfo) -> Markup {
    let w = v.ctx.w();
    let lang = v.ctx.lang;
    let case = &view.case.id;
    let doc = &d.id;
    let (by, by_link) = view.added_by.get(doc.as_str()).cloned().unwrap_or_default();
    let to_classify = by_link && d.meta.kind == DocumentKind::Other;
    let select_id = format!("kind-{doc}");
    let version_id = format!("version-{doc}");
    html! {
        li.document {
            p.name {
                strong { bdi { (d.meta.filename) } }
                @if to_classify { " " span.badge { (w.to_classify) } }
            }
            p.meta {
                (lang.t().size(d.meta.size)) " · " (when(lang, d.meta.created))
                @if !by.is_empty() { " · " (w.added_by) " " bdi { (by) } }
                @if d.versions > 1 { " · " (w.version) " " (d.versions) }
            }
            @if let Some(marks) = d.inspection.as_ref().and_then(|i| vault_words::metadata::marks(lang.locale(), i)) {
                p.marks { (marks) }
            }
            div.actions {
                a.button href={ "/documents/" (doc) "/download" } download { (w.download) }
                form method="post" action={ "/documents/" (doc) "/verify" } {
                    (v.csrf_field())
                    input type="hidden" name="case" value=(case);
                    button.secondary type="submit" { (w.verify) }
                }
            }
            @if d.meta.kind != DocumentKind::Evidence {
                form.inline method="post" action={ "/documents/" (doc) "/kind" } {
                    (v.csrf_field())
                    input type="hidden" name="case" value=(case);
                    label for=(select_id) { (w.reclassify) }
                    (kind_select(lang, &select_id, d.meta.kind))
                    button.secondary type="submit" { (w.save) }
                }
            } @else {
                p.note { (w.evidence_note) }
            }
            @if d.meta.kind == DocumentKind::Appeal {
                form.inline method="post" action={ "/documents/" (doc) "/versions?case=" (case) } enctype="multipart/form-data" {
                    (v.csrf_field())
                    label for=(version_id) { (w.new_version) }
                    input type="file" id=(version_id) name="file" required;
                    button.secondary type="submit" { (w.upload_button) }
                }
            }
            @if let Some(history) = view.histories.get(doc) {
                details {
                    summary { (w.versions) " (" (history.len()) ")" }
                    ol {
                        @for (i, m) in history.iter().enumerate() {
                            li {
                                a href={ "/documents/" (doc) "/download?version=" (i + 1) } download {
                                    bdi { (m.filename) }
                                }
                                " · " (lang.t().size(m.size)) " · " (when(lang, m.created))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A file name of the web forms: refused when blank or when it hides characters (a
/// volunteer can rename the file), else made safe like a phone's.
fn form_name(given: &str) -> Result<String, ApiError> {
    vault_core::check_name(vault_core::Named::FileName, given)?;
    Ok(crate::links::safe_name(given))
}

/// Reads the first part of a form, which must be the CSRF token.
async fn check_first_part(v: &Volunteer, form: &mut Form) -> Result<(), Response> {
    let mut token = Vec::new();
    if let Ok(Some(mut part)) = form.next().await {
        if part.field.name() == Some("csrf") {
            while let Ok(Some(chunk)) = part.chunk().await {
                if token.len() + chunk.len() > 128 {
                    break;
                }
                token.extend_from_slice(&chunk);
            }
        }
    }
    // A token that is not UTF-8 is no token.
    v.check_token(std::str::from_utf8(&token).unwrap_or_default())
}

/// `POST /cases/{case}/documents`: multipart `csrf`, `kind`, then one or more `files`.
pub async fn upload(
    State(state): State<AppState>,
    v: Volunteer,
    Path(case): Path<String>,
    request: Request,
) -> Response {
    let here = format!("/cases/{case}");
    let (vault, case) = match (state.vault(), parse_id::<CaseId>(&case)) {
        (Ok(vault), Ok(case)) => (vault, case),
        (Err(e), _) | (_, Err(e)) => return v.error(e, "/cases"),
    };
    let w = v.ctx.w();
    let bad_form = |v: &Volunteer| {
        v.error(
            ApiError::bad_request("invalid_form", w.bad_form_fr, w.bad_form_en),
            &here,
        )
    };
    let mut form = match Form::from_request(request, &state).await {
        Ok(f) => f,
        Err(_) => return bad_form(&v),
    };
    if let Err(refused) = check_first_part(&v, &mut form).await {
        return refused;
    }
    let limit = state.config().max_upload_bytes;
    let mut kind = DocumentKind::Other;
    let mut added = 0;
    loop {
        let part = match form.next().await {
            Ok(Some(p)) => p,
            Ok(None) => break,
            Err(_) => return bad_form(&v),
        };
        match part.field.name() {
            Some("kind") => {
                let text = match crate::api::documents::small_text(part).await {
                    Ok(t) => t,
                    Err(_) => return bad_form(&v),
                };
                kind = match text.parse() {
                    Ok(k) => k,
                    Err(_) => return bad_form(&v),
                };
            }
            Some("files") => {
                let filename = match part.file_name() {
                    Ok(name) => name.filter(|n| !n.is_empty()).map(str::to_owned),
                    Err(NotUtf8) => return v.error(ApiError::file_name_not_utf8(), &here),
                };
                let Some(filename) = filename else {
                    // A file input left empty.
                    if !part.skip(SMALL_PART).await {
                        return bad_form(&v);
                    }
                    continue;
                };
                let filename = match form_name(&filename) {
                    Ok(name) => name,
                    Err(e) => return v.error(e, &here),
                };
                let new = NewDocument {
                    kind,
                    filename,
                    media_type: part
                        .field
                        .content_type()
                        .filter(|m| m.len() < 100 && m.is_ascii() && !m.contains(['\r', '\n']))
                        .unwrap_or("application/octet-stream")
                        .to_owned(),
                    note: None,
                };
                let session = v.session.clone();
                let vault = vault.clone();
                let case = case.clone();
                let (result, _) = stream_into(part, limit, move |reader| {
                    vault.add_document(&session, &case, reader, &new)
                })
                .await;
                if let Err(e) = result {
                    return v.error(ApiError::from(e), &here);
                }
                added += 1;
            }
            _ => {
                if !part.skip(SMALL_PART).await {
                    return bad_form(&v);
                }
            }
        }
    }
    if added == 0 {
        return bad_form(&v);
    }
    see_other(&format!("{here}?added={added}#documents"))
}

/// `GET /documents/{doc}/download[?version=N]`: streamed, recorded in the log first.
pub async fn download(
    State(state): State<AppState>,
    v: Volunteer,
    Path(doc): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let (vault, doc) = match (state.vault(), parse_id::<DocumentId>(&doc)) {
        (Ok(vault), Ok(doc)) => (vault, doc),
        (Err(e), _) | (_, Err(e)) => return v.error(e, "/cases"),
    };
    let version = query.as_deref().and_then(|q| {
        form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "version")
            .and_then(|(_, n)| n.parse::<u32>().ok())
    });
    let session = v.session.clone();
    match run(move || vault.open_document(&session, &doc, version)).await {
        Ok((meta, reader)) => crate::api::documents::download_response(&meta, reader),
        Err(e) => v.error(e, "/cases"),
    }
}

/// The case a document form came from, for the way back.
fn back(fields: &Fields) -> String {
    match fields.get("case").and_then(|c| c.parse::<CaseId>().ok()) {
        Some(case) => format!("/cases/{case}"),
        None => "/cases".to_owned(),
    }
}

/// `POST /documents/{doc}/verify`: re-reads every version against its fingerprint.
pub async fn verify(
    State(state): State<AppState>,
    v: Volunteer,
    Path(doc): Path<String>,
    fields: Fields,
) -> Response {
    if let Err(refused) = v.check(&fields) {
        return refused;
    }
    let here = back(&fields);
    let (vault, doc) = match (state.vault(), parse_id::<DocumentId>(&doc)) {
        (Ok(vault), Ok(doc)) => (vault, doc),
        (Err(e), _) | (_, Err(e)) => return v.error(e, &here),
    };
    let w = v.ctx.w();
    let session = v.session.clone();
    let (status, message, class) = match run(move || vault.verify_document(&session, &doc)).await {
        Ok(n) => (StatusCode::OK, format!("{} {n}", w.verify_ok), "done"),
        Err(e) if e.code == "document_damaged" => (
            StatusCode::OK,
            format!("{} {}", w.verify_damaged, e.message_in(v.ctx.lang.code())),
            "error",
        ),
        Err(e) => return v.error(e, &here),
    };
    v.page(
        status,
        w.verify_title,
        &here,
        html! {
            p class=(class) role="status" { (message) }
            p { a href=(here) { (w.back_to_case) } }
        },
    )
}

/// `POST /documents/{doc}/kind`: reclassifies (evidence stays evidence).
pub async fn reclassify(
    State(state): State<AppState>,
    v: Volunteer,
    Path(doc): Path<String>,
    fields: Fields,
) -> Response {
    if let Err(refused) = v.check(&fields) {
        return refused;
    }
    let here = back(&fields);
    let (vault, doc) = match (state.vault(), parse_id::<DocumentId>(&doc)) {
        (Ok(vault), Ok(doc)) => (vault, doc),
        (Err(e), _) | (_, Err(e)) => return v.error(e, &here),
    };
    let kind: DocumentKind = match fields.get("kind").unwrap_or("").parse() {
        Ok(k) => k,
        Err(e) => return v.error(ApiError::from(e), &here),
    };
    let session = v.session.clone();
    match run(move || vault.set_document_kind(&session, &doc, kind)).await {
        Ok(()) => see_other(&format!("{here}#documents")),
        Err(e) => v.error(e, &here),
    }
}

/// `POST /documents/{doc}/versions?case=ID`: multipart `csrf`, then `file`.
pub async fn add_version(
    State(state): State<AppState>,
    v: Volunteer,
    Path(doc): Path<String>,
    RawQuery(query): RawQuery,
    request: Request,
) -> Response {
    let Ok(fields) = Fields::parse(query.unwrap_or_default().as_bytes()) else {
        return v.error(ApiError::not_utf8("invalid_query"), "/cases");
    };
    let here = back(&fields);
    let (vault, doc) = match (state.vault(), parse_id::<DocumentId>(&doc)) {
        (Ok(vault), Ok(doc)) => (vault, doc),
        (Err(e), _) | (_, Err(e)) => return v.error(e, &here),
    };
    let w = v.ctx.w();
    let bad_form = ApiError::bad_request("invalid_form", w.bad_form_fr, w.bad_form_en);
    let Ok(mut form) = Form::from_request(request, &state).await else {
        return v.error(bad_form, &here);
    };
    if let Err(refused) = check_first_part(&v, &mut form).await {
        return refused;
    }
    let part = loop {
        let part = match form.next().await {
            Ok(Some(p)) => p,
            _ => return v.error(bad_form, &here),
        };
        if part.field.name() == Some("file") {
            break part;
        }
        if !part.skip(SMALL_PART).await {
            return v.error(bad_form, &here);
        }
    };
    let filename = match part.file_name() {
        Ok(Some(name)) if !name.is_empty() => form_name(name),
        Ok(_) => return v.error(bad_form, &here),
        Err(NotUtf8) => return v.error(ApiError::file_name_not_utf8(), &here),
    };
    let filename = match filename {
        Ok(name) => name,
        Err(e) => return v.error(e, &here),
    };
    let new = NewDocument {
        kind: DocumentKind::Other,
        filename,
        media_type: "application/octet-stream".into(),
        note: None,
    };
    let limit = state.config().max_upload_bytes;
    let session = v.session.clone();
    let (result, _) = stream_into(part, limit, move |reader| {
        vault.add_version(&session, &doc, reader, &new)
    })
    .await;
    match result {
        Ok(_) => see_other(&format!("{here}#documents")),
        Err(e) => v.error(ApiError::from(e), &here),
    }
}
