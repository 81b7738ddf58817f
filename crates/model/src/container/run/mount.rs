//! The three kinds of storage the learner's notes name, as the run dialog's mount rows: a named (or anonymous)
//! volume, a bind mount of a host folder, and a tmpfs in memory.
//!
//! Invariants: every target is an absolute path inside the container other than `/`; a bind source is an absolute
//! host path (the engine would take a relative one as a volume name); a volume source is a valid volume name or empty.

use crate::input::{Input, InputError};

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MountSpec {
    /// Empty `name`: an anonymous volume the engine names.
    Volume {
        name: String,
        target: String,
        read_only: bool,
    },
    Bind {
        source: String,
        target: String,
        read_only: bool,
    },
    /// `size`: a limit in bytes, `None` for the engine's default (half the host's memory).
    Tmpfs { target: String, size: Option<u64> },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MountKind {
    Volume,
    Bind,
    Tmpfs,
}

impl MountKind {
    pub const ALL: [MountKind; 3] = [MountKind::Volume, MountKind::Bind, MountKind::Tmpfs];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Volume => "volume",
            Self::Bind => "bind",
            Self::Tmpfs => "tmpfs",
        }
    }

    pub fn parse(text: &str) -> Self {
        match text {
            "bind" => Self::Bind,
            "tmpfs" => Self::Tmpfs,
            _ => Self::Volume,
        }
    }

    /// Where the data lives and what survives `docker rm` — the point of the learner's notes.
    pub fn explanation(self) -> &'static str {
        match self {
            Self::Volume => {
                "A volume is storage the engine manages (under /var/lib/docker/volumes). It outlives the container: \
                 `docker rm` keeps it, and a new container can mount it again."
            }
            Self::Bind => {
                "A bind mount shows a folder of the engine's host inside the container. The data stays in that \
                 folder after `docker rm`; changes inside are changes on the host."
            }
            Self::Tmpfs => {
                "A tmpfs lives only in memory. It is fast and private, and gone when the container stops — nothing \
                 is written to disk."
            }
        }
    }
}

/// A path inside the container.
pub fn parse_target(text: &str) -> Result<String, InputError> {
    let target = text.trim();
    if target.is_empty() {
        return Err(
            Input::MountTarget.refuse("The path in the container is missing, e.g. /data.".into())
        );
    }
    if !target.starts_with('/') {
        return Err(Input::MountTarget.refuse(format!(
            "{target:?}: the path in the container must be absolute, e.g. /data."
        )));
    }
    if target.trim_end_matches('/').is_empty() {
        return Err(
            Input::MountTarget.refuse("A mount cannot cover the container's root folder /.".into())
        );
    }
    if target.contains(',') || target.contains(':') {
        return Err(
            Input::MountTarget.refuse(format!("{target:?}: a mount path cannot contain , or :."))
        );
    }
    Ok(target.to_owned())
}

/// A folder on the engine's host.
pub fn parse_bind_source(text: &str) -> Result<String, InputError> {
    let source = text.trim();
    if source.is_empty() {
        return Err(Input::BindSource.refuse("Choose the host folder to mount.".into()));
    }
    if !source.starts_with('/') {
        return Err(Input::BindSource.refuse(format!(
            "{source:?} is a relative path: a bind mount needs an absolute host path (the engine would take a \
             relative one as a volume name)."
        )));
    }
    if source.contains(',') || source.contains(':') {
        return Err(Input::BindSource.refuse(format!(
            "{source:?}: a host path cannot contain , or : here."
        )));
    }
    Ok(source.to_owned())
}

/// A size like `64m`, `1g`, `512k` or plain bytes, as `--tmpfs` takes it.
pub fn parse_size(text: &str) -> Result<Option<u64>, InputError> {
    let text = text.trim().to_ascii_lowercase();
    if text.is_empty() {
        return Ok(None);
    }
    let text = text.trim_end_matches('b');
    let (digits, unit) = match text.char_indices().last() {
        Some((at, c)) if c.is_ascii_alphabetic() => (&text[..at], Some(c)),
        _ => (text, None),
    };
    let scale: u64 = match unit {
        None => 1,
        Some('k') => 1 << 10,
        Some('m') => 1 << 20,
        Some('g') => 1 << 30,
        Some(_) => {
            return Err(Input::Size.refuse(format!("{text:?}: use a size like 64m, 1g or 512k.")))
        }
    };
    match digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(scale))
    {
        Some(0) | None => {
            Err(Input::Size.refuse(format!("{text:?}: use a size like 64m, 1g or 512k.")))
        }
        Some(bytes) => Ok(Some(bytes)),
    }
}

impl MountSpec {
    /// From the dialog's row: its kind, source (volume name or host folder), target, read-only box and tmpfs size.
    pub fn from_parts(
        kind: MountKind,
        source: &str,
        target: &str,
        read_only: bool,
        size: &str,
    ) -> Result<Self, InputError> {
        let target = parse_target(target)?;
        Ok(match kind {
            MountKind::Volume => Self::Volume {
                name: match source.trim() {
                    "" => String::new(),
                    name => crate::names::volume_name(name)?,
                },
                target,
                read_only,
            },
            MountKind::Bind => Self::Bind {
                source: parse_bind_source(source)?,
                target,
                read_only,
            },
            MountKind::Tmpfs => Self::Tmpfs {
                target,
                size: parse_size(size)?,
            },
        })
    }

    pub fn kind(&self) -> MountKind {
        match self {
            Self::Volume { .. } => MountKind::Volume,
            Self::Bind { .. } => MountKind::Bind,
            Self::Tmpfs { .. } => MountKind::Tmpfs,
        }
    }

    /// The same checks as `from_parts`, on a spec that arrived whole (over IPC): target, bind source, volume name.
    pub fn check(&self) -> Result<(), InputError> {
        parse_target(self.target())?;
        match self {
            Self::Volume { name, .. } if !name.is_empty() => {
                crate::names::volume_name(name).map(|_| ())
            }
            Self::Bind { source, .. } => parse_bind_source(source).map(|_| ()),
            _ => Ok(()),
        }
    }

    pub fn target(&self) -> &str {
        match self {
            Self::Volume { target, .. }
            | Self::Bind { target, .. }
            | Self::Tmpfs { target, .. } => target,
        }
    }

    /// The CLI's `--mount` value, which says the kind explicitly (clearer to a learner than `-v`).
    pub fn cli(&self) -> String {
        let ro = |read_only: bool| if read_only { ",readonly" } else { "" };
        match self {
            Self::Volume {
                name,
                target,
                read_only,
            } if name.is_empty() => {
                format!("type=volume,target={target}{}", ro(*read_only))
            }
            Self::Volume {
                name,
                target,
                read_only,
            } => {
                format!(
                    "type=volume,source={name},target={target}{}",
                    ro(*read_only)
                )
            }
            Self::Bind {
                source,
                target,
                read_only,
            } => {
                format!(
                    "type=bind,source={source},target={target}{}",
                    ro(*read_only)
                )
            }
            Self::Tmpfs {
                target,
                size: Some(size),
            } => format!("type=tmpfs,target={target},tmpfs-size={size}"),
            Self::Tmpfs { target, size: None } => format!("type=tmpfs,target={target}"),
        }
    }
}
