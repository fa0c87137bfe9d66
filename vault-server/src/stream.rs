//! Bridges between async request/response bodies and vault-core's blocking `Read`s,
//! through small bounded channels: memory stays a few chunks whatever the file's size.
//!
//! Uploads: a body that ends early (client gone, connection cut, server shutting down)
//! must never look like a complete file, so the reader sees the end only when the pump
//! says so explicitly; a channel that closes without that `End` is an error, and the
//! vault stores nothing.

use std::io::{self, Read};
use std::time::Duration;

use axum::body::Body;
use bytes::{Buf, Bytes};
use futures_util::{Stream, StreamExt};
use tokio::sync::mpsc;

/// Network chunks (about 16 KiB each) in flight between the connection and the encrypting
/// thread.
const DEPTH: usize = 8;
/// Chunks of a download (256 KiB each) in flight: 1 MiB per download at most.
const DOWNLOAD_DEPTH: usize = 4;
/// Size of the chunks read from a stored document.
const CHUNK: usize = 256 * 1024;
/// An upload that sends nothing for this long is cut off: a stalled client must not hold
/// a thread (and, for an upload link, the link) for ever.
pub const BODY_IDLE: Duration = Duration::from_secs(60);

enum Piece {
    Data(Bytes),
    End,
}

/// The blocking side of an upload.
pub struct UploadReader {
    rx: mpsc::Receiver<io::Result<Piece>>,
    current: Bytes,
    ended: bool,
    /// Bytes handed out so far, and the most allowed.
    count: u64,
    limit: u64,
}

impl UploadReader {
    /// Takes a message from the channel: waits for one when `wait`, else only looks.
    /// `Ok(false)` when there is nothing (yet, or any more).
    fn take(&mut self, wait: bool) -> io::Result<bool> {
        let piece = if wait {
            self.rx.blocking_recv()
        } else {
            match self.rx.try_recv() {
                Ok(p) => Some(p),
                Err(mpsc::error::TryRecvError::Empty) => return Ok(false),
                Err(mpsc::error::TryRecvError::Disconnected) => None,
            }
        };
        match piece {
            Some(Ok(Piece::Data(b))) => {
                self.count += b.len() as u64;
                if self.count > self.limit {
                    let limit = self.limit;
                    return Err(io::Error::other(vault_core::Error::TooLarge { limit }));
                }
                self.current = b;
                Ok(true)
            }
            Some(Ok(Piece::End)) => {
                self.ended = true;
                Ok(false)
            }
            Some(Err(e)) => Err(e),
            None => Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the upload was interrupted",
            )),
        }
    }
}

impl Read for UploadReader {
    /// Fills `buf` with what has arrived, waiting only when nothing has: network chunks are
    /// small (16 KiB or so), and the encryptor works best on its large reads.
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let mut n = 0;
        while n < buf.len() {
            if self.current.is_empty() {
                if self.ended || !self.take(n == 0)? {
                    break;
                }
                continue;
            }
            let k = (buf.len() - n).min(self.current.len());
            buf[n..n + k].copy_from_slice(&self.current[..k]);
            self.current.advance(k);
            n += k;
        }
        Ok(n)
    }
}

/// The async side of an upload: feeds chunks to the reader.
pub struct UploadPump {
    tx: mpsc::Sender<io::Result<Piece>>,
}

/// A connected pump and reader; the reader fails with `TooLarge` past `limit` bytes.
pub fn upload_channel(limit: u64) -> (UploadPump, UploadReader) {
    let (tx, rx) = mpsc::channel(DEPTH);
    (
        UploadPump { tx },
        UploadReader {
            rx,
            current: Bytes::new(),
            ended: false,
            count: 0,
            limit,
        },
    )
}

impl UploadPump {
    /// Sends a chunk; `false` when the reader has stopped (it failed or finished early).
    pub async fn send(&self, chunk: Bytes) -> bool {
        chunk.is_empty() || self.tx.send(Ok(Piece::Data(chunk))).await.is_ok()
    }

    /// Tells the reader the upload failed.
    pub async fn fail(self, error: io::Error) {
        let _ = self.tx.send(Err(error)).await;
    }

    /// Tells the reader the upload is complete.
    pub async fn finish(self) {
        let _ = self.tx.send(Ok(Piece::End)).await;
    }

    /// Pumps a whole stream of chunks, then the end (or the stream's error). Returns
    /// `false` when the stream failed (the client's body was cut off).
    pub async fn pump<E: std::fmt::Display>(
        self,
        chunks: impl Stream<Item = Result<Bytes, E>> + Unpin,
    ) -> bool {
        self.pump_within(chunks, BODY_IDLE).await
    }

