//! The documents that cite tests as evidence (docs/privacy.md, docs/threat-model.md) stay
//! true to the code: every test they name must be a test function of the workspace, run by
//! the README's test command (not `#[ignore]`d). A citation is a name in backticks written
//! as a test's is: lower-case words joined by underscores, three words or more
//! (`idle_and_absolute_expiry`); the docs' other identifiers (`retention_days`,
//! `vault.toml`, `--backup-every`) are shorter or written otherwise.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The documents checked, and the fewest distinct tests each must cite.
const CITING: [(&str, usize); 2] = [("docs/privacy.md", 40), ("docs/threat-model.md", 10)];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate is in the workspace")
        .to_path_buf()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            if !matches!(name.to_str(), Some("target" | ".git" | "node_modules")) {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The name of the function declared on `line`, if any.
fn declared(line: &str) -> Option<&str> {
    let rest = line.trim_start();
    let rest = rest.strip_prefix("pub ").unwrap_or(rest);
    let rest = rest.strip_prefix("async ").unwrap_or(rest);
    let rest = rest.strip_prefix("fn ")?;
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
    Some(&rest[..end])
}

/// Test functions of the workspace: a `fn` with `#[test]` or `#[tokio::test…]` among the
/// attribute lines right above it, and no `#[ignore]` there.
fn workspace_tests() -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(&workspace(), &mut files);
    let mut tests = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let Some(name) = declared(line) else { continue };
            let attributes: Vec<&str> = lines[..i]
                .iter()
                .rev()
                .map(|l| l.trim())
                .take_while(|l| l.starts_with("#[") || l.starts_with("///"))
                .collect();
            let is_test = attributes
                .iter()
                .any(|a| *a == "#[test]" || a.starts_with("#[tokio::test"));
            let ignored = attributes.iter().any(|a| a.starts_with("#[ignore"));
            if is_test && !ignored {
                tests.insert(name.to_string());
            }
        }
    }
    tests
}

/// Names a text cites as tests: in backticks, lower-case words joined by underscores, three
/// words or more.
fn citations(text: &str) -> BTreeSet<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            let words: Vec<&str> = s.split('_').collect();
            words.len() >= 3
                && words.iter().all(|w| {
                    !w.is_empty()
                        && w.chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                })
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn every_test_the_privacy_and_threat_documents_cite_exists() {
    let tests = workspace_tests();
    // The check itself: it finds this very test, and a made-up name is not a test.
    assert!(tests.contains("every_test_the_privacy_and_threat_documents_cite_exists"));
    let made_up = citations("as `a_test_that_was_renamed_long_ago` shows");
    assert_eq!(made_up.len(), 1);
    assert!(made_up.iter().all(|n| !tests.contains(n)));

    let mut missing = Vec::new();
    for (doc, fewest) in CITING {
        let text =
            std::fs::read_to_string(workspace().join(doc)).unwrap_or_else(|e| panic!("{doc}: {e}"));
        let cited = citations(&text);
        assert!(
            cited.len() >= fewest,
            "{doc} cites {} tests, fewer than {fewest}: {cited:?}",
            cited.len()
        );
        missing.extend(
            cited
                .into_iter()
                .filter(|n| !tests.contains(n))
                .map(|n| format!("{doc}: `{n}`")),
        );
    }
    assert!(
        missing.is_empty(),
        "cited as evidence, but no such test (renamed or removed? update the document):\n{}",
        missing.join("\n")
    );
}
