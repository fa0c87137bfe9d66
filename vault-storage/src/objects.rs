//! Synchronous streams over `object_store`: a writer that uploads as it is written (one
//! PUT for small objects, a multipart upload for large ones), and a reader that streams
//! an object. vault-core is synchronous and runtime-free; these run the requests on this
//! crate's own runtime and hand bytes across bounded channels, so memory stays bounded
//! (a few parts per upload) whatever the size.

use std::future::Future;
use std::io::{self, Read, Write};
use std::sync::{Arc, OnceLock};

use bytes::Bytes;
use futures_util::StreamExt;
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload, WriteMultipart};
use tokio::sync::mpsc;
use vault_core::Error;

/// Bytes of a multipart part (S3 wants at least 5 MiB, but for the last).
const PART: usize = 8 * 1024 * 1024;
/// Parts uploaded at once per object.
const PARTS_IN_FLIGHT: usize = 2;
/// Bytes handed to the upload task at a time.
const CHUNK: usize = 256 * 1024;

/// The runtime of every request this crate makes. Never dropped (a runtime cannot be
/// dropped from inside another, as the server's would be).
fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("vault-storage")
            .enable_all()
            .build()
            .expect("the storage runtime starts")
    })
}

/// Runs a request to its end from synchronous code (a `spawn_blocking` thread, the CLI,
/// a test thread), never from inside an async task.
pub(crate) fn run<F>(fut: F) -> F::Output
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    runtime().spawn(async move {
        let _ = tx.send(fut.await);
    });
    rx.recv()
        .expect("a storage request ends (its task does not panic)")
}

/// Turns an `object_store` error into the vault's: a missing object, or a failure of the
/// named store. The text keeps the request's method and path and drops any query string
/// (object_store never signs by URL here, but a message must never carry one).
pub(crate) fn storage_error(store: &str, e: &object_store::Error) -> Error {
    let mut detail = e.to_string();
    if let Some(q) = detail.find('?') {
        let end = detail[q..]
            .find(char::is_whitespace)
            .map_or(detail.len(), |n| q + n);
        detail.replace_range(q..end, "");
    }
    detail.truncate(400);
    Error::Storage {
        store: store.to_owned(),
        detail,
    }
}

pub(crate) fn is_not_found(e: &object_store::Error) -> bool {
    matches!(e, object_store::Error::NotFound { .. })
}

enum Msg {
    Data(Bytes),
    /// Everything was written: complete the upload if its hash is the one expected.
    Finish(Option<blake3::Hash>),
}

/// What an upload became.
pub(crate) struct Uploaded {
    pub hash: blake3::Hash,
    pub size: u64,
}

/// Uploads what is written to `path`. Nothing is visible under `path` until
/// [`ObjectWriter::finish`] (a multipart upload is invisible until completed; a small
/// object is sent in one PUT at the end); dropping the writer aborts the upload.
pub(crate) struct ObjectWriter {
    buf: Vec<u8>,
    tx: Option<mpsc::Sender<Msg>>,
    task: Option<tokio::task::JoinHandle<Result<Uploaded, Error>>>,
    store_name: Arc<str>,
}

impl ObjectWriter {
    pub(crate) fn new(store: Arc<dyn ObjectStore>, path: Path, store_name: Arc<str>) -> Self {
        let (tx, rx) = mpsc::channel::<Msg>(2);
        let name = store_name.clone();
        let task = runtime().spawn(upload(store, path, rx, name));
        ObjectWriter {
            buf: Vec::with_capacity(CHUNK),
            tx: Some(tx),
            task: Some(task),
            store_name,
        }
    }

    fn send(&mut self, msg: Msg) -> io::Result<()> {
        let sent = match &self.tx {
            Some(tx) => tx.blocking_send(msg).is_ok(),
            None => false,
        };
        if sent {
            return Ok(());
        }
        // The task stopped on an error: report it.
        Err(io::Error::other(match self.join() {
            Err(e) => e,
            Ok(_) => self.failure("the upload stopped"),
        }))
    }

