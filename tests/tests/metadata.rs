//! Hidden metadata against the real server: a photo's GPS position, a letter's author and a
//! camera's serial are marked when they come in, and no copy that leaves through a link
//! carries them unless a volunteer asked for the originals. `exiftool` (an independent
//! reader) checks every file; the pictures' pixels are compared decoded.

mod util;

use std::path::Path;
use std::process::Command;

use serde_json::{json, Value};
use util::browser::{missing, Browser};
use util::server::{Api, Server};
use util::*;
use vault_meta::testing::{self, AUTHOR, SERIAL};

const PUBLIC: &str = "http://127.0.0.1:8080";

/// Whether `exiftool` can run here; in CI it must (`.ci/run` installs it).
fn exiftool_here() -> bool {
    util::tool_here(
        "exiftool",
        "-ver",
        "libimage-exiftool-perl",
        "the exiftool checks",
    )
}

/// Everything exiftool reads in a file, one `group:tag: value` per line.
fn exiftool(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("exiftool")
        .args(["-a", "-G1", "-s", "-u"])
        .arg(&path)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What tells a GPS position, a person or a serial in exiftool's words.
fn revealing(report: &str) -> Vec<String> {
    report
        .lines()
        .filter(|l| {
            l.contains("GPSLatitude")
                || l.contains("GPSLongitude")
                || l.contains("GPSPosition")
                || l.contains(AUTHOR)
                || l.contains(SERIAL)
                || l.contains("Foyer Les Tilleuls")
        })
        .map(str::to_owned)
        .collect()
}

fn pixels(bytes: &[u8]) -> image::RgbaImage {
    image::load_from_memory(bytes).unwrap().to_rgba8()
}

/// A 64x48 gradient, encoded as `format`.
fn picture(format: image::ImageFormat) -> Vec<u8> {
    let img = image::RgbImage::from_fn(64, 48, |x, y| {
        image::Rgb([(x * 4) as u8, (y * 5) as u8, 128])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}

struct Doc {
    name: &'static str,
    bytes: Vec<u8>,
    id: String,
    picture: bool,
}

fn upload(api: &Api, case: &str, name: &'static str, bytes: Vec<u8>, picture: bool) -> Doc {
    let (status, _, body) = api.send(
        "POST",
        &format!("/api/v1/cases/{case}/documents?kind=evidence&filename={name}"),
        &[("content-type", "application/octet-stream")],
        std::io::Cursor::new(bytes.clone()),
    );
    assert_eq!(status, 201, "{}", String::from_utf8_lossy(&body));
    let id = serde_json::from_slice::<Value>(&body).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    Doc {
        name,
        bytes,
        id,
        picture,
    }
}

fn path_of(made: &Value) -> String {
    made["url"]
        .as_str()
        .unwrap()
        .strip_prefix(PUBLIC)
        .unwrap()
        .to_owned()
}

#[test]
fn no_copy_leaving_through_a_link_carries_gps_author_or_serial_unless_originals_were_asked() {
    let v = VaultDir::init();
    let mut server = Server::start(&v.data(), &[]);
    let api = Api::signed_in(&server.base, "alice", ADMIN_PASSWORD);
    let case = api.new_case("Fatou D.");
    let docs = [
        upload(
            &api,
            &case,
            "blessure.jpg",
            testing::with_metadata(&picture(image::ImageFormat::Jpeg), 6),
            true,
        ),
        upload(
            &api,
            &case,
            "capture.png",
            testing::with_metadata(&picture(image::ImageFormat::Png), 1),
            true,
        ),
        upload(
            &api,
            &case,
            "photo.webp",
            testing::with_metadata(&picture(image::ImageFormat::WebP), 1),
            true,
        ),
        upload(&api, &case, "attestation.pdf", testing::pdf(false), false),
        upload(&api, &case, "recours.docx", testing::docx(), false),
    ];
    let notes = upload(
        &api,
        &case,
        "notes.txt",
        b"rendez-vous mardi".to_vec(),
        false,
    );

    // At intake: each document says what its metadata reveals; the text file nothing.
    let (status, listed) = api.json("GET", &format!("/api/v1/cases/{case}/documents"), None);
    assert_eq!(status, 200, "{listed}");
    let listed = listed.as_array().unwrap();
    let inspection =
        |id: &str| listed.iter().find(|d| d["id"] == id).unwrap()["inspection"].clone();
    for d in &docs {
        let i = inspection(&d.id);
        let reveals: Vec<&str> = i["findings"]["marks"]
            .as_array()
            .unwrap_or_else(|| panic!("{}: {i}", d.name))
            .iter()
            .map(|m| m["reveals"].as_str().unwrap())
            .collect();
        assert!(reveals.contains(&"person-name"), "{}: {i}", d.name);
        if d.name != "recours.docx" {
            assert!(
                reveals.contains(&"gps") && reveals.contains(&"device-serial"),
                "{}: {i}",
                d.name
            );
        }
    }
    assert_eq!(inspection(&notes.id)["findings"]["marks"], json!([]));

    // The case page marks them, in words; the share form says which file leaves as it is.
    if missing().is_none() {
        let desk = Browser::start("fr");
        let base = &server.base;
        desk.open(&format!("{base}/login"));
        desk.type_into("#user", "alice");
        desk.type_into("#password", ADMIN_PASSWORD);
        desk.click("main form button[type=submit]");
        desk.wait_for("Mes dossiers");
        desk.open(&format!("{base}/cases/{case}"));
        let page = desk.wait_for("Métadonnées cachées");
        assert!(page.contains("position GPS (EXIF GPSLatitude, EXIF GPSLongitude, XMP GPSLatitude, XMP GPSLongitude)"), "{page}");
        assert!(
            page.contains("nom d'une personne (PDF Author, XMP creator)"),
            "{page}"
        );
        let serial = "numéro de série d'un appareil (EXIF BodySerialNumber, XMP SerialNumber)";
        assert!(page.contains(serial), "{page}");
        let company = "nom d'une organisation (docProps/app.xml Company)";
        assert!(page.contains(company), "{page}");
        desk.viewport(375, 800);
        desk.screenshot("metadata-case-page-375");
        desk.assert_accessible("metadata-case-page");
        desk.open(&format!("{base}/cases/{case}/share"));
        let form = desk.wait_for("Envoyer les originaux");
        assert!(
            form.contains("envoyé tel quel : le coffre ne sait pas nettoyer ce format"),
            "{form}"
        );
        desk.screenshot("metadata-share-form-375");
    }

    // A share made by default gives cleaned copies, and says what it took out.
    let mut ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    ids.push(&notes.id);
    let (status, made) = api.json(
        "POST",
        &format!("/api/v1/cases/{case}/shares"),
        Some(json!({"documents": ids, "max_downloads": 20})),
    );
    assert_eq!(status, 201, "{made}");
    assert_eq!(made["link"]["form"], "cleaned");
    let link = &made["link"];
    let sent = |id: &str| {
        let at = link["documents"]
            .as_array()
            .unwrap()
            .iter()
            .position(|d| d == id)
            .unwrap();
        link["sent"][at].clone()
    };
    for d in &docs {
        assert_eq!(sent(&d.id)["copy"], "cleaned", "{}: {link}", d.name);
    }
    assert_eq!(sent(&notes.id), json!({"copy": "as-is", "why": "format"}));
    let share = path_of(&made);
    let lawyer = Api::new(&server.base);
    let exif_ok = exiftool_here();
    let dir = tempfile::tempdir().unwrap();
    for d in &docs {
        let (status, _, cleaned) =
            lawyer.send("POST", &format!("{share}/{}", d.id), &[], std::io::empty());
        assert_eq!(status, 200, "{}", d.name);
        assert_ne!(cleaned, d.bytes, "{} left as it was", d.name);
        if exif_ok {
            let before = exiftool(dir.path(), &format!("original-{}", d.name), &d.bytes);
            assert!(
                !revealing(&before).is_empty(),
                "{}: the fixture carries nothing?\n{before}",
                d.name
            );
            let after = exiftool(dir.path(), d.name, &cleaned);
            assert!(
                revealing(&after).is_empty(),
                "{}: {:?}",
                d.name,
                revealing(&after)
            );
            if d.name == "blessure.jpg" {
                assert!(
                    after.contains("Orientation") && after.contains("Rotate 90 CW"),
                    "{after}"
                );
            }
        }
        if d.picture {
            assert!(
                pixels(&cleaned) == pixels(&d.bytes),
                "{}: pixels changed",
                d.name
            );
        }
    }
    let (_, _, text) = lawyer.send(
        "POST",
        &format!("{share}/{}", notes.id),
        &[],
        std::io::empty(),
    );
    assert_eq!(text, notes.bytes);

    // "Download all": the same cleaned copies in one ZIP.
    let (status, _, zipped) = lawyer.send("POST", &format!("{share}/all"), &[], std::io::empty());
    assert_eq!(status, 200);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zipped)).unwrap();
    for d in &docs {
        let mut entry = archive.by_name(d.name).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
        if exif_ok {
            let report = exiftool(dir.path(), &format!("zip-{}", d.name), &bytes);
            assert!(
                revealing(&report).is_empty(),
                "zip {}: {:?}",
                d.name,
                revealing(&report)
            );
        }
    }

    // The originals never changed: bit-identical for the volunteer, same BLAKE3.
    for d in &docs {
        let (status, headers, body) = api.get(&format!("/api/v1/documents/{}/content", d.id));
        assert_eq!(status, 200);
        assert_eq!(body, d.bytes, "{}", d.name);
        let hash = blake3::hash(&d.bytes).to_hex().to_string();
        let header = headers
            .get("x-content-blake3")
            .and_then(|h| h.to_str().ok());
        assert_eq!(header, Some(hash.as_str()));
    }

    // Asked for, the originals leave as they are.
    let (status, made) = api.json(
        "POST",
        &format!("/api/v1/cases/{case}/shares"),
        Some(json!({"documents": [docs[0].id], "originals": true})),
    );
    assert_eq!(status, 201, "{made}");
    assert_eq!(made["link"]["sent"][0], json!({"copy": "original"}));
    let (_, _, original) = lawyer.send(
        "POST",
        &format!("{}/{}", path_of(&made), docs[0].id),
        &[],
        std::io::empty(),
    );
    assert_eq!(original, docs[0].bytes);

    // The log says which form each download gave.
    server.terminate();
    let report = v.ok(&["log", "show", "--case", &case, "--json"], None);
    let events: Value = serde_json::from_str(&report).unwrap();
    let downloads: Vec<&Value> = events
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "share.download")
        .collect();
    let with = |form: &str| {
        downloads
            .iter()
            .filter(|e| {
                e["targets"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|t| t == &format!("copy:{form}"))
            })
            .count()
    };
    // Five cleaned files and the ZIP of cleaned copies; the text file as it is; the original.
    let counts = (with("cleaned"), with("as-is"), with("original"));
    assert_eq!(counts, (6, 1, 1), "{downloads:?}");
}