    /// [`UploadPump::pump`], failing when no chunk comes for `idle`.
    async fn pump_within<E: std::fmt::Display>(
        self,
        mut chunks: impl Stream<Item = Result<Bytes, E>> + Unpin,
        idle: Duration,
    ) -> bool {
        loop {
            let item = match tokio::time::timeout(idle, chunks.next()).await {
                Ok(Some(item)) => item,
                Ok(None) => break,
                Err(_) => {
                    let error = io::Error::new(io::ErrorKind::TimedOut, "the upload stalled");
                    self.fail(error).await;
                    return false;
                }
            };
            match item {
                Ok(chunk) => {
                    if !self.send(chunk).await {
                        return true; // The reader stopped: its own result says why.
                    }
                }
                Err(e) => {
                    let error = io::Error::other(format!("the upload failed: {e}"));
                    self.fail(error).await;
                    return false;
                }
            }
        }
        self.finish().await;
        true
    }
}

/// Streams `chunks` into `work`, which runs on a blocking thread with the reader; returns
/// its result and whether the body arrived whole (`false`: the client's body broke off).
pub async fn stream_into<T: Send + 'static, E: std::fmt::Display>(
    chunks: impl Stream<Item = Result<Bytes, E>> + Unpin,
    limit: u64,
    work: impl FnOnce(UploadReader) -> vault_core::Result<T> + Send + 'static,
) -> (vault_core::Result<T>, bool) {
    let (pump, reader) = upload_channel(limit);
    let handle = tokio::task::spawn_blocking(move || work(reader));
    let complete = pump.pump(chunks).await;
    let result = handle
        .await
        .unwrap_or_else(|e| Err(vault_core::Error::Io(io::Error::other(e.to_string()))));
    (result, complete)
}

/// A response body read from a blocking reader on a blocking thread, in 256 KiB chunks.
/// A read error aborts the body (the client sees a truncated transfer, short of its
/// Content-Length), and is logged.
pub fn body_from_reader(mut reader: impl Read + Send + 'static) -> Body {
    let (tx, mut rx) = mpsc::channel::<io::Result<Bytes>>(DOWNLOAD_DEPTH);
    // One buffer per download, zeroed once; each chunk is copied out of it at its own
    // length. (A fresh zeroed 256 KiB buffer per read cost more than the copy: measured,
    // memset and page faults were a sixth of the server's time serving 200 KB documents.)
    let mut buf = vec![0u8; CHUNK];
    tokio::task::spawn_blocking(move || loop {
        match reader.read(&mut buf) {
            Ok(0) => return,
            Ok(n) => {
                if tx
                    .blocking_send(Ok(Bytes::copy_from_slice(&buf[..n])))
                    .is_err()
                {
                    return; // The client went away.
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                tracing::error!(error = %e, "download stopped");
                let _ = tx.blocking_send(Err(e));
                return;
            }
        }
    });
    let stream = futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx));
    Body::from_stream(stream)
}

/// The blocking side of a download written by vault-core (an evidence bundle): what is
/// written goes to the client in 256 KiB chunks through a bounded channel, so memory stays
/// a few chunks whatever the bundle's size.
pub struct ChannelWriter {
    tx: mpsc::Sender<io::Result<Bytes>>,
    buf: Vec<u8>,
}

impl ChannelWriter {
    fn send(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK)));
        self.tx
            .blocking_send(Ok(chunk))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client went away"))
    }
}

impl io::Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        let room = CHUNK - self.buf.len();
        let n = data.len().min(room);
        self.buf.extend_from_slice(&data[..n]);
        if self.buf.len() == CHUNK {
            self.send()?;
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}

