//! A container's files through the engine's archive API (`GET /containers/{id}/archive`): a folder listed from the
//! headers of its archive, a file read for the viewer. Works for a stopped container and for one without a shell.
//! `docker cp` both ways is in `copy`.
//!
//! Invariants: the archive is read as it streams (on a blocking thread through `tar`), never held whole; a listing
//! stops reading after [`LIST_LIMIT`] bytes or [`LIST_ENTRIES`] entries and says it is incomplete.

use super::archive::{archive_bytes, ArchiveBytes};
use crate::Engine;
use porthole_model::action::FileAction;
use porthole_model::container::files::{
    self as paths, FileEntry, FileKind, FileListing, FileText, TEXT_LIMIT,
};
use porthole_model::{Action, ErrorKind, PortholeError};
use std::io::Read;

/// The most of a folder's archive a listing reads: past this the folder is listed as far as it was read.
pub const LIST_LIMIT: u64 = 512 * 1024 * 1024;
pub const LIST_ENTRIES: usize = 200_000;
/// Symbolic links followed in a row before giving up (a loop).
const HOPS: usize = 8;

type Archive = tar::Archive<ArchiveBytes>;

pub(super) fn files_action(container: &str, action: FileAction) -> Action {
    Action::Files {
        container: container.to_owned(),
        action,
    }
}

/// The archive of `path`, its first chunk awaited so that a missing path is a typed error, not a broken archive.
pub(super) async fn archive(
    engine: &Engine,
    container: &str,
    path: &str,
) -> Result<Archive, PortholeError> {
    archive_bytes(engine, container, path)
        .await
        .map(tar::Archive::new)
}

fn entry_of(header: &tar::Header, name: String) -> FileEntry {
    let kind = match header.entry_type() {
        tar::EntryType::Directory => FileKind::Folder,
        tar::EntryType::Regular | tar::EntryType::Link | tar::EntryType::Continuous => {
            FileKind::File
        }
        tar::EntryType::Symlink => FileKind::Link,
        _ => FileKind::Other,
    };
    FileEntry {
        name,
        kind,
        size: header.size().unwrap_or(0),
        mode: header.mode().unwrap_or(0) & 0o7777,
        modified: header.mtime().unwrap_or(0) as i64,
        target: header
            .link_name()
            .ok()
            .flatten()
            .filter(|_| kind == FileKind::Link)
            .map(|t| t.to_string_lossy().into_owned()),
    }
}

pub(super) fn io_error(e: std::io::Error) -> PortholeError {
    PortholeError::of_kind(ErrorKind::EngineUnavailable, e.to_string())
}

/// Runs `read` on a blocking thread: `tar` reads synchronously, the bridge waits on the engine's stream.
pub(super) async fn blocking<T: Send + 'static>(
    read: impl FnOnce() -> Result<T, PortholeError> + Send + 'static,
) -> Result<T, PortholeError> {
    tokio::task::spawn_blocking(read)
        .await
        .map_err(|e| PortholeError::of_kind(ErrorKind::Internal, e.to_string()))?
}

