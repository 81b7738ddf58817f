//! A container's files (the Files tab): one-liners over the contract's file commands.

use super::{call, subscribe};
use porthole_model::container::files::{
    CommitRequest, ContainerLayers, Copied, CopyIn, CopyMessage, CopyOut, ExportRequest,
    FileChange, FileListing, FileText,
};
use porthole_model::contract::{command as c, FileArgs};
use porthole_model::PortholeError;

fn at(container: &str, path: &str) -> FileArgs {
    FileArgs {
        container: container.to_owned(),
        path: path.to_owned(),
    }
}

pub async fn list_files(container: &str, path: &str) -> Result<FileListing, PortholeError> {
    call::<c::list_files>(&at(container, path)).await
}

pub async fn read_file(container: &str, path: &str) -> Result<FileText, PortholeError> {
    call::<c::read_file>(&at(container, path)).await
}

/// Starts `docker cp` out; its progress and end arrive on `on_message`.
pub async fn copy_out(
    copy: &CopyOut,
    on_message: impl FnMut(CopyMessage) + 'static,
) -> Result<u64, PortholeError> {
    subscribe::<c::copy_out>(copy, on_message).await
}

/// Starts `docker cp` in, like `copy_out`.
pub async fn copy_in(
    copy: &CopyIn,
    on_message: impl FnMut(CopyMessage) + 'static,
) -> Result<u64, PortholeError> {
    subscribe::<c::copy_in>(copy, on_message).await
}

pub async fn container_changes(container: &str) -> Result<Vec<FileChange>, PortholeError> {
    call::<c::container_changes>(&container.to_owned()).await
}

pub async fn container_layers(container: &str) -> Result<ContainerLayers, PortholeError> {
    call::<c::container_layers>(&container.to_owned()).await
}

/// The new image's id.
pub async fn commit_container(request: &CommitRequest) -> Result<String, PortholeError> {
    call::<c::commit_container>(request).await
}

pub async fn export_container(request: &ExportRequest) -> Result<Copied, PortholeError> {
    call::<c::export_container>(request).await
}

pub async fn downloads_folder() -> Result<String, PortholeError> {
    call::<c::downloads_folder>(&()).await
}
