//! Multipart forms with bounded memory and time.
//!
//! axum's `Multipart` (multer underneath) buffers a part's headers until their blank line
//! with no limit of its own, and whatever it skips of a part the handler did not read:
//! with request bodies unlimited (uploads stream), one request could fill the memory. Here
//! the body is watched: every byte the parser takes in is counted, every byte of a part's
//! content it hands over is discounted, and the body fails when a chunk arrives while the
//! parser holds more than [`HELD`] bytes taken in since the current part began (its
//! headers, the boundary before it, what it buffers); it then holds that and one chunk
//! (64 KiB, `serve.rs`) at most. Parts a handler does not want are read through
//! [`Part::skip`], so that they are discounted too. A form has [`MAX_PARTS`] parts at most,
//! and every wait for the client is cut off after [`BODY_IDLE`].

use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::body::Body;
use axum::extract::multipart::{Field, MultipartError};
use axum::extract::{FromRequest, Multipart, Request};
use bytes::Bytes;
use futures_util::{Stream, StreamExt};

use crate::state::AppState;
use crate::stream::BODY_IDLE;

/// The most a form's parser may hold, taken in since the current part began and not
/// handed over as content, when a new chunk comes. Reading a file, it keeps back only a
/// boundary's length of each chunk.
pub const HELD: u64 = 1024 * 1024;

/// The most parts a form may have: files, and a few small fields.
pub const MAX_PARTS: usize = 200;

/// The most read of a part that is not wanted, when it should have been small (a field
/// the handler does not know, an empty file input).
pub const SMALL_PART: u64 = 64 * 1024;

/// Counts of a form's body, shared by the watched body and the parts.
#[derive(Default)]
struct Counts {
    /// Bytes taken in from the connection.
    taken: AtomicU64,
    /// Bytes of content handed over.
    handed: AtomicU64,
    /// `taken - handed` when the current part began.
    base: AtomicU64,
}

impl Counts {
    fn held(&self) -> u64 {
        let taken = self.taken.load(Ordering::Relaxed);
        taken.saturating_sub(self.handed.load(Ordering::Relaxed))
    }

    /// Counts `n` more bytes taken in; `false` when the parser already held too much.
    fn take(&self, n: usize) -> bool {
        let over = self
            .held()
            .saturating_sub(self.base.load(Ordering::Relaxed));
        self.taken.fetch_add(n as u64, Ordering::Relaxed);
        over <= HELD
    }
}

/// Why a form could not be read on: malformed, too many parts, stalled or cut off.
#[derive(Debug)]
pub struct Unreadable;

/// A multipart form being read.
pub struct Form {
    multipart: Multipart,
    counts: Arc<Counts>,
    parts: usize,
}

impl Form {
    /// The form of a multipart request; `Err` when the request is not one.
    pub async fn from_request(request: Request, state: &AppState) -> Result<Form, Unreadable> {
        let counts = Arc::new(Counts::default());
        let watch = counts.clone();
        let (parts, body) = request.into_parts();
        let watched = body.into_data_stream().map(move |chunk| {
            let chunk = chunk?;
            if watch.take(chunk.len()) {
                Ok(chunk)
            } else {
                Err(axum::Error::new(io::Error::other(
                    "a multipart form held too much outside its parts' content",
                )))
            }
        });
        let request = Request::from_parts(parts, Body::from_stream(watched));
        let multipart = Multipart::from_request(request, state)
            .await
            .map_err(|_| Unreadable)?;
        Ok(Form {
            multipart,
            counts,
            parts: 0,
        })
    }

    /// The next part, `None` after the last.
    pub async fn next(&mut self) -> Result<Option<Part<'_>>, Unreadable> {
        if self.parts >= MAX_PARTS {
            return Err(Unreadable);
        }
        self.counts
            .base
            .store(self.counts.held(), Ordering::Relaxed);
        let field = tokio::time::timeout(BODY_IDLE, self.multipart.next_field())
            .await
            .map_err(|_| Unreadable)?
            .map_err(|_| Unreadable)?;
        self.parts += 1;
        Ok(field.map(|field| Part {
            field,
            counts: self.counts.clone(),
        }))
    }
}

/// One part of a form: its content as a stream of chunks.
pub struct Part<'a> {
    pub field: Field<'a>,
    counts: Arc<Counts>,
}

/// A part's file name that is not UTF-8.
#[derive(Debug)]
pub struct NotUtf8;

impl Part<'_> {
    /// The part's file name, `None` when it has none. multer says "none" too for a name
    /// that is not UTF-8: that is told apart here, so that it is refused, not skipped.
    pub fn file_name(&self) -> Result<Option<&str>, NotUtf8> {
        if let Some(name) = self.field.file_name() {
            return Ok(Some(name));
        }
        let disposition = self
            .field
            .headers()
            .get(axum::http::header::CONTENT_DISPOSITION)
            .map(|v| v.as_bytes())
            .unwrap_or_default();
        match std::str::from_utf8(disposition) {
            Ok(_) => Ok(None),
            Err(_) => Err(NotUtf8),
        }
    }

    /// The next chunk of content, waiting [`BODY_IDLE`] at most.
    pub async fn chunk(&mut self) -> Result<Option<Bytes>, Unreadable> {
        match tokio::time::timeout(BODY_IDLE, self.next()).await {
            Ok(Some(Ok(chunk))) => Ok(Some(chunk)),
            Ok(None) => Ok(None),
            Ok(Some(Err(_))) | Err(_) => Err(Unreadable),
        }
    }

    /// Reads the rest of the content, `at_most` bytes, and drops it (counted like
    /// content). `false` when there was more, or the body failed or stalled.
    pub async fn skip(mut self, at_most: u64) -> bool {
        let mut read = 0u64;
        loop {
            match self.chunk().await {
                Ok(Some(chunk)) => {
                    read += chunk.len() as u64;
                    if read > at_most {
                        return false;
                    }
                }
                Ok(None) => return true,
                Err(Unreadable) => return false,
            }
        }
    }
}

impl Stream for Part<'_> {
    type Item = Result<Bytes, MultipartError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let polled = Pin::new(&mut self.field).poll_next(cx);
        if let Poll::Ready(Some(Ok(chunk))) = &polled {
            self.counts
                .handed
                .fetch_add(chunk.len() as u64, Ordering::Relaxed);
        }
        polled
    }
}
