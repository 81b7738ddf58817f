//! Images to and from files: `docker save -o FILE IMAGE…` writes images (every layer, every name) into one tar, and
//! `docker load -i FILE` reads such a tar back into the engine — the way to move images without a registry.

use crate::PortholeError;
use serde::{Deserialize, Serialize};

/// `docker save -o FILE IMAGE…`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveImages {
    /// References or ids, as the images list names them.
    pub images: Vec<String>,
    pub file: String,
    /// The images' sizes summed: roughly the tar's, for the progress bar.
    pub estimate: u64,
}

impl SaveImages {
    pub fn cli(&self) -> String {
        let mut words = vec![
            "docker".to_owned(),
            "save".into(),
            "-o".into(),
            self.file.clone(),
        ];
        words.extend(self.images.iter().cloned());
        crate::container::run::join(&words)
    }

    pub fn validate(&self) -> Result<(), String> {
        if self.images.is_empty() {
            return Err("Choose at least one image to save.".into());
        }
        check_file(&self.file)
    }
}

/// `docker load -i FILE`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadImages {
    pub file: String,
}

impl LoadImages {
    pub fn cli(&self) -> String {
        crate::container::run::join(&[
            "docker".into(),
            "load".into(),
            "-i".into(),
            self.file.clone(),
        ])
    }

    pub fn validate(&self) -> Result<(), String> {
        check_file(&self.file)
    }
}

/// A tar's path as typed: absolute, naming a file.
fn check_file(file: &str) -> Result<(), String> {
    let file = file.trim();
    if file.is_empty() {
        return Err("Give the tar file's path.".into());
    }
    if !file.starts_with('/') {
        return Err("Give the full path, starting with /.".into());
    }
    if file.ends_with('/') {
        return Err("That is a folder: give a file name in it.".into());
    }
    Ok(())
}

/// A save's or load's stream: bytes so far (of `total`, 0 when unknown), then the end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ArchiveMessage {
    Progress {
        bytes: u64,
        total: u64,
    },
    /// `images`: the names (or ids) a load brought in; empty for a save.
    Done {
        bytes: u64,
        images: Vec<String>,
    },
    Failed {
        error: PortholeError,
    },
}

/// The image a line of `docker load`'s output names: `Loaded image: web:1` → `web:1`, `Loaded image ID: sha256:…`.
pub fn loaded_image(line: &str) -> Option<String> {
    let line = line.trim();
    line.strip_prefix("Loaded image ID: ")
        .or_else(|| line.strip_prefix("Loaded image: "))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_and_load_read_like_the_cli_and_check_the_path() {
        let save = SaveImages {
            images: vec!["web:1".into(), "busybox:1".into()],
            file: "/home/me/my images.tar".into(),
            estimate: 0,
        };
        assert_eq!(
            save.cli(),
            "docker save -o '/home/me/my images.tar' web:1 busybox:1"
        );
        assert!(save.validate().is_ok());
        assert!(SaveImages {
            images: vec![],
            ..save.clone()
        }
        .validate()
        .is_err());
        for bad in ["", "images.tar", "/home/me/"] {
            assert!(LoadImages { file: bad.into() }.validate().is_err(), "{bad}");
        }
        assert_eq!(
            LoadImages {
                file: "/tmp/a.tar".into()
            }
            .cli(),
            "docker load -i /tmp/a.tar"
        );
    }

    #[test]
    fn the_loaded_names_come_from_the_engines_lines() {
        assert_eq!(
            loaded_image("Loaded image: web:1\n").as_deref(),
            Some("web:1")
        );
        assert_eq!(
            loaded_image("Loaded image ID: sha256:abc").as_deref(),
            Some("sha256:abc")
        );
        assert_eq!(loaded_image("Loading layer 1/2"), None);
    }
}
