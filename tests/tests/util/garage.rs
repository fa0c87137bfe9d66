//! A Garage S3 cluster on loopback for the tests, started by `tests/tools/garage.sh`.
//! Without a `garage` binary the caller skips with a printed reason; under `CI=true` it
//! fails instead.

use std::path::{Path, PathBuf};
use std::process::Command;

use vault_core::{BlobStore, StorageSettings};
use vault_storage::Credentials;

/// A Garage cluster on loopback, stopped on drop.
pub struct Garage {
    dir: tempfile::TempDir,
    env: std::collections::HashMap<String, String>,
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/garage.sh")
}

impl Garage {
    /// Starts `nodes` nodes, or says why it cannot (a failure under CI).
    pub fn start(nodes: u32) -> Option<Garage> {
        // Ports are picked free, then bound by Garage: another test starting a cluster at
        // the same moment may take one first. A second try picks new ones.
        let mut last = String::new();
        for _ in 0..3 {
            let dir = tempfile::tempdir().unwrap();
            let out = Command::new("bash")
                .arg(script())
                .arg("start")
                .arg(dir.path().join("cluster"))
                .arg(nodes.to_string())
                .output()
                .expect("bash runs");
            if out.status.success() {
                let text = std::fs::read_to_string(dir.path().join("cluster/env")).unwrap();
                let env = text
                    .lines()
                    .filter_map(|l| l.split_once('='))
                    .map(|(k, v)| (k.to_owned(), v.to_owned()))
                    .collect();
                return Some(Garage { dir, env });
            }
            last = String::from_utf8_lossy(&out.stderr).to_string();
            if out.status.code() == Some(3) {
                if std::env::var_os("CI").is_none() {
                    eprintln!("skipped: no Garage S3 server here ({})", last.trim());
                    return None;
                }
                break;
            }
        }
        panic!("Garage did not start: {last}");
    }

    pub fn var(&self, k: &str) -> &str {
        &self.env[k]
    }

    pub fn settings(&self, blobs: Option<&str>) -> StorageSettings {
        StorageSettings {
            blobs: blobs.map(str::to_owned),
            s3_endpoint: Some(self.var("S3_ENDPOINT").to_owned()),
            s3_region: Some(self.var("S3_REGION").to_owned()),
            s3_path_style: true,
            ..StorageSettings::default()
        }
    }

    /// A credentials file (`--s3-credentials`).
    pub fn credentials_file(&self) -> PathBuf {
        let file = self.dir.path().join("credentials");
        std::fs::write(
            &file,
            format!(
                "AWS_ACCESS_KEY_ID={}\nAWS_SECRET_ACCESS_KEY={}\n",
                self.var("AWS_ACCESS_KEY_ID"),
                self.var("AWS_SECRET_ACCESS_KEY")
            ),
        )
        .unwrap();
        file
    }

    pub fn credentials(&self) -> Credentials {
        Credentials::from_file(&self.credentials_file()).unwrap()
    }

    /// The flags that point a program at this cluster.
    pub fn flags(&self) -> Vec<String> {
        vec![
            "--s3-endpoint".into(),
            self.var("S3_ENDPOINT").into(),
            "--s3-region".into(),
            self.var("S3_REGION").into(),
            "--s3-path-style".into(),
            "--s3-credentials".into(),
            self.credentials_file().display().to_string(),
        ]
    }

    /// A blob store in the bucket under `prefix`.
    pub fn store(&self, prefix: &str) -> Box<dyn BlobStore> {
        let dir = tempfile::tempdir().unwrap();
        let loc = format!("s3://{}/{prefix}", self.var("S3_BUCKET"));
        // A data directory is needed only for the local default; S3 ignores it.
        vault_storage::open_blob_store(dir.path(), &self.settings(Some(&loc)), &self.credentials())
            .unwrap()
    }

    /// The bucket itself, for looking under the vault's layout (and damaging it), with a
    /// runtime to drive it.
    pub fn raw(&self) -> (tokio::runtime::Runtime, object_store::aws::AmazonS3) {
        let store = object_store::aws::AmazonS3Builder::new()
            .with_bucket_name(self.var("S3_BUCKET"))
            .with_region(self.var("S3_REGION"))
            .with_endpoint(self.var("S3_ENDPOINT"))
            .with_allow_http(true)
            .with_access_key_id(self.var("AWS_ACCESS_KEY_ID"))
            .with_secret_access_key(self.var("AWS_SECRET_ACCESS_KEY"))
            .build()
            .unwrap();
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        (rt, store)
    }

    /// Every object under `prefix`, with its size, as the bucket lists them.
    pub fn objects(&self, prefix: &str) -> Vec<(String, u64)> {
        use futures_util::TryStreamExt;
        use object_store::ObjectStore;
        let (rt, store) = self.raw();
        let prefix = object_store::path::Path::from(prefix);
        let mut out: Vec<(String, u64)> = rt
            .block_on(store.list(Some(&prefix)).try_collect::<Vec<_>>())
            .unwrap()
            .into_iter()
            .map(|m| (m.location.to_string(), m.size))
            .collect();
        out.sort();
        out
    }

    pub fn control(&self, verb: &str, node: Option<u32>) {
        let mut c = Command::new("bash");
        c.arg(script())
            .arg(verb)
            .arg(self.dir.path().join("cluster"));
        if let Some(n) = node {
            c.arg(n.to_string());
        }
        let out = c.output().unwrap();
        assert!(
            out.status.success(),
            "garage.sh {verb}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Garage {
    fn drop(&mut self) {
        let _ = Command::new("bash")
            .arg(script())
            .arg("stop")
            .arg(self.dir.path().join("cluster"))
            .output();
    }
}
