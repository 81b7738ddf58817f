//! A container's archive (`GET /containers/{id}/archive`) as bytes a blocking thread reads (`tar` reads
//! synchronously).
//!
//! Invariant: a task of its own drains the engine's answer into a queue of at most `QUEUED` chunks, so the socket
//! is read while the disk is written. hyper reads the next chunk only when the body is asked for it; an unpacking
//! thread that asked for each chunk itself, through the runtime (a wake-up across threads per chunk), left the
//! socket idle between its reads. When the reader is dropped, the task stops at once and the answer is dropped with it.

use crate::error::from_bollard_with;
use crate::Engine;
use bollard::query_parameters::DownloadFromContainerOptions;
use bytes::{Buf, Bytes};
use futures_util::StreamExt;
use porthole_model::{ErrorKind, PortholeError};
use std::io::Read;
use tokio::sync::mpsc;

/// Chunks held ahead of the reader (hyper's grow to about 400 KiB each: at most about 6 MiB in all).
const QUEUED: usize = 16;

/// An archive's bytes as the engine sends them, read on a blocking thread (never in async code: it blocks).
pub struct ArchiveBytes {
    chunks: mpsc::Receiver<std::io::Result<Bytes>>,
    current: Bytes,
}

impl Read for ArchiveBytes {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.current.is_empty() {
            match self.chunks.blocking_recv() {
                Some(chunk) => self.current = chunk?,
                None => return Ok(0),
            }
        }
        let n = buf.len().min(self.current.len());
        buf[..n].copy_from_slice(&self.current[..n]);
        self.current.advance(n);
        Ok(n)
    }
}

/// The archive of `path`, its first chunk awaited so that a missing path is a typed error, not a broken archive.
pub async fn archive_bytes(
    engine: &Engine,
    container: &str,
    path: &str,
) -> Result<ArchiveBytes, PortholeError> {
    let options = DownloadFromContainerOptions {
        path: path.to_owned(),
    };
    let mut answer = engine
        .docker
        .download_from_container(container, Some(options));
    let first = match answer.next().await {
        Some(Ok(first)) => first,
        Some(Err(e)) => {
            return Err(from_bollard_with(e, |kind| {
                (kind == ErrorKind::NotFound).then(|| {
                    format!(
                        "There is no {path} in the container {container} (or no such container)."
                    )
                })
            }))
        }
        None => Bytes::new(),
    };
    let (queue, chunks) = mpsc::channel(QUEUED);
    tokio::spawn(async move {
        loop {
            // A reader gone (the copy failed on this side) ends the task at once, even while the engine is silent.
            let chunk = tokio::select! {
                chunk = answer.next() => chunk,
                () = queue.closed() => return,
            };
            let Some(chunk) = chunk else { return };
            if queue
                .send(chunk.map_err(std::io::Error::other))
                .await
                .is_err()
            {
                return;
            }
        }
    });
    Ok(ArchiveBytes {
        chunks,
        current: first,
    })
}
