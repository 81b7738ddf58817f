//! `docker cp` both ways through the archive API: out of the container (`GET …/archive`, unpacked into a folder
//! here) and into it (`PUT …/archive`, packed as it is read and streamed).
//!
//! Invariants: a copy out never writes over something already in the chosen folder, and nothing lands outside that
//! folder; neither direction holds the whole archive in memory.

use super::archive::archive_bytes;
use super::files::{blocking, files_action, io_error};
use crate::error::from_bollard_with;
use crate::Engine;
use bollard::query_parameters::UploadToContainerOptions;
use futures_util::StreamExt;
use porthole_model::action::FileAction;
use porthole_model::container::files::{self as paths, Copied, CopyIn, CopyOut};
use porthole_model::{ErrorKind, PortholeError};
use std::path::Path;
use tokio_util::io::SyncIoBridge;

/// `docker cp CONTAINER:PATH FOLDER`: unpacks the file or folder into `folder`, refusing when `folder` already
/// holds something of that name. `on_progress` hears the archive's bytes read so far, from the unpacking thread.
pub async fn copy_out(
    engine: &Engine,
    copy: &CopyOut,
    on_progress: impl FnMut(u64) + Send + 'static,
) -> Result<Copied, PortholeError> {
    let path = paths::normalise(&copy.path);
    let folder = Path::new(&copy.folder).to_owned();
    if path == "/" {
        return Err(PortholeError::invalid_input(
            "Choose a folder inside the container: copying its whole filesystem out is `docker export`.",
        ));
    }
    if !folder.is_dir() {
        return Err(PortholeError::invalid_input(format!(
            "{} is not a folder on this computer.",
            copy.folder
        )));
    }
    let landed = folder.join(paths::base_name(&path));
    if landed.symlink_metadata().is_ok() {
        return Err(PortholeError::new(
            ErrorKind::Conflict,
            format!(
                "{} already exists: choose another folder, or move it away first.",
                landed.display()
            ),
            "",
        ));
    }
    let action = FileAction::CopyOut {
        path: path.clone(),
        folder: copy.folder.clone(),
    };
    crate::as_action(files_action(&copy.container, action), async {
        let bytes = archive_bytes(engine, &copy.container, &path).await?;
        blocking(move || {
            let mut archive = tar::Archive::new(Counted {
                inner: bytes,
                read: 0,
                on_progress,
            });
            let mut copied = Copied {
                path: landed.display().to_string(),
                ..Copied::default()
            };
            // Folders are unpacked last, as `tar` and `docker cp` do: a read-only folder's mode would otherwise
            // refuse the files that follow it. They carry no data, so holding them costs nothing.
            let mut folders = Vec::new();
            for entry in archive.entries().map_err(io_error)? {
                let mut entry = entry.map_err(io_error)?;
                if entry.header().entry_type().is_dir() {
                    folders.push(entry);
                    continue;
                }
                // Files and links, as `tally` counts them on the way in.
                copied.files += 1;
                copied.bytes += entry.header().size().unwrap_or(0);
                // `unpack_in` skips entries that would land outside `folder` (`..`, absolute links on the way).
                entry.unpack_in(&folder).map_err(io_error)?;
            }
            for mut entry in folders {
                entry.unpack_in(&folder).map_err(io_error)?;
            }
            Ok(copied)
        })
        .await
    })
    .await
}