/// Runs `work` on a blocking thread, writing a response body. When `work` fails before
/// writing anything, its error is returned (the response can still say so, with its
/// status); once bytes are sent, a failure cuts the body short (a truncated download, not
/// one that looks whole), and is logged.
pub async fn body_from_writer(
    work: impl FnOnce(&mut ChannelWriter) -> vault_core::Result<()> + Send + 'static,
) -> Result<Body, vault_core::Error> {
    let (tx, mut rx) = mpsc::channel::<io::Result<Bytes>>(DOWNLOAD_DEPTH);
    let (done_tx, done_rx) = tokio::sync::oneshot::channel();
    tokio::task::spawn_blocking(move || {
        let mut writer = ChannelWriter {
            tx,
            buf: Vec::with_capacity(CHUNK),
        };
        let result = work(&mut writer).and_then(|()| writer.send().map_err(Into::into));
        if let Err(e) = &result {
            tracing::error!(error = %e, "a written download stopped");
            let _ = writer
                .tx
                .blocking_send(Err(io::Error::other("the download stopped")));
        }
        drop(writer);
        let _ = done_tx.send(result);
    });
    let first = match rx.recv().await {
        Some(Ok(chunk)) => chunk,
        // Nothing was written: the work's own error says why.
        Some(Err(_)) | None => {
            return match done_rx.await {
                Ok(Err(e)) => Err(e),
                Ok(Ok(())) => Ok(Body::empty()),
                Err(_) => Err(vault_core::Error::Io(io::Error::other(
                    "the export stopped",
                ))),
            };
        }
    };
    let rest = futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx));
    let stream = futures_util::stream::once(async move { Ok(first) }).chain(rest);
    Ok(Body::from_stream(stream))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_complete_upload_reads_back_whole() {
        let (pump, mut reader) = upload_channel(1 << 20);
        let chunks = futures_util::stream::iter(
            [b"ab".as_slice(), b"", b"cde"].map(|c| Ok::<_, io::Error>(Bytes::from_static(c))),
        );
        tokio::spawn(pump.pump(chunks));
        let out = tokio::task::spawn_blocking(move || {
            let mut out = Vec::new();
            reader.read_to_end(&mut out).map(|_| out)
        })
        .await
        .unwrap()
        .unwrap();
        assert_eq!(out, b"abcde");
    }

    #[tokio::test]
    async fn more_than_the_limit_is_too_large() {
        let (pump, mut reader) = upload_channel(4);
        let chunks = futures_util::stream::iter(
            [b"ab".as_slice(), b"cde"].map(|c| Ok::<_, io::Error>(Bytes::from_static(c))),
        );
        tokio::spawn(pump.pump(chunks));
        let error = tokio::task::spawn_blocking(move || {
            let mut out = Vec::new();
            reader.read_to_end(&mut out).unwrap_err()
        })
        .await
        .unwrap();
        assert!(matches!(
            vault_core::Error::from(error),
            vault_core::Error::TooLarge { limit: 4 }
        ));
    }

    #[tokio::test]
    async fn a_dropped_pump_is_an_error_not_an_end() {
        let (pump, mut reader) = upload_channel(1 << 20);
        assert!(pump.send(Bytes::from_static(b"partial")).await);
        drop(pump);
        let result = tokio::task::spawn_blocking(move || {
            let mut out = Vec::new();
            reader.read_to_end(&mut out)
        })
        .await
        .unwrap();
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::UnexpectedEof);
    }

    #[tokio::test]
    async fn a_failing_body_fails_the_reader() {
        let (pump, mut reader) = upload_channel(1 << 20);
        let chunks = futures_util::stream::iter(vec![
            Ok(Bytes::from_static(b"abc")),
            Err("connection reset"),
        ]);
        tokio::spawn(pump.pump(chunks));
        let result = tokio::task::spawn_blocking(move || {
            let mut out = Vec::new();
            reader.read_to_end(&mut out)
        })
        .await
        .unwrap();
        assert!(result.unwrap_err().to_string().contains("connection reset"));
    }

    #[tokio::test]
    async fn a_stalled_body_fails_the_reader() {
        let (pump, mut reader) = upload_channel(1 << 20);
        let chunks = futures_util::stream::iter([Ok::<_, io::Error>(Bytes::from_static(b"abc"))])
            .chain(futures_util::stream::pending());
        let pumping = tokio::spawn(pump.pump_within(Box::pin(chunks), Duration::from_millis(50)));
        let result = tokio::task::spawn_blocking(move || {
            let mut out = Vec::new();
            reader.read_to_end(&mut out)
        })
        .await
        .unwrap();
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::TimedOut);
        assert!(!pumping.await.unwrap(), "the body is reported broken");
    }
}

/// A `Content-Disposition: attachment` naming `filename` safely: an ASCII fallback with
/// anything unusual replaced by `_`, and the exact name percent-encoded (RFC 6266/8187).
/// Stored names never hold `/`, `\` or control characters; this holds even if one did.
pub fn attachment(filename: &str) -> axum::http::HeaderValue {
    let fallback: String = filename
        .chars()
        .map(|c| match c {
            ' '..='~' if c != '"' && c != '\\' && c != '/' && c != '%' => c,
            _ => '_',
        })
        .collect();
    let mut encoded = String::new();
    for b in filename.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            encoded.push(b as char);
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    let value = format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}");
    axum::http::HeaderValue::from_str(&value)
        .unwrap_or_else(|_| axum::http::HeaderValue::from_static("attachment"))
}

#[cfg(test)]
mod disposition_tests {
    use super::attachment;

    #[test]
    fn names_are_quoted_safely() {
        assert_eq!(
            attachment("recours.pdf"),
            "attachment; filename=\"recours.pdf\"; filename*=UTF-8''recours.pdf"
        );
        assert_eq!(
            attachment("pièce \"1\".pdf"),
            "attachment; filename=\"pi_ce _1_.pdf\"; filename*=UTF-8''pi%C3%A8ce%20%221%22.pdf"
        );
        let evil = attachment("a\r\nSet-Cookie: x=1/../b");
        let text = evil.to_str().unwrap();
        assert!(!text.contains('\r') && !text.contains('\n') && !text.contains('/'));
    }
}
