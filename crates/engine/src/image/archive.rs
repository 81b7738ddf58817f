//! Images to and from files: `docker save` (`GET /images/get`, the tar streamed into the file as it arrives) and
//! `docker load` (`POST /images/load`, the file streamed to the engine as it is read), each reporting the bytes so
//! far to `progress`.
//!
//! Invariants: a save never writes over an existing file and leaves no half-written tar behind when it fails; a
//! load reports the engine's own refusal (a file that is not an image tar) as an error, not as a silent no-op.

use crate::error::{from_bollard, from_bollard_with};
use crate::Engine;
use futures_util::StreamExt;
use porthole_model::image::archive::{loaded_image, LoadImages, SaveImages};
use porthole_model::{Action, ErrorKind, PortholeError};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tokio::io::AsyncWriteExt;

fn write_error(file: &str) -> impl Fn(std::io::Error) -> PortholeError + '_ {
    move |e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => PortholeError::new(
            ErrorKind::Conflict,
            format!("{file} already exists: choose another name."),
            "",
        ),
        _ => PortholeError::invalid_input(format!("Could not write {file}: {e}")),
    }
}

/// `docker save -o FILE IMAGE…`: the bytes written.
pub async fn save(
    engine: &Engine,
    request: &SaveImages,
    mut progress: impl FnMut(u64),
) -> Result<u64, PortholeError> {
    request.validate().map_err(PortholeError::invalid_input)?;
    let file = request.file.trim();
    crate::as_action(
        Action::SaveImages {
            request: request.clone(),
        },
        async {
            let names: Vec<&str> = request.images.iter().map(String::as_str).collect();
            let mut bytes = Box::pin(engine.docker.export_images(&names));
            let mut out = tokio::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(file)
                .await
                .map_err(write_error(file))?;
            let mut written = 0u64;
            let result = async {
                while let Some(chunk) = bytes.next().await {
                    let chunk = chunk.map_err(|e| {
                        from_bollard_with(e, |kind| {
                            (kind == ErrorKind::NotFound).then(|| {
                                format!("One of {} is no longer on the engine.", names.join(", "))
                            })
                        })
                    })?;
                    out.write_all(&chunk).await.map_err(write_error(file))?;
                    written += chunk.len() as u64;
                    progress(written);
                }
                out.flush().await.map_err(write_error(file))
            }
            .await;
            if let Err(e) = result {
                // A half-written tar is worse than none.
                let _ = tokio::fs::remove_file(file).await;
                return Err(e);
            }
            Ok(written)
        },
    )
    .await
}

/// `docker load -i FILE`: the images the engine says it loaded.
pub async fn load(
    engine: &Engine,
    request: &LoadImages,
    mut progress: impl FnMut(u64, u64),
) -> Result<Vec<String>, PortholeError> {
    request.validate().map_err(PortholeError::invalid_input)?;
    let path = request.file.trim().to_owned();
    let opened = tokio::fs::File::open(&path)
        .await
        .map_err(|e| PortholeError::invalid_input(format!("Could not read {path}: {e}")))?;
    let total = opened.metadata().await.map(|m| m.len()).unwrap_or(0);
    crate::as_action(
        Action::LoadImages {
            request: request.clone(),
        },
        async {
            let sent = Arc::new(AtomicU64::new(0));
            let counted = sent.clone();
            let body = tokio_util::io::ReaderStream::new(opened).inspect(move |chunk| {
                if let Ok(chunk) = chunk {
                    counted.fetch_add(chunk.len() as u64, Ordering::Relaxed);
                }
            });
            let options = bollard::query_parameters::ImportImageOptions {
                quiet: false,
                platform: None,
            };
            let mut answers = Box::pin(engine.docker.import_image(
                options,
                bollard::body_try_stream(body),
                None,
            ));
            let mut images = Vec::new();
            while let Some(answer) = answers.next().await {
                progress(sent.load(Ordering::Relaxed), total);
                let answer = answer.map_err(from_bollard)?;
                if let Some(error) = answer.error.or(answer.error_detail.and_then(|d| d.message)) {
                    return Err(PortholeError::invalid_input(format!(
                        "The engine could not load {path}: {error}"
                    )));
                }
                images.extend(answer.stream.as_deref().and_then(loaded_image));
            }
            progress(sent.load(Ordering::Relaxed), total);
            if images.is_empty() {
                return Err(PortholeError::invalid_input(format!(
                    "{path} held no image the engine could load (is it a `docker save` tar?)."
                )));
            }
            Ok(images)
        },
    )
    .await
}