    fn failure(&self, detail: &str) -> Error {
        Error::Storage {
            store: self.store_name.to_string(),
            detail: detail.into(),
        }
    }

    fn join(&mut self) -> Result<Uploaded, Error> {
        drop(self.tx.take());
        let task = self
            .task
            .take()
            .ok_or_else(|| self.failure("upload already finished"))?;
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        runtime().spawn(async move {
            let _ = tx.send(task.await);
        });
        match rx.recv() {
            Ok(Ok(result)) => result,
            _ => Err(self.failure("the upload task failed")),
        }
    }

    /// Completes the upload, unless `expected` is given and the bytes written do not hash
    /// to it: then the upload is aborted and nothing appears.
    pub(crate) fn finish(mut self, expected: Option<blake3::Hash>) -> Result<Uploaded, Error> {
        if !self.buf.is_empty() {
            let rest = Bytes::from(std::mem::take(&mut self.buf));
            self.send(Msg::Data(rest))?;
        }
        self.send(Msg::Finish(expected))?;
        self.join()
    }
}

impl Write for ObjectWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        let n = data.len().min(CHUNK - self.buf.len());
        self.buf.extend_from_slice(&data[..n]);
        if self.buf.len() == CHUNK {
            let full = std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK));
            self.send(Msg::Data(Bytes::from(full)))?;
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Drop for ObjectWriter {
    fn drop(&mut self) {
        // Closing the channel without `Finish` makes the task abort the upload; it runs
        // on without us.
        drop(self.tx.take());
    }
}

/// The upload task: the first part is held back, so that an object smaller than a
/// part goes in one PUT; a larger one becomes a multipart upload of `PART`-sized parts,
/// at most `PARTS_IN_FLIGHT` at once.
async fn upload(
    store: Arc<dyn ObjectStore>,
    path: Path,
    mut rx: mpsc::Receiver<Msg>,
    name: Arc<str>,
) -> Result<Uploaded, Error> {
    let err = |e: object_store::Error| storage_error(&name, &e);
    let mut hasher = blake3::Hasher::new();
    let mut size = 0u64;
    let mut head: Vec<Bytes> = Vec::new();
    let mut head_len = 0usize;
    let mut multipart: Option<WriteMultipart> = None;
    let expected = loop {
        let Some(msg) = rx.recv().await else {
            // The writer was dropped: abandon.
            if let Some(m) = multipart {
                let _ = m.abort().await;
            }
            return Err(Error::Storage {
                store: name.to_string(),
                detail: "the upload was abandoned".into(),
            });
        };
        match msg {
            Msg::Finish(expected) => break expected,
            Msg::Data(bytes) => {
                hasher.update(&bytes);
                size += bytes.len() as u64;
                if let Some(m) = multipart.as_mut() {
                    if let Err(e) = m.wait_for_capacity(PARTS_IN_FLIGHT).await {
                        let m = multipart.take();
                        if let Some(m) = m {
                            let _ = m.abort().await;
                        }
                        return Err(err(e));
                    }
                    m.put(bytes);
                    continue;
                }
                head_len += bytes.len();
                head.push(bytes);
                if head_len >= PART {
                    let started = store.put_multipart(&path).await.map_err(err)?;
                    let mut m = WriteMultipart::new_with_chunk_size(started, PART);
                    for b in head.drain(..) {
                        m.put(b);
                    }
                    multipart = Some(m);
                }
            }
        }
    };
    let hash = hasher.finalize();
    if expected.is_some_and(|e| e != hash) {
        if let Some(m) = multipart {
            let _ = m.abort().await;
        }
        return Err(Error::DocumentDamaged(
            vault_core::DocumentFault::CopyMismatch {
                name: path.filename().unwrap_or_default().to_owned(),
            },
        ));
    }
    match multipart {
        Some(m) => {
            m.finish().await.map_err(err)?;
        }
        None => {
            let payload: PutPayload = head.into_iter().collect();
            store.put(&path, payload).await.map_err(err)?;
        }
    }
    Ok(Uploaded { hash, size })
}

