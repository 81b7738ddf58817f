//! A container's files as the Files tab shows them: one folder's entries (read through the engine's archive API, so a
//! stopped container or one without a shell works too), a file's text, what `docker cp` copies in or out, the
//! writable layer's changes (`docker diff`) and the layers under it.
//!
//! Invariant: every path here is absolute and normalised (`/`, `/etc`, never `..`, `.` or a trailing `/`), so the
//! breadcrumbs, the parent and a symlink's target are computed the same way on both sides of IPC.

use serde::{Deserialize, Serialize};

/// The most of a file the viewer shows; longer files are cut there (download them whole).
pub const TEXT_LIMIT: u64 = 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Folder,
    File,
    Link,
    /// A device, a FIFO or a socket: listed, never read.
    Other,
}

/// One entry of a folder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub name: String,
    pub kind: FileKind,
    /// A file's bytes; for a folder, the bytes of the files under it (what its listing read).
    pub size: u64,
    /// Unix permission bits (`0o755`).
    pub mode: u32,
    /// Unix seconds.
    pub modified: i64,
    /// A symbolic link's target as stored (relative or absolute).
    pub target: Option<String>,
}

impl FileEntry {
    /// `drwxr-xr-x` as `ls -l` shows it.
    pub fn permissions(&self) -> String {
        let first = match self.kind {
            FileKind::Folder => 'd',
            FileKind::Link => 'l',
            FileKind::Other => '?',
            FileKind::File => '-',
        };
        let bits = "rwxrwxrwx";
        std::iter::once(first)
            .chain(bits.chars().enumerate().map(|(i, c)| {
                if self.mode & (1 << (8 - i)) != 0 {
                    c
                } else {
                    '-'
                }
            }))
            .collect()
    }
}

/// One folder's entries (or, when the path is not a folder, the entry itself in `entry`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileListing {
    /// The folder listed, symbolic links on the way followed.
    pub path: String,
    /// What `path` is.
    pub entry: FileEntry,
    /// Folders first, then by name.
    pub entries: Vec<FileEntry>,
    /// False when the folder was too large to read whole: the entries seen so far are listed, folder sizes are
    /// partial.
    pub complete: bool,
}

/// A file for the viewer: its text when it is text, cut at [`TEXT_LIMIT`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileText {
    pub path: String,
    pub size: u64,
    /// `None` for a binary file (a NUL byte, or bytes that are not UTF-8).
    pub text: Option<String>,
    pub cut: bool,
}

/// `docker cp CONTAINER:PATH FOLDER`: a file or folder of the container, unpacked into a folder of this computer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyOut {
    pub container: String,
    pub path: String,
    pub folder: String,
    /// The bytes under `path` as its listing read them, for the progress bar (`None` when not listed whole).
    #[serde(default)]
    pub estimate: Option<u64>,
}

/// `docker cp SOURCE CONTAINER:FOLDER`: a file or folder of this computer, put into a folder of the container.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyIn {
    pub container: String,
    pub source: String,
    pub folder: String,
}

/// `docker cp`'s answer: what was copied.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Copied {
    pub files: u64,
    pub bytes: u64,
    /// Where it landed (the new file's or folder's path).
    pub path: String,
}

/// A copy's stream, either way: the archive's bytes moved so far (of about `total`: an archive is its files' bytes
/// and a little more, so the bar is capped, never past its end), then the end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CopyMessage {
    Progress { bytes: u64, total: Option<u64> },
    Done { copied: Copied },
    Failed { error: crate::PortholeError },
}

impl CopyMessage {
    /// How far along a copy is, 0 to 100, when its size is known.
    pub fn percent(bytes: u64, total: Option<u64>) -> Option<u8> {
        let total = total.filter(|t| *t > 0)?;
        Some((bytes.saturating_mul(100) / total).min(100) as u8)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Changed,
    Deleted,
}

impl ChangeKind {
    /// The letter `docker diff` prints.
    pub fn letter(self) -> char {
        match self {
            Self::Added => 'A',
            Self::Changed => 'C',
            Self::Deleted => 'D',
        }
    }
}

/// One line of `docker diff`: a path the container's writable layer added, changed or deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileChange {
    pub path: String,
    pub kind: ChangeKind,
}

