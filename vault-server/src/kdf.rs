//! A small pool of dedicated threads for the work that runs argon2 (sign-in, passwords,
//! setup): 64 MiB each by default, so at most one per core runs at once. The queue is
//! bounded: past it, sign-ins are answered 503 with Retry-After.
//!
//! Measured here (`two_hundred_concurrent_sign_ins_stay_within_memory`): 200 concurrent
//! sign-ins grow the server by 83 MiB at 40 MiB per argon2 and 131 MiB at 64 MiB, i.e. two
//! buffers. Below glibc's 32 MiB mmap threshold freed buffers stay in the heap and small
//! allocations fragment it (8 MiB: 67 to 187 MiB); the defaults are above it.

use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, PoisonError};

use axum::http::StatusCode;

use crate::error::{ApiError, ApiResult};

type Job = Box<dyn FnOnce() + Send>;

/// Jobs that may wait for a thread.
pub const QUEUE: usize = 256;

/// The pool; dropping it lets its threads end once the queue is empty.
pub struct KdfPool {
    tx: SyncSender<Job>,
}

impl KdfPool {
    /// `threads` workers (at least one) and a queue of [`QUEUE`] jobs.
    pub fn new(threads: usize) -> std::io::Result<KdfPool> {
        let (tx, rx) = mpsc::sync_channel::<Job>(QUEUE);
        let rx = Arc::new(Mutex::new(rx));
        for i in 0..threads.max(1) {
            let rx = rx.clone();
            std::thread::Builder::new()
                .name(format!("kdf-{i}"))
                .spawn(move || worker(&rx))?;
        }
        Ok(KdfPool { tx })
    }

    /// Runs `work` on a pool thread; 503 when the queue is full.
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> vault_core::Result<T> + Send + 'static,
    ) -> ApiResult<T> {
        self.run_core(work).await?.map_err(ApiError::from)
    }

    /// Like [`KdfPool::run`], with vault-core's own error for the caller to tell apart.
    pub async fn run_core<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> vault_core::Result<T> + Send + 'static,
    ) -> ApiResult<vault_core::Result<T>> {
        let (done, result) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = done.send(work());
        });
        match self.tx.try_send(job) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => {
                return Err(
                    ApiError::said(StatusCode::SERVICE_UNAVAILABLE, "busy", "api-busy")
                        .retry_after(5),
                )
            }
            Err(TrySendError::Disconnected(_)) => {
                return Err(ApiError::internal(&"the argon2 threads are gone"))
            }
        }
        result
            .await
            .map_err(|_| ApiError::internal(&"an argon2 job panicked"))
    }
}

fn worker(rx: &Mutex<Receiver<Job>>) {
    loop {
        // The lock is held only while waiting for the next job, not while running it.
        let job = rx.lock().unwrap_or_else(PoisonError::into_inner).recv();
        match job {
            Ok(job) => {
                // A panicking job drops its sender: the caller gets an error, the thread lives.
                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
            }
            Err(_) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn runs_jobs_and_refuses_past_the_queue() {
        let pool = KdfPool::new(1).unwrap();
        assert_eq!(pool.run(|| Ok(41 + 1)).await.unwrap(), 42);
        let e = pool
            .run(|| -> vault_core::Result<()> { Err(vault_core::Error::BadCredentials) })
            .await
            .unwrap_err();
        assert_eq!(e.code, "bad_credentials");
        // Block the only thread, fill the queue: the next job is refused at once.
        let (started_tx, started) = std::sync::mpsc::channel::<()>();
        let (release, wait) = std::sync::mpsc::channel::<()>();
        pool.tx
            .send(Box::new(move || {
                started_tx.send(()).unwrap();
                let _ = wait.recv();
            }))
            .unwrap();
        started.recv().unwrap();
        for _ in 0..QUEUE {
            assert!(pool.tx.try_send(Box::new(|| {})).is_ok());
        }
        let refused = pool.run(|| Ok(())).await.unwrap_err();
        assert_eq!(refused.code, "busy");
        assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(refused.retry_after.is_some());
        release.send(()).unwrap();
        // The queue drains: soon a job is taken again.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            match pool.run(|| Ok(7)).await {
                Ok(v) => break assert_eq!(v, 7),
                Err(e) if e.code == "busy" && std::time::Instant::now() < deadline => {
                    tokio::time::sleep(std::time::Duration::from_millis(1)).await
                }
                Err(e) => panic!("{e:?}"),
            }
        }
    }

    #[tokio::test]
    async fn a_panicking_job_is_an_error_and_the_pool_lives() {
        let pool = KdfPool::new(1).unwrap();
        let e = pool
            .run(|| -> vault_core::Result<()> { panic!("boom") })
            .await
            .unwrap_err();
        assert_eq!(e.code, "internal");
        assert_eq!(pool.run(|| Ok(1)).await.unwrap(), 1);
    }
}
