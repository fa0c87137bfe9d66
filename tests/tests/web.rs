//! The volunteers' web interface in headless Chromium (always in CI): sign in, create a
//! case, upload two files, share one with a lawyer who downloads it in a fresh browser,
//! ask the person for documents through an upload link, classify what came, revoke, and
//! the coordinators' page. Every main page is checked with axe-core and photographed.

mod util;

use util::browser::{missing, Browser};
use util::server::Server;
use util::*;

const PUBLIC: &str = "http://127.0.0.1:8080";

/// Checks a page with axe-core: no serious or critical violation.
/// axe-core finds nothing serious, and nothing is wider than the window (375 px for the
/// desk's phone-sized journey).
fn accessible(b: &Browser, name: &str) {
    b.assert_accessible(name);
    let sizes = b.execute(
        "return [document.documentElement.scrollWidth, window.innerWidth]",
        serde_json::json!([]),
    );
    let (width, window) = (sizes[0].as_u64().unwrap(), sizes[1].as_u64().unwrap());
    assert!(
        width <= window,
        "{name}: {width} px wide in a {window} px window"
    );
    // No word of a table is cut across two lines ("Permane/nce"); hashes are cut on
    // purpose.
    let cut = b.execute(
        "const cut = [];
         for (const cell of document.querySelectorAll('td:not(.hash), th')) {
           if (cell.offsetWidth <= 1) { continue; }
           const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
           for (let node = walk.nextNode(); node; node = walk.nextNode()) {
             for (const m of node.data.matchAll(/\\S+/g)) {
               const r = document.createRange();
               r.setStart(node, m.index);
               r.setEnd(node, m.index + m[0].length);
               const lines = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
               if (lines.size > 1) { cut.push(m[0]); }
             }
           }
         }
         return cut;",
        serde_json::json!([]),
    );
    assert_eq!(cut, serde_json::json!([]), "{name}: words cut across lines");
}

/// The personal space's code shown on the page.
fn code_of(b: &Browser) -> String {
    let code = b.execute(
        "return document.getElementById('passcode').textContent",
        serde_json::json!([]),
    );
    code.as_str().unwrap().trim().to_owned()
}

/// The address shown in the page's `#link` field, on the test server.
fn shown_link(b: &Browser, base: &str) -> String {
    let link = b.value("#link");
    assert!(link.starts_with(PUBLIC), "{link}");
    link.replacen(PUBLIC, base, 1)
}

