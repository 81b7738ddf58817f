//! A container's writable layer: what it changed (`docker diff`), the layers under it and its own size
//! (`docker inspect --size`, asked for this one container only, never on the list's hot path), and what can be made
//! of it — a new image (`docker commit`) or a tar of its filesystem (`docker export`).

use super::files::files_action;
use crate::error::{from_bollard, from_bollard_with};
use crate::Engine;
use bollard::query_parameters::{CommitContainerOptions, InspectContainerOptions};
use futures_util::StreamExt;
use porthole_model::action::FileAction;
use porthole_model::container::files::{
    CommitRequest, ContainerLayers, Copied, ExportRequest, FileChange,
};
use porthole_model::{ErrorKind, HistoryEntry, PortholeError};
use std::path::Path;
use tokio::io::AsyncWriteExt;

fn no_such_container(container: &str) -> impl Fn(ErrorKind) -> Option<String> + '_ {
    move |kind| {
        (kind == ErrorKind::NotFound)
            .then(|| format!("There is no container {container} any more."))
    }
}

/// `docker diff`: the paths the writable layer added, changed or deleted, sorted by path.
pub async fn changes(engine: &Engine, container: &str) -> Result<Vec<FileChange>, PortholeError> {
    crate::as_action(files_action(container, FileAction::Changes), async {
        let changes = engine
            .docker
            .container_changes(container)
            .await
            .map_err(|e| from_bollard_with(e, no_such_container(container)))?;
        let mut changes: Vec<FileChange> = changes
            .unwrap_or_default()
            .into_iter()
            .map(FileChange::from)
            .collect();
        changes.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(changes)
    })
    .await
}

/// The image's layers (newest first) under the container's own, with the writable layer's size.
pub async fn layers(engine: &Engine, container: &str) -> Result<ContainerLayers, PortholeError> {
    let inspected = engine
        .docker
        .inspect_container(container, Some(InspectContainerOptions { size: true }))
        .await
        .map_err(|e| from_bollard_with(e, no_such_container(container)))?;
    let image = inspected
        .config
        .as_ref()
        .and_then(|c| c.image.clone())
        .unwrap_or_default();
    let image_id = inspected.image.clone().unwrap_or_default();
    let action = FileAction::Layers {
        image: image.clone(),
    };
    crate::as_action(files_action(container, action), async {
        let history = engine
            .docker
            .image_history(&image_id)
            .await
            .map_err(from_bollard)?;
        Ok(ContainerLayers {
            image,
            layers: history.into_iter().map(HistoryEntry::from).collect(),
            writable: inspected.size_rw.unwrap_or(0),
            total: inspected.size_root_fs.unwrap_or(0),
        })
    })
    .await
}

/// `docker commit`: the new image's id.
pub async fn commit(engine: &Engine, request: &CommitRequest) -> Result<String, PortholeError> {
    let reference = request.validate().map_err(PortholeError::invalid_input)?;
    let action = FileAction::Commit {
        reference: request.reference.trim().to_owned(),
        message: request.message.clone(),
    };
    crate::as_action(files_action(&request.container, action), async {
        let options = CommitContainerOptions {
            container: Some(request.container.clone()),
            repo: Some(reference.familiar_name()),
            tag: Some(reference.tag_or_latest().to_owned()),
            comment: Some(request.message.clone()).filter(|m| !m.is_empty()),
            pause: true,
            ..Default::default()
        };
        engine
            .docker
            .commit_container(options, bollard::models::ContainerConfig::default())
            .await
            .map(|answer| answer.id)
            .map_err(|e| from_bollard_with(e, no_such_container(&request.container)))
    })
    .await
}

/// `docker export -o FILE`: the container's whole filesystem written as a tar, streamed; never over an existing file.
pub async fn export(engine: &Engine, request: &ExportRequest) -> Result<Copied, PortholeError> {
    let file = Path::new(&request.file);
    if !file.is_absolute()
        || file.file_name().is_none()
        || !file.parent().is_some_and(|p| p.is_dir())
    {
        return Err(PortholeError::invalid_input(format!(
            "{}: give the full path of a file in a folder that exists.",
            request.file
        )));
    }
    let action = FileAction::Export {
        file: request.file.clone(),
    };
    crate::as_action(files_action(&request.container, action), async {
        let mut bytes = Box::pin(engine.docker.export_container(&request.container));
        let write_error = |e: std::io::Error| {
            PortholeError::invalid_input(format!("Could not write {}: {e}", request.file))
        };
        let mut out = tokio::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(file)
            .await
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => PortholeError::new(
                    ErrorKind::Conflict,
                    format!("{} already exists: choose another name.", request.file),
                    "",
                ),
                _ => write_error(e),
            })?;
        let mut written = 0u64;
        let result = async {
            while let Some(chunk) = bytes.next().await {
                let chunk = chunk
                    .map_err(|e| from_bollard_with(e, no_such_container(&request.container)))?;
                out.write_all(&chunk).await.map_err(write_error)?;
                written += chunk.len() as u64;
            }
            out.flush().await.map_err(write_error)
        }
        .await;
        if let Err(e) = result {
            // A half-written tar is worse than none.
            let _ = tokio::fs::remove_file(file).await;
            return Err(e);
        }
        Ok(Copied {
            files: 1,
            bytes: written,
            path: request.file.clone(),
        })
    })
    .await
}
