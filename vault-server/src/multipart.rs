//! Multipart forms with bounded memory.
//!
//! axum's `Multipart` (multer underneath) buffers a part's headers until their blank line
//! with no limit of its own, and whatever it skips of a part the handler did not read:
//! with request bodies unlimited (uploads stream), one request could fill the memory. Here
//! the body is watched: every byte the parser takes in is counted, every byte of a part's
//! content it hands over is discounted, and the body fails when a chunk arrives while more
//! than [`HELD`] bytes are held (headers, boundaries, what it buffers): it holds that and
//! one chunk at most (hyper hands over a connection's body a chunk at a time, 400 KiB at
//! most). Parts a handler does not want are read through [`Part::skip`], so that they are
//! discounted too.

use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::body::Body;
use axum::extract::multipart::{Field, MultipartError, MultipartRejection};
use axum::extract::{FromRequest, Multipart, Request};
use bytes::Bytes;
use futures_util::{Stream, StreamExt};

use crate::state::AppState;
use crate::stream::BODY_IDLE;

/// The most a form's parser may hold, that it has not handed over as content, when a new
/// chunk comes. Reading a file, it keeps back only a boundary's length of each chunk.
pub const HELD: u64 = 1024 * 1024;

/// Counts what a form's parser holds: taken in minus handed over.
#[derive(Clone, Default)]
pub struct Held(Arc<AtomicU64>);

impl Held {
    /// Counts `n` more bytes taken in; `false` when the parser already held too much.
    fn take(&self, n: usize) -> bool {
        self.0.fetch_add(n as u64, Ordering::Relaxed) <= HELD
    }

    fn hand_over(&self, n: usize) {
        self.0.fetch_sub(n as u64, Ordering::Relaxed);
    }

    /// A part, whose content is discounted as it is read.
    pub fn part<'a>(&self, field: Field<'a>) -> Part<'a> {
        Part {
            field,
            held: self.clone(),
        }
    }
}

/// The form of a multipart request, and its count.
pub async fn form(
    request: Request,
    state: &AppState,
) -> Result<(Multipart, Held), MultipartRejection> {
    let held = Held::default();
    let count = held.clone();
    let (parts, body) = request.into_parts();
    let watched = body.into_data_stream().map(move |chunk| {
        let chunk = chunk?;
        if count.take(chunk.len()) {
            Ok(chunk)
        } else {
            Err(axum::Error::new(io::Error::other(
                "a multipart form held too much outside its parts' content",
            )))
        }
    });
    let request = Request::from_parts(parts, Body::from_stream(watched));
    let form = Multipart::from_request(request, state).await?;
    Ok((form, held))
}

/// One part of a form: its content as a stream of chunks.
pub struct Part<'a> {
    pub field: Field<'a>,
    held: Held,
}

impl Part<'_> {
    /// The next chunk of content.
    pub async fn chunk(&mut self) -> Result<Option<Bytes>, MultipartError> {
        self.next().await.transpose()
    }

    /// Reads the rest of the content and drops it (counted like content). `false` when
    /// the body failed or stalled for [`BODY_IDLE`].
    pub async fn skip(mut self) -> bool {
        loop {
            match tokio::time::timeout(BODY_IDLE, self.next()).await {
                Ok(Some(Ok(_))) => {}
                Ok(None) => return true,
                Ok(Some(Err(_))) | Err(_) => return false,
            }
        }
    }
}

impl Stream for Part<'_> {
    type Item = Result<Bytes, MultipartError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let polled = Pin::new(&mut self.field).poll_next(cx);
        if let Poll::Ready(Some(Ok(chunk))) = &polled {
            self.held.hand_over(chunk.len());
        }
        polled
    }
}