#[test]
fn a_volunteer_works_a_case_from_the_browser() {
    if let Some(why) = missing() {
        eprintln!("skipping the web interface's browser test: {why}");
        return;
    }
    let v = VaultDir::init();
    let server = Server::start(&v.data(), &[]);
    let base = server.base.clone();
    let desk = Browser::start("fr");
    desk.viewport(375, 812);

    // Signing in: a wrong password says so, then the right one opens the list of cases.
    desk.open(&format!("{base}/"));
    desk.wait_for("Mot de passe");
    assert!(desk.url().ends_with("/login"), "{}", desk.url());
    accessible(&desk, "login");
    // The check can fail: a field without a label is a serious violation.
    desk.execute(
        "document.querySelector('label[for=user]').remove()",
        serde_json::json!([]),
    );
    if let Some(violations) = desk.axe("login-broken") {
        assert!(
            violations.iter().any(|v| v.contains("label")),
            "axe-core sees a field without a label: {violations:?}"
        );
    }
    desk.open(&format!("{base}/login"));
    desk.wait_for("Mot de passe");
    desk.screenshot("web-login");
    desk.type_into("#user", "alice");
    desk.type_into("#password", "not-the-password");
    desk.click("main form button[type=submit]");
    desk.wait_for("Identifiant ou mot de passe incorrect");
    desk.type_into("#user", "alice");
    desk.type_into("#password", ADMIN_PASSWORD);
    desk.click("main form button[type=submit]");
    desk.wait_for("Mes dossiers");
    accessible(&desk, "cases-empty");

    // A new case.
    desk.open(&format!("{base}/cases/new"));
    desk.wait_for("Nouveau dossier");
    accessible(&desk, "new-case");
    desk.type_into("#name", "Fatou Diallo");
    desk.type_into("#nationality", "sénégalaise");
    desk.type_into("#language", "wolof, français");
    desk.click("main form button[type=submit]");
    let page = desk.wait_for("Journal des accès");
    assert!(page.contains("Fatou Diallo") && page.contains("sénégalaise"));
    let case_url = desk.url();
    assert!(
        !case_url.contains("Fatou"),
        "no name in an address: {case_url}"
    );

    // Two files at once, as identity documents.
    let files = tempfile::tempdir().unwrap();
    let passport = files.path().join("passeport.pdf");
    let permit = files.path().join("titre-de-sejour.jpg");
    std::fs::write(&passport, b"%PDF passport scan").unwrap();
    std::fs::write(&permit, b"JPEG residence permit").unwrap();
    desk.set("#kind", "identity");
    desk.type_into(
        "#files",
        &format!("{}\n{}", passport.display(), permit.display()),
    );
    desk.click("form.upload button[type=submit]");
    let page = desk.wait_for("Documents ajoutés : 2");
    assert!(page.contains("passeport.pdf") && page.contains("titre-de-sejour.jpg"));
    assert!(page.contains("ajouté par <bdi>alice</bdi>"));
    accessible(&desk, "case");
    desk.screenshot("web-case");
    // Retention: the case's term, and the hold form of a manager, opened.
    assert!(page.contains("Effacement prévu le"), "{page}");
    desk.click("#retention summary");
    desk.wait_for("Prolonger la conservation");
    accessible(&desk, "case-hold-form");
    // The due list: nothing due yet for a case opened today.
    desk.open(&format!("{base}/retention"));
    let due = desk.wait_for("Dossiers proches de leur échéance");
    assert!(due.contains("Aucun dossier n'arrive à échéance"), "{due}");
    accessible(&desk, "retention-due");

    // The list finds the case by a part of the name, typed without the accent.
    desk.open(&format!("{base}/cases"));
    desk.type_into("#q", "diallo");
    desk.click("form.search button[type=submit]");
    let page = desk.wait_for("Rechercher");
    assert!(page.contains("Fatou Diallo"), "{page}");
    assert!(
        desk.url().ends_with("/cases"),
        "the search is not in the address"
    );
    desk.screenshot("web-cases");
    accessible(&desk, "cases");

    // Share the passport with a lawyer: the link is shown once, with a QR code.
    desk.open(&format!("{case_url}/share"));
    desk.wait_for("Documents à partager");
    accessible(&desk, "share-form");
    desk.click("input[name=documents]");
    desk.type_into("#label", "Me Dupont");
    desk.click("main form button[type=submit]");
    let page = desk.wait_for("ne sera plus jamais affiché");
    assert!(page.contains("<svg"), "a QR code");
    accessible(&desk, "share-made");
    desk.screenshot("web-share-made");
    let share = shown_link(&desk, &base);

    // The lawyer, in a browser of their own, downloads it.
    let lawyer = Browser::start("fr");
    lawyer.open(&share);
    lawyer.wait_for("passeport.pdf");
    lawyer.click("ul.docs form button");
    assert_eq!(lawyer.downloaded("passeport.pdf"), b"%PDF passport scan");

    // The volunteer sees it in the case's report, in plain words.
    desk.open(&case_url);
    let page = desk.wait_for("Journal des accès");
    assert!(
        page.replace("<bdi>", "")
            .replace("</bdi>", "")
            .contains("Me Dupont (lien de partage) : passeport.pdf téléchargé"),
        "{page}"
    );
    assert!(page.contains("Liens de partage actifs"));

    // Ask the person for more papers: an upload link as a QR code; they send a photo.
    desk.click("form[action$='/ask'] button[type=submit]");
    desk.wait_for("Faites scanner ce code QR");
    accessible(&desk, "ask-made");
    desk.screenshot("web-upload-link");
    let upload = shown_link(&desk, &base);
    let phone = Browser::start("fr");
    phone.open(&upload);
    phone.wait_for("Envoyez vos documents");
    let photo = files.path().join("attestation.jpg");
    std::fs::write(&photo, b"JPEG attestation").unwrap();
    phone.type_into("#files", &photo.display().to_string());
    phone.click("form button[type=submit]");
    phone.wait_for("attestation.jpg");

    // It is in the case, to classify; the volunteer classifies it.
    desk.open(&case_url);
    let page = desk.wait_for("Journal des accès");
    assert!(
        page.contains("attestation.jpg") && page.contains("à classer"),
        "{page}"
    );
    let doc = desk
        .execute(
            "return [...document.querySelectorAll('li.document')]\
               .find(li => li.textContent.includes('attestation.jpg'))\
               .querySelector('form[action$=\"/kind\"]').getAttribute('action')",
            serde_json::json!([]),
        )
        .as_str()
        .unwrap()
        .to_owned();
    let kind_select = format!("form[action='{doc}'] select");
    desk.set(&kind_select, "evidence");
    let page = desk.click_and_load(&format!("form[action='{doc}'] button"));
    assert!(!page.contains("à classer"), "classified");
    assert!(page.contains("Preuve : ne peut être ni remplacée ni supprimée"));

    // The person's own space: a link and a code, handed over at the desk.
    // The handout to print is in the person's language (Arabic here), and its link
    // opens the space in it; the volunteer's own words stay French.
    desk.set("#handout-lang", "ar");
    desk.click_and_load("form[action$='/space'] button");
    let page = desk.wait_for("Code à donner à la personne");
    assert!(
        page.contains("<section class=\"handout\" lang=\"ar\" dir=\"rtl\"")
            && page.contains("?lang=ar</p>"),
        "{page}"
    );
    accessible(&desk, "space-made");
    desk.screenshot("web-space-made");
    let space = shown_link(&desk, &base);
    // Printed: the handout alone, link and QR code on one slip, the code on another; no
    // navigation, no volunteer's name, nothing of the volunteer's page.
    desk.emulate_media("print");
    let printed = desk.execute(
        "const slips = [...document.querySelectorAll('section.handout .slip')];
         return [document.body.innerText,
                 slips.map(s => s.innerText),
                 slips.map(s => getComputedStyle(s).borderTopStyle)]",
        serde_json::json!([]),
    );
    desk.screenshot("web-space-printed");
    desk.emulate_media("");
    let text = printed[0].as_str().unwrap();
    for absent in [
        "alice",
        "Mes dossiers",
        "Se déconnecter",
        "Copier le lien",
        "Code à donner",
    ] {
        assert!(!text.contains(absent), "{absent:?} is printed: {text}");
    }
    let slips: Vec<&str> = printed[1]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(slips.len(), 2, "{printed}");
    assert!(
        slips[0].contains("?lang=ar") && !slips[0].contains(&code_of(&desk)),
        "{slips:?}"
    );
    assert!(
        slips[1].contains(&code_of(&desk)) && !slips[1].contains("/b/"),
        "{slips:?}"
    );
    assert_eq!(
        printed[2],
        serde_json::json!(["dashed", "dashed"]),
        "cut lines"
    );
    let code = code_of(&desk);
    assert_eq!(code.len(), 9, "{page}");
    let person = Browser::start("fr");
    person.open(&space);
    person.wait_for("Entrez le code");
    accessible(&person, "space-code");
    person.type_into("#passcode", "AAAA-AAAA");
    let page = person.click_and_load("main form button[type=submit]");
    assert!(page.contains("Code erroné. Encore 9 essais"), "{page}");
    person.type_into("#passcode", &code.to_lowercase());
    person.click_and_load("main form button[type=submit]");
    let page = person.wait_for("Qui a consulté votre dossier");
    assert!(page.contains("passeport.pdf") && page.contains("attestation.jpg"));
    // What the person did themselves is said to them in plain sentences (issue 16).
    assert!(page.contains("· Vous avez ouvert votre espace"), "{page}");
    assert!(
        page.contains("· Un code erroné a été saisi sur votre lien"),
        "{page}"
    );
    assert!(!page.contains("Vous :"), "{page}");
    assert!(
        page.replace("<bdi>", "")
            .replace("</bdi>", "")
            .contains("Un·e avocat·e, par un lien de partage : passeport.pdf téléchargé"),
        "{page}"
    );
    assert!(
        page.replace("<bdi>", "")
            .replace("</bdi>", "")
            .contains("L'association (alice) : passeport.pdf ajouté"),
        "{page}"
    );
    accessible(&person, "space-home");
    person.screenshot("web-space");
    person.click("ul.docs a.button");
    assert_eq!(person.downloaded("passeport.pdf"), b"%PDF passport scan");
    // They send their permit to their own lawyer.
    person.execute(
        "[...document.querySelectorAll('input[name=documents]')]\
           .find(i => i.labels[0].textContent.includes('titre-de-sejour')).click()",
        serde_json::json!([]),
    );
    person.type_into("#label", "Me Martin");
    let page = person.click_and_load("form[action$='/share'] button");
    assert!(page.contains("il ne sera plus affiché"), "{page}");
    let own = shown_link(&person, &base);
    let martin = Browser::start("en");
    martin.open(&own);
    martin.wait_for("titre-de-sejour.jpg");
    martin.click("ul.docs form button");
    assert_eq!(
        martin.downloaded("titre-de-sejour.jpg"),
        b"JPEG residence permit"
    );
    // The volunteer sees it, and closes the space: the person's page is dead at once.
    desk.open(&case_url);
    let page = desk.wait_for("Journal des accès");
    assert!(
        page.replace("<bdi>", "")
            .replace("</bdi>", "")
            .contains("la personne (espace personnel) : lien de partage créé"),
        "{page}"
    );
    let page = desk.click_and_load("form[action^='/spaces/'] button");
    // It asks first, in plain words (issue 16).
    assert!(page.contains("Fermer cet espace personnel ?"), "{page}");
    accessible(&desk, "confirm");
    desk.screenshot("web-confirm");
    desk.click_and_load("div.actions button.danger");
    person.open(&space);
    person.wait_for("Lien expiré ou inconnu");

    // Revocation: the lawyer's link is dead at once.
    let page = desk.click_and_load("button[aria-label='Révoquer Me Dupont']");
    assert!(
        page.contains("Révoquer le lien de partage Me Dupont ?"),
        "{page}"
    );
    let page = desk.click_and_load("div.actions button.danger");
    assert!(
        !page.contains("Révoquer Me Dupont"),
        "no longer among the live links"
    );
    assert!(
        page.contains("Révoquer Me Martin"),
        "the other link lives on"
    );
    lawyer.open(&share);
    lawyer.wait_for("Lien expiré ou inconnu");

    // The coordinators' page: a new account.
    desk.open(&format!("{base}/admin"));
    desk.wait_for("Comptes");
    accessible(&desk, "admin");
    desk.screenshot("web-admin");
    desk.type_into("#new-user", "bruno");
    desk.type_into("#new-password", "bruno-password-1");
    desk.click("form[action='/admin/users'] button");
    let page = desk.wait_for("C'est fait.");
    assert!(page.contains("bruno"));

    // English, then signing out.
    desk.open(&format!("{case_url}?lang=en"));
    let page = desk.wait_for("Access log");
    // In English, the whole line: no French left in it (it used to say "lien de partage").
    let text = page.replace("<bdi>", "").replace("</bdi>", "");
    assert!(
        text.contains("Me Dupont (share link): passeport.pdf downloaded"),
        "{text}"
    );
    assert!(!text.contains("lien de partage") && !text.contains("lien de dépôt"));
    accessible(&desk, "case-en");
    desk.click("form.signout button");
    desk.wait_for("Sign in");
    // Back, twice, as someone at the desk after the volunteer left: no page with a name
    // comes back from the browser's caches.
    for _ in 0..2 {
        desk.back();
        std::thread::sleep(std::time::Duration::from_millis(700));
        let page = desk.source();
        assert!(
            !page.contains("Fatou") && !page.contains("Diallo"),
            "Back after signing out shows {}: {page}",
            desk.url()
        );
    }
    desk.open(&case_url);
    desk.wait_for("Password");
    assert!(desk.url().ends_with("/login"));

    // Nothing of the person reached the server's output.
    let log = server.log() + &server.printed();
    for secret in [
        "Fatou",
        "Diallo",
        "passeport.pdf",
        "attestation.jpg",
        "Dupont",
    ] {
        assert!(
            !log.contains(secret),
            "{secret} reached the server's output"
        );
    }
    for link in [&share, &upload, &space, &own] {
        let token = link.rsplit('/').next().unwrap();
        assert!(
            !log.contains(token),
            "a link token reached the server's output"
        );
    }
}