/// `docker cp SOURCE CONTAINER:FOLDER`: the file or folder packed as it is read and streamed to the engine.
/// `on_progress` hears the archive's bytes sent so far, and about how many it holds in all.
pub async fn copy_in(
    engine: &Engine,
    copy: &CopyIn,
    mut on_progress: impl FnMut(u64, u64) + Send + 'static,
) -> Result<Copied, PortholeError> {
    let source = Path::new(&copy.source).to_owned();
    let folder = paths::normalise(&copy.folder);
    let Ok(metadata) = source.symlink_metadata() else {
        return Err(PortholeError::invalid_input(format!(
            "There is no {} on this computer.",
            copy.source
        )));
    };
    let name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| PortholeError::invalid_input("Choose a file or a folder, not a root."))?;
    let action = FileAction::CopyIn {
        source: copy.source.clone(),
        folder: folder.clone(),
    };
    crate::as_action(files_action(&copy.container, action), async {
        let Tally {
            files,
            bytes,
            archive,
        } = tally(&source);
        let (reader, writer) = tokio::io::duplex(256 * 1024);
        let writer = SyncIoBridge::new(writer);
        let pack = tokio::task::spawn_blocking(move || -> std::io::Result<()> {
            let mut builder = tar::Builder::new(writer);
            builder.follow_symlinks(false);
            match metadata.is_dir() {
                true => builder.append_dir_all(&name, &source)?,
                false => builder.append_path_with_name(&source, &name)?,
            }
            builder.into_inner()?.shutdown()
        });
        let mut sent = 0u64;
        let counted = tokio_util::io::ReaderStream::new(reader).inspect(move |chunk| {
            if let Ok(chunk) = chunk {
                sent += chunk.len() as u64;
                on_progress(sent, archive);
            }
        });
        let body = bollard::body_try_stream(counted);
        // As `docker cp` does: never replace a folder with a file (or the reverse), which deletes what was there.
        let options = UploadToContainerOptions {
            path: folder.clone(),
            no_overwrite_dir_non_dir: Some("true".into()),
            ..Default::default()
        };
        let sent = engine
            .docker
            .upload_to_container(&copy.container, Some(options), body)
            .await;
        let packed = pack
            .await
            .map_err(|e| PortholeError::of_kind(ErrorKind::Internal, e.to_string()))?;
        sent.map_err(|e| {
            from_bollard_with(e, |kind| {
                (kind == ErrorKind::NotFound)
                    .then(|| format!("There is no folder {folder} in the container."))
            })
        })?;
        packed.map_err(|e| PortholeError::invalid_input(format!("{}: {e}", copy.source)))?;
        Ok(Copied {
            files,
            bytes,
            path: paths::child(&folder, &paths::base_name(&copy.source)),
        })
    })
    .await
}

/// The archive's bytes on their way to the unpacker, counted.
struct Counted<R, F> {
    inner: R,
    read: u64,
    on_progress: F,
}

impl<R: std::io::Read, F: FnMut(u64)> std::io::Read for Counted<R, F> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        (self.on_progress)(self.read);
        Ok(n)
    }
}

/// What `path` amounts to, symbolic links not followed: its files (and links) and their bytes, for the copy's report,
/// and the size of its archive (a 512-byte header for every entry, each file padded to 512 bytes, two empty blocks at
/// the end), for the progress bar.
#[derive(Clone, Copy, Default)]
struct Tally {
    files: u64,
    bytes: u64,
    archive: u64,
}

fn tally(path: &Path) -> Tally {
    let mut tally = walk(path);
    tally.archive += 1024;
    tally
}

fn walk(path: &Path) -> Tally {
    match path.symlink_metadata() {
        Ok(m) if m.is_dir() => std::fs::read_dir(path)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| walk(&e.path()))
            .fold(
                Tally {
                    archive: 512,
                    ..Tally::default()
                },
                |t, u| Tally {
                    files: t.files + u.files,
                    bytes: t.bytes + u.bytes,
                    archive: t.archive + u.archive,
                },
            ),
        // A link is a header alone: its target is in the header, its size 0 (as a copy out counts it).
        Ok(m) if m.file_type().is_symlink() => Tally {
            files: 1,
            bytes: 0,
            archive: 512,
        },
        Ok(m) => Tally {
            files: 1,
            bytes: m.len(),
            archive: 512 + m.len().div_ceil(512) * 512,
        },
        Err(_) => Tally::default(),
    }
}
