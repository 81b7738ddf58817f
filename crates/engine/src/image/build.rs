//! `docker build`: packs the folder into a tar (the build context), streams it to the engine with the classic
//! builder, and folds the engine's output into steps as it arrives.
//!
//! Invariants: the request is validated before any file is read; the whole context is packed off the async
//! threads; dropping the future cancels the build (the engine stops when the request goes away); a failing step
//! ends the build with the step marked failed and the engine's message kept.

use crate::error::from_bollard;
use crate::Engine;
use bollard::errors::Error as BollardError;
use futures_util::StreamExt;
use porthole_model::image::dockerignore::DockerIgnore;
use porthole_model::{BuildProgress, BuildRequest, ErrorKind, PortholeError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Builds `request`, calling `on_progress` after each chunk of output. On failure the progress (with the failed
/// step) comes back with the error, so the UI can keep showing where it stopped.
pub async fn build(
    engine: &Engine,
    request: &BuildRequest,
    mut on_progress: impl FnMut(&BuildProgress),
) -> Result<BuildProgress, (PortholeError, BuildProgress)> {
    crate::as_action(porthole_model::Action::Build { request: request.clone() }, async move {
        let mut progress = BuildProgress::default();
        request.validate().map_err(|message| {
            (
                PortholeError::invalid_input(message),
                BuildProgress::default(),
            )
        })?;
        let folder = PathBuf::from(request.folder.trim());
        let dockerfile = folder.join(request.dockerfile.trim());
        if !dockerfile.is_file() {
            let message = format!(
                "There is no {} in {}.",
                request.dockerfile.trim(),
                folder.display()
            );
            return Err((PortholeError::invalid_input(message), progress));
        }
        // Packed while it is sent, so a large folder never sits in memory whole; a read error mid-way aborts the
        // request, and the engine then discards the build.
        let (chunks, received) = tokio::sync::mpsc::channel::<Result<bytes::Bytes, std::io::Error>>(8);
        let dockerfile_name = request.dockerfile.trim().to_owned();
        let unreadable = std::sync::Arc::new(std::sync::Mutex::new(None::<String>));
        let packing_failure = unreadable.clone();
        tokio::task::spawn_blocking(move || {
            let sender = chunks.clone();
            let writer = std::io::BufWriter::with_capacity(256 * 1024, ChunkWriter(chunks));
            if let Err(error) = pack(writer, &folder, &dockerfile_name) {
                let message = format!("{} cannot be read: {error}", folder.display());
                *packing_failure.lock().unwrap_or_else(|p| p.into_inner()) = Some(message);
                let _ = sender.blocking_send(Err(error));
            }
        });
        progress.preamble.push(
            "Sending the build context (the folder, minus .dockerignore) to the engine".to_owned(),
        );
        on_progress(&progress);

        let options = bollard::query_parameters::BuildImageOptions {
            dockerfile: request.dockerfile.trim().to_owned(),
            t: Some(request.tag.trim().to_owned()).filter(|t| !t.is_empty()),
            nocache: request.no_cache,
            // Unlike the CLI's default, a failed step's container is removed too: nothing half-built stays behind.
            forcerm: true,
            buildargs: Some(
                request
                    .build_args
                    .iter()
                    .cloned()
                    .collect::<HashMap<_, _>>(),
            )
            .filter(|args| !args.is_empty()),
            ..Default::default()
        };
        let body = bollard::body_try_stream(futures_util::stream::unfold(
            received,
            |mut received| async move { received.recv().await.map(|chunk| (chunk, received)) },
        ));
        let mut stream = Box::pin(engine.docker.build_image(options, None, Some(body)));
        while let Some(item) = stream.next().await {
            match item {
                Ok(info) => {
                    if let Some(text) = info.stream {
                        progress.apply(&text);
                    }
                    if let Some(id) = info.aux.and_then(|aux| aux.id) {
                        progress.image_id = Some(id);
                    }
                    on_progress(&progress);
                }
                Err(BollardError::DockerStreamError { error }) => {
                    progress.fail(&error);
                    let sentence = match progress.failed_step() {
                        Some(step) => format!(
                            "Step {}/{} failed: {}. Its output, with the engine's error last, says why.",
                            step.number, step.total, step.instruction
                        ),
                        None => "The engine could not start the build; its message says why.".to_owned(),
                    };
                    return Err((
                        PortholeError::new(ErrorKind::InvalidInput, sentence, error),
                        progress,
                    ));
                }
                Err(other) => {
                    // A folder that could not be read ends the request from this side: say that, not "engine failed".
                    let unreadable = unreadable.lock().unwrap_or_else(|p| p.into_inner()).take();
                    let error = match unreadable {
                        Some(message) => {
                            PortholeError::new(ErrorKind::InvalidInput, message, other.to_string())
                        }
                        None => from_bollard(other),
                    };
                    return Err((error, progress));
                }
            }
        }
        let id = progress.image_id.clone().unwrap_or_default();
        progress.finish(id);
        Ok(progress)
    })
    .await
}

/// Writes the folder as an uncompressed tar to `out`: paths relative to it, symlinks kept as links, leaving out what
/// its `.dockerignore` excludes — except the Dockerfile and `.dockerignore` themselves, which the engine needs (the
/// CLI's rule).
fn pack(out: impl std::io::Write, folder: &Path, dockerfile: &str) -> Result<(), std::io::Error> {
    let ignore = DockerIgnore::parse(
        &std::fs::read_to_string(folder.join(".dockerignore")).unwrap_or_default(),
    );
    let keep_always = [
        dockerfile.trim_start_matches("./").to_owned(),
        ".dockerignore".to_owned(),
    ];
    let mut archive = tar::Builder::new(out);
    archive.follow_symlinks(false);
    let mut pending = vec![PathBuf::new()];
    while let Some(relative) = pending.pop() {
        let mut entries: Vec<_> =
            std::fs::read_dir(folder.join(&relative))?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|entry| entry.file_name());
        for entry in entries {
            let path = relative.join(entry.file_name());
            let name = path.to_string_lossy().replace('\\', "/");
            let is_dir = entry.file_type()?.is_dir();
            let excluded = ignore.excludes(&name) && !keep_always.contains(&name);
            if is_dir {
                // An excluded folder is still walked when a `!` line may let something inside back in.
                if !excluded {
                    archive.append_dir(&path, entry.path())?;
                }
                if !excluded || ignore.has_exceptions() {
                    pending.push(path);
                }
            } else if !excluded {
                archive.append_path_with_name(entry.path(), &path)?;
            }
        }
    }
    archive.into_inner()?.flush()
}

/// Hands the tar to the request body in chunks, from the blocking packer to the async sender.
struct ChunkWriter(tokio::sync::mpsc::Sender<Result<bytes::Bytes, std::io::Error>>);

impl std::io::Write for ChunkWriter {
    fn write(&mut self, buffer: &[u8]) -> std::io::Result<usize> {
        self.0
            .blocking_send(Ok(bytes::Bytes::copy_from_slice(buffer)))
            .map_err(|_| {
                std::io::Error::new(std::io::ErrorKind::BrokenPipe, "the build request ended")
            })?;
        Ok(buffer.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