/// An admin backs the vault up from the admin page while it serves; the page then says
/// when and which snapshot. When the target breaks, the next click fails loudly (503, in
/// red on the page), and so does the page afterwards, until a backup works again.
#[test]
fn an_admin_backs_up_from_the_admin_page_and_sees_a_failure() {
    if let Some(why) = missing() {
        eprintln!("skipping the backup button's browser test: {why}");
        return;
    }
    let v = VaultDir::init();
    let case = v.new_case();
    let scan = v.root.path().join("scan.jpg");
    std::fs::write(&scan, pattern(300_000, 4)).unwrap();
    v.ok(&["doc", "add", &case, "--kind", "identity"], Some(&scan));
    let target = v.root.path().join("backups");
    let mut server = Server::start(&v.data(), &["--backup-to", target.to_str().unwrap()]);
    let base = server.base.clone();
    let desk = Browser::start("fr");
    desk.open(&format!("{base}/login"));
    desk.wait_for("Mot de passe");
    desk.type_into("#user", "alice");
    desk.type_into("#password", ADMIN_PASSWORD);
    desk.click("main form button[type=submit]");
    desk.wait_for("Mes dossiers");

    desk.open(&format!("{base}/admin"));
    let page = desk.wait_for("Sauvegardes");
    assert!(
        page.contains("Aucune sauvegarde depuis le démarrage"),
        "{page}"
    );
    assert!(
        page.contains(target.to_str().unwrap()),
        "the target is shown"
    );
    desk.click("form[action='/admin/backups'] button");
    let page = desk.wait_for("Dernière sauvegarde réussie");
    accessible(&desk, "admin-backup");
    desk.screenshot("web-admin-backup");
    let listed = v.ok(
        &["backup", "list", target.to_str().unwrap(), "--json"],
        None,
    );
    let snapshots: serde_json::Value = serde_json::from_str(&listed).unwrap();
    let id = snapshots[0]["id"].as_str().unwrap().to_owned();
    assert!(page.contains(&id), "the page names snapshot {id}");

    // The target's disk is gone (a file where the directory was): the click fails,
    // and the admin page keeps saying so in red.
    std::fs::remove_dir_all(&target).unwrap();
    std::fs::write(&target, b"not a directory").unwrap();
    desk.click("form[action='/admin/backups'] button");
    let page = desk.wait_for("la sauvegarde a échoué");
    assert!(page.contains("role=\"alert\""), "{page}");
    desk.open(&format!("{base}/admin"));
    let page = desk.wait_for("LA DERNIÈRE SAUVEGARDE A ÉCHOUÉ");
    accessible(&desk, "admin-backup-failed");
    desk.screenshot("web-admin-backup-failed");
    assert!(!page.contains("Dernière sauvegarde réussie"));
    // Said at the top of the page (the first thing an admin sees), and in the section.
    let top = page.find("LA DERNIÈRE SAUVEGARDE A ÉCHOUÉ").unwrap();
    assert!(top < page.find("Comptes").unwrap(), "above the accounts");
    assert_eq!(page.matches("LA DERNIÈRE SAUVEGARDE A ÉCHOUÉ").count(), 2);
    desk.click("a[href='#backups-title']");
    desk.screenshot("web-admin-backup-failed-section");
    // The server's output says it too (read on another thread: give it a moment).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while !server.log().contains("BACKUP FAILED") && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(server.log().contains("BACKUP FAILED"), "{}", server.log());

    server.terminate();
    // Both attempts are in the access log, by alice.
    let events: serde_json::Value =
        serde_json::from_str(&v.ok(&["log", "show", "--json"], None)).unwrap();
    let outcomes: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "backup.create")
        .map(|e| e["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes, ["ok", "failed"]);
}
