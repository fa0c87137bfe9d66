//! Share links (for a lawyer) and upload links (for the person), from the case page: made
//! with a form, shown once with a QR code and a copy button, listed with their use, revoked.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use vault_core::{
    CaseId, DocumentId, DocumentInfo, LinkId, LinkStatus, NewShare, NewUploadLink, ShareInfo,
    UploadLinkInfo,
};

use super::{run, see_other, when, Fields, Volunteer};
use crate::api::links::url;
use crate::api::parse_id;
use crate::api::session::with_kdf_slot;
use crate::error::ApiError;
use crate::i18n::Locale;
use crate::state::AppState;

const DAY: u64 = 86_400;

/// What the case page's links section shows.
pub struct CaseLinks<'a> {
    pub case: &'a CaseId,
    pub documents: &'a [DocumentInfo],
    pub shares: &'a [ShareInfo],
    pub uploads: &'a [UploadLinkInfo],
    pub spaces: &'a [vault_core::SpaceInfo],
}

fn days_select(l: Locale, id: &str, choices: &[u64], default: u64) -> Markup {
    html! {
        select #(id) name="days" {
            @for d in choices {
                option value=(d) selected[*d == default] { (l.say_with("web-days-count", &[("count", (*d).into())])) }
            }
        }
    }
}

