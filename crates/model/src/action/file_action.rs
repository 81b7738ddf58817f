//! What the Files tab does to one container's filesystem, each with the docker command doing the same: list and
//! read through `docker cp … -` (the archive API), copy out and in (`docker cp`), `docker diff`, the layers
//! (`docker inspect --size` with `docker history`), `docker commit` and `docker export`.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FileAction {
    /// One folder's entries: the archive of the folder, its headers read.
    List { path: String },
    /// One file's first bytes, for the viewer.
    Read { path: String },
    /// `docker cp CONTAINER:PATH FOLDER`.
    CopyOut { path: String, folder: String },
    /// `docker cp SOURCE CONTAINER:FOLDER`.
    CopyIn { source: String, folder: String },
    /// `docker diff`.
    Changes,
    /// The image's layers and the container's writable one.
    Layers { image: String },
    /// `docker commit`.
    Commit { reference: String, message: String },
    /// `docker export`.
    Export { file: String },
}

impl FileAction {
    pub fn cli(&self, container: &str) -> String {
        let join = |words: &[&str]| {
            crate::container::run::join(&words.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>())
        };
        let at = |path: &str| format!("{container}:{path}");
        match self {
            Self::List { path } => format!("{} | tar -tv", join(&["docker", "cp", &at(path), "-"])),
            Self::Read { path } => format!("{} | tar -xO", join(&["docker", "cp", &at(path), "-"])),
            Self::CopyOut { path, folder } => join(&["docker", "cp", &at(path), folder]),
            Self::CopyIn { source, folder } => join(&["docker", "cp", source, &at(folder)]),
            Self::Changes => join(&["docker", "diff", container]),
            Self::Layers { image } => format!(
                "{} && {}",
                join(&["docker", "inspect", "--size", container]),
                join(&["docker", "history", image])
            ),
            Self::Commit { reference, message } if message.is_empty() => {
                join(&["docker", "commit", container, reference])
            }
            Self::Commit { reference, message } => {
                join(&["docker", "commit", "-m", message, container, reference])
            }
            Self::Export { file } => join(&["docker", "export", "-o", file, container]),
        }
    }
}