/// Streams an object. A request that fails halfway is an error of the named store.
pub(crate) struct ObjectReader {
    rx: mpsc::Receiver<Result<Bytes, Error>>,
    current: Bytes,
    done: bool,
}

impl ObjectReader {
    /// Opens `path`: `Ok(None)` when there is no such object.
    pub(crate) fn open(
        store: Arc<dyn ObjectStore>,
        path: Path,
        store_name: Arc<str>,
    ) -> Result<Option<ObjectReader>, Error> {
        let name = store_name.clone();
        let opened = run(async move { store.get(&path).await });
        let result = match opened {
            Ok(r) => r,
            Err(e) if is_not_found(&e) => return Ok(None),
            Err(e) => return Err(storage_error(&name, &e)),
        };
        let (tx, rx) = mpsc::channel(4);
        runtime().spawn(async move {
            let mut stream = result.into_stream();
            while let Some(item) = stream.next().await {
                let item = item.map_err(|e| storage_error(&store_name, &e));
                let failed = item.is_err();
                if tx.send(item).await.is_err() || failed {
                    break;
                }
            }
        });
        Ok(Some(ObjectReader {
            rx,
            current: Bytes::new(),
            done: false,
        }))
    }
}

impl Read for ObjectReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.current.is_empty() {
            if self.done {
                return Ok(0);
            }
            match self.rx.blocking_recv() {
                Some(Ok(bytes)) => self.current = bytes,
                Some(Err(e)) => {
                    self.done = true;
                    return Err(io::Error::other(e));
                }
                None => self.done = true,
            }
        }
        let n = buf.len().min(self.current.len());
        buf[..n].copy_from_slice(&self.current.split_to(n));
        Ok(n)
    }
}

/// Every object under `prefix` (names relative to nothing: full paths).
pub(crate) fn list(
    store: &Arc<dyn ObjectStore>,
    prefix: Path,
    store_name: &str,
) -> Result<Vec<object_store::ObjectMeta>, Error> {
    let store = store.clone();
    run(async move {
        let mut out = Vec::new();
        let mut stream = store.list(Some(&prefix));
        while let Some(item) = stream.next().await {
            out.push(item?);
        }
        Ok::<_, object_store::Error>(out)
    })
    .map_err(|e| storage_error(store_name, &e))
}

/// Deletes `path`; a missing object is not an error.
pub(crate) fn delete(
    store: &Arc<dyn ObjectStore>,
    path: Path,
    store_name: &str,
) -> Result<(), Error> {
    let store = store.clone();
    match run(async move { store.delete(&path).await }) {
        Ok(()) => Ok(()),
        Err(e) if is_not_found(&e) => Ok(()),
        Err(e) => Err(storage_error(store_name, &e)),
    }
}

/// Puts a small object in one request.
pub(crate) fn put_small(
    store: &Arc<dyn ObjectStore>,
    path: Path,
    bytes: Vec<u8>,
    store_name: &str,
) -> Result<(), Error> {
    let store = store.clone();
    run(async move { store.put(&path, PutPayload::from(bytes)).await })
        .map(|_| ())
        .map_err(|e| storage_error(store_name, &e))
}

/// Whether `path` exists.
pub(crate) fn exists(
    store: &Arc<dyn ObjectStore>,
    path: Path,
    store_name: &str,
) -> Result<bool, Error> {
    let store = store.clone();
    match run(async move { store.head(&path).await }) {
        Ok(_) => Ok(true),
        Err(e) if is_not_found(&e) => Ok(false),
        Err(e) => Err(storage_error(store_name, &e)),
    }
}

/// Server-side copy.
pub(crate) fn copy(
    store: &Arc<dyn ObjectStore>,
    from: Path,
    to: Path,
    store_name: &str,
) -> Result<(), Error> {
    let store = store.clone();
    run(async move { store.copy(&from, &to).await }).map_err(|e| storage_error(store_name, &e))
}
