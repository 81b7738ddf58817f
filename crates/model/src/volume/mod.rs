//! Volumes as the Volumes page shows them (`docker volume ls`), with the containers using each, the rule for a
//! volume's name, and what each kind of storage keeps after `docker rm` — the learner's notes' point.

use crate::input::{Input, InputError};

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolumeSummary {
    pub name: String,
    pub driver: String,
    /// Where the engine keeps the data on its host.
    pub mountpoint: String,
    /// RFC 3339, as the engine reports it.
    pub created: String,
    /// Names of the containers (any state) that mount it.
    pub users: Vec<String>,
    pub labels: Vec<(String, String)>,
    /// The driver's options (`-o`), e.g. `type=tmpfs` for the local driver.
    pub options: Vec<(String, String)>,
}

/// `docker volume create`: a name, a driver (`local` unless another plugin is installed), its options and labels.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolumeCreate {
    pub name: String,
    /// Empty: `local`.
    pub driver: String,
    pub options: Vec<(String, String)>,
    pub labels: Vec<(String, String)>,
}

impl VolumeCreate {
    /// The `docker volume create` command with the same effect.
    pub fn cli(&self) -> String {
        let mut words: Vec<String> = vec!["docker".into(), "volume".into(), "create".into()];
        if !self.driver.is_empty() && self.driver != "local" {
            words.extend(["-d".into(), self.driver.clone()]);
        }
        for (key, value) in &self.options {
            words.extend(["-o".into(), format!("{key}={value}")]);
        }
        crate::container::run::join_with_labels_and_name(words, &self.labels, &self.name)
    }

    /// Builds the request from the form's text: options and labels one `key=value` per line.
    pub fn parse(
        name: &str,
        driver: &str,
        options: &str,
        labels: &str,
    ) -> Result<Self, InputError> {
        let pairs = |text: &str, what: &str| -> Result<Vec<(String, String)>, InputError> {
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| {
                    crate::container::run::parse_label(l)
                        .map_err(|e| Input::Volume.refuse(format!("{what}: {e}")))
                })
                .collect()
        };
        Ok(Self {
            name: parse_name(name)?,
            driver: driver.trim().to_owned(),
            options: pairs(options, "Option")?,
            labels: pairs(labels, "Label")?,
        })
    }
}

/// A bind mount or tmpfs a container has: the storage that is not a volume, shown on the Volumes page with its
/// container.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MountUse {
    pub kind: crate::container::run::MountKind,
    /// The host folder of a bind mount; empty for tmpfs.
    pub source: String,
    pub destination: String,
    pub container: String,
    pub read_only: bool,
}

impl VolumeSummary {
    pub fn in_use(&self) -> bool {
        !self.users.is_empty()
    }

    /// An anonymous volume (made for a `VOLUME` line or `-v /path`) is named by 64 hex digits.
    pub fn is_anonymous(&self) -> bool {
        self.name.len() == 64 && self.name.chars().all(|c| c.is_ascii_hexdigit())
    }
}

/// What `docker volume prune` removes on this engine (API 1.41): every volume no container uses.
pub fn prunable(volumes: &[VolumeSummary]) -> Vec<&VolumeSummary> {
    volumes.iter().filter(|v| !v.in_use()).collect()
}

/// A volume name as the engine allows it (`names::volume_name`), kept here where volumes are.
pub use crate::names::volume_name as parse_name;

/// The three kinds of storage a container can mount, each with where its data lives and what survives `docker rm`.
pub const KINDS: [(&str, &str, &str); 3] = [
    (
        "Volume",
        "Managed by the engine, in its own data folder (the mountpoint below). Named with -v name:/path.",
        "Survives docker rm; a new container can mount it again. Removed only by docker volume rm or prune.",
    ),
    (
        "Bind mount",
        "A folder of the host, mounted as it is (-v /host/path:/path). Nothing is copied.",
        "Lives on the host: docker rm never touches it.",
    ),
    (
        "tmpfs",
        "Memory only (--tmpfs /path). Never written to disk.",
        "Gone when the container stops, and with it everything written there.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_engines_rule() {
        assert_eq!(parse_name(" data-1 "), Ok("data-1".into()));
        for bad in ["", "a", "-x", "_x", "has space", "slash/x", "x:y"] {
            assert!(parse_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn create_reads_like_the_cli() {
        let request = VolumeCreate::parse(
            "cache",
            "local",
            "type=tmpfs\ndevice=tmpfs\no=size=8m",
            "team=web",
        )
        .unwrap();
        assert_eq!(
            request.cli(),
            "docker volume create -o type=tmpfs -o device=tmpfs -o o=size=8m --label team=web cache"
        );
        assert!(VolumeCreate::parse("x", "", "", "").is_err());
        assert!(VolumeCreate::parse("data", "", "=oops", "")
            .unwrap_err()
            .message
            .starts_with("Option"));
    }

    #[test]
    fn only_unused_volumes_are_pruned() {
        let volume = |name: &str, users: &[&str]| VolumeSummary {
            name: name.into(),
            users: users.iter().map(|u| u.to_string()).collect(),
            ..Default::default()
        };
        let volumes = [volume("kept", &["web"]), volume(&"a".repeat(64), &[])];
        let prunable = prunable(&volumes);
        assert_eq!(prunable.len(), 1);
        assert!(prunable[0].is_anonymous());
    }
}