/// The links section of the case page: live links with their use and a revoke button,
/// the way to share, and the form asking the person for documents.
pub fn case_links(v: &Volunteer, l: CaseLinks<'_>) -> Markup {
    let w = v.ctx.w();
    let lang = v.ctx.lang;
    let case = l.case;
    let live_shares: Vec<&ShareInfo> = l
        .shares
        .iter()
        .filter(|s| s.status == LinkStatus::Live)
        .collect();
    let live_uploads: Vec<&UploadLinkInfo> = l
        .uploads
        .iter()
        .filter(|u| u.status == LinkStatus::Live)
        .collect();
    html! {
        section #links aria-labelledby="links-title" {
            h2 #links-title { (w.links_title) }
            @if !l.documents.is_empty() {
                p { a.button href={ "/cases/" (case) "/share" } { (w.share_title) } }
            }
            @if live_shares.is_empty() && live_uploads.is_empty() {
                p { (w.no_links) }
            }
            @if !live_shares.is_empty() {
                table.links.stack {
                    caption { (w.live_shares) }
                    thead { tr {
                        th scope="col" { (w.col_recipient) }
                        th scope="col" { (w.col_use) }
                        th scope="col" { (w.col_expires) }
                        th scope="col" { span.visually-hidden { (w.revoke) } }
                    } }
                    tbody {
                        @for s in &live_shares {
                            tr {
                                td data-label=(w.col_recipient) {
                                    bdi { (s.label.as_deref().unwrap_or("—")) } " (" (lang.locale().say_with("web-docs-count", &[("count", s.documents.len().into())])) ")"
                                    @if !s.to.is_empty() { br; span.note { (w.sealed_to_key) } }
                                    br; span.note { (if s.form == vault_core::Form::Original { w.share_originals } else { w.share_cleaned }) }
                                    ul.sent {
                                        @for (doc, sent) in s.documents.iter().zip(&s.sent) {
                                            @if let Some(sent) = sent {
                                                li { bdi { (l.documents.iter().find(|d| &d.id == doc).map(|d| d.meta.filename.as_str()).unwrap_or("—")) } " — " (vault_words::metadata::sent(lang.locale(), sent)) }
                                            }
                                        }
                                    }
                                }
                                td data-label=(w.col_use) { (s.downloads) " / " (s.max_downloads) " " (w.downloads_word) }
                                td data-label=(w.col_expires) { (when(lang, s.expires)) }
                                td {
                                    form method="post" action={ "/shares/" (s.id) "/revoke" } {
                                        (v.csrf_field())
                                        input type="hidden" name="case" value=(case);
                                        input type="hidden" name="label" value=(s.label.as_deref().unwrap_or(""));
                                        button.danger type="submit" aria-label={ (w.revoke) " " (s.label.as_deref().unwrap_or("")) } { (w.revoke) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if !live_uploads.is_empty() {
                table.links.stack {
                    caption { (w.live_uploads) }
                    thead { tr {
                        th scope="col" { (w.col_use) }
                        th scope="col" { (w.col_expires) }
                        th scope="col" { span.visually-hidden { (w.revoke) } }
                    } }
                    tbody {
                        @for u in &live_uploads {
                            tr {
                                td data-label=(w.col_use) { (u.files) " / " (u.max_files) " " (w.files_word) }
                                td data-label=(w.col_expires) { (when(lang, u.expires)) }
                                td {
                                    form method="post" action={ "/upload-links/" (u.id) "/revoke" } {
                                        (v.csrf_field())
                                        input type="hidden" name="case" value=(case);
                                        button.danger type="submit" { (w.revoke) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h3 { (w.space_section_title) }
            p { (w.space_section_text) }
            @let live_spaces: Vec<&vault_core::SpaceInfo> = l.spaces.iter().filter(|s| s.status == LinkStatus::Live).collect();
            @if !live_spaces.is_empty() {
                table.links.stack {
                    caption { (w.live_spaces) }
                    thead { tr {
                        th scope="col" { (w.col_created) }
                        th scope="col" { (w.col_expires) }
                        th scope="col" { span.visually-hidden { (w.revoke) } }
                    } }
                    tbody {
                        @for sp in &live_spaces {
                            tr {
                                td data-label=(w.col_created) { (when(lang, sp.created)) }
                                td data-label=(w.col_expires) { (when(lang, sp.expires)) }
                                td {
                                    form method="post" action={ "/spaces/" (sp.id) "/revoke" } {
                                        (v.csrf_field())
                                        input type="hidden" name="case" value=(case);
                                        button.danger type="submit" { (w.revoke) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            form method="post" action={ "/cases/" (case) "/space" } {
                (v.csrf_field())
                label for="space-days" { (w.f_valid_for) }
                (days_select(v.ctx.lang.locale(), "space-days", &[30, 90, 180, 365], 90))
                label for="handout-lang" { (v.ctx.lang.locale().say("web-f-handout-language")) }
                select #handout-lang name="handout" {
                    @for l in Locale::ALL {
                        option value=(l.tag()) lang=(l.tag()) { (l.say("language-name")) }
                    }
                }
                button type="submit" { (w.space_create) }
            }
            h3 { (w.ask_title) }
            p { (w.ask_text) }
            form method="post" action={ "/cases/" (case) "/ask" } {
                (v.csrf_field())
                label for="ask-days" { (w.f_valid_for) }
                (days_select(v.ctx.lang.locale(), "ask-days", &[1, 3, 7], 3))
                label for="ask-files" { (w.f_max_files) }
                input type="number" #ask-files name="files" min="1" max="100" value="10";
                button type="submit" { (w.ask_create) }
            }
        }
    }
}

/// `GET /cases/{case}/share`: pick documents, expiry, download limit, passphrase, label.
pub async fn share_form(
    State(state): State<AppState>,
    v: Volunteer,
    Path(case): Path<String>,
) -> Response {
    let (vault, case) = match (state.vault(), parse_id::<CaseId>(&case)) {
        (Ok(vault), Ok(case)) => (vault, case),
        (Err(e), _) | (_, Err(e)) => return v.error(e, "/cases"),
    };
    let session = v.session.clone();
    let id = case.clone();
    let documents = match run(move || vault.list_documents(&session, &id)).await {
        Ok(d) => d,
        Err(e) => return v.error(e, &format!("/cases/{case}")),
    };
    share_page(&v, &case, &documents, StatusCode::OK, None)
}

/// The share form; after a refusal, `problem` is said and what was typed is kept (the
/// passphrase excepted: a secret is never sent back).
fn share_page(
    v: &Volunteer,
    case: &CaseId,
    documents: &[DocumentInfo],
    status: StatusCode,
    problem: Option<(&str, &Fields)>,
) -> Response {
    let w = v.ctx.w();
    let typed = problem.map(|(_, f)| f);
    let problem = problem.map(|(p, _)| p);
    let ticked: Vec<&str> = typed.map(|f| f.all("documents")).unwrap_or_default();
    let label = typed.and_then(|f| f.get("label")).unwrap_or("");
    let message = typed.and_then(|f| f.get("message")).unwrap_or("");
    let days = typed
        .and_then(|f| f.get("days"))
        .and_then(|d| d.parse().ok())
        .unwrap_or(7);
    let downloads = typed.and_then(|f| f.get("downloads")).unwrap_or("5");
    let to = typed.and_then(|f| f.get("to")).unwrap_or("");
    let lang = v.ctx.lang;
    let here = format!("/cases/{case}/share");
    let body = html! {
        @if let Some(problem) = problem { p.error role="alert" { (problem) } }
        form method="post" action=(here) {
            (v.csrf_field())
            fieldset {
                legend { (w.share_docs) }
                @for d in documents {
                    div.check {
                        input type="checkbox" id={ "doc-" (d.id) } name="documents" value=(d.id) checked[ticked.contains(&d.id.as_str())];
                        label for={ "doc-" (d.id) } {
                            bdi { (d.meta.filename) } " " span.note { "(" (lang.t().kind(d.meta.kind)) ", " (lang.t().size(d.meta.size)) ")" }
                            @if let Some(why) = d.inspection.as_ref().and_then(|i| i.sent_as_is()) {
                                br; span.warning-note { (vault_words::metadata::uncleanable(lang.locale(), why)) }
                            }
                        }
                    }
                }
            }
            label for="label" { (w.f_recipient) }
            input type="text" #label name="label" placeholder=(w.recipient_example) autocomplete="off" value=(label);
            label for="message" { (w.f_share_message) }
            textarea #message name="message" rows="3" maxlength="1000" aria-describedby="message-note" { (message) }
            p.note #message-note { (w.share_message_note) }
            label for="share-days" { (w.f_valid_for) }
            (days_select(v.ctx.lang.locale(), "share-days", &[1, 3, 7, 14, 30], days))
            label for="downloads" { (w.f_max_downloads) }
            input type="number" #downloads name="downloads" min="1" max="50" value=(downloads);
            label for="passphrase" { (w.f_passphrase) }
            input type="text" #passphrase name="passphrase" autocomplete="off" aria-describedby="passphrase-note";
            p.note #passphrase-note { (w.passphrase_note) }
            label for="share-to" { (w.f_lawyer_key) }
            input type="text" #share-to name="to" autocomplete="off" spellcheck="false"
                placeholder="age1…" aria-describedby="share-to-note" value=(to);
            p.note #share-to-note { (w.share_to_note) }
            div.check {
                input type="checkbox" #originals name="originals" value="1" aria-describedby="originals-note" checked[typed.is_some_and(|f| f.get("originals").is_some())];
                label for="originals" { (w.f_originals) }
            }
            p.note #originals-note { (w.originals_note) }
            button type="submit" { (w.share_create) }
        }
        p { a href={ "/cases/" (case) } { (w.back_to_case) } }
    };
    v.page(status, w.share_title, &here, body)
}

/// The page that shows a new link, once.
fn shown_once(
    state: &AppState,
    v: &Volunteer,
    case: &CaseId,
    title: &str,
    intro: &str,
    address: &str,
) -> Response {
    let w = v.ctx.w();
    let body = html! {
        p.warning role="status" { (w.link_once) }
        p { (intro) }
        label for="link" { (w.link_label) }
        input type="text" #link readonly value=(address) data-copy;
        button.copy type="button" data-copy-target="link" hidden { (w.copy) }
        figure.qr role="img" aria-label=(w.qr_label) { (crate::html::qr(address)) }
        p { a href={ "/cases/" (case) "#links" } { (w.back_to_case) } }
    };
    super::show_once(state, v, title, body)
}

/// `POST /cases/{case}/share`.
pub async fn create_share(
    State(state): State<AppState>,
    v: Volunteer,
    Path(case): Path<String>,
    fields: Fields,
) -> Response {
    if let Err(refused) = v.check(&fields) {
        return refused;
    }
    let w = v.ctx.w();
    let (vault, case) = match (state.vault(), parse_id::<CaseId>(&case)) {
        (Ok(vault), Ok(case)) => (vault, case),
        (Err(e), _) | (_, Err(e)) => return v.error(e, "/cases"),
    };
    let documents: Vec<DocumentId> = fields
        .all("documents")
        .iter()
        .filter_map(|d| d.parse().ok())
        .collect();
    if documents.is_empty() {
        let session = v.session.clone();
        let id = case.clone();
        let vault = vault.clone();
        return match run(move || vault.list_documents(&session, &id)).await {
            Ok(docs) => share_page(
                &v,
                &case,
                &docs,
                StatusCode::BAD_REQUEST,
                Some((w.pick_documents, &fields)),
            ),
            Err(e) => v.error(e, &format!("/cases/{case}")),
        };
    }
    let days: u64 = fields.get("days").and_then(|d| d.parse().ok()).unwrap_or(7);
    let to = match vault_core::PublicKey::parse_list(fields.get("to").unwrap_or("")) {
        Ok(to) => to,
        Err(e) => return share_refused(&state, &v, &case, ApiError::from(e), &fields).await,
    };
    let new = NewShare {
        documents,
        expires_in: Some(days.saturating_mul(DAY)),
        max_downloads: fields.get("downloads").and_then(|d| d.parse().ok()),
        passphrase: fields.secret("passphrase"),
        label: fields.text("label"),
        message: fields.text("message"),
        to,
        form: if fields.get("originals").is_some() {
            vault_core::Form::Original
        } else {
            vault_core::Form::Cleaned
        },
    };
    let session = v.session.clone();
    let id = case.clone();
    let made = with_kdf_slot(&state, move || vault.create_share(&session, &id, &new)).await;
    match made {
        Ok((_, token)) => shown_once(
            &state,
            &v,
            &case,
            w.share_title,
            w.share_made,
            &url(&state, "s", &token),
        ),
        Err(e) => share_refused(&state, &v, &case, e, &fields).await,
    }
}

/// A refused share: the form again with what was typed and the problem said, when the
/// volunteer can correct it; otherwise the error page.
async fn share_refused(
    state: &AppState,
    v: &Volunteer,
    case: &CaseId,
    e: ApiError,
    fields: &Fields,
) -> Response {
    let Some(problem) = v.correctable(&e) else {
        return v.error(e, &format!("/cases/{case}/share"));
    };
    let (session, id) = (v.session.clone(), case.clone());
    let Ok(vault) = state.vault() else {
        return v.error(e, &format!("/cases/{case}/share"));
    };
    match run(move || vault.list_documents(&session, &id)).await {
        Ok(docs) => share_page(v, case, &docs, e.status, Some((&problem, fields))),
        Err(e) => v.error(e, &format!("/cases/{case}")),
    }
}

/// `POST /cases/{case}/ask`: an upload link, shown as a QR code to scan at the desk.
pub async fn create_upload_link(
    State(state): State<AppState>,
    v: Volunteer,
    Path(case): Path<String>,
    fields: Fields,
) -> Response {
    if let Err(refused) = v.check(&fields) {
        return refused;
    }
    let w = v.ctx.w();
    let (vault, case) = match (state.vault(), parse_id::<CaseId>(&case)) {
        (Ok(vault), Ok(case)) => (vault, case),
        (Err(e), _) | (_, Err(e)) => return v.error(e, "/cases"),
    };
    let days: u64 = fields.get("days").and_then(|d| d.parse().ok()).unwrap_or(3);
    let new = NewUploadLink {
        expires_in: Some(days.saturating_mul(DAY)),
        max_files: fields.get("files").and_then(|d| d.parse().ok()),
        max_bytes: None,
    };
    let session = v.session.clone();
    let id = case.clone();
    match run(move || vault.create_upload_link(&session, &id, &new)).await {
        Ok((_, token)) => shown_once(
            &state,
            &v,
            &case,
            w.ask_title,
            w.ask_made,
            &url(&state, "u", &token),
        ),
        Err(e) => v.error(e, &format!("/cases/{case}")),
    }
}

/// `POST /cases/{case}/space`: the person's own space; the link and passcode shown once,
/// to hand over at the desk.
pub async fn create_space(
    State(state): State<AppState>,
    v: Volunteer,
    Path(case): Path<String>,
    fields: Fields,
) -> Response {
    if let Err(refused) = v.check(&fields) {
        return refused;
    }
    let w = v.ctx.w();
    let (vault, case) = match (state.vault(), parse_id::<CaseId>(&case)) {
        (Ok(vault), Ok(case)) => (vault, case),
        (Err(e), _) | (_, Err(e)) => return v.error(e, "/cases"),
    };
    let days: u64 = fields
        .get("days")
        .and_then(|d| d.parse().ok())
        .unwrap_or(90);
    let session = v.session.clone();
    let id = case.clone();
    let made = with_kdf_slot(&state, move || {
        vault.create_space(&session, &id, Some(days.saturating_mul(DAY)))
    })
    .await;
    let (token, passcode) = match made {
        Ok((_, token, passcode)) => (token, passcode),
        Err(e) => return v.error(e, &format!("/cases/{case}")),
    };
    let address = url(&state, "b", &token);
    // The handout is in the person's language, and its link opens the space in it.
    let hl = fields
        .get("handout")
        .and_then(Locale::parse)
        .unwrap_or(Locale::Fr);
    let theirs = format!("{address}?lang={}", hl.tag());
    let body = html! {
        p.warning role="status" { (w.link_once) }
        p { (w.space_made_text) }
        label for="link" { (w.link_label) }
        input type="text" #link readonly value=(address);
        button.copy type="button" data-copy-target="link" hidden { (w.copy) }
        p.note { (w.print_note) }
        p { (w.space_passcode_label) }
        // Two slips to cut apart, so that the link and the code can be kept apart; printed
        // alone (no navigation, no volunteer's name: see vault.css).
        section.handout lang=(hl.tag()) dir=(hl.dir()) aria-labelledby="handout-title" {
            div.slip.slip-link {
                h2 #handout-title { (hl.say("handout-title")) }
                p { (hl.say("handout-text")) }
                figure.qr role="img" aria-label=(w.qr_label) { (crate::html::qr(&theirs)) }
                p.link dir="ltr" { (theirs) }
            }
            div.slip.slip-code {
                p { (hl.say("handout-code-label")) }
                p.key #passcode { (secrecy::ExposeSecret::expose_secret(&passcode)) }
            }
        }
        p { a href={ "/cases/" (case) "#links" } { (w.back_to_case) } }
    };
    super::show_once(&state, &v, w.space_section_title, body)
}

/// `POST /spaces/{id}/revoke`.
pub async fn revoke_space(
    State(state): State<AppState>,
    v: Volunteer,
    Path(id): Path<String>,
    fields: Fields,
) -> Response {
    let action = format!("/spaces/{id}/revoke");
    revoke(
        state,
        v,
        id,
        fields,
        Revoke {
            action,
            question: "web-confirm-revoke-space",
        },
        |vault, session, id| vault.revoke_space(session, id),
    )
    .await
}

fn back(fields: &Fields) -> String {
    match fields.get("case").and_then(|c| c.parse::<CaseId>().ok()) {
        Some(case) => format!("/cases/{case}#links"),
        None => "/cases".to_owned(),
    }
}

/// `POST /shares/{id}/revoke`.
pub async fn revoke_share(
    State(state): State<AppState>,
    v: Volunteer,
    Path(id): Path<String>,
    fields: Fields,
) -> Response {
    let action = format!("/shares/{id}/revoke");
    revoke(
        state,
        v,
        id,
        fields,
        Revoke {
            action,
            question: "web-confirm-revoke-share",
        },
        |vault, session, id| vault.revoke_share(session, id),
    )
    .await
}

/// `POST /upload-links/{id}/revoke`.
pub async fn revoke_upload_link(
    State(state): State<AppState>,
    v: Volunteer,
    Path(id): Path<String>,
    fields: Fields,
) -> Response {
    let action = format!("/upload-links/{id}/revoke");
    revoke(
        state,
        v,
        id,
        fields,
        Revoke {
            action,
            question: "web-confirm-revoke-upload",
        },
        |vault, session, id| vault.revoke_upload_link(session, id),
    )
    .await
}

/// The form a revocation answers, and the question its confirmation asks.
struct Revoke {
    action: String,
    question: &'static str,
}

async fn revoke(
    state: AppState,
    v: Volunteer,
    id: String,
    fields: Fields,
    Revoke { action, question }: Revoke,
    work: fn(&vault_core::Vault, &vault_core::Session, &LinkId) -> vault_core::Result<()>,
) -> Response {
    if let Err(refused) = v.check(&fields) {
        return refused;
    }
    let here = back(&fields);
    let label = fields.text("label").unwrap_or_default();
    let question = v
        .ctx
        .lang
        .locale()
        .say_with(question, &[("label", label.into())]);
    if let Some(ask) = v.unconfirmed(&action, &fields, &question, &here) {
        return ask;
    }
    let (vault, id) = match (state.vault(), parse_id::<LinkId>(&id)) {
        (Ok(vault), Ok(id)) => (vault, id),
        (Err(e), _) | (_, Err(e)) => return v.error(e, &here),
    };
    let session = v.session.clone();
    match run(move || work(&vault, &session, &id)).await {
        Ok(()) => see_other(&here),
        Err(e) => v.error(e, &here),
    }
}