/// The headers of one archive: the root entry (what `path` is) and its direct children, with folder sizes summed.
fn list_archive(mut archive: Archive) -> Result<(FileEntry, Vec<FileEntry>, bool), PortholeError> {
    let mut root: Option<(String, FileEntry)> = None;
    let mut children: Vec<FileEntry> = Vec::new();
    let (mut read, mut complete) = (0u64, true);
    for entry in archive.entries().map_err(io_error)? {
        let entry = entry.map_err(io_error)?;
        let name = entry
            .path()
            .map_err(io_error)?
            .to_string_lossy()
            .into_owned();
        let name = name.trim_matches('/').to_owned();
        let Some((root_name, _)) = &root else {
            let entry = entry_of(entry.header(), paths::base_name(&name));
            let folder = entry.kind == FileKind::Folder;
            root = Some((name.clone(), entry));
            // A file (or link) is its own whole listing: never read a large file's bytes to list it.
            if !folder {
                break;
            }
            continue;
        };
        let relative = match root_name.as_str() {
            "" => name.as_str(),
            root_name => match name
                .strip_prefix(root_name)
                .and_then(|r| r.strip_prefix('/'))
            {
                Some(relative) => relative,
                None => continue,
            },
        };
        let size = entry.header().size().unwrap_or(0);
        match relative.split_once('/') {
            None => children.push(entry_of(entry.header(), relative.to_owned())),
            Some((first, _)) => {
                if let Some(folder) = children.iter_mut().rev().find(|c| c.name == first) {
                    folder.size += size;
                }
            }
        }
        read += size;
        if read > LIST_LIMIT || children.len() >= LIST_ENTRIES {
            complete = false;
            break;
        }
    }
    let (_, root) =
        root.ok_or_else(|| PortholeError::of_kind(ErrorKind::NotFound, "empty archive"))?;
    Ok((root, children, complete))
}

/// One folder's entries (folders first); symbolic links on the way are followed. A path that is a file is
/// returned as `entry` with no entries.
pub async fn list(
    engine: &Engine,
    container: &str,
    path: &str,
) -> Result<FileListing, PortholeError> {
    let mut path = paths::normalise(path);
    crate::as_action(
        files_action(container, FileAction::List { path: path.clone() }),
        async {
            for _ in 0..HOPS {
                let archive = archive(engine, container, &path).await?;
                let (entry, mut entries, complete) =
                    blocking(move || list_archive(archive)).await?;
                if let (FileKind::Link, Some(target)) = (entry.kind, &entry.target) {
                    path = paths::link_target(&paths::parent(&path), target);
                    continue;
                }
                paths::sort_entries(&mut entries);
                return Ok(FileListing {
                    path,
                    entry,
                    entries,
                    complete,
                });
            }
            Err(PortholeError::invalid_input(format!(
                "{path}: too many symbolic links in a row (a loop?)."
            )))
        },
    )
    .await
}

/// A file's first [`TEXT_LIMIT`] bytes as text, or `text: None` when it is binary.
pub async fn read(engine: &Engine, container: &str, path: &str) -> Result<FileText, PortholeError> {
    let mut path = paths::normalise(path);
    crate::as_action(
        files_action(container, FileAction::Read { path: path.clone() }),
        async {
            for _ in 0..HOPS {
                let archive = archive(engine, container, &path).await?;
                let first = blocking(move || {
                    let mut archive = archive;
                    let mut entries = archive.entries().map_err(io_error)?;
                    let mut entry = entries
                        .next()
                        .ok_or_else(|| {
                            PortholeError::of_kind(ErrorKind::NotFound, "empty archive")
                        })?
                        .map_err(io_error)?;
                    let header = entry_of(entry.header(), String::new());
                    let mut bytes = Vec::new();
                    if header.kind == FileKind::File {
                        (&mut entry)
                            .take(TEXT_LIMIT)
                            .read_to_end(&mut bytes)
                            .map_err(io_error)?;
                    }
                    Ok((header, bytes))
                })
                .await?;
                match first {
                    (
                        FileEntry {
                            kind: FileKind::Link,
                            target: Some(target),
                            ..
                        },
                        _,
                    ) => {
                        path = paths::link_target(&paths::parent(&path), &target);
                    }
                    (
                        FileEntry {
                            kind: FileKind::File,
                            size,
                            ..
                        },
                        bytes,
                    ) => {
                        let cut = size > TEXT_LIMIT;
                        let text = paths::text_of(&bytes, cut);
                        return Ok(FileText {
                            path,
                            size,
                            text,
                            cut,
                        });
                    }
                    _ => {
                        return Err(PortholeError::invalid_input(format!(
                            "{path} is not a file: open it as a folder, or download it."
                        )))
                    }
                }
            }
            Err(PortholeError::invalid_input(format!(
                "{path}: too many symbolic links in a row (a loop?)."
            )))
        },
    )
    .await
}