/// The container as layers: the image's read-only ones (newest first, like `docker history`) and its own writable
/// layer on top.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContainerLayers {
    /// The image's name as the container was created from it.
    pub image: String,
    pub layers: Vec<crate::image::details::HistoryEntry>,
    /// Bytes the container wrote (`SizeRw`): what removing it deletes.
    pub writable: i64,
    /// The image's bytes plus the writable layer's (`SizeRootFs`).
    pub total: i64,
}

/// `docker commit`: the container's filesystem as a new image named `reference`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitRequest {
    pub container: String,
    pub reference: String,
    pub message: String,
}

impl CommitRequest {
    /// The reference must parse as an image name (`repository[:tag]`, no digest: a commit makes a new one).
    pub fn validate(&self) -> Result<crate::ImageReference, String> {
        let reference =
            crate::ImageReference::parse(self.reference.trim()).map_err(|e| e.to_string())?;
        if reference.digest.is_some() {
            return Err("A new image gets its digest when it is pushed: give a name and a tag, not a digest.".into());
        }
        Ok(reference)
    }
}

/// `docker export -o FILE CONTAINER`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRequest {
    pub container: String,
    pub file: String,
}

/// `path` made absolute and normalised: `.` and empty parts dropped, `..` climbs (never above `/`).
pub fn normalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    format!("/{}", parts.join("/"))
}

/// The entry `name` inside `folder`.
pub fn child(folder: &str, name: &str) -> String {
    normalise(&format!("{folder}/{name}"))
}

/// The folder holding `path`; `/` for `/`.
pub fn parent(path: &str) -> String {
    normalise(&format!("{path}/.."))
}

/// Where a symbolic link in `folder` points: an absolute target as it is, a relative one from the link's folder.
pub fn link_target(folder: &str, target: &str) -> String {
    if target.starts_with('/') {
        normalise(target)
    } else {
        child(folder, target)
    }
}

/// `/usr/lib` → `[("/", "/"), ("usr", "/usr"), ("lib", "/usr/lib")]`: each part with the path it opens.
pub fn breadcrumbs(path: &str) -> Vec<(String, String)> {
    let mut crumbs = vec![("/".to_owned(), "/".to_owned())];
    let mut so_far = String::new();
    for part in normalise(path).split('/').filter(|p| !p.is_empty()) {
        so_far = format!("{so_far}/{part}");
        crumbs.push((part.to_owned(), so_far.clone()));
    }
    crumbs
}

/// The last part of `path` (`/` for `/`): the name `docker cp` gives the copy.
pub fn base_name(path: &str) -> String {
    let path = normalise(path);
    match path.rsplit('/').next() {
        Some("") | None => "/".to_owned(),
        Some(name) => name.to_owned(),
    }
}

/// Folders first, then by name: the listing's order.
pub fn sort_entries(entries: &mut [FileEntry]) {
    entries.sort_by(|a, b| {
        (a.kind != FileKind::Folder)
            .cmp(&(b.kind != FileKind::Folder))
            .then_with(|| a.name.cmp(&b.name))
    });
}

/// The viewer's text of `bytes` (a file of `size` bytes, of which `bytes` are the first): `None` when binary.
pub fn text_of(bytes: &[u8], cut: bool) -> Option<String> {
    if bytes.contains(&0) {
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.to_owned()),
        // Cutting can split a character: what precedes the split is still text.
        Err(e) if cut && e.error_len().is_none() => {
            Some(String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned())
        }
        Err(_) => None,
    }
}

#[cfg(test)]
#[path = "files_tests.rs"]
mod tests;
